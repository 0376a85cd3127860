"""The block finder finds the sender's block anywhere in their own text: above legal footers and
confidentiality notices in the sender's language, below long tables, under logo placeholders,
above a forwarded original in HTML-only mail, and in bare bodies with no headers. Every message
here is invented for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

import pytest

from mailhook.model import Author
from mailhook.pipeline import Part, extract, read_message
from mailhook.pipeline.lines import is_device, is_placeholder, is_prose, is_registry, is_valediction
from mailhook.pipeline.signature import MOST_ANCHORS, find_signature


@dataclass(frozen=True)
class Sender:
    """One invented sender: the closing, block and footer they write in their language."""

    display: str
    address: str
    greeting: str
    text: str
    closing: str
    block: tuple[str, ...]
    footer: str


SENDERS = {
    "en": Sender(
        "John Baker", "j.baker@bakerandsons.co.uk", "Hi Ann,", "The contract is attached.",
        "Kind regards,",
        ("John Baker", "Head of Procurement", "Baker & Sons Ltd", "T +44 20 7946 0123"),
        "Baker & Sons Ltd is registered in England and Wales, company number 01234567.\n"
        "This e-mail and any attachments are confidential and intended solely for the\n"
        "addressee. If you have received it in error, please notify the sender and delete it.",
    ),
    "de": Sender(
        "Klaus Berger", "k.berger@berger-haustechnik.de", "Hallo Frau Lee,",
        "anbei das Angebot wie besprochen.", "Mit freundlichen Grüßen",
        ("Klaus Berger", "Technischer Vertrieb", "Berger Haustechnik GmbH", "Industriestraße 4",
         "70565 Stuttgart", "Telefon: 0711 / 8 12 44 20"),
        "Berger Haustechnik GmbH\nSitz: Stuttgart, Amtsgericht Stuttgart HRB 12345\n"
        "Geschäftsführer: Dr. Hans Berger, Petra Berger\nTelefon Zentrale: 0711 81244-0\n\n"
        "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat\n"
        "sind, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.",
    ),
    "fr": Sender(
        "Jean Dupont", "jean.dupont@acme-industrie.fr", "Bonjour Madame,",
        "Veuillez trouver ci-joint le devis demandé.", "Cordialement,",
        ("Jean DUPONT", "Chef de projet SI", "ACME Industrie", "12 rue des Lilas",
         "69003 Lyon", "Tél : +33 4 72 00 00 00"),
        "ACME Industrie SAS au capital social de 150 000 € - RCS Lyon B 123 456 789\n"
        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention\n"
        "exclusive de ses destinataires. Toute utilisation non autorisée est interdite.",
    ),
    "es": Sender(
        "María López", "mlopez@suministros-levante.es", "Hola Ann,", "Te adjunto la factura.",
        "Un saludo,",
        ("María López García", "Jefa de Compras / Logística", "Suministros Levante S.L.",
         "C/ Mayor 12, 3º B", "46001 Valencia", "Tel. 963 00 00 00"),
        "Suministros Levante S.L. - CIF B12345678 - Registro Mercantil de Valencia, Tomo 1234\n"
        "AVISO LEGAL: Este mensaje va dirigido exclusivamente a su destinatario y puede contener\n"
        "información confidencial. Si usted no es el destinatario, por favor elimínelo.",
    ),
    "it": Sender(
        "Marco Rossi", "m.rossi@rossiimpianti.it", "Buongiorno,", "in allegato l'offerta.",
        "Cordiali saluti",
        ("Marco Rossi", "Responsabile Commerciale", "Rossi Impianti S.r.l.",
         "Via Roma 5 - 10121 Torino (TO)", "Tel. +39 011 1234567"),
        "Rossi Impianti S.r.l. - Capitale sociale € 10.000 i.v. - P.IVA 01234567890 - REA TO-123456\n"
        "Le informazioni contenute in questa comunicazione sono riservate e destinate\n"
        "esclusivamente alla persona indicata. Qualora il messaggio Le fosse pervenuto per\n"
        "errore, La invitiamo ad eliminarlo.",
    ),
    "nl": Sender(
        "Pieter de Vries", "p.devries@devriestechniek.nl", "Beste Ann,", "Zie de bijlage.",
        "Met vriendelijke groet,",
        ("Pieter de Vries", "Accountmanager", "De Vries Techniek B.V.", "Kanaalweg 14",
         "3526 KL Utrecht", "T +31 30 123 4567"),
        "KvK 12345678 | BTW NL123456789B01\n"
        "Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde. Aan dit bericht\n"
        "kunnen geen rechten worden ontleend.",
    ),
    "pt": Sender(
        "Ana Costa", "ana.costa@costaeirmaos.pt", "Bom dia,", "Segue em anexo a proposta.",
        "Com os melhores cumprimentos,",
        ("Ana Costa", "Diretora Comercial", "Costa & Irmãos, Lda.", "Rua Augusta 100",
         "1100-053 Lisboa", "Tel.: +351 21 123 4567"),
        "Costa & Irmãos, Lda. - NIPC 501234567 - Capital social 50.000 €\n"
        "Esta mensagem é confidencial e destina-se exclusivamente ao destinatário. Se a\n"
        "recebeu por engano, por favor apague-a e informe o remetente.",
    ),
    "pl": Sender(
        "Anna Kowalska", "a.kowalska@kowalski.pl", "Dzień dobry,",
        "w załączniku przesyłam ofertę.", "Pozdrawiam serdecznie",
        ("Anna Kowalska", "Kierownik Działu Sprzedaży", "Kowalski Sp. z o.o.", "ul. Długa 5",
         "00-950 Warszawa", "tel. +48 22 123 45 67"),
        "Kowalski Sp. z o.o., KRS 0000123456, NIP 123-456-78-90, REGON 123456789,\n"
        "kapitał zakładowy 50 000 zł. Treść tej wiadomości jest poufna i przeznaczona\n"
        "wyłącznie dla adresata.",
    ),
    "sv": Sender(
        "Erik Lindqvist", "erik.lindqvist@lindqvist.se", "Hej Ann,", "Här kommer offerten.",
        "Med vänlig hälsning",
        ("Erik Lindqvist", "Försäljningschef", "Lindqvist Maskin AB", "Storgatan 3",
         "111 22 Stockholm", "Tel: +46 8 123 456 78"),
        "Lindqvist Maskin AB, org.nr 556677-8899, styrelsens säte Stockholm.\n"
        "Detta e-postmeddelande kan innehålla konfidentiell information och är endast avsett\n"
        "för mottagaren.",
    ),
    "da": Sender(
        "Mette Hansen", "mh@hansen-el.dk", "Hej Ann,", "Tilbuddet er vedhæftet.",
        "Med venlig hilsen",
        ("Mette Hansen", "Salgschef", "Hansen El ApS", "Vestergade 7", "8000 Aarhus C",
         "Tlf. +45 86 12 34 56"),
        "Hansen El ApS | CVR-nr. 12345678\n"
        "Denne e-mail kan indeholde fortrolige oplysninger og er kun beregnet til modtageren.",
    ),
    "hu": Sender(
        "Nagy Péter", "nagy.peter@nagyestarsa.hu", "Tisztelt Hölgyem!",
        "Mellékelten küldöm az árajánlatot.", "Üdvözlettel:",
        ("Nagy Péter", "értékesítési vezető", "Nagy és Társa Kft.", "1052 Budapest, Fő u. 12.",
         "Tel.: +36 1 123 4567"),
        "Nagy és Társa Kft. | Cégjegyzékszám: 01-09-123456 | Adószám: 12345678-2-41\n"
        "Ez az üzenet bizalmas információkat tartalmazhat, és kizárólag a címzett részére szól.",
    ),
    "cs": Sender(
        "Jan Novák", "jan.novak@novakasyn.cz", "Dobrý den,", "v příloze zasílám nabídku.",
        "S pozdravem",
        ("Jan Novák", "obchodní ředitel", "Novák a syn s.r.o.", "Václavské náměstí 1",
         "110 00 Praha 1", "tel.: +420 123 456 789"),
        "Novák a syn s.r.o., IČO: 12345678, DIČ: CZ12345678, spisová značka C 12345\n"
        "vedená u Městského soudu v Praze. Tento e-mail je určen pouze pro adresáta a může\n"
        "obsahovat důvěrné informace.",
    ),
    "fi": Sender(
        "Matti Virtanen", "matti.virtanen@virtanen.fi", "Hei,", "Liitteenä tarjous.",
        "Ystävällisin terveisin",
        ("Matti Virtanen", "myyntipäällikkö", "Virtanen Oy", "puh. +358 40 123 4567"),
        "Virtanen Oy, Y-tunnus 1234567-8\n"
        "Tämä viesti voi sisältää luottamuksellista tietoa. Jos olet saanut viestin\n"
        "vahingossa, ilmoita siitä lähettäjälle ja poista viesti.",
    ),
}


def _message(sender: Sender, body: str, *, headers: bool = True) -> bytes:
    if not headers:
        return body.encode()
    msg = EmailMessage()
    msg["From"] = f"{sender.display} <{sender.address}>"
    msg["To"] = "ann@us.example"
    msg["Subject"] = "Re: offer"
    msg.set_content(body)
    return bytes(msg)


def _html_message(sender: Sender, markup: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{sender.display} <{sender.address}>"
    msg["To"] = "ann@us.example"
    msg["Subject"] = "Fwd: offer"
    msg.set_content(markup, subtype="html")
    return bytes(msg)


def _signature(raw: bytes) -> list[str]:
    extraction = extract(read_message(raw).own)
    assert extraction.has_signature and extraction.signature is not None
    return [line.strip() for line in extraction.signature.split("\n") if line.strip()]


def _body(sender: Sender, *, middle: str = "", below: str = "") -> str:
    block = "\n".join(sender.block)
    parts = [sender.greeting, sender.text, middle, sender.closing + "\n" + block, below]
    return "\n\n".join(part for part in parts if part) + "\n"


@pytest.mark.parametrize("lang", list(SENDERS))
def test_block_above_a_legal_footer_in_the_senders_language_ends_at_the_block(lang: str) -> None:
    """The block runs from the name to the last contact line; the register numbers and the
    confidentiality notice below it are not part of it."""
    sender = SENDERS[lang]
    found = _signature(_message(sender, _body(sender, below=sender.footer)))
    assert found == list(sender.block)


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "pl"])
def test_block_below_a_long_pasted_table_is_found(lang: str) -> None:
    """Forty rows of figures (digits that look like phone numbers) above the block, with no
    sign-off: the block is anchored on the sender's name, not grown up into the table."""
    sender = SENDERS[lang]
    rows = "\n".join(
        f"2023-0{i % 9 + 1}-1{i % 9}  4711-{i:04d}   {i * 13:>5}.00   {i * 7777:>9}" for i in range(40)
    )
    body = f"{sender.greeting}\n\n{sender.text}\n\n{rows}\n\n" + "\n".join(sender.block) + "\n"
    assert _signature(_message(sender, body)) == list(sender.block)


@pytest.mark.parametrize("lang", ["en", "de", "it", "cs"])
def test_block_above_a_pasted_log_is_found(lang: str) -> None:
    """A sender signs, then pastes sixty log lines: the block below the sign-off is theirs."""
    sender = SENDERS[lang]
    log = "\n".join(
        f"2023-04-0{i % 9 + 1} 12:0{i % 10}:11 ERROR worker-{i} [main] connection reset at 10.0.0.{i}"
        for i in range(60)
    )
    assert _signature(_message(sender, _body(sender, below=log))) == list(sender.block)


@pytest.mark.parametrize(
    "logo",
    ["[cid:image001.png@01D9A1B2.C3D4E5F0]", "[logo]", "[image: ACME Industrie]", "<image001.png>"],
)
@pytest.mark.parametrize("lang", ["fr", "es", "nl"])
def test_logo_placeholder_after_the_closing_is_not_part_of_the_block(lang: str, logo: str) -> None:
    """A logo left as a placeholder between the closing and the name, and another one below."""
    sender = SENDERS[lang]
    block = "\n".join(sender.block)
    body = f"{sender.greeting}\n\n{sender.text}\n\n{sender.closing}\n{logo}\n{block}\n{logo}\n"
    assert _signature(_message(sender, body)) == list(sender.block)


@pytest.mark.parametrize(
    "quote",
    [
        '<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------'
        "<br>From: <b>Olle Svensson</b> &lt;olle@kund.se&gt;<br>Subject: Offert</div>"
        "<div>Här är offerten.</div><div>Olle Svensson<br>Kund AB<br>+46 8 123 45 67</div></div>",
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Olle Svensson'
        " &lt;olle@kund.se&gt;<br><b>Sent:</b> Monday<br><b>Subject:</b> Offert</p></div>"
        "<p>Här är offerten.</p><p>Olle Svensson<br>Kund AB<br>+46 8 123 45 67</p>",
        "<p><b>De&nbsp;:</b> Olle Svensson &lt;olle@kund.se&gt;<br><b>Envoyé&nbsp;:</b> lundi<br>"
        "<b>À&nbsp;:</b> Anna<br><b>Objet&nbsp;:</b> Offert</p><p>Voici le devis.</p>"
        "<p>Olle Svensson<br>Kund AB<br>+46 8 123 45 67</p>",
    ],
)
@pytest.mark.parametrize("signoff", ["Anna", "/Anna", "Mvh<br>Anna", "Thanks,<br>Anna Berg"])
def test_short_signoff_above_a_forwarded_original_in_html_mail(quote: str, signoff: str) -> None:
    """HTML-only mail: the sender's short sign-off above the forwarded original is their block,
    never the original's signature."""
    sender = Sender("Anna Berg", "anna.berg@firma.se", "", "", "", (), "")
    markup = f"<html><body><p>Hej,</p><p>se nedan.</p><p>{signoff}</p>{quote}</body></html>"
    found = _signature(_html_message(sender, markup))
    assert found == [signoff.split("<br>")[-1]]


@pytest.mark.parametrize("lang", ["en", "pl", "cs", "hu", "sv"])
def test_bare_body_without_headers_has_its_block_found(lang: str) -> None:
    """A plain body with no header at all (no From name to anchor on)."""
    sender = SENDERS[lang]
    raw = _message(sender, _body(sender, below=sender.footer), headers=False)
    reading = read_message(raw)
    assert reading.sender is None
    assert _signature(raw) == list(sender.block)


def test_anchored_block_in_a_bare_body_needs_a_contact_line() -> None:
    """Without a sender to match, a name line above a pasted log is a block only with a phone
    or an e-mail below it: a bare name and a log are not a signature."""
    log = "\n".join(f"12:0{i % 10}:11 ERROR worker-{i} 10.0.0.{i} 4711{i:04d}" for i in range(40))
    assert find_signature(["Hi,", "", "see the log.", "", "Adam Smith", "", *log.split("\n")], None) is None
    lines = ["Hi,", "", "see the log.", "", "Thanks,", "Adam Smith", "+44 20 7946 0123", "", *log.split("\n")]
    block = find_signature(lines, None)
    assert block is not None and (block.first, block.last, block.signoff) == (5, 6, 4)


def test_a_sentence_with_a_legal_word_above_the_sender_is_not_a_footer() -> None:
    """"... the figures are confidential. Thank you, / Ann Thomas / phone" in one paragraph:
    the legal word is the sender's prose, the name and number below it are their block."""
    lines = [
        "Mark,",
        "Please keep the figures I sent yesterday confidential until the board has seen them.",
        "Thank you,",
        "Ann Thomas",
        "(713) 871-8345",
    ]
    block = find_signature(lines, Author("Ann Thomas", "ann.thomas@example.com"))
    assert block is not None and (block.first, block.last) == (3, 4)


def test_anchors_beyond_the_most_are_not_tried() -> None:
    """Thousands of lines naming the sender above a long log: only the MOST_ANCHORS nearest the
    end are scored, so a block further up is not looked for."""
    log = [f"12:0{i % 10}:11 ERROR worker-{i} 10.0.0.{i} 4711{i:04d}" for i in range(40)]
    block = ["Thanks,", "Bob Smith", "+49 30 1234567"]
    names = ["Bob Smith"] * (MOST_ANCHORS + 5)
    author = Author("Bob Smith", "bob@acme.example")
    near = find_signature(["Hi,", "", *block, "", *names, "", *log], author)
    assert near is None or near.first > 2
    found = find_signature(["Hi,", "", *block, "", *log], author)
    assert found is not None and (found.first, found.last) == (3, 4)


@pytest.mark.parametrize(
    "line",
    [
        "Pozdrawiam serdecznie", "Z poważaniem,", "Üdvözlettel:", "S pozdravem", "S pozdravom",
        "Cu stimă,", "Saygılarımla", "Ystävällisin terveisin", "Med vennlig hilsen",
        "Με εκτίμηση,", "Srdačan pozdrav", "Lep pozdrav", "Lugupidamisega", "Ar cieņu,",
        "Pagarbiai,", "Viele Grüße aus Berlin", "Bien cordialement,", "Un cordial saludo,",
    ],
)
def test_valedictions_of_many_languages_are_sign_offs(line: str) -> None:
    assert is_valediction(line)


@pytest.mark.parametrize("line", ["Please send the offer by Friday.", "Poland", "Best practice"])
def test_other_short_lines_are_not_sign_offs(line: str) -> None:
    assert not is_valediction(line)


@pytest.mark.parametrize(
    "line",
    [
        "Wysłane z mojego iPhone'a", "iPhone-ról küldve", "Odesláno z iPhonu", "Odoslané z iPhonu",
        "Trimis de pe iPhone-ul meu", "iPhone'umdan gönderildi", "Lähetetty iPhonesta",
        "Sendt fra min iPhone", "Στάλθηκε από το iPhone μου", "Poslano s mog iPhonea",
        "Saadetud minu iPhone'ist", "Nosūtīts no mana iPhone", "Išsiųsta iš mano iPhone",
    ],
)
def test_device_lines_of_many_languages(line: str) -> None:
    assert is_device(line)


@pytest.mark.parametrize(
    ("line", "registry"),
    [
        ("KvK 12345678 | BTW NL123456789B01", True),
        ("NIP 123-456-78-90, REGON 123456789", True),
        ("IČO: 12345678, DIČ: CZ12345678", True),
        ("RCS Lyon B 123 456 789", True),
        ("P.IVA 01234567890", True),
        ("CVR-nr. 12345678", True),
        ("btw, the meeting moved to 10", False),
        ("Prices are CIF Rotterdam", False),
    ],
)
def test_register_numbers_are_told_from_words(line: str, registry: bool) -> None:
    assert is_registry(line) is registry


@pytest.mark.parametrize(
    ("line", "placeholder"),
    [("[cid:image001.png@01D9A1B2.C3D4E5F0]", True), ("[Logo]", True), ("<image002.jpg>", True),
     ("Jean Dupont [ACME]", False), ("Tel. +33 4 72 00 00 00", False)],
)
def test_logo_placeholders(line: str, placeholder: bool) -> None:
    assert is_placeholder(line) is placeholder


def test_misspelt_closing_above_a_logo_and_a_log_still_anchors_the_block() -> None:
    """"Cordialment," (a letter missing) then a logo, the block, and a pasted log below it."""
    log = [f"12:0{i % 10}:11 ERROR worker-{i} 10.0.0.{i} 4711{i:04d}" for i in range(40)]
    lines = ["Bonjour,", "", "voir ci-dessous.", "", "Cordialment,", "[logo]", "Jean Dupont",
             "Tél. 04 72 00 00 00", "", *log]
    block = find_signature(lines, None)
    assert block is not None and (block.first, block.last, block.signoff) == (6, 7, 4)


@pytest.mark.parametrize("line", [
    "Pieter de Jong | Accountmanager | Voorbeeld B.V.",
    "Anna Weber • Leiterin Einkauf • Beispiel GmbH & Co. KG",
    "Marie Curie · Directrice R&D · Exemple S.A.",
    "Jan Kowalski | Kierownik sprzedaży | Przykład Sp. z o.o.",
])
def test_a_block_set_out_between_bars_is_not_a_sentence(line: str) -> None:
    """Name, role and company between bars or bullets, ending in a legal form's dot, is no prose."""
    assert not is_prose(line)


def test_a_sentence_with_a_bar_is_still_prose() -> None:
    """A long segment between bars is a sentence, bars or not."""
    assert is_prose("Please find the figures attached as discussed yesterday | regards to all of the team.")


def test_a_piped_block_after_the_closing_is_found_whole() -> None:
    """The piped first line opens the block; it is not the end of the message's text."""
    author = Author("Pieter de Jong", "p.dejong@example.nl")
    text = ("Hoi Sanne,\n\nIn de bijlage vind je de offerte.\n\nMet vriendelijke groet,\n\n"
            "Pieter de Jong | Accountmanager | Voorbeeld B.V.\nT: +31 (0)20 123 4567\n"
            "Herengracht 100, 1015 BS Amsterdam")
    extraction = extract(Part(author, text, 0))
    assert extraction.signature is not None and extraction.signature.startswith("Pieter de Jong")
    assert (extraction.fields["first_name"], extraction.fields["last_name"]) == ("Pieter", "de Jong")
    assert extraction.fields["company"] == "Voorbeeld B.V."
