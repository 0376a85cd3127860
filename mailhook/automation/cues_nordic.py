"""Follow-up cues of Danish, Swedish and Norwegian, and of Polish."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_DA_WH = words("hvordan", "hvad", "hvornår", "hvor", "om", "hvilke", "hvilken", "hvem", "hvorfor")
_DA_ACT = (
    r"(?:ringer|ringe|sender|sende|skriver|skrive|kontakter|kontakte|vender tilbage|vende tilbage|"
    r"melder tilbage|giver (?:\S+ )?besked|give (?:\S+ )?besked|holder (?:\S+ )?orienteret|"
    r"holde (?:\S+ )?orienteret|bekræfte|tjekke|tjekker|kigge på|kigger på|mødes|tale sammen|"
    r"svare|svarer|bekræfter|følge op|ringes ved)"
)
DA = lexicon(
    r"\bhvis (?:du|I|De) har (?:nogen |yderligere )?(?:spørgsmål|brug for)|tøv ikke|"
    r"velkommen til at (?:kontakte|skrive|ringe)|til rådighed|\bmodtager\b|spørg endelig",
    commit=[
        rf"^(?!.*\b(?:har|havde)\s+(?:jeg|vi)\b).*?\b(?P<who>jeg|vi)\s+"
        rf"(?!(?:har|havde)\b)(?:\S+\s+){{0,3}}?(?P<act>{_DA_ACT})\b",
        r"\b(?P<act>ringer|sender|skriver|vender|kontakter)\s+(?:jeg|vi)\b",
    ],
    ask=[
        rf"\b(?:kan|kunne|vil)\s+(?:du|I|De)\s+(?:\S+\s+){{0,2}}?(?:fortælle|forklare|oplyse|"
        rf"sige)(?:\s+(?:mig|os))?,?"
        rf"\s+(?P<act>{_DA_WH})\b",
        rf"\b(?:jeg|vi)\s+(?:vil|ville)\s+gerne\s+(?:vide|høre),?\s+(?P<act>{_DA_WH})\b",
        r"\b(?P<act>er det muligt)\b",
    ],
    request=[
        rf"\b(?:kan|kunne|vil|gider)\s+(?:du|I|De)\b[^.?!]*?\b(?P<act>{_DA_ACT}|sende|ringe)\b",
        r"\b(?:kan|kunne|vil|gider)\s+(?:du|I|De)\s+(?:venligst\s+|lige\s+|"
        r"måske\s+)?(?P<act>\w+)(?=[^.!]*\?)",
        r"^(?P<act>send (?:mig|os)|ring (?:venligst )?(?:til mig|til os|mig|os|tilbage)|"
        r"giv (?:mig|os) besked|skriv (?:til )?(?:mig|os))",
    ],
    need=[
        r"\b(?:jeg|vi)\s+(?:skal bruge|har brug for|mangler|behøver)\s+(?P<act>\w)",
    ],
    propose=[
        r"\blad os\b[^.?!]*?\b(?P<act>mødes|møde|tale|snakke|snak|ringe|ringes|aftale)\b",
        r"\b(?P<act>vi ses|vi tales ved|ses vi)\s+(?:på|i|næste|om)\b",
        r"\b(?:har|havde)\s+(?:du|I|De)\s+(?P<act>(?:\S+\s+)?tid)\b",
    ],
)

_SV_WH = words("hur", "vad", "när", "var", "om", "vilka", "vilken", "vilket", "vem", "varför")
_SV_ACT = (
    r"(?:ringer|ringa|skickar|skicka|mejlar|mejla|hör av (?:mig|oss)|höra av (?:mig|oss)|återkommer|"
    r"återkomma|"
    r"meddelar|meddela|kontaktar|kontakta|bekräftar|bekräfta|kollar|kolla|ses|träffas|svarar|svara|"
    r"håller (?:\S+ )?uppdaterad|uppdaterar)"
)
SV = lexicon(
    r"\bom (?:du|ni) har (?:några |fler |ytterligare )?(?:frågor|funderingar)|\bvid (?:frågor|funderingar)|"
    r"tveka inte|\bkontakta (?:mig|oss) gärna|\bmottagare\b|\bhör gärna av dig|välkommen att höra av",
    commit=[
        rf"^(?!.*\b(?:har|hade)\s+(?:jag|vi)\b).*?\b(?P<who>jag|vi)\s+(?!(?:har|hade)\b)(?:\S+\s+){{0,3}}?"
        rf"(?P<act>{_SV_ACT})\b",
        r"\b(?P<act>ringer|skickar|återkommer|hör|mejlar)\s+(?:jag|vi)\b",
    ],
    ask=[
        rf"\b(?:jag|vi)\s+(?:skulle\s+)?(?:vilja|vill)\s+(?:gärna\s+)?(?:veta|fråga|"
        rf"höra),?\s+(?P<act>{_SV_WH})\b",
        rf"\b(?:kan|kunde|skulle)\s+(?:du|ni)\s+(?:\S+\s+){{0,2}}?(?:berätta|förklara|säga|meddela|tala om)"
        rf"(?:\s+för\s+(?:mig|oss))?,?\s+(?P<act>{_SV_WH})\b",
        r"\b(?P<act>är det möjligt)\b",
    ],
    request=[
        r"\b(?:kan|kunde|skulle|vill)\s+(?:du|ni)\s+(?:kunna\s+|vänligen\s+|"
        r"snälla\s+)?(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:vänligen|var vänlig och|var snäll och|snälla)\s+(?P<act>\w+)",
        r"\bvi ber (?:er|dig|om)\s+(?P<act>\w+)",
        r"\btacksam(?:ma)?\s+om\s+(?:du|ni)\s+(?:kan|kunde|vill)\s+(?P<act>\w+)",
        r"^(?:\S+\s+)?(?P<act>hör av dig|ring mig|skicka (?:mig|oss)|mejla mig)\b",
    ],
    need=[
        r"\b(?:jag|vi)\s+(?:behöver|skulle behöva|vill ha|önskar)\s+(?P<act>\w)",
    ],
    propose=[
        r"\b(?:har|hinner)\s+(?:du|ni)\s+(?P<act>(?:\S+\s+)?(?:tid|möjlighet))\b",
        r"\b(?:ska|kan|skulle)\s+vi\s+(?P<act>ses|träffas|ringas|höras|boka)\b",
        r"\bvi\s+(?:kan|kunde|skulle kunna)\s+(?P<act>(?:ta|ha|boka)\s+(?:ett|en)\s+(?:\S+\s+)?(?:samtal|"
        r"möte|"
        r"telefonmöte|videomöte))",
    ],
)

_NO_WH = words("hvordan", "hva", "når", "hvor", "om", "hvilke", "hvilken", "hvem", "hvorfor")
_NO_ACT = (
    r"(?:ringer|ringe|sender|sende|skriver|skrive|tar kontakt|ta kontakt|kommer tilbake|komme tilbake|"
    r"gir (?:\S+ )?beskjed|gi (?:\S+ )?beskjed|holder (?:\S+ )?oppdatert|holde (?:\S+ )?oppdatert|bekrefter|"
    r"bekrefte|sjekker|sjekke|ses|møtes|svarer|svare|følger opp|følge opp|melder tilbake)"
)
NO = lexicon(
    r"\bhvis (?:du|dere) har (?:noen |flere )?(?:spørsmål|behov)|ikke nøl|bare (?:å )?ta kontakt|"
    r"ta gjerne kontakt|\bmottaker\b",
    commit=[
        rf"^(?!.*\b(?:har|hadde)\s+(?:jeg|vi)\b).*?\b(?P<who>jeg|vi)\s+(?!(?:har|hadde)\b)(?:\S+\s+){{0,3}}?"
        rf"(?P<act>{_NO_ACT})\b",
        r"\b(?P<act>ringer|sender|skriver|kommer)\s+(?:jeg|vi)\b",
    ],
    ask=[
        rf"\b(?:jeg|vi)\s+lurer\s+på\s+(?P<act>{_NO_WH})\b",
        rf"\b(?:jeg|vi)\s+(?:vil|ville)\s+gjerne\s+(?:vite|høre),?\s+(?P<act>{_NO_WH})\b",
        rf"\b(?:kan|kunne|vil)\s+(?:du|dere|De)\s+(?:\S+\s+){{0,2}}?(?:fortelle|forklare|si|opplyse)"
        rf"(?:\s+(?:meg|oss))?,?\s+(?P<act>{_NO_WH})\b",
        r"\b(?P<act>er det mulig)\b",
    ],
    request=[
        r"\b(?:kan|kunne|vil|gidder)\s+(?:du|dere|De)\s+(?:vennligst\s+)?(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:vi|jeg)\s+ber\s+(?:om\s+at\s+(?:du|dere)\s+|deg\s+(?:om\s+å\s+)?|dere\s+(?:om\s+å\s+)?|om\s+)"
        r"(?P<act>\w+)",
        r"^(?:\S+\s+)?(?P<act>send (?:meg|oss)|ring (?:meg|oss)|gi (?:meg|oss) beskjed)\b",
        r"\bvennligst\s+(?P<act>\w+)",
    ],
    need=[
        r"\b(?:jeg|vi)\s+(?:trenger|behøver|har behov for|må ha|skulle gjerne hatt)\s+(?P<act>\w)",
    ],
    propose=[
        r"\b(?:har|hadde)\s+(?:du|dere|De)\s+(?P<act>(?:\S+\s+)?tid)\b",
        r"\bskal vi\s+(?P<act>ta|ha|møtes|ses|snakkes|ringe)\b",
    ],
)

_PL_WH = words("jak", "czy", "kiedy", "gdzie", "co", "który", "która", "które", "dlaczego", "ile")
_PL_YOU = words("Pan", "Pani", "Państwo", "pan", "pani")
PL = lexicon(
    r"\bw razie (?:jakichkolwiek |dodatkowych |ewentualnych )?(?:pytań|wątpliwości|problemów)|"
    r"(?:pozostaję|pozostajemy|jestem|jesteśmy) do (?:Pana |Pani |Państwa |Twojej )?dyspozycji|\bnie wahaj|"
    r"\badresat",
    commit=[
        r"(?<!nie )\b(?P<act>zadzwonię|zadzwonimy|wyślę|wyślemy|prześlę|prześlemy|odezwę się|odezwiemy się|"
        r"dam znać|damy znać|odpowiem|odpowiemy|potwierdzę|potwierdzimy|skontaktuję się|skontaktujemy się|"
        r"przekażę|przekażemy|napiszę|napiszemy|poinformuję|poinformujemy|wrócę do|wrócimy do)(?!\w)",
    ],
    ask=[
        rf"\b(?:chciał(?:a)?bym|chcielibyśmy|chciałybyśmy)\s+(?:\S+\s+)?(?:wiedzieć|zapytać|się dowiedzieć|"
        rf"dowiedzieć się),?\s+(?P<act>{_PL_WH})\b",
        rf"\b(?:prosimy|proszę|prosiłbym|prosiłabym)\s+o\s+(?:informację|odpowiedź|wyjaśnienie|"
        rf"informacje),?\s+"
        rf"(?P<act>{_PL_WH})\b",
        r"\b(?P<act>czy (?:jest|byłoby|będzie) (?:to )?możliwe)",
    ],
    request=[
        rf"\bczy\s+(?:mógłby|mogłaby|mogliby|mogłyby|moglibyście|może|możesz|mógłbyś|mogłabyś|mogą|możecie|"
        rf"zechciałby|zechciałaby)\s+(?:{_PL_YOU}\s+)?(?P<act>\w+)",
        r"\b(?:uprzejmie\s+)?(?:prosz[ęe]|prosimy|prosiłbym|prosiłabym|prosilibyśmy)\s+(?:o\s+)?(?P<act>\w+)",
    ],
    need=[
        r"(?<!nie )\b(?:potrzebuję|potrzebujemy|potrzebowałbym|potrzebowałabym|potrzebowalibyśmy)"
        r"\s+(?P<act>\w)",
    ],
    propose=[
        rf"\bczy\s+(?:znalazłby|znalazłaby|znajdzie|znajdziesz|ma|masz|mają|macie)\s+(?:{_PL_YOU}\s+)?"
        rf"(?P<act>(?:\S+\s+)?czas)",
        r"\b(?P<act>(?:umówmy|spotkajmy|zdzwońmy|zdzwonimy) się)",
        r"\bczy\s+(?:\S+\s+)?(?P<act>pasuje|odpowiada)\b",
    ],
)

