"""Shapes of business and public-office mail: a French delivery box ("CS 30012") is no state, a
Turkish house number keeps its "No:", German officials sign "Im Auftrag" above their name and
write their department's number ("Ref. 505"), dashes frame a title, a list of people is nobody's
block, a From name that is the company's names no person, a Chinese floor ("4/F") opens an
address, a code alone keeps the country written before it, one line is a title or a company,
never both, a company's legal form or a country with a full stop ends no sentence, a country
after the city is the country, an office signs with its name (and address), and a block with a
blank line between all its lines is found above a data notice, GroupWise's reply header starts
the original, a team line above a name is no name, and an imprint's heading is none either; and
further shapes of real office mail, each in its test's docstring or name. Every message here is
invented for these tests."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract, read_message


def _read(author: Author, text: str, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    return extract(Part(author, text, 0), finders).fields


def test_a_delivery_box_beside_the_street_is_no_state(finders: tuple[Finder, ...]) -> None:
    text = ("Bonjour,\n\nmerci pour votre offre.\n\nBien à vous,\nMarc Petit\nDirecteur commercial\n"
            "Société Durand\n3 avenue Foch - CS 30012\n75116 PARIS CEDEX 16\nFrance\n"
            "Tél. : +33 1 44 00 00 00\n")
    fields = _read(Author("Marc Petit", "m.petit@durand.example"), text, finders)
    assert fields["state"] is None
    assert (fields["street_address"], fields["city"], fields["postal_code"]) == (
        "3 avenue Foch - CS 30012", "PARIS", "75116")


@pytest.mark.parametrize(("street", "code_line"), [
    ("Atatürk Cad. No: 15 Kat: 3", "34000 Kadıköy / İstanbul"),
    ("Calle Mayor Nº: 12", "28013 Madrid"),
])
def test_a_house_number_label_stays_in_the_street(street: str, code_line: str,
                                                  finders: tuple[Finder, ...]) -> None:
    text = "Merhaba,\n\nteşekkürler.\n\nSaygılarımla,\nMehmet Yılmaz\nDelta Makina A.Ş.\n"
    text += f"{street}\n{code_line}\nTel: +90 216 555 00 00"
    fields = _read(Author("Mehmet Yılmaz", "m.yilmaz@delta.example"), text, finders)
    assert fields["street_address"] == street


@pytest.mark.parametrize("mark", ["Im Auftrag", "im Auftrag", "In Vertretung", "i. A.", "p.p."])
def test_who_one_signs_for_stands_above_the_name(mark: str, finders: tuple[Finder, ...]) -> None:
    text = ("Sehr geehrter Herr Bauer,\n\nanbei erhalten Sie den Bescheid.\n\nMit freundlichen Grüßen\n"
            f"{mark}\nPeter Dorn\n\n--\nBundesamt für Beispiele\nRef. 505 -IFG-\n\n"
            "Postanschrift: 11013 Berlin\nTel.: 030-1817-6070\n")
    fields = _read(Author("IFG Anfragen", "ifg@bundesamt.example"), text, finders)
    assert (fields["first_name"], fields["last_name"]) == ("Peter", "Dorn")
    assert fields["street_address"] is None  # "Ref. 505" is a department, not a street
    assert (fields["postal_code"], fields["city"]) == ("11013", "Berlin")


def test_dashes_that_frame_a_title_are_no_cut_line(finders: tuple[Finder, ...]) -> None:
    text = ("Hallo,\n\nanbei das Angebot.\n\nMit freundlichen Grüßen\n\nHerbert Kern\n\n"
            "- Geschäftsführung/Inhaber -\n\n____________________________________________\n\n"
            "Kern Messtechnik GmbH\n\nTel: +49-40-28040239\n")
    fields = _read(Author("Herbert Kern", "hk@kern.example"), text, finders)
    assert fields["job_title"] is not None and "_" not in fields["job_title"]
    assert fields["job_title"].strip(" -") == "Geschäftsführung/Inhaber"


def test_a_list_of_people_is_no_block(finders: tuple[Finder, ...]) -> None:
    text = ("Hei,\n\nkan vi endre lagene til søndag? De riktige lagene er:\n\n"
            "Selma Lunde og Marie Roald (ny)\nMatilde Storm og Edda Moen\nMari Vik og Olivia Fiskum\n"
            "Arne Sølvberg og Matheo Berg\nHåkon Blom og Sverre Platou\n")
    extraction = extract(Part(None, text, 0), finders)
    assert not extraction.has_signature


def test_a_from_name_that_is_the_company_names_no_person(finders: tuple[Finder, ...]) -> None:
    text = ("Hello,\n\nif you are interested in our lamps, welcome to contact me.\n\nRgds\nMicheal\n"
            "QH lighting LTD\n")
    fields = _read(Author("QH Lighting", "sdf32dfvs@mail.example"), text, finders)
    assert fields["company"] == "QH lighting LTD"
    assert fields["first_name"] == "Micheal" and fields["last_name"] is None


def test_a_floor_opens_an_address_and_a_code_alone_keeps_the_country(finders: tuple[Finder, ...]) -> None:
    text = ("Dear Sir,\n\nplease find our catalogue attached.\n\nBest Regards\n\nLumen Panel Co., Ltd.\n\n"
            "4/F, Hongfa Building, Xinghua Road 551#, Fushan Industrial Park, LiaoBu, DongGuan, China.\n"
            "Post Code : 523401\n\nTel.:+86-0769-89120000\nFax:+86-0769-89120001\n")
    fields = _read(Author("Lumen Panel", "export@lumen-panel.example"), text, finders)
    assert fields["company"] == "Lumen Panel Co., Ltd."
    assert (fields["postal_code"], fields["country"]) == ("523401", "China")
    assert fields["street_address"] is not None and fields["street_address"].startswith("4/F")


@pytest.mark.parametrize(("author", "line", "title", "company"), [
    (Author("Humberto Portal", "hportal@pagos.example"), "Coordinador de Soporte", "Coordinador de Soporte",
     None),
    (Author("Paolo Bianchi", "p.bianchi@studiobianchi.example"), "Studio Tecnico Bianchi", None,
     "Studio Tecnico Bianchi"),
])
def test_one_line_is_a_title_or_a_company(author: Author, line: str, title: str | None, company: str | None,
                                          finders: tuple[Finder, ...]) -> None:
    """Where the rules and the tagger read the line differently, the surname in it (a family
    firm's) or the better support decides; the rules alone read one of the two."""
    assert author.name is not None
    text = f"Hola,\n\nrevisen el ticket por favor.\n\nSaludos\n\n{author.name}\n{line}\n"
    text += "Tel. +58 212 953 1786\n"
    fields = _read(author, text, finders)
    assert (fields["job_title"], fields["company"]) in {(title, company), (line, None)}
    assert fields["job_title"] != fields["company"]


def test_a_maillist_footer_is_the_lists(finders: tuple[Finder, ...]) -> None:
    text = ("The preview release is out.\n\nThe release notes are available at:\n"
            "http://www.example.org/news/preview-announce.html\n\n\n"
            "_______________________________________________\n"
            "Announce maillist  -  Announce@lists.example.org\n"
            "http://lists.example.org/mailman/listinfo/announce\n")
    extraction = extract(Part(Author("Example, Inc.", "news@example.org"), text, 0), finders)
    lines = text.split("\n")
    read = [lines[i] for i in extraction.signature_lines or ()]
    assert not any("maillist" in line for line in read)


def test_a_company_and_a_place_with_full_stops_end_the_block(finders: tuple[Finder, ...]) -> None:
    """A company's name ending in its legal form and a place ending in its country, each with a
    full stop, are no sentences: the block runs on to them, over one blank line to the city."""
    text = ("Hello,\n\nplease check the ticket.\n\nHumberto Portal\nCoordinador de Soporte\n"
            "Oficina:   (0212) 953-1786\n\nwww.pagos.example\n\nPagos Rápidos del Este, C. A.\n"
            "Av. Francisco de Miranda, Edif. Norte, Piso 2, Of. J-K,\n\nEl Rosal. Caracas, Venezuela.\n")
    fields = _read(Author("Humberto Portal", "hportal@pagos.example"), text, finders)
    assert fields["company"] == "Pagos Rápidos del Este, C. A."
    assert (fields["city"], fields["country"]) == ("Caracas", "Venezuela")


@pytest.mark.parametrize(("line", "city", "country"), [
    ("6 boulevard des Lices 31200 Toulouse France", "Toulouse", "France"),
    ("Rue Haute 5, 1000 Bruxelles Belgique", "Bruxelles", "Belgique"),
    ("Av. Reforma 222, 06600 Ciudad de México", "Ciudad de México", None),
])
def test_a_country_written_after_the_city(line: str, city: str, country: str | None,
                                          finders: tuple[Finder, ...]) -> None:
    text = f"Bonjour,\n\nmerci.\n\nCordialement,\nSihem Martin\nAgence Sud\n{line}\nTél. 05 61 00 00 00\n"
    fields = _read(Author("Sihem Martin", "s.martin@agence.example"), text, finders)
    assert fields["city"] == city  # the city's name whole where the country's ends it
    if country is not None:
        assert fields["country"] == country


def test_an_office_and_its_address_sign_without_a_person(finders: tuple[Finder, ...]) -> None:
    """An auto-reply closed by the body's name and address: the office signs; "Hauptverwaltung
    Hamburg" (the head office) is no one's name."""
    text = ("Sehr geehrte Damen und Herren,\nvielen Dank für Ihre Nachricht. Wir bearbeiten Ihre Anfrage.\n\n"
            "VBX - Ihre gesetzliche Unfallkasse\nHauptverwaltung Hamburg\nDeelweg 4\n22297 Hamburg\n")
    extraction = extract(Part(Author(None, "no_reply@vbx.example"), text, 0), finders)
    assert extraction.has_signature
    fields = extraction.fields
    assert fields["first_name"] is None and fields["last_name"] is None
    assert (fields["street_address"], fields["postal_code"], fields["city"]) == (
        "Deelweg 4", "22297", "Hamburg")


@pytest.mark.parametrize("office", ["Der Oberbürgermeister", "Die Präsidentin"])
def test_a_city_office_signs_below_the_closing(office: str, finders: tuple[Finder, ...]) -> None:
    text = ("Sehr geehrter Herr Bauer,\n\nIhre Anfrage wurde an das zuständige Amt weitergeleitet.\n\n"
            f"Mit freundlichen Grüßen\nim Auftrag\n\nLandeshauptstadt Musterstadt\n{office}\n")
    extraction = extract(Part(Author(None, "buergermeister@musterstadt.example"), text, 0), finders)
    assert extraction.has_signature
    assert extraction.fields["first_name"] is None and extraction.fields["last_name"] is None
    assert extraction.fields["company"] == "Landeshauptstadt Musterstadt"


def test_a_block_with_a_blank_line_between_all_its_lines_above_a_data_notice(
    finders: tuple[Finder, ...],
) -> None:
    """An HTML signature read as text doubles its height, and a Spanish data-protection notice
    below it is a footer: the block is still found below the sign-off."""
    block = ["Sergio Galán", "Project Manager / Ingeniero I+D+i",
             "\tInstrumentación . Calibración . Proyectos", "-" * 60 + "\nlogo \t", "Metrología Norte S.L.",
             "Pol. Ind. Riera, C/ Basters 17", "08184 Palau-solità i Plegamans", "Barcelona (Spain)",
             "sgalan@metronorte.example", "Tel. +34 93 864 00 43", "Fax +34 93 864 00 18",
             "Delegación zona centro Madrid", "Ctra de Vicálvaro 2", "Tel. / Fax +34 91 371 00 42",
             "info@metronorte.example", "www.metronorte.example", "\t"]
    notice = ("Se les comunica que los datos de carácter personal que nos hayan podido facilitar\n"
              "pueden ser introducidos en un fichero titularidad de la empresa. Por ello y conforme\n"
              "a lo dispuesto en la ley, pueden ejercitar sus derechos de acceso y cancelación.\n")
    text = ("Dear all,\n\nI'm not able to find where I can add the license. Could you explain how?\n\n"
            "Best regards\n\n-- \n\n" + "\n\n".join(block) + "\n\n" + "-" * 60 + "\n\n" + notice)
    fields = _read(Author("sgalan", "sgalan@metronorte.example"), text, finders)
    assert (fields["first_name"], fields["last_name"]) == ("Sergio", "Galán")
    assert (fields["company"], fields["phone"], fields["postal_code"]) == (
        "Metrología Norte S.L.", "+34 93 864 00 43", "08184")


def test_a_groupwise_reply_header_starts_the_original(finders: tuple[Finder, ...]) -> None:
    """GroupWise writes ">>> "Name" <address> date >>>" above the mail replied to: what follows is
    the customer's, with their own block; the bank's clerk signs below its team line."""
    text = ("Guten Tag Herr Rossi,\n\nvielen Dank für Ihre E-Mail. Bitte teilen Sie uns Ihre neue Anschrift\n"
            "per Brief oder Fax (0180) 30 40 800 (9 Cent/ Minute) mit.\n\nMit freundlichen Grüßen\n\n"
            "Ihr Nordbank E-Mail Team\nBirgit Hansen\n\n\n\n"
            '>>> "Mario Rossi" <mario.rossi@mail.example> 30.9.06  0.06 >>>\n'
            "Sehr geehrte Damen und Herren,\n\nich möchte gerne den Stand erfahren.\n\n"
            "Mit freundlichem Gruß,\n\n-- \nMario Rossi\nViale Teano 26\n"
            "I - 26845 Vienna (Lodi)\n\nMobile: +39 340 1234567\n")
    reading = read_message(f"From: direkt@nordbank.example\nSubject: Antw: Adresse\n\n{text}".encode())
    fields = extract(reading.own, finders).fields
    assert (fields["first_name"], fields["last_name"]) == ("Birgit", "Hansen")
    assert fields["mobile_phone"] is None and fields["street_address"] is None
    assert fields["fax"] in (None, "(0180) 30 40 800")  # read from the body, without "(9 Cent"


def test_an_imprint_heading_is_no_name(finders: tuple[Finder, ...]) -> None:
    text = ("Diese Nachricht wurde automatisch erstellt.\n\nImpressum\nHerausgeber und Verlag:\n"
            "Stiftung Prüfdienst\nLützowplatz 11-13\n10785 Berlin\nTelefon:    (030) 26 31-0\n")
    fields = _read(Author(None, "newsletter@stiftung-pruefdienst.example"), text, finders)
    assert fields["first_name"] is None and fields["last_name"] is None


def test_a_bar_after_the_area_code_parts_the_number_not_the_line(finders: tuple[Finder, ...]) -> None:
    text = ("Hello,\n\nI am interested in the script.\n\nSincerely\nJonas Weber\nTechniker\n\n"
            "Netwerk Ulm GmbH\nLehrer-Tal-Weg 38\n89075 Ulm\n\n"
            "tel: 0731 | 175 49 88 9\n\nfax: 0731 | 175 49 89 1\n")
    fields = _read(Author("Jonas Weber", "weber@netwerk.example"), text, finders)
    assert (fields["phone"], fields["fax"]) == ("0731 | 175 49 88 9", "0731 | 175 49 89 1")


def test_initials_signed_above_the_full_name_give_way_to_it(finders: tuple[Finder, ...]) -> None:
    text = ("Bonjour,\n\nPar avance merci pour vos informations.\n\nSincères salutations\nJP Trauner\n\n"
            "ville de Villeneuve - Direction des Systèmes d'Information\n"
            "Jean-Pierre TRAUNER - Responsable Technique et Sécurité\n"
            " Tél : 04 72 65 80 73- Fax : 04 78 03 69 19\n")
    fields = _read(Author("Trauner Jean-Pierre", "jean-pierre.trauner@villeneuve.example"), text, finders)
    assert fields["first_name"] == "Jean-Pierre"
    assert fields["last_name"] is not None and fields["last_name"].casefold() == "trauner"


def test_a_company_before_its_address_on_one_line_with_commas(finders: tuple[Finder, ...]) -> None:
    text = ("Hi,\n\nthe patch is in the bug report.\n\nBest regards,\nBjörn\n\n-- \n"
            "NetServ GmbH, Bahnhofsallee 1b, 37081 Göttingen\n"
            "phone: 0551-370000-0, mailto:kontakt@netserv.example\n")
    fields = _read(Author("Björn Berg", "bb@netserv.example"), text, finders)
    assert (fields["company"], fields["street_address"], fields["postal_code"], fields["city"]) == (
        "NetServ GmbH", "Bahnhofsallee 1b", "37081", "Göttingen")


def test_a_province_and_a_country_in_brackets_after_the_city(finders: tuple[Finder, ...]) -> None:
    text = ("Hi,\n\nthanks for the hint.\n\n-- \n\nArmin Gallo\n\nResearch Engineer\n\n"
            "aghallo@ctel.example | +34 93 645 29 08\n\nCentre Tecnològic del Litoral\n\n"
            "Av. Carl Friedrich Gauss, 7\n\n08860 - Castelldefels (Barcelona, Spain)\n")
    fields = _read(Author("Armin Gallo", "aghallo@ctel.example"), text, finders)
    assert (fields["postal_code"], fields["city"], fields["state"], fields["country"]) == (
        "08860", "Castelldefels", "Barcelona", "Spain")


def test_a_signature_below_the_quote_is_the_authors(finders: tuple[Finder, ...]) -> None:
    """KMail appends the "-- " block below the quoted original; its first line is the name the
    author signed above the quote: it is theirs, the quoted requester's block is not."""
    text = "\n".join([
        "Sehr geehrter Herr Bauer,", "", "anbei übersende ich Ihnen meinen Bescheid.", "",
        "Mit freundlichen Grüßen", "im Auftrag", "", "Theresa Tann", "", "",
        "__________ ursprüngliche Nachricht __________", "",
        "Von:\t\tT M <t.m@anfragen.example>", "Datum:\tMittwoch, 25. Juli 2018, 15:28:04",
        "An:\t\tifg@amt.example", "",
        "> Guten Tag,", ">", "> bitte senden Sie mir die Broschüren.", ">", "> Mit freundlichen Grüßen",
        "> Anton Frager", "> Postfach 12 34", "> 10115 Berlin", "",
        "-- ", "Theresa Tann", "-" * 40, "Bundesamt für Beispiele (BfB)", "Godesberger Allee 185-189",
        "53175 Bonn", "",
    ])
    reading = read_message(f"From: ifg@amt.example\nSubject: Re: Anfrage\n\n{text}".encode())
    fields = extract(reading.own, finders).fields
    assert (fields["first_name"], fields["last_name"]) == ("Theresa", "Tann")
    assert (fields["street_address"], fields["postal_code"], fields["city"]) == (
        "Godesberger Allee 185-189", "53175", "Bonn")


def test_an_authoritys_name_carried_on_by_its_genitive(finders: tuple[Finder, ...]) -> None:
    text = "\n".join([
        "Sehr geehrte Frau Roth,", "", "anbei der Bescheid.", "", "Mit freundlichen Grüßen", "Im Auftrag", "",
        "Erika Muster", "", "Ministerium des Innern", "des Landes Brandenburg", "- Referat 31 -",
        "Henning-von-Tresckow-Straße 9-13", "14467 Potsdam", "", "E-Mail: erika.muster@mi.land.example", "",
    ])
    fields = _read(Author("Erika Muster", "erika.muster@mi.land.example"), text, finders)
    assert fields["company"] == "Ministerium des Innern des Landes Brandenburg"
    assert fields["street_address"] == "Henning-von-Tresckow-Straße 9-13"


def test_a_valediction_in_two_languages_opens_the_block(finders: tuple[Finder, ...]) -> None:
    text = "\n".join([
        "Hi,", "", "the advisory is attached.", "", "Regards/Mit freundlichen Grüßen", "", "Tobias Glenn", "",
        "07032/9758-15 (Telefon)", "07032/9758-30 (Fax)", "--", "Tele-Beratung GmbH", "Siedlerstraße 22-24",
        "71126 Gäufelden", "www.tele-beratung.example", "--",
        "Registergericht: Amtsgericht Stuttgart HRB 241704",
    ])
    fields = _read(Author("Tobias Glenn", "tglenn@tele-beratung.example"), text, finders)
    assert (fields["first_name"], fields["fax"], fields["postal_code"]) == (
        "Tobias", "07032/9758-30", "71126")


def test_cdt_is_a_french_closing_not_a_name(finders: tuple[Finder, ...]) -> None:
    text = "Bonjour\n\nNous serions intéressés par une présentation de votre produit.\n\nCdt\n"
    fields = _read(Author(None, "christophe.robin@culture.example"), text, finders)
    assert fields["first_name"] is None


def test_a_mailbox_of_initial_and_surname_tells_the_order(finders: tuple[Finder, ...]) -> None:
    """jlenti@ (the given name's initial, then the family name) signing "József Lenti" writes the
    given name first, though the domain is Hungarian."""
    text = "Hello,\n\nthank you for the quick answer.\n\nBest regards, József Lenti\n"
    fields = _read(Author(None, "jlenti@grepton.example.hu"), text, finders)
    assert (fields["first_name"], fields["last_name"]) == ("József", "Lenti")


def test_a_nickname_in_quotes_after_the_name(finders: tuple[Finder, ...]) -> None:
    text = "\n".join([
        "Hi,", "", "I changed the configuration back and still get the same error.", "", "-" * 34,
        'Juan N. De La Cruz-Bueno "Nico"', "System Administrator | WiMAX Administrator",
        "Wireless Idea – Mobile Entertainment", "", "Mobile: 787-460-2021",
    ])
    fields = _read(Author("Juan De La Cruz", "juan.delacruz@wirelessidea.example"), text, finders)
    assert (fields["first_name"], fields["last_name"]) == ("Juan", "De La Cruz-Bueno")


def test_a_code_between_dashes_after_the_street_and_a_country_code_in_brackets(
    finders: tuple[Finder, ...],
) -> None:
    text = "\n".join([
        "Buongiorno,", "", "vi scrivo per la licenza.", "", "Laura", "", "Marialaura Colonna",
        "Direzione Tecnica",
        "Quinet s.r.l.", "Via Cardinal Fossati 5  - 10141 - Torino (IT)", "Tel.  +39 011-19703500",
    ])
    fields = _read(Author("Marialaura Colonna", "m.colonna@quinet.example.it"), text, finders)
    assert (fields["street_address"], fields["postal_code"], fields["city"]) == (
        "Via Cardinal Fossati 5", "10141", "Torino")
    assert fields["state"] is None and fields["country"] == "IT"
