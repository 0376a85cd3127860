"""Multilingual word lists that signature and field rules share (no package carries them)."""

from __future__ import annotations

import re

# Sign-offs before the sender's name. No maintained package lists these across languages, so
# a compact set covers the languages our users write in; matching is on a whole (short) line.
VALEDICTIONS = (
    "best regards|kind regards|warm regards|warmest regards|regards|best wishes|all the best|"
    "best|cheers|thanks|thank you|thanks again|many thanks|thanks in advance|thx|thanx|tia|"
    "sincerely|yours sincerely|sincerely yours|yours truly|yours|respectfully|take care|"
    "with thanks|with best regards|with kind regards|kindest regards|greetings|rgds|br|"
    "love|lots of love|much love|hugs|xoxo|best wishes|warm wishes|talk soon|speak soon|"
    "mit freundlichen grüßen|mit freundlichen grüssen|mit freundlichem gruß|mit freundlichem gruss|"
    "freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|beste grüsse|"
    "liebe grüße|liebe grüsse|herzliche grüße|herzliche grüsse|schöne grüße|gruß|gruss|grüße|"
    "grüsse|lg|vg|mfg|danke|vielen dank|besten dank|danke und gruß|mit besten grüßen|"
    "cordialement|bien cordialement|bien à vous|bien a vous|salutations|meilleures salutations|"
    "sincères salutations|amicalement|merci|merci beaucoup|bonne journée|bonne soirée|à bientôt|"
    "saludos|saludos cordiales|un saludo|atentamente|cordialmente|un cordial saludo|gracias|"
    "muchas gracias|abrazos|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|"
    "groeten|groet|mvg|hartelijke groet|bedankt|med venlig hilsen|venlig hilsen|mvh|hilsen|"
    "med vänliga hälsningar|vänliga hälsningar|vänligen|hälsningar|med vennlig hilsen|tack|"
    "tak|pozdrawiam|z poważaniem|pozdrowienia|serdecznie pozdrawiam|dziękuję|pozdr|"
    "cordiali saluti|distinti saluti|saluti|un saluto|grazie|grazie mille|buona giornata|"
    "atenciosamente|cumprimentos|com os melhores cumprimentos|melhores cumprimentos|abraços|"
    "abraço|obrigado|obrigada|ystävällisin terveisin|terveisin|hyvästi|s pozdravem|üdvözlettel|"
    "salud|un abrazo|abrazo|с уважением|с наилучшими пожеланиями|спасибо|з повагою|дякую|"
    "με εκτίμηση|φιλικά|ευχαριστώ|mit besten grüßen|grüßle|grüssle|servus|ciao|tschüss"
)
VALEDICTION = re.compile(
    rf"^\W*(?:(?:{VALEDICTIONS})[\s!.,;:\-–—]*)+(?:and|und|et|y|e|en|og|och|i)?\s*$",
    re.IGNORECASE,
)
VALEDICTION_PREFIX = re.compile(rf"^\W*(?:{VALEDICTIONS})\b[\s!.,;:\-–—]+", re.IGNORECASE)

# "Sent from my iPhone" and the like: device lines, never part of a signature.
DEVICE = re.compile(
    r"^\s*(?:sent from|sent with|sent via|get outlook for|von meinem|gesendet von|gesendet mit|"
    r"envoyé de|envoyé depuis|enviado desde|enviado de|verzonden vanaf|verstuurd vanaf|"
    r"sendt fra|skickat från|wysłane z|inviato da|enviado do|lähetetty|отправлено с|"
    r"get outlook|obter o outlook|hol dir outlook|obtenir outlook|obtener outlook|"
    r"diese nachricht wurde von meinem|this message was sent from|أُرسلت من|أرسلت من|ارسلت من)",
    re.IGNORECASE,
)

# Words of legal footers, confidentiality notices, list and newsletter footers. A paragraph with
# one of these is someone's boilerplate, not the sender introducing themselves.
BOILERPLATE = re.compile(
    r"\b(?:confidential|disclaimer|intended recipient|privileged|unsubscribe|mailing list|"
    r"virus|newsletter|opt[- ]out|vertraulich|empfänger|geschäftsführer(?:in)?\s*:|"
    r"amtsgericht|registergericht|handelsregister|\bhrb\b|\bhra\b|sitz der gesellschaft|"
    r"ust-id|umsatzsteuer|steuernummer|vorstand|aufsichtsrat|destinataire|confidentiel|"
    r"destinatario|confidencial|riservat|vertrouwelijk|geadresseerde|fortrolig|konfidentiell|"
    r"poufn|adresat|registered in|registered office|company number|vat (?:no|number|reg)|"
    r"this (?:e-?mail|message) (?:and|is|may|contains|was)|diese (?:e-?mail|nachricht)|"
    r"ce (?:message|courriel|mail)|you received this|you are receiving|google groups|"
    r"to post to this group|view this discussion|list-?info|mailman|archive|"
    r"please consider the environment|before printing|think before you print|"
    r"antes de imprimir|bitte denken sie|avant d'imprimer|www\.avast|scanned by|"
    r"kein bestandteil|not part of|no part of)",
    re.IGNORECASE,
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
