"""Job titles and companies in the world's signatures: languages, separators, legal forms, domains."""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest

from mailhook.model import Author
from mailhook.pipeline import extract, load_finders, read_message
from mailhook.pipeline.candidate import Finder
from mailhook.pipeline.lexicon import LEGAL, ORG
from mailhook.pipeline.organisations import LEGAL_FORMS, domain_label, names_domain, sender_labels
from mailhook.pipeline.roles import find_roles

# A sentence and a sign-off per language, so that each message reads as its language does.
OPENINGS = {
    "en": ("Hi Sam,\n\nthe replacement unit ships today, tracking to follow.", "Kind regards,"),
    "de": ("Hallo Herr Wolf,\n\nanbei das Angebot für die Anlage wie besprochen.", "Mit freundlichen Grüßen"),
    "fr": ("Bonjour,\n\nvoici le planning de la semaine prochaine pour le chantier.", "Cordialement,"),
    "es": ("Hola Juan,\n\nte envío la oferta revisada con los nuevos precios.", "Saludos cordiales,"),
    "it": ("Buongiorno,\n\nin allegato l'ordine confermato con le date di consegna.", "Cordiali saluti"),
    "pt": ("Bom dia,\n\nsegue em anexo a proposta atualizada para o projeto.", "Atenciosamente,"),
    "nl": ("Hoi Mark,\n\nbijgaand de offerte voor de installatie.", "Met vriendelijke groet,"),
    "pl": ("Dzień dobry,\n\nprzesyłam ofertę na przyszły kwartał zgodnie z rozmową.", "Pozdrawiam"),
    "sv": ("Hej,\n\nhär kommer offerten för nästa kvartal som vi pratade om.", "Med vänliga hälsningar"),
    "da": ("Hej Lars,\n\ntak for ordren, vi sender varerne i morgen tidlig.", "Med venlig hilsen"),
    "no": ("Hei,\n\nvedlagt tilbudet for neste prosjekt som avtalt på telefon.", "Med vennlig hilsen"),
    "fi": ("Hei,\n\nohessa tarjous ensi kuun toimituksesta sovitusti.", "Ystävällisin terveisin"),
    "hu": ("Tisztelt Uram,\n\nmellékelten küldöm a kért árajánlatot a projekthez.", "Üdvözlettel:"),
    "cs": ("Dobrý den,\n\nposílám podklady k objednávce na příští měsíc.", "S pozdravem"),
    "sk": ("Dobrý deň,\n\nposielam zmluvu na podpis podľa dohody.", "S pozdravom"),
}

# (language, From, signature lines under the name, job title, company), all invented.
SIGNATURES = [
    ("es", "María López <mlopez@suministrosnorte.es>",
     ["María López García", "Jefa de Compras / Logística", "Suministros Industriales del Norte, S.L.",
      "C/ Mayor 12, 3º B", "28013 Madrid", "Tel.: +34 912 345 678"],
     "Jefa de Compras / Logística", "Suministros Industriales del Norte, S.L."),
    ("fr", "Jean Dupont <j.dupont@transports-martin.fr>",
     ["Jean DUPONT", "Chef de projet SI", "Transports Martin SAS", "12 rue de la République",
      "69002 Lyon", "Tél : +33 4 72 00 00 00"],
     "Chef de projet SI", "Transports Martin SAS"),
    ("de", "Thomas Becker <t.becker@becker-haustechnik.de>",
     ["Thomas Becker", "Technischer Vertrieb", "Becker Vertriebsgesellschaft für Haustechnik mbH",
      "Industriestraße 5", "70565 Stuttgart", "Tel. 0711 / 8 12 44 20"],
     "Technischer Vertrieb", "Becker Vertriebsgesellschaft für Haustechnik mbH"),
    ("en", "Oliver Grant <oliver.grant@northwind-instruments.co.uk>",
     ["Oliver Grant", "Sales Engineer - Customer Care Centre", "Northwind Instruments Ltd",
      "Unit 4, Riverside Park", "Leeds LS11 5DD", "Tel: +44 113 496 0000"],
     "Sales Engineer - Customer Care Centre", "Northwind Instruments Ltd"),
    ("it", "Giulia Rossi <g.rossi@meccanicarossi.it>",
     ["Giulia Rossi", "Responsabile Ufficio Acquisti", "Meccanica Rossi S.r.l.",
      "Via Roma 5 - 10121 Torino (TO)", "Tel. +39 011 123 4567"],
     "Responsabile Ufficio Acquisti", "Meccanica Rossi S.r.l."),
    ("pl", "Piotr Nowak <p.nowak@polmet.pl>",
     ["Piotr Nowak", "Kierownik ds. Sprzedaży", "Polmet Sp. z o.o.", "ul. Długa 15",
      "00-238 Warszawa", "tel. +48 22 123 45 67"],
     "Kierownik ds. Sprzedaży", "Polmet Sp. z o.o."),
    ("hu", "Kovács Anna <kovacs.anna@dunaszerviz.hu>",
     ["Kovács Anna", "Értékesítési vezető", "Duna Szerviz Kft.", "1051 Budapest, Fő u. 12.",
      "Tel.: +36 1 234 5678"],
     "Értékesítési vezető", "Duna Szerviz Kft."),
    ("hu", "Peter Horváth <horvath.peter@tiszaep.hu>",
     ["Horváth Péter", "ügyvezető igazgató", "Tisza Építő Zrt.", "Tel.: +36 30 123 4567"],
     "ügyvezető igazgató", "Tisza Építő Zrt."),
    ("cs", "Jan Novák <novak@strojirny-novak.cz>",
     ["Jan Novák", "Obchodní ředitel", "Strojírny Novák s.r.o.", "Nádražní 12", "602 00 Brno",
      "Tel.: +420 541 123 456"],
     "Obchodní ředitel", "Strojírny Novák s.r.o."),
    ("cs", "Eva Svoboda <eva.svoboda@pragotech.cz>",
     ["Eva Svobodová", "vedoucí nákupu", "Pragotech, a.s.", "Tel.: +420 222 123 456"],
     "vedoucí nákupu", "Pragotech, a.s."),
    ("sk", "Martin Kováč <kovac@tatrastav.sk>",
     ["Martin Kováč", "konateľ", "Tatrastav a.s.", "Tel.: +421 2 1234 5678"],
     "konateľ", "Tatrastav a.s."),
    ("sv", "Erik Lindqvist <erik.lindqvist@nordiskverktyg.se>",
     ["Erik Lindqvist", "Inköpschef", "Nordisk Verktyg AB", "Storgatan 3", "411 38 Göteborg",
      "Tel: +46 31 123 45 67"],
     "Inköpschef", "Nordisk Verktyg AB"),
    ("sv", "Anders Nilsson <anders.nilsson@skogsbolaget.se>",
     ["Anders Nilsson", "VD", "Skogsbolaget i Norr AB", "070-123 45 67"],
     "VD", "Skogsbolaget i Norr AB"),
    ("da", "Mette Hansen <mh@hansen-emballage.dk>",
     ["Mette Hansen", "Salgschef", "Hansen Emballage ApS", "Vestergade 8", "8000 Aarhus C",
      "Tlf.: +45 86 12 34 56"],
     "Salgschef", "Hansen Emballage ApS"),
    ("da", "Karl Jensen <kj@nordlys.dk>",
     ["Karl Jensen", "Indkøbschef, Nordlys Fødevarer A/S", "Tlf. +45 70 12 34 56"],
     "Indkøbschef", "Nordlys Fødevarer A/S"),
    ("da", "Henrik Berg <hb@bergsoft.dk>",
     ["Henrik Berg", "Udvikler", "Bergsoft A/S", "Tlf. +45 33 12 34 56"], "Udvikler", "Bergsoft A/S"),
    ("no", "Ola Nordmann <ola@fjordmarine.no>",
     ["Ola Nordmann", "Daglig leder", "Fjord Marine AS", "Strandgata 5", "5013 Bergen",
      "Tlf: +47 55 12 34 56"],
     "Daglig leder", "Fjord Marine AS"),
    ("fi", "Mikko Virtanen <mikko.virtanen@konejatera.fi>",
     ["Mikko Virtanen", "Myyntipäällikkö", "Kone ja Terä Oy", "Mannerheimintie 10",
      "00100 Helsinki", "Puh. +358 9 123 4567"],
     "Myyntipäällikkö", "Kone ja Terä Oy"),
    ("pt", "João Silva <joao.silva@silvaefilhos.pt>",
     ["João Silva", "Diretor Comercial", "Silva & Filhos, Lda.", "Rua Augusta 100",
      "1100-053 Lisboa", "Tel.: +351 21 123 4567"],
     "Diretor Comercial", "Silva & Filhos, Lda."),
    ("pt", "Paulo Souza <paulo@agromax.com.br>",
     ["Paulo Souza", "Gerente de Compras", "Agromax Comércio de Grãos Ltda.",
      "Tel.: +55 11 3456 7890"],
     "Gerente de Compras", "Agromax Comércio de Grãos Ltda."),
    ("fr", "Claire Lefèvre <claire.lefevre@groupe-lefevre.fr>",
     ["Claire Lefèvre", "Directeur commercial adjoint", "Groupe Lefèvre S.A.", "8 avenue Foch",
      "75016 Paris", "Tél. +33 1 44 00 00 00"],
     "Directeur commercial adjoint", "Groupe Lefèvre S.A."),
    ("fr", "Lucie Dubois <l.dubois@atelier-dubois.fr>",
     ["Lucie Dubois", "Gérante", "Atelier Dubois SARL", "Tél. 04 78 00 00 00"],
     "Gérante", "Atelier Dubois SARL"),
    ("de", "Klaus Müller <k.mueller@mueller-haustechnik.de>",
     ["Klaus Müller", "Geschäftsführer", "Müller Haustechnik GmbH & Co. KG", "Hauptstraße 1",
      "80331 München", "Tel. +49 89 1234567"],
     "Geschäftsführer", "Müller Haustechnik GmbH & Co. KG"),
    ("de", "Sabine Schmidt <sabine.schmidt@schmidt-ag.de>",
     ["Sabine Schmidt", "Prokuristin", "Schmidt AG", "Lindenallee 4", "20095 Hamburg",
      "Tel. +49 40 123456"],
     "Prokuristin", "Schmidt AG"),
    ("de", "Frank Weber <f.weber@weber-elektro.de>",
     ["Frank Weber", "Teamleiter Einkauf", "Elektro Weber e.K.", "Bahnhofstraße 9",
      "90402 Nürnberg", "Tel. 0911 123456"],
     "Teamleiter Einkauf", "Elektro Weber e.K."),
    ("nl", "Pieter de Vries <pieter@vandijk-installatie.nl>",
     ["Pieter de Vries", "Accountmanager", "Van Dijk Installatietechniek B.V.", "Kerkstraat 10",
      "3511 LX Utrecht", "T +31 30 123 4567"],
     "Accountmanager", "Van Dijk Installatietechniek B.V."),
    ("es", "Carlos Pérez <cperez@distcaribe.com.ve>",
     ["Carlos Pérez", "Gerente de Ventas", "Distribuidora Caribe, C. A.",
      "Av. Francisco de Miranda, Edif. Centro, Piso 7, Of. 3", "Caracas 1060",
      "Tlf: +58 212 555 1234"],
     "Gerente de Ventas", "Distribuidora Caribe, C. A."),
    ("es", "Ana Gómez <ana.gomez@logisur.es>",
     ["Ana Gómez", "Técnica de Logística", "Logisur Transportes S.L.U.", "Tel. +34 954 123 456"],
     "Técnica de Logística", "Logisur Transportes S.L.U."),
    ("it", "Marco Bianchi <m.bianchi@bianchi-costruzioni.it>",
     ["Marco Bianchi", "Direttore Tecnico", "Bianchi Costruzioni S.p.A.", "Tel. +39 02 1234 5678"],
     "Direttore Tecnico", "Bianchi Costruzioni S.p.A."),
    ("en", "Emily Clark <eclark@harborlegal.com>",
     ["Emily Clark", "Partner", "Harbor & Finch LLP", "100 Main Street", "Boston, MA 02110",
      "Tel: +1 617 555 0100"],
     "Partner", "Harbor & Finch LLP"),
    ("en", "Jack Wilson <jack@koalasoft.com.au>",
     ["Jack Wilson", "Senior Developer", "Koala Software Pty Ltd", "Level 5, 1 George St",
      "Sydney NSW 2000", "Ph: +61 2 9123 4567"],
     "Senior Developer", "Koala Software Pty Ltd"),
    ("en", "Tom Baker <tom.baker@quantumleap.co.uk>",
     ["Tom Baker", "Head of Finance", "Quantum Leap Consulting PLC", "020 7946 0000"],
     "Head of Finance", "Quantum Leap Consulting PLC"),
]

# Layouts: one-line signatures, "title at company", labels, departments, lower-case and
# domain-shaped company names, a company first on an address line.
LAYOUTS = [
    ("de", "Anna Schulz <a.schulz@nordlicht-medien.de>",
     ["Anna Schulz | Leiterin Marketing | Nordlicht Medien GmbH", "Tel. +49 40 123 456 78"],
     "Leiterin Marketing", "Nordlicht Medien GmbH"),
    ("en", "Rachel Green <rgreen@brightpath.com>",
     ["Rachel Green", "VP Marketing | BrightPath Analytics, Inc.", "+1 312 555 0144"],
     "VP Marketing", "BrightPath Analytics, Inc."),
    ("en", "Ben Carter <ben@brightline.io>",
     ["Ben Carter", "Head of Sales at Brightline", "+1 415 555 0101"], "Head of Sales", "Brightline"),
    ("de", "Sepp Huber <s.huber@huber-holz.de>",
     ["Sepp Huber", "Geschäftsführer der Huber Holzbau GmbH", "Tel. +49 8421 12345"],
     "Geschäftsführer", "Huber Holzbau GmbH"),
    ("de", "Julia Wagner <julia.wagner@alpenblick.at>",
     ["Julia Wagner", "Position: Projektmanagerin", "Firma: Alpenblick Touristik GmbH",
      "Tel. +43 512 123456"],
     "Projektmanagerin", "Alpenblick Touristik GmbH"),
    ("de", "Jonas Hoffmann <j.hoffmann@hoffmann-gmbh.de>",
     ["Jonas Hoffmann", "Abteilung Einkauf", "Hoffmann GmbH", "Tel. +49 30 555 1234"],
     None, "Hoffmann GmbH"),
    ("en", "Liam Brown <liam.brown@outlook.com>",
     ["Liam Brown", "Sales Department", "+1 212 555 0199"], None, None),
    ("en", "Sarah Lee <sarah.lee@stmarys-hospital.org>",
     ["Sarah Lee", "Clinical Research Coordinator", "Department of Cardiology",
      "St. Mary's Hospital", "+1 312 555 0100"],
     "Clinical Research Coordinator", "St. Mary's Hospital"),
    ("de", "Petra Keller <p.keller@keller-bau.de>",
     ["Petra Keller", "Geschäftsführerin", "Keller Bau GmbH · Am Hafen 3 · 20457 Hamburg",
      "Tel. +49 40 555 1234"],
     "Geschäftsführerin", "Keller Bau GmbH"),
    ("en", "Dana Hill <dana@bluewave.com>",
     ["Dana Hill", "Operations Manager", "bluewave", "+1 415 555 0134"],
     "Operations Manager", "bluewave"),
    ("en", "Sam Patel <sam@acme.io>", ["Sam Patel", "Founder", "acme.io", "+1 646 555 0188"],
     "Founder", "acme.io"),
    ("fr", "Luc Martin <luc.martin@transports-martin.fr>",
     ["Luc Martin", "Responsable d'exploitation", "Transports Martin", "Tél. 04 72 00 00 01"],
     "Responsable d'exploitation", "Transports Martin"),
    ("it", "Sofia Conti <sofia.conti@mail.contiarredamenti.it>",
     ["Sofia Conti", "responsabile vendite", "Conti Arredamenti", "Tel. +39 055 123 456"],
     "responsabile vendite", "Conti Arredamenti"),
    ("fr", "Hugo Lambert <hugo.lambert@lambert-conseil.fr>",
     ["Hugo Lambert", "Ingénieur commercial", "LAMBERT CONSEIL", "Tél. 01 23 45 67 89"],
     "Ingénieur commercial", "LAMBERT CONSEIL"),
    ("pl", "Agnieszka Wiśniewska <a.wisniewska@budrex.com.pl>",
     ["Agnieszka Wiśniewska", "Specjalista ds. zakupów", "BUDREX S.A.", "tel. +48 61 123 45 67"],
     "Specjalista ds. zakupów", "BUDREX S.A."),
    ("no", "Ingrid Olsen <ingrid@olsen-regnskap.no>",
     ["Ingrid Olsen", "Regnskapsfører", "Olsen Regnskap AS", "Tlf 22 12 34 56"],
     "Regnskapsfører", "Olsen Regnskap AS"),
    ("nl", "Dirk Janssen <dirk.janssen@janssen-bouw.nl>",
     ["Dirk Janssen", "Projectleider", "Janssen Bouw", "06 12345678"], "Projectleider", "Janssen Bouw"),
    ("de", "Lena Fischer <lena.fischer@gmail.com>",
     ["Lena Fischer", "Freiberufliche Übersetzerin", "Tel. +49 171 1234567"],
     "Freiberufliche Übersetzerin", None),
    ("de", "Anna Schulz <a.schulz@nordlicht-medien.de>",
     ["Anna Schulz, Geschäftsführerin", "Nordlicht Medien GmbH", "Tel. +49 40 123 456 78"],
     "Geschäftsführerin", "Nordlicht Medien GmbH"),
    ("fr", "Paul Girard <p.girard@girard-freres.fr>",
     ["Paul Girard | Responsable des achats", "Girard Frères SAS", "Tél. +33 3 80 00 00 00"],
     "Responsable des achats", "Girard Frères SAS"),
    ("de", "Uwe Brandt <u.brandt@brandt-metall.de>",
     ["Uwe Brandt", "Vertriebsleiter\t\tTel. +49 521 123456", "Brandt Metallbau GmbH\t\tFax +49 521 123457"],
     "Vertriebsleiter", "Brandt Metallbau GmbH"),
    ("fr", "Jean Dupont <jean.dupont@ville-exemple.fr>",
     ["Jean DUPONT", "Service Informatique", "Mairie de Villeneuve", "Tél. 04 72 10 30 30"],
     None, "Mairie de Villeneuve"),
    ("es", "Lucía Martín <lmartin@gmail.com>",
     ["Lucía Martín", "Departamento de Compras", "Ayuntamiento de Valdemoro", "Tel. 91 809 00 00"],
     None, "Ayuntamiento de Valdemoro"),
    ("en", "Emma Johnson <emma@greenfield-partners.com>",
     ["Emma Johnson", "Greenfield Partners LLC", "+1 303 555 0101"], None, "Greenfield Partners LLC"),
    # A laboratory or an institute of a university names where the sender works, not a role.
    ("de", "Lena Auer <lena.auer@hs-beispiel.de>",
     ["Dr. Lena Auer", "Labor für Digitalisierung", "Fakultät für Informatik", "Hochschule Beispiel GmbH",
      "Tel.: +49 941 555 1234"], None, "Hochschule Beispiel GmbH"),
    ("fr", "Paul Morel <paul.morel@univ-exemple.fr>",
     ["Paul Morel", "Laboratoire de Physique des Solides", "Université Exemple SAS", "Tél. 01 69 15 00 00"],
     None, "Université Exemple SAS"),
    ("en", "Ann Ray <ann.ray@example.edu>",
     ["Ann Ray", "Laboratory for Software Engineering", "Example University Ltd", "+44 20 7946 0000"],
     None, "Example University Ltd"),
    # A role word the lists learnt late ("System Expert"), and the part that spells the sender's
    # domain is the company, before a part of organisation words ("Hybrid Access Solutions").
    ("nl", "Mike de Vries <mike.devries@topic-beispiel.nl>",
     ["Mike de Vries", "System Expert", "Topic Beispiel B.V.", "T: +31 499 33 69 69"],
     "System Expert", "Topic Beispiel B.V."),
    ("en", "Matt Peeters <matt@tessaria.example>",
     ["Matt Peeters", "Tessaria | Belgium | Hybrid Access Solutions", "www.tessaria.example"],
     None, "Tessaria"),
]


def _message(language: str, sender: str, lines: list[str]) -> bytes:
    opening, valediction = OPENINGS[language]
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "buyer@example.org"
    msg["Subject"] = "Re: order"
    msg.set_content(f"{opening}\n\n{valediction}\n\n" + "\n".join(lines) + "\n")
    return bytes(msg)


def _roles(raw: bytes, finders: tuple[Finder, ...] | None = None) -> tuple[str | None, str | None]:
    reading = read_message(raw)
    fields = (extract(reading.own, finders) if finders else extract(reading.own)).fields
    return fields["job_title"], fields["company"]


@pytest.mark.parametrize(("language", "sender", "lines", "title", "company"), SIGNATURES,
                         ids=[f"{c[0]}-{c[3]}" for c in SIGNATURES])
def test_title_and_company_in_each_language(
    language: str, sender: str, lines: list[str], title: str, company: str
) -> None:
    """The role line and the legal name are read as written, in 15 languages and their legal forms."""
    assert _roles(_message(language, sender, lines)) == (title, company)


@pytest.mark.parametrize(("language", "sender", "lines", "title", "company"), LAYOUTS,
                         ids=[f"{c[0]}-{c[3] or c[4]}" for c in LAYOUTS])
def test_title_and_company_in_each_layout(
    language: str, sender: str, lines: list[str], title: str | None, company: str | None
) -> None:
    """Pipes, "title at company", labels, departments, domain-named and lower-case companies."""
    assert _roles(_message(language, sender, lines)) == (title, company)


@pytest.fixture(scope="module")
def with_tagger() -> tuple[Finder, ...]:
    return load_finders()


@pytest.mark.parametrize("case", [SIGNATURES[0], SIGNATURES[2], SIGNATURES[6], LAYOUTS[2], LAYOUTS[9]],
                         ids=lambda c: c[0] + "-" + str(c[3]))
def test_the_shipped_tagger_keeps_the_rules_reading(with_tagger: tuple[Finder, ...], case: tuple) -> None:
    """With the shipped tagger among the finders, titles and companies stay as the rules read them."""
    language, sender, lines, title, company = case
    assert _roles(_message(language, sender, lines), with_tagger) == (title, company)


@pytest.mark.parametrize(("country", "form"), sorted({(c, f) for c, fs in LEGAL_FORMS.items() for f in fs}))
def test_every_legal_form_ends_a_company_name(country: str, form: str) -> None:
    """Each country's legal forms are found after a name, and dotted ones also with spaces."""
    assert LEGAL.search(f"Nordwind Handel {form}"), country
    if re.search(r"\.\w", form):
        assert LEGAL.search("Nordwind Handel " + re.sub(r"\.(?=\w)", ". ", form)), country


def test_legal_forms_keep_their_case_where_they_are_also_words() -> None:
    """ "AS" and "SA" are companies, "as" and "sa" are words; "gmbh" is a company in any case."""
    assert LEGAL.search("Fjord Marine AS") and LEGAL.search("Acme SA")
    assert not ORG.search("such as this one") and not LEGAL.search("we met at the fair as planned")
    assert LEGAL.search("acme gmbh") and LEGAL.search("nordwind ltd")


def test_domain_labels_skip_free_mail_and_public_suffixes() -> None:
    """The registrable domain names the owner; free mail providers name nobody's employer."""
    assert domain_label("mail.acme.co.uk") == "acme"
    assert domain_label("agromax.com.br") == "agromax"
    assert domain_label("gmx.de") is None and domain_label("web.de") is None


def test_sender_labels_come_from_the_mail_and_web_addresses_but_not_platforms() -> None:
    """The From address and the block's own addresses count; LinkedIn and the like do not."""
    lines = ["web: www.flax.co.uk", "https://www.linkedin.com/in/someone", "info@nordwind-handel.de"]
    assert sender_labels("ann@mail.acme.com", lines) == frozenset({"acme", "flax", "nordwindhandel"})


@pytest.mark.parametrize(("text", "label", "expected"), [
    ("Acme Tools Ltd", "acme", True),
    ("Elektro Weber e.K.", "weberelektro", True),
    ("Müller Haustechnik", "muellerhaustechnik", True),
    ("Hans Müller Haustechnik", "hmh", True),
    ("Regulatory Affairs", "acme", False),
    ("Sales", "salesforce", True),  # a word inside the label: roles.py checks role words first
])
def test_a_company_line_spells_the_domain(text: str, label: str, expected: bool) -> None:
    """From the start, by the first word inside the label, or by initials."""
    assert names_domain(text, frozenset({label})) is expected


def test_a_role_word_line_is_never_the_company_even_when_it_spells_the_domain() -> None:
    """ "Sales Director" at salesforce.com is a title, not the company."""
    block = ["Ann Lee", "Sales Director", "+1 415 555 0100"]
    title, company = find_roles(block, 0, Author("Ann Lee", "ann@salesforce.com"))
    assert title is not None and title.value == "Sales Director"
    assert company is None


def test_a_department_before_the_legal_name_is_left_out() -> None:
    """ "Regulatory Affairs - Acme Corp." is the company Acme Corp.; "Example – Example GmbH" is whole."""
    author = Author("Ann Lee", "ann@example.com")
    for line, company in [("Regulatory Affairs - Acme Corp.", "Acme Corp."),
                          ("Example – Example GmbH", "Example – Example GmbH")]:
        found = find_roles(["Ann Lee", line], 0, author)[1]
        assert found is not None and found.value == company


WRAPPED = [
    (["Vertrieb", "Müller Haustechnik GmbH & Co.", "KG", "Tel. 030 1234567"],
     "Müller Haustechnik GmbH & Co. KG"),
    (["Einkauf", "Beispiel Service AG & Co.", "Verwaltungs OHG", "Hauptstr. 4"],
     "Beispiel Service AG & Co. Verwaltungs OHG"),
]


@pytest.mark.parametrize(("lines", "company"), WRAPPED)
def test_a_company_name_wrapped_at_its_and_co_is_joined(lines: list[str], company: str) -> None:
    """A German partnership's name wraps after "& Co.": the next line's legal form ends it."""
    _, found = find_roles(["Anna Weber", *lines], 0, Author("Anna Weber", "a.weber@example.de"))
    assert found is not None and found.value == company


def test_and_co_at_the_end_of_a_company_stays_alone() -> None:
    """ "Smith & Co." above an address is the whole name: no legal form below joins it."""
    author = Author("John Smith", "j@example.com")
    _, found = find_roles(["John Smith", "Smith & Co.", "London W1 1AA"], 0, author)
    assert found is not None and found.value == "Smith & Co."
