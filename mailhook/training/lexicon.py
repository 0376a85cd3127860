"""Words that signatures share across languages: greetings, labels, legal forms, titles, footers.

Everything here is mixed across locales on purpose: a German signature may say "Best regards" and a
Polish company may be a "GmbH". The tagger learns these as context (labelled O), not as entities.
"""

from __future__ import annotations

from mailhook.training import languages as more

VALEDICTIONS: dict[str, tuple[str, ...]] = {
    "en": ("Best regards,", "Kind regards,", "Regards,", "Best,", "Thanks,", "Thank you,", "Cheers,",
           "Sincerely,", "Many thanks,", "All the best,", "Warm regards,", "Yours sincerely,", "Thx,"),
    "de": ("Mit freundlichen Grüßen", "Mit freundlichen Grüssen", "Viele Grüße", "Beste Grüße",
           "Freundliche Grüße", "Schöne Grüße", "MfG", "Gruß", "LG", "Herzliche Grüße"),
    "fr": ("Cordialement,", "Bien cordialement,", "Bien à vous,", "Salutations distinguées,",
           "Meilleures salutations", "Merci d'avance,", "Amicalement,"),
    "es": ("Saludos,", "Saludos cordiales,", "Un saludo,", "Atentamente,", "Muchas gracias,",
           "Un cordial saludo,"),
    "it": ("Cordiali saluti,", "Distinti saluti,", "Saluti,", "Grazie,", "Buona giornata,"),
    "nl": ("Met vriendelijke groet,", "Met vriendelijke groeten,", "Groeten,", "Mvg,",
           "Hartelijke groet,"),
    "da": ("Med venlig hilsen", "Venlig hilsen", "Mvh", "Hilsen"),
    "sv": ("Med vänliga hälsningar", "Vänliga hälsningar", "Mvh", "Hälsningar"),
    "no": ("Med vennlig hilsen", "Vennlig hilsen", "Mvh", "Hilsen"),
    "fi": ("Ystävällisin terveisin", "Terveisin", "Parhain terveisin"),
    "pl": ("Pozdrawiam,", "Z poważaniem,", "Pozdrawiam serdecznie,", "Z wyrazami szacunku,"),
    "pt": ("Atenciosamente,", "Cumprimentos,", "Com os melhores cumprimentos,", "Abraços,",
           "Obrigado,", "Att.,"),
    "cs": ("S pozdravem", "S přátelským pozdravem", "Děkuji,"),
    "sk": ("S pozdravom", "S priateľským pozdravom"),
    "hu": ("Üdvözlettel,", "Tisztelettel,", "Üdv,"),
    "ro": ("Cu stimă,", "Cu respect,", "Toate cele bune,", "Mulțumesc,"),
    "el": ("Με εκτίμηση,", "Φιλικά,", "Ευχαριστώ,"),
    "ru": ("С уважением,", "С наилучшими пожеланиями,", "Спасибо,"),
    "tr": ("Saygılarımla,", "İyi çalışmalar,", "Teşekkürler,"),
    "hr": ("Srdačan pozdrav,", "Lijep pozdrav,", "S poštovanjem,"),
    "sl": ("Lep pozdrav,", "S spoštovanjem,"),
}

# (phone, mobile, fax) label words; a line picks one and a separator (":", " ", ".:").
PHONE_LABELS: tuple[str, ...] = (
    "Tel", "Tel.", "Phone", "T", "P", "Telefon", "Tél", "Tél.", "Téléphone", "Teléfono", "Tlf",
    "Puh", "Telefono", "Office", "Direct", "Ph", "Voice", "Τηλ", "Тел", "Telefone", "Telefón",
    "Work", "Durchwahl", "Zentrale", "Switchboard",
)
MOBILE_LABELS: tuple[str, ...] = (
    "Mobile", "Mob", "M", "Cell", "Handy", "Mobil", "Portable", "Móvil", "Cellulare", "Mobiel",
    "Gsm", "Kom", "Celular", "Telemóvel", "Matkapuhelin", "Мобильный", "Cep", "Mobitel", "Cellular",
)
FAX_LABELS: tuple[str, ...] = ("Fax", "F", "Telefax", "Facsimile", "Télécopie", "Faks", "Факс")
EMAIL_LABELS: tuple[str, ...] = ("E-Mail", "Email", "E", "Mail", "e-mail", "Courriel", "Correo",
                                 "Sähköposti", "E-post", "Эл. почта")
WEB_LABELS: tuple[str, ...] = ("Web", "W", "Internet", "Website", "Site", "Www", "Homepage")
ADDRESS_LABELS: tuple[str, ...] = (
    "Address", "Adresse", "Anschrift", "Sitz", "Dirección", "Indirizzo", "Adres", "Adresa",
    "Morada", "Endereço", "Cím", "Osoite", "Adress", "Visiting address", "Bezoekadres", "Office",
    "Postadresse", "Siège", "Sede",
)
SEPARATORS: tuple[str, ...] = (" | ", " · ", " - ", " – ", " • ", " / ", "  ", ", ", " — ", " |  ",
                                " * ", " ~ ", "\t\t")
RULES: tuple[str, ...] = ("--", "-- ", "__", "________________________________", "----------------",
                          "==============================", "* * *", "~~~", "_ __ ___ ____ ___ __ _")

LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("Ltd", "Ltd.", "Limited", "Inc.", "Inc", "LLC", "LLP", "Corp.", "Corporation", "plc",
           "PLC", "Co.", "Group", "& Co.", "Pty Ltd", "LP"),
    "de": ("GmbH", "AG", "GmbH & Co. KG", "KG", "e.V.", "OHG", "SE", "UG (haftungsbeschränkt)",
           "mbH", "KGaA"),
    "fr": ("SA", "S.A.", "SARL", "S.A.R.L.", "SAS", "S.A.S.", "Sàrl", "SNC", "EURL"),
    "es": ("S.A.", "S.L.", "SL", "S.L.U.", "S.A. de C.V.", "S. de R.L.", "S.Coop."),
    "it": ("S.p.A.", "SpA", "S.r.l.", "Srl", "s.r.l.", "S.a.s.", "S.n.c."),
    "nl": ("B.V.", "BV", "N.V.", "NV", "VOF", "CV", "BVBA", "bv"),
    "da": ("A/S", "ApS", "I/S"),
    "sv": ("AB", "HB", "KB", "(publ)"),
    "no": ("AS", "ASA", "ANS"),
    "fi": ("Oy", "Oyj", "Ky", "Ab"),
    "pl": ("Sp. z o.o.", "sp. z o.o.", "S.A.", "Sp.j.", "sp. k."),
    "pt": ("Lda.", "Lda", "S.A.", "Ltda.", "Ltda", "ME", "EIRELI"),
    "cs": ("s.r.o.", "a.s.", "v.o.s.", "spol. s r.o."),
    "sk": ("s.r.o.", "a.s."),
    "hu": ("Kft.", "Zrt.", "Nyrt.", "Bt.", "Kft"),
    "ro": ("S.R.L.", "SRL", "S.A.", "SA"),
    "el": ("Α.Ε.", "Ε.Π.Ε.", "Ο.Ε.", "S.A."),
    "ru": ("ООО", "АО", "ПАО", "ЗАО", "LLC"),
    "tr": ("A.Ş.", "Ltd. Şti.", "AŞ"),
    "hr": ("d.o.o.", "d.d."),
    "sl": ("d.o.o.", "d.d.", "s.p."),
}
ORG_WORDS: tuple[str, ...] = (
    "Consulting", "Solutions", "Systems", "Technologies", "Partners", "Services", "Industries",
    "Holding", "International", "Logistics", "Software", "Engineering", "Immobilien", "Verwaltung",
    "Handel", "Bau", "Technik", "Conseil", "Ingénierie", "Servicios", "Soluciones", "Ingegneria",
    "Servizi", "Techniek", "Groep", "Gruppe", "Groupe", "Grupo", "Gruppo", "Grupa", "Energie",
    "Media", "Capital", "Labs", "Medical", "Pharma", "Automotive", "Finance", "Trading", "Design",
)
UNIVERSITY_PATTERNS: tuple[str, ...] = (
    "University of {city}", "Universität {city}", "Université de {city}", "Universidad de {city}",
    "Università di {city}", "Universiteit {city}", "{city} University", "Hochschule {city}",
    "Technische Universität {city}", "Stadtwerke {city}", "{city} City Council", "Ville de {city}",
    "Ayuntamiento de {city}", "Gemeente {city}", "Klinikum {city}", "Hospital {city}",
)

# Job-title building blocks per language: (seniority, function, role) and a few whole titles.
TITLE_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Senior", "Junior", "Lead", "Chief", "Head of", "Assistant", "Associate", "Deputy",
            "Regional", "Global", "Principal", "Executive"),
           ("Sales", "Marketing", "Finance", "Operations", "IT", "Purchasing", "Legal", "HR",
            "Customer Success", "Business Development", "Product", "Engineering", "Logistics"),
           ("Manager", "Director", "Officer", "Engineer", "Consultant", "Specialist", "Analyst",
            "Coordinator", "Representative", "Advisor", "Account Manager", "Architect", "Counsel",
            "Trader", "Administrative Assistant", "Economist", "Scientist", "Vice President",
            "Geologist", "Associate", "Administrator", "Supervisor", "Paralegal", "Attorney"),
           ("CEO", "CFO", "CTO", "COO", "Managing Director", "Founder", "Co-Founder", "President",
            "Vice President", "VP Sales", "Partner", "Owner", "Attorney at Law", "Professor",
            "Office Manager", "Project Manager", "Software Engineer", "Sales Manager",
            "Senior Counsel", "Event Manager", "General Counsel", "Executive Assistant",
            "Assistant Professor", "Research Fellow", "Principal Software Engineer")),
    "de": (("Senior", "Leiter", "Leiterin", "Stellv.", "Bereichsleiter", "Teamleiter"),
           ("Vertrieb", "Einkauf", "Marketing", "Buchhaltung", "Personal", "IT", "Technik",
            "Kundenservice", "Logistik", "Projektmanagement"),
           ("Referent", "Sachbearbeiterin", "Technischer Vertrieb", "Vertriebsinnendienst",
            "Leitung Einkauf", "Außendienst", "Anwendungstechnik", "Berater", "Beraterin", "Ingenieur",
            "Kaufmann",
            "Projektleiter", "Vertriebsleiter", "Kundenbetreuer", "Assistentin"),
           ("Geschäftsführer", "Geschäftsführerin", "Prokurist", "Vorstand", "Inhaber",
            "Rechtsanwalt", "Steuerberater", "Key Account Manager", "Dipl.-Ing.", "Gesellschafter")),
    "fr": (("Responsable", "Directeur", "Directrice", "Chef de", "Chargé de", "Chargée de"),
           ("commercial", "marketing", "des achats", "financier", "technique", "clientèle",
            "projet", "ressources humaines", "communication"),
           ("Ingénieur", "Consultant", "Consultante", "Assistante", "Chef de projet SI",
            "Responsable Achats", "Ingénieure commerciale", "Attachée commerciale", "Comptable", "Technicien",
            "Commercial", "Juriste"),
           ("Président", "Directeur Général", "Gérant", "Gérante", "PDG", "Avocat",
            "Directeur commercial", "Chef de projet", "Responsable RH")),
    "es": (("Director", "Directora", "Jefe de", "Jefa de", "Responsable de", "Gerente de",
            "Técnico de", "Técnica de", "Coordinadora de"),
           ("Ventas", "Compras", "Marketing", "Finanzas", "Operaciones", "Recursos Humanos",
            "Proyectos", "Atención al Cliente"),
           ("Ingeniero", "Ingeniera", "Consultor", "Consultora", "Asesora", "Administrativo",
            "Administrativa", "Comercial", "Abogado", "Abogada", "Logística"),
           ("Director General", "Gerente", "Socio", "Fundador", "Consejero Delegado",
            "Jefe de Proyecto")),
    "it": (("Responsabile", "Direttore", "Direttrice", "Capo"),
           ("Commerciale", "Acquisti", "Marketing", "Amministrazione", "Tecnico", "Vendite",
            "Risorse Umane", "Progetti"),
           ("Ingegnere", "Consulente", "Impiegata", "Addetto", "Addetta", "Geometra", "Avvocato",
            "Ufficio Tecnico", "Responsabile Qualità"),
           ("Amministratore Delegato", "Direttore Generale", "Titolare", "Socio",
            "Responsabile Commerciale", "Project Manager")),
    "nl": (("Hoofd", "Senior", "Manager", "Medewerker"),
           ("Verkoop", "Inkoop", "Marketing", "Financiën", "Klantenservice", "Logistiek", "ICT"),
           ("Adviseur", "Accountmanager", "Projectleider", "Consultant", "Ingenieur"),
           ("Directeur", "Algemeen Directeur", "Eigenaar", "Vennoot", "Bedrijfsleider")),
    "da": (("Senior", "Afdelings"), ("salg", "indkøb", "økonomi"), ("chef", "konsulent", "leder"),
           ("Direktør", "Administrerende direktør", "Salgschef", "Projektleder", "Indehaver")),
    "sv": (("Senior", "Avdelnings"), ("försäljnings", "inköps", "ekonomi"), ("chef", "ansvarig"),
           ("Verkställande direktör", "VD", "Försäljningschef", "Projektledare", "Konsult")),
    "no": (("Senior",), ("salgs", "innkjøps", "økonomi"), ("sjef", "leder", "rådgiver"),
           ("Daglig leder", "Administrerende direktør", "Salgssjef", "Prosjektleder")),
    "fi": (("Johtava",), ("myynti", "talous", "osto"), ("päällikkö", "johtaja", "asiantuntija"),
           ("Toimitusjohtaja", "Myyntipäällikkö", "Projektipäällikkö", "Asiakkuuspäällikkö")),
    "pl": (("Starszy", "Kierownik", "Dyrektor"), ("Sprzedaży", "Zakupów", "Marketingu",
            "Finansowy", "Projektu", "Działu IT"), ("Specjalista", "Inżynier", "Konsultant"),
           ("Prezes Zarządu", "Członek Zarządu", "Właściciel", "Kierownik Projektu",
            "Dyrektor Handlowy", "Specjalista ds. sprzedaży")),
    "pt": (("Diretor", "Diretora", "Gerente de", "Coordenador de", "Responsável de"),
           ("Vendas", "Compras", "Marketing", "Finanças", "Projetos", "Recursos Humanos"),
           ("Engenheiro", "Consultor", "Analista", "Assistente", "Advogado"),
           ("Diretor Geral", "Sócio-Gerente", "Gerente Comercial", "Sócio", "CEO")),
    "cs": (("Vedoucí", "Ředitel"), ("obchodu", "nákupu", "marketingu", "projektu"),
           ("Specialista", "Inženýr", "Konzultant"), ("Jednatel", "Ředitel společnosti",
                                                      "Obchodní ředitel", "Projektový manažer")),
    "sk": (("Vedúci",), ("obchodu", "nákupu"), ("Špecialista", "Konzultant"),
           ("Konateľ", "Riaditeľ", "Obchodný riaditeľ")),
    "hu": (("Vezető",), ("értékesítési", "beszerzési", "pénzügyi"), ("vezető", "munkatárs",
                                                                      "tanácsadó"),
           ("Ügyvezető igazgató", "Ügyvezető", "Projektvezető", "Értékesítési vezető")),
    "ro": (("Director", "Manager", "Şef"), ("Vânzări", "Achiziţii", "Marketing", "Financiar"),
           ("Inginer", "Consultant", "Specialist"), ("Director General", "Administrator",
                                                     "Manager de proiect")),
    "el": (("Διευθυντής",), ("Πωλήσεων", "Οικονομικών", "Marketing"), ("Σύμβουλος", "Μηχανικός"),
           ("Γενικός Διευθυντής", "Διευθύνων Σύμβουλος", "Υπεύθυνος Πωλήσεων")),
    "ru": (("Руководитель", "Директор", "Начальник"), ("отдела продаж", "по развитию",
                                                       "отдела закупок"),
           ("Менеджер", "Инженер", "Консультант"), ("Генеральный директор", "Менеджер проектов",
                                                    "Коммерческий директор")),
    "tr": (("Kıdemli",), ("Satış", "Satın Alma", "Pazarlama"), ("Müdürü", "Uzmanı", "Mühendisi"),
           ("Genel Müdür", "Proje Müdürü", "Yönetim Kurulu Başkanı")),
    "hr": (("Voditelj", "Direktor"), ("prodaje", "nabave", "marketinga"), ("Savjetnik", "Inženjer"),
           ("Direktor", "Voditelj projekta")),
    "sl": (("Vodja",), ("prodaje", "nabave"), ("Svetovalec", "Inženir"), ("Direktor", "Vodja projekta")),
}
DEPARTMENTS: tuple[str, ...] = (
    "Sales Department", "Customer Service", "Accounts Payable", "IT Department", "Legal Department",
    "Abteilung Einkauf", "Vertrieb Innendienst", "Kundenservice", "Service und Support",
    "Service commercial", "Département Informatique", "Departamento de Ventas", "Ufficio Acquisti",
    "Afdeling Verkoop", "Dział Sprzedaży", "Kundeservice", "Asiakaspalvelu", "Hauptverwaltung",
    "Research & Development", "Finance & Controlling", "Zentraler Einkauf", "Back Office",
)
DEPARTMENT_PATTERNS: tuple[str, ...] = (
    "Department of {f}", "School of {f}", "{r} {f}", "{f} Team", "{r} Desk", "Global {f}",
    "Division {f}", "Abteilung {f}", "Bereich {f}", "Service {f}", "Dirección de {f}",
    "Direction {f}", "Afdeling {f}", "{f} Group", "{r} Operations", "{f} & Controlling",
)
REGIONS: tuple[str, ...] = ("West", "East", "North America", "EMEA", "Global", "Regional", "Corporate",
                            "Central", "DACH", "Nordics", "Benelux", "Iberia", "Real Time", "Retail")
EN_TITLE_PREFIXES: tuple[str, ...] = ("Sr.", "Jr.", "Vice President,", "Executive", "Acting",
                                      "Interim", "Senior Vice President,", "Asst.", "Admin")
HONORIFICS: tuple[str, ...] = ("Dr.", "Prof.", "Prof. Dr.", "Dr. med.", "Mag.", "Ing.", "Dipl.-Ing.",
                               "Mr.", "Mrs.", "Ms.", "Herr", "Frau", "M.", "Mme", "Sr.", "Dña.",
                               "dr", "mgr", "inż.", "Ph.D.", "MUDr.", "Bc.", "Dott.", "Avv.")
DEGREES: tuple[str, ...] = ("PhD", "Ph.D.", "MBA", "M.Sc.", "MSc", "B.A.", "CPA", "Esq.", "Jr.",
                            "LL.M.", "Dipl.-Kfm.", "MD", "P.E.", "CFA", "(FH)", "M.A.")
SIGNER_PREFIXES: tuple[str, ...] = ("i.A.", "i.V.", "ppa.", "pp", "p.p.", "p.o.", "-", "--", "~")

DISCLAIMERS: tuple[str, ...] = (
    "This e-mail and any attachments are confidential and intended solely for the addressee.",
    "If you are not the intended recipient, please notify the sender and delete this message.",
    "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, "
    "informieren Sie bitte sofort den Absender.",
    "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive "
    "de ses destinataires.",
    "Este mensaje y sus archivos adjuntos son confidenciales.",
    "Questo messaggio è riservato ed è destinato esclusivamente al destinatario.",
    "Dit bericht is uitsluitend bestemd voor de geadresseerde.",
    "Denne e-mail kan indeholde fortrolige oplysninger.",
    "Detta e-postmeddelande kan innehålla konfidentiell information.",
    "Ta wiadomość może zawierać informacje poufne.",
    "Esta mensagem é confidencial e destinada apenas ao destinatário.",
    "Please consider the environment before printing this e-mail.",
    "Bitte denken Sie an die Umwelt, bevor Sie diese E-Mail ausdrucken.",
    "Pensez à l'environnement avant d'imprimer ce message.",
)
NOISE_LINES: tuple[str, ...] = (
    "Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone",
    "Enviado desde mi iPhone", "Sent from Outlook for Android", "Inviato da iPhone",
    "[cid:image001.png@01D2A3B4.5C6D7E80]", "[logo]", "<image001.jpg>", "Follow us on LinkedIn",
    "Besuchen Sie uns auf der Messe in Halle 4, Stand B12", "Office hours: Mon–Fri 9:00–17:00",
    "Bürozeiten: Mo–Fr 8–16 Uhr", "Heures d'ouverture : 9h–18h", "Think green!",
    "Neu: Unser Online-Shop ist da!", "Join us at our booth!", "*** NEW ADDRESS ***",
    "Bitte beachten Sie unsere neue Anschrift!", "Please note our new phone numbers.",
    "Confidential", "VAT No. GB 123 4567 89", "USt-IdNr.: DE123456789", "N° TVA : FR12345678901",
    "CIF: B12345678", "P.IVA 01234567890", "KvK 12345678", "NIP: 123-456-78-90", "Org.nr. 556677-8899",
    "<<...OLE_Obj...>>", "<<OLE Object: Picture (Device Independent Bitmap)>>", "(my blog)",
)
# Lines near the phones that hold digits but are no address: extensions, rooms, mail stops.
EXTENSION_LINES: tuple[str, ...] = (
    "x{n4}", "x-{n5}", "X{n5}", "X3-{n4}", "{d}-{n4}", "ext. {n3}", "Ext {n4}", "EB {n4}", "EB{n4}",
    "Room {d}.{n3}", "Mail Stop {n3}", "Raum {d}.{n3}", "Büro {n3}", "Bureau {n3}", "Desk {n3}",
    "You can reach me at {d}-{n4}", "Durchwahl -{n3}", "Poste {n4}", "Kl. {n3}", "Pager: {n3}-{n4}",
)
SOCIAL_LABELS: tuple[str, ...] = ("Skype", "Twitter", "LinkedIn", "AOL IM", "Xing", "WhatsApp",
                                  "Teams", "Signal", "GitHub", "Instagram", "Facebook")
PO_BOXES: tuple[str, ...] = ("P.O. Box {n}", "PO Box {n}", "P. O. Box {n}", "Postfach {n}", "BP {n}",
                             "B.P. {n}", "Apartado {n}", "Postbus {n}", "Box {n}", "Casella Postale {n}",
                             "Skrytka pocztowa {n}", "Caixa Postal {n}", "Postboks {n}", "CP {n}",
                             "CS {n}", "Casella postale {n}", "Apdo. {n}", "Apartado de Correos {n}",
                             "Casilla {n}", "Case postale {n}", "Postilokero {n}", "Pf. {n}",
                             "PL {n}", "P.O.Box {n}", "Postbox {n}", "Pošt. přihrádka {n}")
REGISTRY_LINES: tuple[str, ...] = (
    "Geschäftsführer: {name}", "Managing Director: {name}", "Vorstand: {name}, {name2}",
    "Registered in England and Wales No. 01234567", "Amtsgericht München HRB 123456",
    "Sitz der Gesellschaft: {city}", "Registergericht: Amtsgericht {city}, HRB 98765",
    "Gérant : {name}", "Directors: {name}, {name2}", "Prezes Zarządu: {name}",
)

# Short, informal country names people actually write, beside the ISO names from pycountry.
COUNTRY_EXTRAS: tuple[str, ...] = (
    "USA", "U.S.A.", "US", "UK", "U.K.", "United Kingdom", "England", "Scotland", "Great Britain",
    "Deutschland", "Germany", "Österreich", "Austria", "Schweiz", "Switzerland", "Suisse",
    "Svizzera", "France", "España", "Spain", "Italia", "Italy", "Nederland", "The Netherlands",
    "Holland", "België", "Belgique", "Danmark", "Sverige", "Norge", "Suomi", "Finland", "Polska",
    "Poland", "Portugal", "Brasil", "Brazil", "México", "Mexico", "Česká republika", "Czechia",
    "Magyarország", "România", "Ελλάδα", "Россия", "Türkiye", "Turkey", "Hrvatska", "Slovenija",
    "Canada", "Australia", "Ireland", "Luxembourg", "Liechtenstein", "D", "A", "CH", "F", "NL",
    "IT", "ES", "DE", "FR", "AT", "BE", "PL", "PT", "CZ", "HU", "SE", "DK", "NO", "FI", "Lietuva",
    "Latvija", "Eesti", "Ísland", "България", "Україна", "Colombia", "Argentina", "Chile",
)

# The languages `languages` adds, merged in; labels gain those languages' words.
VALEDICTIONS = {**VALEDICTIONS, **more.VALEDICTIONS}
LEGAL_FORMS = {**LEGAL_FORMS, **more.LEGAL_FORMS}
PHONE_LABELS = PHONE_LABELS + more.PHONE_LABELS
MOBILE_LABELS = MOBILE_LABELS + more.MOBILE_LABELS
FAX_LABELS = FAX_LABELS + more.FAX_LABELS
EMAIL_LABELS = EMAIL_LABELS + more.EMAIL_LABELS
WEB_LABELS = WEB_LABELS + more.WEB_LABELS
ADDRESS_LABELS = ADDRESS_LABELS + more.ADDRESS_LABELS
DISCLAIMERS = DISCLAIMERS + more.DISCLAIMERS
