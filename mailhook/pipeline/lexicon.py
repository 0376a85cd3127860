"""Multilingual word lists that signature and field rules share (no package carries them)."""

from __future__ import annotations

import re

# Organisation words and legal forms live with the rest of what names an organisation.
from mailhook.pipeline.organisations import LEGAL as LEGAL
from mailhook.pipeline.organisations import LEGAL_FORM as LEGAL_FORM
from mailhook.pipeline.organisations import ORG as ORG
from mailhook.pipeline.organisations import ORG_LABEL as ORG_LABEL
from mailhook.pipeline.organisations import ORG_WORDS as ORG_WORDS

# Sign-offs before the sender's name. No maintained package lists these across languages, so
# a general list per language covers the languages our users write in (written from common
# usage, not from any message); matching is on a whole (short) line.
_VALEDICTION_WORDS: dict[str, str] = {
    "en": (
        "best regards|kind regards|kindest regards|warm regards|warmest regards|regards|"
        "best wishes|warm wishes|all the best|all best|best|cheers|thanks|thank you|thanks again|"
        "many thanks|thanks in advance|thanks so much|thank you very much|thx|thanx|tia|sincerely|"
        "yours sincerely|sincerely yours|yours truly|yours faithfully|faithfully|yours|cordially|"
        "respectfully|very respectfully|v/r|take care|with thanks|with appreciation|"
        "with best regards|with kind regards|with warm regards|greetings|rgds|brgds|br|love|"
        "lots of love|much love|hugs|xoxo|talk soon|speak soon|have a nice day|have a great day|"
        "have a good weekend|have a nice weekend"
    ),
    "de": (
        "mit freundlichen grüßen|mit freundlichen grüssen|mit freundlichem gruß|"
        "mit freundlichem gruss|freundliche grüße|freundliche grüsse|freundlichst|viele grüße|"
        "viele grüsse|beste grüße|beste grüsse|liebe grüße|liebe grüsse|herzliche grüße|"
        "herzliche grüsse|schöne grüße|schöne grüsse|sonnige grüße|mit besten grüßen|"
        "mit besten grüssen|mit herzlichen grüßen|mit lieben grüßen|gruß|gruss|grüße|grüsse|"
        "grüßle|grüssle|lg|vg|mfg|danke|vielen dank|besten dank|herzlichen dank|danke und gruß|"
        "danke und grüße|servus|tschüss|ciao|bis bald|einen schönen tag"
    ),
    "fr": (
        "cordialement|bien cordialement|très cordialement|cdlt|cdt|bien à vous|bien a vous|"
        "salutations|meilleures salutations|sincères salutations|salutations distinguées|"
        "respectueusement|amicalement|amitiés|bises|merci|merci beaucoup|merci d'avance|"
        "merci par avance|bonne journée|belle journée|bonne soirée|bonne fin de journée|à bientôt|a bientot"
    ),
    "es": (
        "saludos|saludos cordiales|un saludo|un cordial saludo|reciba un cordial saludo|"
        "atentamente|cordialmente|gracias|muchas gracias|mil gracias|abrazos|un abrazo|abrazo|"
        "besos|salud|que tengas un buen día|hasta pronto"
    ),
    "it": (
        "cordiali saluti|distinti saluti|saluti|un saluto|un caro saluto|cari saluti|"
        "saluti cordiali|cordialità|grazie|grazie mille|buona giornata|buon lavoro|a presto|ciao"
    ),
    "pt": (
        "atenciosamente|att|atte|cumprimentos|melhores cumprimentos|com os melhores cumprimentos|"
        "saudações|cordialmente|abraços|abraço|um abraço|beijos|obrigado|obrigada|muito obrigado|"
        "muito obrigada"
    ),
    "nl": (
        "met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|vriendelijke groeten|"
        "met hartelijke groet|hartelijke groet|hartelijke groeten|groeten|groet|gr|mvg|bedankt|"
        "alvast bedankt|dank je wel|dank u wel|fijne dag"
    ),
    "da": (
        "med venlig hilsen|venlig hilsen|de bedste hilsner|bedste hilsner|mange hilsner|hilsen|vh|"
        "mvh|tak|mange tak|på forhånd tak"
    ),
    "sv": (
        "med vänlig hälsning|med vänliga hälsningar|vänlig hälsning|vänliga hälsningar|"
        "bästa hälsningar|hälsningar|mvh|vänligen|tack|tack på förhand|tusen tack|ha en bra dag"
    ),
    "no": (
        "med vennlig hilsen|vennlig hilsen|beste hilsen|hilsen|mvh|takk|tusen takk|"
        "på forhånd takk|ha en fin dag"
    ),
    "fi": (
        "ystävällisin terveisin|parhain terveisin|terveisin|kiittäen|kiitos|hyvää päivänjatkoa|"
        "hyvästi|yst. terv"
    ),
    "pl": (
        "pozdrawiam|pozdrawiam serdecznie|serdecznie pozdrawiam|serdeczne pozdrowienia|"
        "pozdrowienia|z poważaniem|z wyrazami szacunku|łączę pozdrowienia|z pozdrowieniami|"
        "dziękuję|dziękuję bardzo|dzięki|miłego dnia|pozdr"
    ),
    "hu": (
        "üdvözlettel|baráti üdvözlettel|szívélyes üdvözlettel|tisztelettel|üdv|köszönettel|"
        "köszönöm|szép napot"
    ),
    "cs": "s pozdravem|se srdečným pozdravem|s přátelským pozdravem|s úctou|děkuji|díky|hezký den",
    "sk": "s pozdravom|so srdečným pozdravom|s úctou|ďakujem|pekný deň",
    "ro": (
        "cu stimă|cu respect|cu drag|cu bine|toate cele bune|salutări|mulțumesc|mulțumesc frumos|"
        "multumesc|o zi bună"
    ),
    "tr": (
        "saygılarımla|saygılarımızla|iyi çalışmalar|teşekkürler|teşekkür ederim|selamlar|sevgiler|"
        "iyi günler"
    ),
    "el": "με εκτίμηση|με φιλικούς χαιρετισμούς|χαιρετισμούς|φιλικά|ευχαριστώ|με τιμή",
    "hr": "s poštovanjem|srdačan pozdrav|lijep pozdrav|pozdrav|hvala",
    "sl": "lep pozdrav|s spoštovanjem|prijazen pozdrav|hvala",
    "et": "lugupidamisega|parimate soovidega|tervitades|tervitusega|aitäh|tänan",
    "lv": "ar cieņu|ar labiem vēlējumiem|paldies|sveicieni",
    "lt": "pagarbiai|su pagarba|geriausi linkėjimai|linkėjimai|ačiū",
    "ru": "с уважением|с наилучшими пожеланиями|всего доброго|спасибо",
    "uk": "з повагою|з найкращими побажаннями|дякую",
    "zh": (
        "此致|此致敬礼|此致敬禮|敬礼|敬禮|顺祝商祺|順祝商祺|顺颂商祺|順頌商祺|顺颂时祺|順頌時祺|"
        "敬祝商祺|敬祝 商祺|祝商祺|祝 商祺|祝好|祝 好|祝顺利|祝順利|祝工作顺利|祝工作順利|"
        "祝一切顺利|祝一切順利|祝顺心|祝 顺心|祝順心|祝 順心|祝平安|祝 平安|祝安好|顺祝|順祝|"
        "谢谢|謝謝|多谢|多謝|非常感谢|非常感謝|感谢|感謝"
    ),
    "ko": "감사합니다|고맙습니다|수고하세요|안녕히 계세요|좋은 하루 되세요",
}
# Longest first, so that "best regards" is taken whole before "best".
VALEDICTIONS = "|".join(
    sorted({re.escape(w) for ws in _VALEDICTION_WORDS.values() for w in ws.split("|")}, key=len, reverse=True)
)
# "Viele Grüße aus Berlin", "Greetings from Lyon": a place may follow the sign-off.
_FROM_PLACE = r"(?:\s+(?:aus|from|de|desde|da|dal|uit|fra|från|z|ze|iz)\s+\w[\w-]*)?"
VALEDICTION = re.compile(
    rf"^\W*(?:(?:{VALEDICTIONS}){_FROM_PLACE}[\s!.,;:\-–—！，。：]*)+"
    r"(?:and|und|et|y|e|en|og|och|i)?\s*$",
    re.IGNORECASE,
)
VALEDICTION_PREFIX = re.compile(rf"^\W*(?:{VALEDICTIONS})\b[\s!.,;:\-–—]+", re.IGNORECASE)
# "John & Marc", "Hans und Petra", "Piotr i Anna": two people sign one line. "And" in the
# languages of our users, lower case as written between names; the one-letter words (es "y",
# it/pt "e", pl/cs "i", cs/sk "a") only between two given names, as "e" and "y" also join
# Portuguese and Spanish surnames ("Silva e Souza").
AND_WORDS = frozenset({
    "and", "und", "et", "en", "och", "og", "ed", "oraz", "és", "meg", "ja", "ve", "și", "si", "и",
})
AND_LETTERS = frozenset({"y", "e", "i", "a"})

# Stand-ins for a name in templates and anonymised mail: "Person A", "User 2", "[Your Name]",
# "Vorname Nachname", "XXXX". Nouns that stand before a letter or a number (folded) ...
PLACEHOLDER_NOUNS = frozenset({
    "person", "user", "employee", "customer", "sender", "agent", "member", "contact", "name",
    "mitarbeiter", "mitarbeiterin", "benutzer", "kunde", "absender", "personne", "utilisateur",
    "employe", "client", "expediteur", "persona", "usuario", "empleado", "cliente", "remitente",
    "utente", "dipendente", "mittente", "pessoa", "utilizador", "funcionario", "remetente",
    "gebruiker", "medewerker", "klant", "afzender", "osoba", "uzytkownik", "pracownik", "klient",
    "nadawca", "anvandare", "anstalld", "kund", "avsandare", "bruger", "medarbejder",
    "afsender", "bruker", "ansatt", "felhasznalo", "ugyfel", "kuldo", "uzivatel", "zamestnanec",
    "zakaznik", "odesilatel",
})
# ... and words of a template's name field ("Name Surname", "Prénom NOM", "Imię Nazwisko").
PLACEHOLDER_WORDS = frozenset({
    "name", "surname", "first", "last", "full", "your", "my", "firstname", "lastname", "fullname",
    "vorname", "nachname", "ihr", "dein", "prenom", "nom", "votre", "nombre", "apellido",
    "apellidos", "su", "tu", "nome", "cognome", "sobrenome", "seu", "imie", "nazwisko",
    "voornaam", "achternaam", "naam", "uw", "fornamn", "efternamn", "fornavn", "efternavn",
    "etunimi", "sukunimi", "jmeno", "prijmeni", "vezeteknev", "keresztnev", "nev", "redacted",
    "removed", "anonymized", "anonymised", "placeholder",
})

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
    r"bitte denken sie|kein bestandteil|impressum|"
    # fr
    r"destinataire|confidentiel|ce (?:message|courriel|mail|e-?mail)|capital social|"
    r"au capital de|siège social|tva intracommunautaire|avant d'imprimer|données à caractère personnel|"
    # es, pt
    r"destinatario|destinatário|confidencial|aviso legal|registro mercantil|protección de datos|"
    r"datos de carácter personal|dados pessoais|"
    r"este (?:mensaje|correo|e-?mail)|esta mensagem|registo comercial|antes de imprimir|lopd|"
    # it
    r"riservat|questo messaggio|questa e-?mail|capitale sociale|registro (?:delle )?imprese|"
    r"partita iva|codice fiscale|ai sensi del|dati personali|"
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
    r"www\.avast|scanned by|not part of|no part of|do you yahoo|get your (?:own )?free)",
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

# Role words: people's roles, per language. No maintained multilingual job-title list exists as a
# package. Words that are also common surnames (Baker, Koch, Richter, Kaufmann, Bíró) stay out,
# so that a name line is never taken for a role.
_ROLES = (
    # en
    r"manager|director|president|vice president|vp|svp|evp|avp|ceo|cto|cfo|coo|cio|cmo|cso|cro|"
    r"cpo|cdo|chro|ciso|chief|head of|engineer|developer|programmer|architect|analyst|"
    r"consultant|counsel|attorney|lawyer|paralegal|solicitor|barrister|specialist|coordinator|"
    r"administrator|admin|assistant|secretary|receptionist|officer|executive|founder|co-founder|"
    r"cofounder|owner|proprietor|partner|associate|representative|rep|advisor|adviser|"
    r"scientist|researcher|professor|lecturer|teacher|instructor|tutor|student|intern|trainee|"
    r"apprentice|designer|editor|writer|journalist|reporter|translator|interpreter|"
    r"photographer|accountant|bookkeeper|controller|auditor|actuary|underwriter|broker|trader|"
    r"buyer|planner|scheduler|dispatcher|estimator|inspector|surveyor|technician|mechanic|"
    r"electrician|supervisor|superintendent|lead|team lead|team leader|principal|"
    r"treasurer|chairman|chairwoman|chairperson|chair|board member|trustee|agent|recruiter|"
    r"strategist|economist|physician|surgeon|nurse|pharmacist|therapist|librarian|curator|"
    r"fellow|postdoc|expert|phd candidate|volunteer|liaison|ambassador|evangelist|producer|maintainer|"
    # de
    r"geschäftsführer|geschäftsführerin|geschäftsleitung|inhaber|inhaberin|gesellschafter|"
    r"gesellschafterin|prokurist|prokuristin|vorstand|vorsitzender|vorsitzende|leiter|leiterin|"
    r"leitung|berater|beraterin|sachbearbeiter|sachbearbeiterin|referent|referentin|"
    r"mitarbeiter|mitarbeiterin|assistenz|assistent|assistentin|sekretärin|sekretär|ingenieur|"
    r"ingenieurin|techniker|technikerin|entwickler|entwicklerin|architektin|rechtsanwalt|"
    r"rechtsanwältin|anwalt|anwältin|notar|notarin|steuerberater|steuerberaterin|"
    r"wirtschaftsprüfer|wirtschaftsprüferin|werkstudent|werkstudentin|praktikant|praktikantin|"
    r"auszubildender|auszubildende|azubi|spezialist|spezialistin|experte|expertin|fachkraft|"
    r"verkäufer|verkäuferin|einkäufer|einkäuferin|disponent|disponentin|buchhalter|"
    r"buchhalterin|redakteur|redakteurin|übersetzer|übersetzerin|dozent|dozentin|doktorand|"
    r"doktorandin|vertreter|vertreterin|kundenbetreuer|kundenbetreuerin|"
    # fr
    r"directeur|directrice|président|présidente|pdg|dg|drh|daf|dsi|gérant|gérante|responsable|"
    r"chef de|chef|cheffe|chargé|chargée|ingénieur|ingénieure|technicien|technicienne|"
    r"comptable|juriste|avocat|avocate|notaire|consultante|conseiller|conseillère|assistante|"
    r"secrétaire|attaché|attachée|adjoint|adjointe|délégué|déléguée|acheteur|acheteuse|vendeur|"
    r"vendeuse|développeur|développeuse|architecte|analyste|stagiaire|alternant|alternante|"
    r"apprenti|apprentie|fondateur|fondatrice|associé|associée|collaborateur|collaboratrice|"
    r"gestionnaire|animateur|animatrice|coordinateur|coordinatrice|superviseur|administrateur|"
    r"administratrice|enseignant|enseignante|chercheur|chercheuse|opérateur|opératrice|"
    # es
    r"director general|directora|gerente|jefe|jefa|ingeniero|ingeniera|técnico|técnica|asesor|"
    r"asesora|consultor|consultora|coordinador|coordinadora|administrativo|administrativa|"
    r"contable|abogado|abogada|socio|socia|fundador|fundadora|presidenta|secretario|secretaria|"
    r"analista|desarrollador|desarrolladora|programador|programadora|encargado|encargada|"
    r"ejecutivo|ejecutiva|auxiliar|becario|becaria|delegado|delegada|vendedor|vendedora|"
    r"comprador|compradora|supervisora|especialista|representante|asistente|gestor|gestora|"
    r"consejero|consejera|investigador|investigadora|arquitecto|arquitecta|diseñador|diseñadora|"
    # it
    r"responsabile|amministratore|amministratrice|direttore|direttrice|ingegnere|consulente|"
    r"tecnico|tecnica|commerciale|impiegato|impiegata|segretario|segretaria|presidente|titolare|"
    r"fondatore|avvocato|avvocatessa|geometra|ragioniere|ragioniera|addetto|addetta|capo|"
    r"coordinatore|coordinatrice|referente|sviluppatore|sviluppatrice|progettista|procuratore|"
    r"dirigente|funzionario|funzionaria|collaboratore|collaboratrice|programmatore|"
    r"commercialista|perito|"
    # pt
    r"diretor|diretora|coordenador|coordenadora|engenheiro|engenheira|sócio|sócia|"
    r"sócio-gerente|advogado|advogada|desenvolvedor|desenvolvedora|encarregado|encarregada|"
    r"chefe|administrador|administradora|contabilista|contador|contadora|estagiário|estagiária|"
    r"executivo|executiva|responsável|"
    # nl
    r"medewerker|medewerkster|adviseur|eigenaar|directie|bedrijfsleider|oprichter|verkoper|"
    r"inkoper|ontwikkelaar|secretaresse|hoofd|stagiair|stagiaire|coördinator|beheerder|"
    r"advocaat|notaris|boekhouder|monteur|technicus|werkvoorbereider|vennoot|"
    # da, no, sv
    r"direktør|adm\. direktør|administrerende direktør|konsulent|ansvarlig|sælger|selger|"
    r"projektleder|rådgiver|indkøber|innkjøper|ingeniør|udvikler|utvikler|ejer|eier|indehaver|"
    r"medarbejder|medarbeider|tekniker|bogholder|regnskapsfører|sekretær|daglig leder|leder|"
    r"vd|verkställande direktör|direktör|säljare|inköpare|ansvarig|konsult|utvecklare|ingenjör|"
    r"projektledare|ekonom|handläggare|samordnare|rådgivare|grundare|ägare|ordförande|"
    r"advokat|jurist|"
    # fi
    r"toimitusjohtaja|johtaja|päällikkö|asiantuntija|insinööri|konsultti|myyjä|suunnittelija|"
    r"kehittäjä|sihteeri|assistentti|koordinaattori|omistaja|yrittäjä|puheenjohtaja|"
    # pl
    r"dyrektor|kierownik|kierowniczka|specjalista|specjalistka|prezes|wiceprezes|"
    r"członek zarządu|konsultant|konsultantka|właściciel|właścicielka|inżynier|asystent|"
    r"asystentka|menedżer|handlowiec|przedstawiciel|doradca|księgowa|księgowy|koordynator|"
    r"koordynatorka|pełnomocnik|prokurent|sekretarka|analityk|programista|programistka|"
    r"projektant|projektantka|"
    # cs, sk
    r"ředitel|ředitelka|jednatel|jednatelka|vedoucí|manažer|manažerka|referentka|"
    r"inženýr|konzultant|konzultantka|obchodník|zástupce|specialistka|asistentka|předseda|"
    r"místopředseda|prokurista|účetní|nákupčí|vývojář|programátor|riaditeľ|riaditeľka|"
    r"konateľ|konateľka|vedúci|manažér|špecialista|zástupca|predseda|účtovník|"
    # hu
    r"vezető|igazgató|ügyvezető|vezérigazgató|munkatárs|mérnök|tanácsadó|értékesítő|"
    r"asszisztens|elnök|menedzser|referens|koordinátor|tulajdonos|fejlesztő|könyvelő|beszerző|"
    r"titkárnő|titkár|ügyintéző|szakértő|üzletkötő"
)
# Functions and areas: a role line by themselves ("Technischer Vertrieb", "Customer Support"),
# but too weak to outweigh a role word.
_FUNCTIONS = (
    r"sales|marketing|account|support|operations|purchasing|procurement|vertrieb|einkauf|"
    r"verkauf|buchhaltung|logistik|außendienst|aussendienst|innendienst|kundenservice|"
    r"commercial|commerciale|ventes|achats|ventas|compras|vendite|acquisti|vendas|verkoop|"
    r"inkoop|sprzedaży|zakupów|értékesítési|beszerzési|kereskedelmi|obchodní|obchodný|"
    r"försäljning|inköp|salg|indkøb|myynti"
)


class Words:
    """Words and phrases of a list, found in a text by their tokens: a set lookup per token costs
    microseconds where one regular expression of 700 alternatives cost 0.3 ms a line. With
    `endings`, a token that ends in a listed word also counts ("Vertriebsleiter")."""

    def __init__(self, alternatives: str, endings: bool = False) -> None:
        phrases = {tuple(_tokens(p)) for p in alternatives.replace("\\", "").split("|")}
        self._phrases = frozenset(p for p in phrases if p)
        self._longest = max(len(p) for p in self._phrases)
        self._endings = endings
        self._lengths = sorted({len(p[0]) for p in self._phrases}) if endings else []

    def search(self, text: str) -> str | None:
        """The first listed word or phrase in the text, or None."""
        tokens = _tokens(text)
        for i, token in enumerate(tokens):
            if self._endings:
                if any(len(token) > n and (token[-n:],) in self._phrases for n in self._lengths):
                    return token
                continue
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                if tuple(tokens[i : i + n]) in self._phrases:
                    return " ".join(tokens[i : i + n])
        return None


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\W_]+", text.casefold()) if t]


TITLE = Words(f"{_ROLES}|{_FUNCTIONS}")
ROLE = Words(_ROLES)
# Compounds end in the role word ("Vertriebsleiter", "Inköpschef", "Salgschef", "Projectleider",
# "Toimitusjohtaja", "Osztályvezető").
TITLE_COMPOUND = Words(
    r"chef|chefin|sjef|leiter|leiterin|leitung|leder|ledare|leider|führer|führerin|"
    r"direktor|direktorin|direktör|direktør|ansvarig|ansvarlig|manager|managerin|berater|"
    r"beraterin|referent|referentin|ingenieur|ingenieurin|techniker|technikerin|kaufmann|"
    r"kauffrau|assistent|assistentin|assistenz|koordinator|koordinatorin|beauftragter|"
    r"beauftragte|sachbearbeiter|sachbearbeiterin|mitarbeiter|mitarbeiterin|medewerker|"
    r"adviseur|konsulent|konsult|rådgiver|rådgivare|vorsitzender|vorsitzende|betreuer|"
    r"betreuerin|entwickler|entwicklerin|planer|planerin|vertreter|vertreterin|verkäufer|"
    r"verkäuferin|einkäufer|einkäuferin|spezialist|spezialistin|disponent|disponentin|"
    r"innendienst|außendienst|aussendienst|fører|ordförande|beheerder|johtaja|päällikkö|"
    r"vezető|igazgató|manažer|manažerka",
    endings=True,
)
# "Position: Sales Manager", "Funktion: ...": a labelled role line.
TITLE_LABEL = re.compile(
    r"^\s*(?:title|job title|position|role|funktion|position|stellung|fonction|poste|cargo|"
    r"puesto|ruolo|funzione|qualifica|functie|stanowisko|befattning|titel|stilling|beosztás|"
    r"pozice|funkce|tehtävä)\s*:\s*",
    re.IGNORECASE,
)
# A department names a part of an organisation, not the organisation, and is no role unless a
# role word says so ("Abteilung Einkauf" is neither; "Leiter Abteilung Einkauf" is a role).
DEPARTMENT = re.compile(
    r"^\s*(?:abteilung|department|dept\.?|dpto\.?|division|bereich|geschäftsbereich|fachbereich|"
    r"team|service|servicio|servizio|ufficio|área|direction|direzione|dirección|gerencia|"
    r"département|departamento|dipartimento|afdeling|avdelning|avdeling|dział|oddělení|odbor|"
    r"osztály|sektion|stabsstelle|pôle|secrétariat|sekretariat|geschäftsstelle|school of|"
    r"faculty of|fakultät|faculté|facultad|college of|"
    r"office of|customer service|customer care|kundendienst|service clients?|atención al cliente|"
    r"servizio clienti|assistenza clienti|klantenservice|kundeservice|kundtjänst|asiakaspalvelu|"
    r"obsługa klienta|ügyfélszolgálat|help ?desk|service ?desk|kundenservice|kundenbetreuung|"
    r"zespół|biuro obsługi|zákaznický servis|zákaznická podpora|équipe)\b"
    r"|^\s*(?:lab|labor|laborat\w+|lehrstuhl|institut\w?|istituto) (?:für|of|for|de|di|du|voor)\b"
    r"|(?:\bdepartment|\bdept\.?|abteilung|afdeling|avdelning|avdeling|\bdivision)\s*$",
    re.IGNORECASE,
)
