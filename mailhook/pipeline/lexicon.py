"""Multilingual word lists that signature and field rules share (no package carries them)."""

from __future__ import annotations

import re

# Sign-offs before the sender's name. No maintained package lists these across languages, so
# a general list per language covers the languages our users write in (written from common
# usage, not from any message); matching is on a whole (short) line.
_VALEDICTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "best regards", "kind regards", "kindest regards", "warm regards", "warmest regards",
        "regards", "best wishes", "warm wishes", "all the best", "all best", "best", "cheers",
        "thanks", "thank you", "thanks again", "many thanks", "thanks in advance", "thanks so much",
        "thank you very much", "thx", "thanx", "tia", "sincerely", "yours sincerely",
        "sincerely yours", "yours truly", "yours faithfully", "faithfully", "yours", "cordially",
        "respectfully", "very respectfully", "v/r", "take care", "with thanks", "with appreciation",
        "with best regards", "with kind regards", "with warm regards", "greetings", "rgds", "brgds",
        "br", "love", "lots of love", "much love", "hugs", "xoxo", "talk soon", "speak soon",
        "have a nice day", "have a great day", "have a good weekend", "have a nice weekend",
    ),
    "de": (
        "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß",
        "mit freundlichem gruss", "freundliche grüße", "freundliche grüsse", "freundlichst",
        "viele grüße", "viele grüsse", "beste grüße", "beste grüsse", "liebe grüße", "liebe grüsse",
        "herzliche grüße", "herzliche grüsse", "schöne grüße", "schöne grüsse", "sonnige grüße",
        "mit besten grüßen", "mit besten grüssen", "mit herzlichen grüßen", "mit lieben grüßen",
        "gruß", "gruss", "grüße", "grüsse", "grüßle", "grüssle", "lg", "vg", "mfg", "danke",
        "vielen dank", "besten dank", "herzlichen dank", "danke und gruß", "danke und grüße",
        "servus", "tschüss", "ciao", "bis bald", "einen schönen tag",
    ),
    "fr": (
        "cordialement", "bien cordialement", "très cordialement", "cdlt", "bien à vous",
        "bien a vous", "salutations", "meilleures salutations", "sincères salutations",
        "salutations distinguées", "respectueusement", "amicalement", "amitiés", "bises",
        "merci", "merci beaucoup", "merci d'avance", "merci par avance", "bonne journée",
        "belle journée", "bonne soirée", "bonne fin de journée", "à bientôt", "a bientot",
    ),
    "es": (
        "saludos", "saludos cordiales", "un saludo", "un cordial saludo", "reciba un cordial saludo",
        "atentamente", "cordialmente", "gracias", "muchas gracias", "mil gracias", "abrazos",
        "un abrazo", "abrazo", "besos", "salud", "que tengas un buen día", "hasta pronto",
    ),
    "it": (
        "cordiali saluti", "distinti saluti", "saluti", "un saluto", "un caro saluto",
        "cari saluti", "saluti cordiali", "cordialità", "grazie", "grazie mille", "buona giornata",
        "buon lavoro", "a presto", "ciao",
    ),
    "pt": (
        "atenciosamente", "att", "atte", "cumprimentos", "melhores cumprimentos",
        "com os melhores cumprimentos", "saudações", "cordialmente", "abraços", "abraço",
        "um abraço", "beijos", "obrigado", "obrigada", "muito obrigado", "muito obrigada",
    ),
    "nl": (
        "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet",
        "vriendelijke groeten", "met hartelijke groet", "hartelijke groet", "hartelijke groeten",
        "groeten", "groet", "gr", "mvg", "bedankt", "alvast bedankt", "dank je wel", "dank u wel",
        "fijne dag",
    ),
    "da": (
        "med venlig hilsen", "venlig hilsen", "de bedste hilsner", "bedste hilsner",
        "mange hilsner", "hilsen", "vh", "mvh", "tak", "mange tak", "på forhånd tak",
    ),
    "sv": (
        "med vänlig hälsning", "med vänliga hälsningar", "vänlig hälsning", "vänliga hälsningar",
        "bästa hälsningar", "hälsningar", "mvh", "vänligen", "tack", "tack på förhand",
        "tusen tack", "ha en bra dag",
    ),
    "no": (
        "med vennlig hilsen", "vennlig hilsen", "beste hilsen", "hilsen", "mvh", "takk",
        "tusen takk", "på forhånd takk", "ha en fin dag",
    ),
    "fi": (
        "ystävällisin terveisin", "parhain terveisin", "terveisin", "kiittäen", "kiitos",
        "hyvää päivänjatkoa", "hyvästi", "yst. terv",
    ),
    "pl": (
        "pozdrawiam", "pozdrawiam serdecznie", "serdecznie pozdrawiam", "serdeczne pozdrowienia",
        "pozdrowienia", "z poważaniem", "z wyrazami szacunku", "łączę pozdrowienia",
        "z pozdrowieniami", "dziękuję", "dziękuję bardzo", "dzięki", "miłego dnia", "pozdr",
    ),
    "hu": (
        "üdvözlettel", "baráti üdvözlettel", "szívélyes üdvözlettel", "tisztelettel", "üdv",
        "köszönettel", "köszönöm", "szép napot",
    ),
    "cs": (
        "s pozdravem", "se srdečným pozdravem", "s přátelským pozdravem", "s úctou", "děkuji",
        "díky", "hezký den",
    ),
    "sk": ("s pozdravom", "so srdečným pozdravom", "s úctou", "ďakujem", "pekný deň"),
    "ro": (
        "cu stimă", "cu respect", "cu drag", "cu bine", "toate cele bune", "salutări",
        "mulțumesc", "mulțumesc frumos", "multumesc", "o zi bună",
    ),
    "tr": (
        "saygılarımla", "saygılarımızla", "iyi çalışmalar", "teşekkürler", "teşekkür ederim",
        "selamlar", "sevgiler", "iyi günler",
    ),
    "el": (
        "με εκτίμηση", "με φιλικούς χαιρετισμούς", "χαιρετισμούς", "φιλικά", "ευχαριστώ",
        "με τιμή",
    ),
    "hr": ("s poštovanjem", "srdačan pozdrav", "lijep pozdrav", "pozdrav", "hvala"),
    "sl": ("lep pozdrav", "s spoštovanjem", "prijazen pozdrav", "hvala"),
    "et": ("lugupidamisega", "parimate soovidega", "tervitades", "tervitusega", "aitäh", "tänan"),
    "lv": ("ar cieņu", "ar labiem vēlējumiem", "paldies", "sveicieni"),
    "lt": ("pagarbiai", "su pagarba", "geriausi linkėjimai", "linkėjimai", "ačiū"),
    "ru": ("с уважением", "с наилучшими пожеланиями", "всего доброго", "спасибо"),
    "uk": ("з повагою", "з найкращими побажаннями", "дякую"),
}
# Longest first, so that "best regards" is taken whole before "best".
VALEDICTIONS = "|".join(
    sorted({re.escape(w) for ws in _VALEDICTION_WORDS.values() for w in ws}, key=len, reverse=True)
)
# "Viele Grüße aus Berlin", "Greetings from Lyon": a place may follow the sign-off.
_FROM_PLACE = r"(?:\s+(?:aus|from|de|desde|da|dal|uit|fra|från|z|ze|iz)\s+\w[\w-]*)?"
VALEDICTION = re.compile(
    rf"^\W*(?:(?:{VALEDICTIONS}){_FROM_PLACE}[\s!.,;:\-–—]*)+"
    r"(?:and|und|et|y|e|en|og|och|i)?\s*$",
    re.IGNORECASE,
)
VALEDICTION_PREFIX = re.compile(rf"^\W*(?:{VALEDICTIONS})\b[\s!.,;:\-–—]+", re.IGNORECASE)

# "Sent from my iPhone" and the like: device lines, never part of a signature. Most languages
# start with the verb; Hungarian, Turkish and Finnish may end with it ("iPhone-ról küldve").
DEVICE = re.compile(
    r"^\s*(?:sent from|sent with|sent via|sent using|get outlook for|get outlook|"
    r"von meinem|gesendet von|gesendet mit|gesendet vom|"
    r"envoyé de|envoyé depuis|envoyé à partir|enviado desde|enviado de|enviado do|enviado a partir|"
    r"verzonden vanaf|verzonden met|verstuurd vanaf|verstuurd met|inviato da|inviato dal|"
    r"sendt fra|skickat från|lähetetty|wysłane z|wysłano z|wysłane przy użyciu|"
    r"odesláno z|odeslané z|odoslané z|odoslané zo|trimis de pe|trimis din|küldve|"
    r"poslano s|poslano sa|poslano z|poslano iz|saadetud|nosūtīts no|išsiųsta iš|"
    r"στάλθηκε από|отправлено с|отправлено из|надіслано з|"
    r"obter o outlook|hol dir outlook|obtenir outlook|obtener outlook|scarica outlook|"
    r"diese nachricht wurde von meinem|this message was sent from|أُرسلت من|أرسلت من|ارسلت من)"
    r"|^\s*\S.{0,40}(?:-ról küldve|-ről küldve|'dan gönderildi|'den gönderildi|'tan gönderildi|"
    r"'ten gönderildi|dan gönderildi|den gönderildi|lähetetty)\s*\.?\s*$",
    re.IGNORECASE,
)

# Words of legal footers, confidentiality notices, list and newsletter footers, in the languages
# of European mail. A paragraph with one of these is someone's boilerplate, not the sender
# introducing themselves.
BOILERPLATE = re.compile(
    r"\b(?:confidential|disclaimer|intended recipient|privileged|unsubscribe|mailing list|"
    r"virus|newsletter|opt[- ]out|registered in|registered office|company number|"
    r"company registration|registration number|vat (?:no|number|reg)|"
    r"this (?:e-?mail|message|communication|transmission) (?:and|is|may|contains|was|including)|"
    r"if you (?:have received|are not the)|you received this|you are receiving|google groups|"
    r"to post to this group|view this discussion|list-?info|mailman|archive|"
    r"please consider the environment|before printing|think before you print|"
    # de
    r"vertraulich|empfänger|geschäftsführ\w*\s*:|geschäftsführung|amtsgericht|registergericht|"
    r"hrb|hra|sitz der gesellschaft|sitz\s*:|mit sitz in|"
    r"handelsregister|firmenbuch|ust-?id|ust\.-?id|umsatzsteuer|"
    r"steuernummer|vorstand\s*:|vorstandsvorsitz|aufsichtsrat|diese (?:e-?mail|nachricht)|"
    r"bitte denken sie|kein bestandteil|"
    # fr
    r"destinataire|confidentiel|ce (?:message|courriel|mail|e-?mail)|capital social|"
    r"au capital de|siège social|tva intracommunautaire|avant d'imprimer|"
    # es, pt
    r"destinatario|destinatário|confidencial|aviso legal|registro mercantil|protección de datos|"
    r"este (?:mensaje|correo|e-?mail)|esta mensagem|registo comercial|antes de imprimir|"
    # it
    r"riservat|questo messaggio|questa e-?mail|capitale sociale|registro (?:delle )?imprese|"
    r"partita iva|codice fiscale|ai sensi del|"
    # nl
    r"vertrouwelijk|geadresseerde|dit (?:e-?mailbericht|bericht|e-?mail)|kamer van koophandel|"
    r"geen rechten (?:worden|kunnen)|"
    # da, sv, no, fi
    r"fortrolig|konfidentiel|konfidensiell|sekretess|denne e-?(?:mail|post)|detta (?:e-?post)?meddelande|"
    r"organisationsnummer|organisasjonsnummer|foretaksregisteret|styrelsens säte|"
    r"luottamuksellinen|tämä viesti|"
    # pl, cs, sk, hu
    r"poufn|adresat|ta wiadomość|niniejsza wiadomość|kapitał zakładowy|sąd rejonowy|"
    r"rejestru? przedsiębiorców|důvěrn|dôvern|tento e-?mail|tato zpráva|táto správa|"
    r"obchodní(?:m)? rejstřík|obchodnom registri|spisová značka|cégjegyzék|adószám|bizalmas|"
    r"címzett|ez az (?:üzenet|e-?mail)|"
    # ro, tr, el, hr, sl, et, lv, lt
    r"confidențial|registrul comerțului|acest mesaj|ticaret sicil|mersis|bu (?:e-?posta|mesaj)|"
    r"εμπιστευτικ|povjerljiv|zaupn|konfidentsiaal|konfidenciāl|konfidencial|"
    r"www\.avast|scanned by|not part of|no part of)",
    re.IGNORECASE,
)
# Company registry and tax numbers as footers print them: the abbreviation, then the number.
# Upper case as written, so that "btw" (by the way) or "cif" in a sentence is not one.
REGISTRY = re.compile(
    r"(?<![\w.])(?:HRB|HRA|FN|UID|USt-?IdNr\.?|RCS|R\.C\.S\.|SIRET|SIREN|TVA|APE|NAF|CIF|NIF|NIPC|"
    r"CNPJ|P\.\s?IVA|REA|R\.E\.A\.|C\.F\.|KvK|K\.v\.K\.|BTW|CVR|SE-nr\.?|MVA|ALV|Y-tunnus|NIP|"
    r"REGON|KRS|IČO?|DIČ|IČ DPH|Cg\.|CUI|J\d{2}/|OIB|ΑΦΜ|ΓΕΜΗ|ABN|ACN|CHE|org\.\s?nr\.?|"
    r"Org\.\s?nr\.?|VAT)"
    r"(?:[\s.:#°º-]|n[°º]|nr\.?|no\.?|number|nummer)*(?:[A-Z]{1,3}[\s-]?)?\d"
    # "RCS Lyon B 123 456 789", "KRS 0000123456": the register's town before the number.
    r"|(?<![\w.])(?:RCS|R\.C\.S\.|KRS|HRB|Registro Mercantil de)\s+[A-ZÀ-Ý][\w-]+",
)

LEGAL_FORM = (
    r"GmbH & Co\.? KG|GmbH|gGmbH|AG|KG|KGaA|OHG|e\.\s?V\.|eG|UG|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|"
    r"LLP|LP|PLC|plc|Corp\.?|Corporation|Co\.|Company|Pty|S\.A\.?|SA|S\.A\.S\.?|SAS|SARL|S\.à r\.l\.|"
    r"S\.L\.?|SL|S\.L\.U\.|B\.V\.?|BV|N\.V\.?|NV|AB|A/S|ApS|AS|ASA|Oy|Oyj|Sp\. z o\.o\.|"
    r"sp\. z o\.o\.|S\.p\.A\.?|SpA|S\.r\.l\.?|Srl|Lda\.?|Ltda\.?|S/A|SE|KB|HB|s\.r\.o\.|a\.s\."
)
ORG_WORDS = (
    r"company|corporation|association|university|universität|universidad|université|"
    r"università|universiteit|institute|institut|instituto|istituto|"
    r"foundation|stiftung|fondation|fundación|group|gruppe|groupe|grupo|gruppo|bank|"
    r"services|consultants|consulting|partners|solutions|technologies|systems|software|"
    r"labs|agency|agentur|ministry|ministerium|department of|council|society|verein|"
    r"hospital|klinik|clinic|network|international|industries|holding|enterprises|studio|"
    r"worldwide|global|energy|capital|ventures|media|communications|investments?|securities|"
    r"insurance|logistics|pipeline|resources|trading|exchange|operator|associates|"
    r"versicherung|werke|verlag|assurances|seguros|assicurazioni"
)
ORG = re.compile(rf"(?:^|[\s,(])(?:{LEGAL_FORM})(?=$|[\s,.)])|\b(?:{ORG_WORDS})\b", re.IGNORECASE)
LEGAL = re.compile(rf"(?:^|[\s,(])(?:{LEGAL_FORM})(?=$|[\s,.)])")

# Role words. No maintained multilingual job-title list exists as a package; these head words
# cover most roles in the languages we read (the flair tagger will generalise later).
TITLE = re.compile(
    r"\b(?:manager|director|president|vice president|vp|ceo|cto|cfo|coo|cio|cmo|chief|head of|"
    r"engineer|developer|programmer|architect|analyst|consultant|counsel|attorney|lawyer|"
    r"specialist|coordinator|administrator|admin|assistant|secretary|officer|executive|"
    r"founder|co-founder|owner|partner|associate|representative|advisor|adviser|scientist|"
    r"researcher|professor|lecturer|student|intern|trainee|designer|editor|accountant|"
    r"supervisor|lead|team lead|principal|treasurer|chairman|chair|agent|technician|"
    r"geschäftsführer|geschäftsführerin|leiter|leiterin|vertrieb|berater|beraterin|"
    r"sachbearbeiter|sachbearbeiterin|inhaber|inhaberin|referent|referentin|vorstand|"
    r"projektleiter|projektleiterin|entwickler|entwicklerin|mitarbeiter|mitarbeiterin|"
    r"directeur|directrice|responsable|chef de|chargé|chargée|ingénieur|gérant|gérante|"
    r"conseiller|conseillère|commercial|commerciale|gerente|director general|jefe|jefa|"
    r"ingeniero|ingeniera|asesor|asesora|coordinador|coordinadora|directora|"
    r"responsabile|amministratore|direttore|direttrice|ingegnere|consulente|"
    r"directeur|adviseur|medewerker|medewerkster|eigenaar|directie|bedrijfsleider|"
    r"direktør|konsulent|chef|ansvarlig|sælger|projektleder|rådgiver|säljare|"
    r"vd|verkställande|dyrektor|kierownik|specjalista|prezes|konsultant|właściciel|"
    r"diretor|diretora|coordenador|coordenadora|consultor|consultora|sócio|gestor|gestora|"
    r"sales|marketing|account|support|operations|recruiter|buyer|purchasing)\b",
    re.IGNORECASE,
)
# Germanic compounds end in the role word ("Vertriebsleiter", "Försäljningschef", "Salgsleder").
TITLE_COMPOUND = re.compile(
    r"\w(?:chef|chefin|leiter|leiterin|leder|direktör|direktør|ansvarig|ansvarlig|manager|"
    r"berater|beraterin|referent|referentin|ingenieur|ingenieurin|techniker|technikerin|"
    r"kaufmann|kauffrau|assistent|assistentin|koordinator|koordinatorin|beauftragter|"
    r"beauftragte|sachbearbeiter|sachbearbeiterin|medewerker|adviseur|konsulent)\b",
    re.IGNORECASE,
)
DEPARTMENT = re.compile(
    r"^\s*(?:abteilung|department|dept\.?|division|bereich|team|service|département|school of|"
    r"faculty of|fakultät|faculté|college of|office of|"
    r"departamento|dipartimento|afdeling|avdelning|dział)\b",
    re.IGNORECASE,
)
