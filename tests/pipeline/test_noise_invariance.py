"""The same signature gives the same fields whatever noise a mail client adds around it.

Metamorphic tests: each transform of tests/pipeline/noise.py keeps what a human reads; the fields
extracted from the noisy message (real MIME, read by read_message) must equal those of the clean
one, with the rules alone and with the shipped tagger. The signatures are invented for this file.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mailhook.pipeline import Finder, extract, read_message

from . import noise


@dataclass(frozen=True)
class Mail:
    sender: str
    subject: str
    prose: tuple[str, ...]
    valediction: str
    block: tuple[str, ...]
    wanted: dict[str, str]  # fields the clean message must give (so that invariance is not vacuous)

    @property
    def body(self) -> str:
        return "\n".join([*self.prose, "", self.valediction, *self.block, ""])

    @property
    def span(self) -> noise.Span:
        first = len(self.prose) + 2
        return first, first + len(self.block) - 1


MAILS = {
    "en": Mail(
        "Anna Berg <anna.berg@northwind-example.com>",
        "Quote for the spring order",
        (
            "Hi Tom,",
            "please find the revised quote for the spring order attached.",
            "Let me know if the delivery dates work for your team.",
        ),
        "Best regards,",
        (
            "Anna Berg",
            "Senior Account Manager",
            "Northwind Traders Ltd.",
            "14 Harbour Street",
            "Bristol BS1 4RN",
            "Phone: +44 117 496 0123",
            "Mobile: +44 7700 900456",
            "anna.berg@northwind-example.com",
            "www.northwind-example.com",
        ),
        {"first_name": "Anna", "last_name": "Berg", "phone": "+44 117 496 0123"},
    ),
    "de": Mail(
        "Jürgen Hofmann <j.hofmann@beispiel-technik.de>",
        "Angebot Wartungsvertrag",
        (
            "Hallo Frau Schulz,",
            "anbei wie besprochen unser Angebot für den Wartungsvertrag.",
            "Für Rückfragen stehe ich Ihnen gerne zur Verfügung.",
        ),
        "Mit freundlichen Grüßen",
        (
            "Jürgen Hofmann",
            "Technischer Vertrieb",
            "Beispiel Technik GmbH",
            "Industriestraße 12",
            "70565 Stuttgart",
            "Tel.: +49 711 8124420",
            "Mobil: +49 170 3456789",
            "Fax: +49 711 8124499",
            "j.hofmann@beispiel-technik.de",
        ),
        {"first_name": "Jürgen", "last_name": "Hofmann", "phone": "+49 711 8124420"},
    ),
    "fr": Mail(
        "Camille Lefèvre <camille.lefevre@exemple-conseil.fr>",
        "Réunion de lancement",
        (
            "Bonjour Marc,",
            "je vous confirme la réunion de lancement jeudi prochain à dix heures.",
            "Vous trouverez l'ordre du jour en pièce jointe.",
        ),
        "Cordialement,",
        (
            "Camille Lefèvre",
            "Chef de projet",
            "Exemple Conseil SAS",
            "25 rue de la République",
            "69002 Lyon",
            "Tél. : +33 4 72 10 20 30",
            "Portable : +33 6 12 34 56 78",
            "camille.lefevre@exemple-conseil.fr",
        ),
        {"first_name": "Camille", "last_name": "Lefèvre", "phone": "+33 4 72 10 20 30"},
    ),
    "es": Mail(
        "María López García <maria.lopez@ejemplo-logistica.es>",
        "Pedido de mayo",
        (
            "Hola Pedro,",
            "te envío la confirmación del pedido de mayo con las cantidades revisadas.",
            "Quedo a la espera de tus comentarios.",
        ),
        "Un saludo,",
        (
            "María López García",
            "Jefa de Compras",
            "Ejemplo Logística S.L.",
            "Calle Mayor 12",
            "28013 Madrid",
            "Tel.: +34 912 345 678",
            "Móvil: +34 612 345 678",
            "maria.lopez@ejemplo-logistica.es",
        ),
        {"first_name": "María", "last_name": "López García", "phone": "+34 912 345 678"},
    ),
    "it": Mail(
        "Giulia Romano <g.romano@esempio-impianti.it>",
        "Preventivo impianto",
        (
            "Buongiorno Luca,",
            "come anticipato al telefono le invio il preventivo per l'impianto.",
            "Resto a disposizione per qualsiasi chiarimento.",
        ),
        "Cordiali saluti,",
        (
            "Giulia Romano",
            "Responsabile Commerciale",
            "Esempio Impianti S.r.l.",
            "Via Roma 5",
            "10121 Torino",
            "Tel. +39 011 1234567",
            "Cell. +39 333 1234567",
            "g.romano@esempio-impianti.it",
        ),
        {"first_name": "Giulia", "last_name": "Romano", "phone": "+39 011 1234567"},
    ),
    "nl": Mail(
        "Pieter de Vries <pieter.devries@voorbeeld-bouw.nl>",
        "Planning oplevering",
        (
            "Beste Sanne,",
            "hierbij stuur ik je de bijgewerkte planning voor de oplevering van het project.",
            "Laat maar weten of dit zo akkoord is.",
        ),
        "Met vriendelijke groet,",
        (
            "Pieter de Vries",
            "Projectleider",
            "Voorbeeld Bouw B.V.",
            "Keizersgracht 100",
            "1015 CW Amsterdam",
            "Tel: +31 20 123 4567",
            "Mobiel: +31 6 12345678",
            "pieter.devries@voorbeeld-bouw.nl",
        ),
        {"first_name": "Pieter", "last_name": "de Vries", "phone": "+31 20 123 4567"},
    ),
    "pt": Mail(
        "João Ferreira <joao.ferreira@exemplo-energia.pt>",
        "Proposta de fornecimento",
        (
            "Olá Ana,",
            "segue em anexo a proposta de fornecimento que discutimos na reunião de ontem.",
            "Fico a aguardar o seu retorno.",
        ),
        "Com os melhores cumprimentos,",
        (
            "João Ferreira",
            "Diretor Comercial",
            "Exemplo Energia, Lda.",
            "Avenida da Liberdade 110",
            "1250-146 Lisboa",
            "Tel.: +351 213 456 789",
            "Telemóvel: +351 912 345 678",
            "joao.ferreira@exemplo-energia.pt",
        ),
        {"first_name": "João", "last_name": "Ferreira", "phone": "+351 213 456 789"},
    ),
    "pl": Mail(
        "Katarzyna Nowak <k.nowak@przyklad-serwis.pl>",
        "Oferta serwisowa",
        (
            "Dzień dobry Panie Tomaszu,",
            "w załączeniu przesyłam ofertę serwisową zgodnie z naszą rozmową.",
            "W razie pytań proszę o kontakt.",
        ),
        "Pozdrawiam serdecznie,",
        (
            "Katarzyna Nowak",
            "Kierownik Działu Sprzedaży",
            "Przykład Serwis Sp. z o.o.",
            "ul. Marszałkowska 10",
            "00-590 Warszawa",
            "Tel.: +48 22 123 45 67",
            "Kom.: +48 601 234 567",
            "k.nowak@przyklad-serwis.pl",
        ),
        {"first_name": "Katarzyna", "last_name": "Nowak", "phone": "+48 22 123 45 67"},
    ),
    "sv": Mail(
        "Erik Lindqvist <erik.lindqvist@exempel-data.se>",
        "Avtal för support",
        (
            "Hej Maria,",
            "bifogat finns det uppdaterade avtalet för supporten som vi pratade om i veckan.",
            "Hör av dig om något är oklart.",
        ),
        "Med vänliga hälsningar,",
        (
            "Erik Lindqvist",
            "Försäljningschef",
            "Exempel Data AB",
            "Drottninggatan 25",
            "111 51 Stockholm",
            "Tel: +46 8 123 456 78",
            "Mobil: +46 70 123 45 67",
            "erik.lindqvist@exempel-data.se",
        ),
        {"first_name": "Erik", "last_name": "Lindqvist", "phone": "+46 8 123 456 78"},
    ),
    "da": Mail(
        "Mette Sørensen <mette.sorensen@eksempel-transport.dk>",
        "Tilbud på transport",
        (
            "Hej Lars,",
            "hermed vores tilbud på transporten til jeres nye lager i Aarhus som aftalt.",
            "Sig endelig til hvis du har spørgsmål.",
        ),
        "Med venlig hilsen",
        (
            "Mette Sørensen",
            "Salgschef",
            "Eksempel Transport A/S",
            "Vesterbrogade 50",
            "1620 København V",
            "Tlf.: +45 33 12 34 56",
            "Mobil: +45 20 12 34 56",
            "mette.sorensen@eksempel-transport.dk",
        ),
        {"first_name": "Mette", "last_name": "Sørensen", "phone": "+45 33 12 34 56"},
    ),
    "hu": Mail(
        "Kovács Péter <kovacs.peter@pelda-gepeszet.hu>",
        "Árajánlat",
        (
            "Kedves Anna!",
            "mellékelten küldöm a megbeszélt árajánlatot a gépészeti munkákra.",
            "Kérdés esetén keressen bizalommal.",
        ),
        "Üdvözlettel:",
        (
            "Kovács Péter",
            "Értékesítési vezető",
            "Példa Gépészet Kft.",
            "Fő utca 12.",
            "1011 Budapest",
            "Tel.: +36 1 234 5678",
            "Mobil: +36 30 123 4567",
            "kovacs.peter@pelda-gepeszet.hu",
        ),
        {"phone": "+36 1 234 5678"},
    ),
    "cs": Mail(
        "Jana Dvořáková <jana.dvorakova@priklad-stroje.cz>",
        "Nabídka strojů",
        (
            "Dobrý den pane Nováku,",
            "v příloze Vám zasílám nabídku strojů, o které jste měl zájem.",
            "V případě dotazů mě neváhejte kontaktovat.",
        ),
        "S pozdravem",
        (
            "Jana Dvořáková",
            "Obchodní manažerka",
            "Příklad Stroje s.r.o.",
            "Národní 15",
            "110 00 Praha 1",
            "Tel.: +420 221 234 567",
            "Mobil: +420 602 123 456",
            "jana.dvorakova@priklad-stroje.cz",
        ),
        {"first_name": "Jana", "last_name": "Dvořáková", "phone": "+420 221 234 567"},
    ),
}

# Where the shipped tagger still reads a district after the city ("Praha 1", "København V") on
# the clean layout but not on the noisy one: a loss of the tagger, not of the rules (retraining it
# with noise in its generator is the fix). Run, and xfail only while it still fails.
TAGGER_LOSSES = {"doubled_blanks", "pipe_layout"}


def _fields(raw: bytes, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    return extract(read_message(raw).own, finders).fields


def _plain(mail: Mail, body: str) -> bytes:
    return noise.message(mail.sender, mail.subject, plain=body)


@pytest.fixture(scope="module")
def clean(finders: tuple[Finder, ...]) -> dict[str, dict[str, str | None]]:
    return {lang: _fields(_plain(mail, mail.body), finders) for lang, mail in MAILS.items()}


@pytest.mark.parametrize("lang", list(MAILS))
def test_clean_signature_gives_the_wanted_fields(
    lang: str, clean: dict[str, dict[str, str | None]]
) -> None:
    """Invariance says nothing if the clean text gives nothing: each clean block gives its fields."""
    got = clean[lang]
    assert {k: got[k] for k in MAILS[lang].wanted} == MAILS[lang].wanted


@pytest.mark.parametrize("name", list(noise.TRANSFORMS))
def test_transform_keeps_the_fields(
    name: str,
    finders: tuple[Finder, ...],
    clean: dict[str, dict[str, str | None]],
    request: pytest.FixtureRequest,
) -> None:
    """A client's noise (links, emphasis, odd spaces, labels, placeholders...) changes no field."""
    transform = noise.TRANSFORMS[name]
    changed = {}
    for lang, mail in MAILS.items():
        got = _fields(_plain(mail, transform(mail.body, mail.span)), finders)
        diff = {k: (v, got[k]) for k, v in clean[lang].items() if got[k] != v}
        if diff:
            changed[lang] = diff
    if changed and name in TAGGER_LOSSES and request.node.callspec.params["finders"] == "packaged":
        pytest.xfail(f"the shipped tagger under {name}: {changed}")
    assert changed == {}


@pytest.mark.parametrize("shape", ["html_only", "multipart_alternative"])
def test_html_rendering_keeps_the_fields(
    shape: str, finders: tuple[Finder, ...], clean: dict[str, dict[str, str | None]]
) -> None:
    """The block as HTML (<p> with margins, <span style> lines, <br>), read by the HTML path."""
    changed = {}
    for lang, mail in MAILS.items():
        markup = noise.to_html(mail.body, mail.span)
        plain = mail.body if shape == "multipart_alternative" else None
        got = _fields(noise.message(mail.sender, mail.subject, plain=plain, markup=markup), finders)
        diff = {k: (v, got[k]) for k, v in clean[lang].items() if got[k] != v}
        if diff:
            changed[lang] = diff
    assert changed == {}


def test_two_column_html_signature(finders: tuple[Finder, ...]) -> None:
    """A two-column layout table (name and title left, contact lines right) gives the same
    fields as the same block written one line under another."""
    mail = MAILS["de"]
    left, right = list(mail.block[:3]), list(mail.block[3:])
    markup = noise.two_column_html(left, right, above="\n".join([*mail.prose, mail.valediction]))
    got = _fields(noise.message(mail.sender, mail.subject, markup=markup), finders)
    want = _fields(_plain(mail, mail.body), finders)
    assert {k: got[k] for k in mail.wanted} == mail.wanted
    assert got == want


def test_pipe_row_keeps_the_street_apart_from_a_department(finders: tuple[Finder, ...]) -> None:
    """In a one-line block between bars, a department before the street is not part of it, and
    each phone takes the label of its own part."""
    mail = MAILS["en"]
    row = "Legal Department | 345 California Street | Phone: +1 415 555 0123 | Fax: +1 415 555 0199"
    body = "\n".join([*mail.prose, "", mail.valediction, "Anna Berg", row, ""])
    got = _fields(_plain(mail, body), finders)
    assert (got["street_address"], got["phone"], got["fax"]) == (
        "345 California Street",
        "+1 415 555 0123",
        "+1 415 555 0199",
    )


def test_pipe_row_unlabelled_phone_beside_a_street(finders: tuple[Finder, ...]) -> None:
    """An unlabelled number in its own part of a row is a phone even where another part of the
    row is a street and a postal line."""
    mail = MAILS["en"]
    row = "Northwind Traders | 9549 Garland Court | Westminster, CO 80021 | (303) 555-0142"
    body = "\n".join([*mail.prose, "", mail.valediction, "Anna Berg", row, ""])
    assert _fields(_plain(mail, body), finders)["phone"] == "(303) 555-0142"
