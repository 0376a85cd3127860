"""Lines around a signature that are no part of the sender's contact: logo placeholders, links,
social bars, banners, and legal footers that name other people and other places (all O)."""

from __future__ import annotations

import random

from faker import Faker

# Registry and management lines per country; {name}/{name2} are other people, {city} another place.
LEGAL_FOOTERS: tuple[str, ...] = (
    "Geschäftsführer: {name}, {name2}", "Geschäftsführung: {name} | Prokura: {name2}",
    "Vorstand: {name} (Vorsitz), {name2} | Aufsichtsratsvorsitzender: {name3}",
    "Sitz der Gesellschaft: {city} | Registergericht: Amtsgericht {city}, HRB {n5}",
    "Amtsgericht {city} HRB {n5} B · USt-IdNr. DE{n9}", "FN {n6}k, Firmenbuchgericht {city}",
    "Handelsregister: CHE-{n3}.{n3}.{n3} | MWST-Nr.",
    "SAS au capital de {n5} € – RCS {city} B {n3} {n3} {n3} – SIRET {n3} {n3} {n3} {n5}",
    "Président : {name} – Directeur général : {name2}", "Gérant : {name}",
    "P.IVA {n11} – Cap. Soc. € {n5},00 i.v. – REA {city} {n6}", "Amministratore Unico: {name}",
    "C.F. e P.IVA {n11} – Registro Imprese di {city}", "Sede legale: {city}",
    "NIP: {n3}-{n3}-{n2}-{n2}, REGON: {n9}, KRS: 0000{n6}",
    "Sąd Rejonowy dla {city}, Kapitał zakładowy: {n5} zł", "Prezes Zarządu: {name}",
    "IČO: {n8}, DIČ: CZ{n8}", "Zapsáno v obchodním rejstříku vedeném Krajským soudem v {city}, "
    "oddíl C, vložka {n5}", "Jednatel: {name}",
    "CIF B{n8} – Inscrita en el Registro Mercantil de {city}, Tomo {n4}, Folio {n2}, Hoja M-{n6}",
    "Administrador: {name}", "NIF {n9} · Capital Social {n5} € · Conservatória de {city}",
    "CNPJ {n2}.{n3}.{n3}/0001-{n2}", "KvK {n8} · BTW NL{n9}B01", "Directeur: {name}",
    "Ondernemingsnummer BE 0{n3}.{n3}.{n3} – RPR {city}", "CVR-nr. {n8}", "Org.nr. {n6}-{n4}",
    "Y-tunnus {n6}-{n1}", "Cégjegyzékszám: {n2}-{n2}-{n6}, Adószám: {n8}-2-{n2}",
    "Company No. {n8}. Registered in England and Wales. Registered office: {street}, {city}",
    "Directors: {name}, {name2}", "Managing Director: {name}", "ABN {n2} {n3} {n3} {n3}",
    "VAT Reg. No. GB {n3} {n4} {n2}", "Registered office: {city}",
)
BANNERS: tuple[str, ...] = (
    "Visit us at {fair} {year}, Hall {n1}, Booth {b}", "Besuchen Sie uns auf der {fair} {year}!",
    "Retrouvez-nous au salon {fair} {year}, stand {b}", "Vi aspettiamo a {fair} {year} – Pad. {n1}",
    "Visítenos en {fair} {year}, stand {b}", "We are hiring! Apply at careers.{domain}.com",
    "Wir sind umgezogen! Bitte beachten Sie unsere neue Adresse.", "Nouveau : notre boutique en ligne",
    "Great Place to Work® {year}", "ISO 9001:2015 certified", "Winner of the {fair} Award {year}",
    "Please note our office will be closed from 24 Dec to 2 Jan.", "🌱 Think before you print",
    "Zertifiziert nach DIN EN ISO 9001", "Certificata UNI EN ISO 9001:2015",
    "★★★★★ Rated excellent on Trustpilot", "Download our new catalogue {year}",
)
_FAIRS = ("Hannover Messe", "bauma", "Light + Building", "EuroShop", "MWC", "Maison&Objet", "SIAL",
          "Fruit Logistica", "Ecomondo", "Fitur", "CeBIT", "Interpack", "drupa", "IFA")
_SOCIAL = ("LinkedIn", "Xing", "Twitter", "X", "Facebook", "Instagram", "YouTube", "TikTok")


def logo(rng: random.Random) -> str:
    """A placeholder for an inline image, as mail clients leave it in the text part."""
    hexes = "".join(rng.choice("0123456789ABCDEF") for _ in range(16))
    number = rng.randint(1, 12)
    return rng.choice([
        f"[cid:image{number:03d}.png@01D{hexes[:5]}.{hexes[5:13]}]",
        f"[cid:image{number:03d}.jpg@01D{hexes[:5]}.{hexes[5:13]}]", f"<image{number:03d}.png>",
        "[logo]", "[Logo]", "[image: Logo]", f"[image: {rng.choice(_SOCIAL)}]",
        f"[cid:logo_{hexes[:6].lower()}.png]", "<<image001.gif>>",
    ])


def social(rng: random.Random, user: str, domain: str) -> str:
    """A social bar or a profile link."""
    picks = rng.sample(_SOCIAL, rng.randint(2, 4))
    return rng.choice([
        " | ".join(picks), " · ".join(picks), f"Follow us: {' | '.join(picks)}",
        f"linkedin.com/in/{user}", f"https://www.linkedin.com/company/{domain}",
        f"twitter.com/{domain}", f"Folgen Sie uns: {' · '.join(picks)}", f"Suivez-nous : {' | '.join(picks)}",
        f"www.facebook.com/{domain}", f"instagram.com/{domain}",
    ])


def url(rng: random.Random, domain: str, tld: str) -> str:
    """A website line, sometimes with a path."""
    path = rng.choice(["", "", "", "/", "/karriere", "/en", "/contact", "/shop", "/newsletter"])
    return rng.choice(["www.", "https://www.", "http://", "https://", ""]) + f"{domain}.{tld}{path}"


def legal_footer(rng: random.Random, fake: Faker) -> str:
    """A registry or management line that names other people and places."""
    values: dict[str, object] = {f"n{k}": _digits(rng, k) for k in range(1, 12)}
    values.update(name=fake.name(), name2=fake.name(), name3=fake.name(), city=fake.city(),
                  street=str(fake.street_address()).replace("\n", ", "))
    return rng.choice(LEGAL_FOOTERS).format(**values)


def banner(rng: random.Random, domain: str) -> str:
    return rng.choice(BANNERS).format(
        fair=rng.choice(_FAIRS), year=rng.randint(2019, 2027), n1=rng.randint(1, 27),
        b=f"{rng.choice('ABCDEFGH')}{rng.randint(1, 60)}", domain=domain)


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))
