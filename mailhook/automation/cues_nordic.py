"""Follow-up cues of Danish, Swedish and Norwegian."""

from __future__ import annotations

from mailhook.automation import cues_scandinavian as scand
from mailhook.automation.cues_settled import not_idle
from mailhook.automation.lexicon import lexicon, softened, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_DA_WH = words("hvordan", "hvad", "hvornår", "hvor", "om", "hvilke", "hvilken", "hvem", "hvorfor")
_DA_ACT = (
    r"(?:ringer|ringe|sender|sende|skriver|skrive|kontakter|kontakte|vender tilbage|vende tilbage|"
    r"melder tilbage|giver (?:\S+ )?besked|give (?:\S+ )?besked|holder (?:\S+ )?orienteret|"
    r"giver (?:dig|jer|Dem) (?:en )?(?:tilbagemelding|svar|opdatering)|returnerer (?:den|dem|det)\b|"
    r"returnere (?:den|dem|det)\b|"
    r"holde (?:\S+ )?orienteret|bekræfte|tjekke|tjekker|kigge på|kigger på|mødes|tale sammen|"
    r"svare|svarer|bekræfter|følge op|ringes ved)"
) + not_idle("da")  # not "vi kunne tale sammen i timevis"
DA = lexicon(
    r"\bhvis (?:du|I|De) har (?:nogen |yderligere )?(?:spørgsmål|brug for)|\bhvis (?:du|I|De) mangler|"
    r"tøv ikke|"
    r"velkommen til at (?:kontakte|skrive|ringe)|til rådighed|\bmodtager\b|spørg endelig|"
    r"modtaget (?:denne|den) (?:e-mail|mail|besked) ved en fejl",
    commit=[
        rf"^(?!.*\b(?:har|havde)\s+(?:jeg|vi)\b).*?\b(?P<who>jeg|vi)\s+"
        rf"(?!(?:har|havde|beder|bad|behøver)\b)(?:\S+\s+){{0,3}}?(?P<act>{_DA_ACT})\b",
        r"\b(?P<act>ringer|sender|skriver|vender|kontakter)\s+(?:jeg|vi)\b",
        # A second verb of the same subject: "vi har modtaget ... og vender tilbage ...".
        rf"\b(?:jeg|vi)\b[^.?!]*?\bog\s+(?:\S+\s+)?(?P<act>{_DA_ACT})\b",
        # Someone on the author's side promises the reader ("vores serviceafdeling sender dig ...").
        rf"\b(?P<who>(?:min|mit|mine|vores|vor|vort|vore)\s+(?:\S+\s+){{0,8}}?)(?=[^.?!]*\b(?:dig|jer|Dem)\b)"
        rf"(?:vil\s+|skal\s+)?(?P<act>{_DA_ACT})\b",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?P<act>(?:bliver|vil blive|skal)\s+(?:\S+\s+)?(?:sendt|mailet|"
        r"videresendt)\s+"
        r"til\s+(?:dig|jer|Dem))\b",
        scand.YOU_GET,
        scand.WAIT,
        r"\b(?:vi|jeg|jag)\s+(?P<act>kontakter\s+(?:dig|jer|Dem))\b(?!\s+(?:ikke|inte)\b)",
        r"\b(?:jeg|vi)\s+(?P<act>tager (?:mig|os) af det|ordner det|kigger på det|ser på det|"
        r"løser det|tjekker det)\b",
    ],
    ask=[
        rf"\b(?:kan|kunne|vil)\s+(?:du|I|De)\s+(?:\S+\s+){{0,2}}?(?:fortælle|forklare|oplyse|"
        rf"sige)(?:\s+(?:mig|os))?,?"
        rf"\s+(?P<act>{_DA_WH})\b",
        rf"\b(?:jeg|vi)\s+(?:vil|ville)\s+gerne\s+(?:vide|høre),?\s+(?P<act>{_DA_WH})\b",
        r"\b(?P<act>(?:er|ville|vil|kunne) det (?:\S+\s+)?(?:være )?muligt)\b",
        # "hvordan retter jeg det?": the reader is asked how (a help request).
        r"\b(?P<act>(?:hvordan|hvor|hvornår)\s+\w+\s+(?:jeg|vi)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?P<act>(?:hvilke|hvilken|hvilket|hvornår|"
        r"hvad)\b(?:\s+\S+){0,5}?)\s+passer\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        scand.WHAT_TO_DO,
        scand.DO_YOU_KNOW,
        scand.IDEA,
        scand.ARRANGE,
        scand.THINK,
        r"^(?:og\s+|och\s+)?(?P<act>(?:nyt|noget nyt|nyheder)\s+(?:om|vedrørende))\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        r"^(?P<act>(?:kan|må|får)\s+(?:jeg|man))\b(?![^.!?]*\b(?:hjælpe|forestille|"
        r"tænke sig)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
    ],
    request=[
        softened(r"(?:gerne|gärna|gjerne)", scand.NOT_FIRST, negation="ikke|aldrig"),
        rf"\b(?:kan|kunne|vil|gider)\s+(?:du|I|De)\b[^.?!]*?\b(?P<act>{_DA_ACT}|sende|ringe)\b",
        rf"\b(?:har|havde)\s+{scand.YOU}\s+(?:\S+\s+)?(?:lyst|mulighed|tid)\s+til\s+(?:at\s+)?(?P<act>\w+)",
        scand.KINDLY,
        scand.PLEASE,
        r"\bvenligst\s+(?!(?:kontakt|se|bemærk|læs|klik|besøg|find)\b)(?P<act>\w+)",
        r"\btaknemmelig\w*,?\s+(?:hvis|om)\s+(?:du|I|De)\s+(?:\S+\s+)?(?P<act>\w+)",
        r"\b(?:beder|bede)\s+(?:dig\s+|jer\s+|Dem\s+)?om\s+(?!(?:forståelse|overbærenhed|undskyldning)\b)"
        r"(?P<act>\w+)",
        r"\b(?:kan|kunne|vil|gider)\s+(?:du|I|De)\s+(?:venligst\s+|lige\s+|"
        r"måske\s+)?(?P<act>\w+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"^(?P<act>send (?:mig|os)|ring (?:venligst )?(?:til mig|til os|mig|os|tilbage)|"
        r"giv (?:mig|os) besked|skriv (?:til )?(?:mig|os))",
        scand.PASSIVE_ASK,
        scand.MAY_WE_GET,
        scand.GLADLY,
        scand.MIND,
        scand.TELL,
        scand.THEN_SEND,
        r"\b(?:jeg|vi)\s+havde\s+håbet,?\s+at\s+(?:du|I|De)\s+(?:kunne|ville)\s+(?P<act>\w+)",
        r"\b(?:kan|kunne)\s+nogen\s+(?:fra|hos|i)\s+(?:jeres|din|jer)\s+(?:side\s+|afdeling\s+|"
        r"team\s+)?(?P<act>\w+)"
        r"(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\bhar\s+(?:du|I|De|ni|dere)\s+(?:nået at|fået tid til at)\s+(?P<act>\w+)(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        r"\ber det lykkedes (?:dig|jer) at\s+(?P<act>\w+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:og\s+|och\s+)?(?P<act>(?:sig|fortæl))\b\s*(?:(?:mig|os)\s*)?,?\s*(?:hvad|hvordan|om|"
        r"hvornår)\b",
        r"\b(?:(?:jeg|vi)\s+(?:vil|ønsker at|kunne godt tænke (?:mig|"
        r"os) at))\s+(?:gerne\s+)?(?P<act>(?:returnere|opsige|annullere|afbestille|bytte|bestille|"
        r"booke|reservere|forny|forlænge|skifte|afmelde|tilmelde|købe|udskifte))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:dine|din|dit|jeres|jer|en|et)\s+(?:\w+\s+)?(?:kommentarer|svar|"
        r"tilbagemelding|feedback|"
        r"bekræftelse|hjælp|input|mening)\b)(?=[^.?!]*\b(?:vil|ville)\s+(?:\w+\s+)?være\s+(?:\w+\s+)?"
        r"(?:velkomne?|værdsat|nyttige?|en stor hjælp)\b)",
        r"\b(?:jeg|vi)\s+(?:skal bruge|har brug for|mangler|behøver)\s+(?P<act>\w)",
        # After a fronted phrase the verb comes first ("før vi fornyer, har vi brug for ...").
        r"\bhar\s+(?:jeg|vi)\s+brug for\s+(?P<act>\w)",
        scand.HELP,
        r"\bvi\s+skal\s+(?P<act>have)\b(?=[^.?!]*\b(?:senest|inden)\b)",
        r"\b(?:vi|jeg)\s+venter\s+(?:stadig|fortsat|endnu)\s+på\s+(?P<act>\S+)",
    ],
    propose=[
        r"\blad os\b[^.?!]*?\b(?P<act>mødes|møde|tale|snakke|snak|ringe|ringes|aftale)\b",
        r"\b(?P<act>vi ses|vi tales ved|ses vi)\s+(?:på|i|næste|om)\b",
        r"\b(?:har|havde)\s+(?:du|I|De)\s+(?P<act>(?:\S+\s+)?tid)\b",
        r"\bskal vi\s+(?P<act>tage|have|holde|mødes|ses|tales ved|snakke|aftale|booke|ringes)\b",
        scand.SUGGEST,
        r"\b(?P<act>passer (?:det )?(?:dig|jer|Dem))\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        scand.FANCY,
        scand.SHALL_I,
        r"^(?P<act>siger\s+vi)\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:kan|kunne|skal)\s+vi\s+(?P<act>(?:flytte|rykke|udskyde)\s+\S+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"^(?P<act>vi (?:tales|snakkes|høres)(?: ved)?)(?=\s+(?:i morgen|næste|på (?:mandag|"
        r"tirsdag|onsdag|torsdag|"
        r"fredag)|senere|efter))",
        r"\b(?P<act>(?:passer|passar)\s+(?:\S+\s+){1,4}?(?:for\s+)?(?:dig|jer|Dem))\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
    ],
)

_SV_WH = words("hur", "vad", "när", "var", "om", "vilka", "vilken", "vilket", "vem", "varför")
_SV_ACT = (
    r"(?:ringer|ringa|skickar|skicka|mejlar|mejla|hör av (?:mig|oss)|höra av (?:mig|oss)|återkommer|"
    r"återkomma|"
    r"meddelar|meddela|kontaktar|kontakta|bekräftar|bekräfta|kollar|kolla|ses|träffas|svarar|svara|"
    r"ger (?:dig|er) (?:en )?(?:återkoppling|svar|uppdatering)|returnerar (?:den|dem|det)\b|"
    r"returnera (?:den|dem|det)\b|"
    r"håller (?:\S+ )?uppdaterad|uppdaterar)"
)
SV = lexicon(
    r"\bom (?:du|ni) har (?:några |fler |ytterligare )?(?:frågor|funderingar)|\bvid (?:frågor|funderingar)|"
    r"tveka inte|\bom (?:du|ni) behöver (?:något|hjälp|mer)\b|\bkontakta (?:mig|oss) gärna|\bmottagare\b|"
    r"\bhör gärna av dig|välkommen att höra av|"
    r"fått (?:detta|det här) (?:e-postmeddelande|meddelande|mejl) av misstag",
    commit=[
        rf"^(?!.*\b(?:har|hade)\s+(?:jag|vi)\b).*?\b(?P<who>jag|vi)\s+(?!(?:har|hade|ber|bad|önskar|"
        rf"behöver)\b)"
        rf"(?:\S+\s+){{0,3}}?"
        rf"(?P<act>{_SV_ACT})\b",
        r"\b(?P<act>ringer|skickar|återkommer|hör|mejlar)\s+(?:jag|vi)\b",
        # A second verb of the same subject: "vi har tagit emot ... och återkommer ...".
        rf"\b(?:jag|vi)\b[^.?!]*?\boch\s+(?:\S+\s+)?(?P<act>{_SV_ACT})\b",
        # Someone on the author's side promises the reader ("vår serviceavdelning skickar ... till dig").
        rf"\b(?P<who>(?:(?:min|mitt|mina|vår|vårt|våra)\s+(?:\S+\s+){{0,8}}?|\w+(?:en|et|an|na)\s+(?:min|"
        rf"mitt|"
        rf"mina|vår|vårt|våra),?\s+(?:\S+\s+){{0,6}}?))(?=[^.?!]*\b(?:dig|er|ert|era|din|ditt|dina)\b)"
        rf"(?:kommer att\s+|ska\s+)?(?P<act>{_SV_ACT})\b",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?P<act>(?:skickas|mejlas|"
        r"kommer att skickas)\s+(?:\S+\s+)?till\s+(?:dig|er))\b",
        scand.YOU_GET,
        scand.WAIT,
        r"\b(?:jag|vi)\s+(?P<act>håller\s+(?:dig|er)\s+(?:underrättade?|uppdaterade?|informerade?))\b",
        r"\b(?:vi|jeg|jag)\s+(?P<act>kontaktar\s+(?:dig|er))\b(?!\s+(?:ikke|inte)\b)",
        r"\b(?:jag|vi)\s+(?P<act>fixar det|ordnar det|tittar på det|löser det|kollar (?:på|upp) det)\b",
    ],
    ask=[
        rf"\b(?:jag|vi)\s+(?:skulle\s+)?(?:vilja|vill)\s+(?:gärna\s+)?(?:veta|fråga|"
        rf"höra),?\s+(?P<act>{_SV_WH})\b",
        rf"\b(?:kan|kunde|skulle)\s+(?:du|ni)\s+(?:\S+\s+){{0,2}}?(?:berätta|förklara|säga|meddela|tala om)"
        rf"(?:\s+för\s+(?:mig|oss))?,?\s+(?P<act>{_SV_WH})\b",
        r"\b(?P<act>(?:är|skulle|vore) det (?:\S+\s+)?(?:vara )?möjligt)\b",
        r"\b(?P<act>(?:hur|var|när)\s+\w+\s+(?:jag|vi)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?P<act>(?:vilka|vilken|vilket|när|vad)\b(?:\s+\S+){0,5}?)\s+passar\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        scand.WHAT_TO_DO,
        scand.DO_YOU_KNOW,
        scand.IDEA,
        scand.ARRANGE,
        scand.THINK,
        r"^(?:og\s+|och\s+)?(?P<act>(?:något nytt|nytt|nyheter)\s+(?:om|angående|kring))\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        r"^(?P<act>(?:kan|får)\s+(?:jag|man))\b(?![^.!?]*\b(?:hjälpa|föreställa|"
        r"tänka sig)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
    ],
    request=[
        softened(r"(?:gerne|gärna|gjerne)", scand.NOT_FIRST, negation="inte|aldrig"),
        r"\b(?:kan|kunde|skulle|vill)\s+(?:du|ni)\s+(?:kunna\s+|vänligen\s+|"
        r"snälla\s+)?(?P<act>\w+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:vänligen|var vänlig och|var snäll och|snälla)\s+(?P<act>\w+)",
        r"\b(?:vi|jag|och) ber (?:er|dig|om)\s+(?!ursäkt|förlåtelse)(?P<act>\w+)",  # not an apology
        r"\btacksam(?:ma)?\s+om\s+(?:du|ni)\s+(?:kan|kunde|vill)\s+(?P<act>\w+)",
        rf"\b(?:har|hade)\s+{scand.YOU}\s+(?:\S+\s+)?(?:lust|möjlighet|tid)\s+(?:att\s+)?(?P<act>\w+)",
        scand.KINDLY,
        r"^(?:\S+\s+)?(?P<act>hör av dig|ring mig|skicka (?:mig|oss)|mejla mig|meddela (?:mig|oss)|"
        r"ge (?:mig|oss) besked|bekräfta|svara|återkom)\b",
        scand.PASSIVE_ASK,
        scand.MAY_WE_GET,
        scand.GLADLY,
        r"\b(?P<act>går det att)\s+\w+",
        scand.MIND,
        scand.TELL,
        scand.THEN_SEND,
        r"\b(?:jag|vi)\s+hade\s+hoppats,?\s+att\s+(?:du|ni)\s+(?:kunde|skulle)\s+(?P<act>\w+)",
        r"\b(?:kan|kunde)\s+någon\s+(?:från|hos|på)\s+(?:er|din|ert)\s+(?:sida\s+|avdelning\s+|"
        r"team\s+)?(?P<act>\w+)"
        r"(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\bhar\s+(?:du|I|De|ni|dere)\s+(?:hunnit|haft tid att)\s+(?P<act>\w+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\bhar (?:du|ni) lyckats\s+(?P<act>\w+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:og\s+|och\s+)?(?P<act>(?:säg|berätta))\b\s*(?:(?:mig|oss)\s*)?,?\s*(?:vad|hur|om|när)\b",
        r"\b(?:(?:jag|vi)\s+(?:vill|skulle vilja|önskar))\s+(?:gärna\s+)?(?P<act>(?:returnera|"
        r"säga upp|avbeställa|avboka|byta|beställa|boka|förnya|förlänga|avregistrera|registrera|köpa|"
        r"ersätta|uppgradera))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:dina|din|ditt|era|er|ert|en|ett)\s+(?:\w+\s+)?(?:synpunkter|kommentarer|"
        r"svar|återkoppling|"
        r"feedback|bekräftelse|hjälp)\b)(?=[^.?!]*\b(?:vore|skulle vara|uppskattas)\b(?:\s+\w+){0,3})",
        r"\b(?:jag|vi)\s+(?:behöver|skulle behöva|vill ha|önskar)\s+(?P<act>\w)",
        r"^(?:vill ha|vill få)\s+(?P<act>\w)",  # the subject left out ("Vill ha en kreditering")
        # After a fronted phrase the verb comes first ("før vi fornyer, har vi brug for ...").
        r"\b(?:behöver|skulle behöva)\s+(?:jag|vi)\s+(?P<act>\w)",
        scand.HELP,
        r"\b(?:jag|vi)\s+(?:måste|behöver)\s+(?P<act>få|ha)\b(?=[^.?!]*\b(?:senast|innan|före)\b)",
        r"\b(?:vi|jag)\s+väntar\s+(?:fortfarande|fortsatt|ännu|still)\s+på\s+(?P<act>\S+)",
    ],
    propose=[
        r"\b(?:har|hinner)\s+(?:du|ni)\s+(?P<act>(?:\S+\s+)?(?:tid|möjlighet))\b",
        r"\b(?:ska|kan|skulle)\s+vi\s+(?P<act>ses|träffas|ringas|höras|boka|ta|ha)\b",
        r"\b(?P<act>passar (?:det )?(?:dig|er))\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        scand.SUGGEST,
        r"\bvi\s+(?:kan|kunde|skulle kunna)\s+(?P<act>(?:ta|ha|boka)\s+(?:ett|en)\s+(?:\S+\s+)?(?:samtal|"
        r"möte|"
        r"telefonmöte|videomöte))",
        scand.FANCY,
        scand.SHALL_I,
        r"^(?P<act>säger\s+vi)\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:kan|kunde|ska)\s+vi\s+(?P<act>(?:flytta|skjuta upp|"
        r"tidigarelägga)\s+\S+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"^(?P<act>vi hörs)(?=\s+(?:i morgon|imorgon|nästa|på (?:måndag|tisdag|onsdag|torsdag|fredag)|senare|"
        r"efter))",
        r"\b(?P<act>(?:passer|passar)\s+(?:\S+\s+){1,4}?(?:for\s+)?(?:dig|er))\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
    ],
)

_NO_WH = words("hvordan", "hva", "når", "hvor", "om", "hvilke", "hvilken", "hvem", "hvorfor")
_NO_ACT = (
    r"(?:ringer|ringe|sender|sende|skriver|skrive|tar kontakt|ta kontakt|kommer tilbake|komme tilbake|"
    r"gir (?:\S+ )?beskjed|gi (?:\S+ )?beskjed|holder (?:\S+ )?oppdatert|holde (?:\S+ )?oppdatert|bekrefter|"
    # The present tense promises too ("jeg gir deg en tilbakemelding", "vi returnerer den signert"),
    # returning only with the thing as "it/them": "vi returnerer ikke varer ..." is a policy.
    r"gir (?:deg|dere|Dem) (?:en )?(?:tilbakemelding|svar|oppdatering)|returnerer (?:den|dem|det)\b|"
    r"returnere (?:den|dem|det)\b|"
    r"bekrefte|sjekker|sjekke|ses|møtes|svarer|svare|følger opp|følge opp|melder tilbake|kontakter|kontakte)"
)
NO = lexicon(
    r"\bhvis (?:du|dere) har (?:noen |flere )?(?:spørsmål|behov)|ikke nøl|bare (?:å )?ta kontakt|"
    r"ta gjerne kontakt|\bhvis (?:du|dere) trenger (?:noe|hjelp|mer)\b|\bmottaker\b|"
    r"mottatt (?:denne|den) (?:e-posten|meldingen|e-post|eposten) ved en feil",
    commit=[
        rf"^(?!.*\b(?:har|hadde)\s+(?:jeg|vi)\b).*?\b(?P<who>jeg|vi)\s+(?!(?:har|hadde|ber|ba|trenger)\b)"
        rf"(?:\S+\s+){{0,3}}?"
        rf"(?P<act>{_NO_ACT})\b",
        r"\b(?P<act>ringer|sender|skriver|kommer)\s+(?:jeg|vi)\b",
        # A second verb of the same subject: "vi har mottatt ... og kommer tilbake ...".
        rf"\b(?:jeg|vi)\b[^.?!]*?\bog\s+(?:\S+\s+)?(?P<act>{_NO_ACT})\b",
        # Someone on the author's side promises the reader ("serviceavdelingen vår sender deg ...").
        rf"\b(?P<who>(?:(?:min|mitt|mine|vår|vårt|våre)\s+(?:\S+\s+){{0,8}}?|\w+(?:en|et|a|ene|an)\s+(?:min|"
        rf"mitt|"
        rf"mine|vår|vårt|våre),?\s+(?:\S+\s+){{0,6}}?))(?=[^.?!]*\b(?:deg|dere|Dem|din|ditt|dine|deres)\b)"
        rf"(?:vil\s+|skal\s+)?(?P<act>{_NO_ACT})\b",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?P<act>(?:blir|vil bli|skal)\s+(?:\S+\s+)?(?:sendt|mailet|"
        r"videresendt)\s+"
        r"til\s+(?:deg|dere|Dem))\b",
        scand.YOU_GET,
        scand.WAIT,
        r"\b(?:vi|jeg|jag)\s+(?P<act>kontakter\s+(?:deg|dere))\b(?!\s+(?:ikke|inte)\b)",
        r"\b(?:jeg|vi)\s+(?P<act>ordner det|fikser det|ser på det|løser det|sjekker det|tar meg av det)\b",
    ],
    ask=[
        rf"\b(?:jeg|vi)\s+lurer\s+på\s+(?P<act>{_NO_WH})\b",
        rf"\b(?:jeg|vi)\s+(?:vil|ville)\s+gjerne\s+(?:vite|høre),?\s+(?P<act>{_NO_WH})\b",
        rf"\b(?:kan|kunne|vil)\s+(?:du|dere|De)\s+(?:\S+\s+){{0,2}}?(?:fortelle|forklare|si|opplyse)"
        rf"(?:\s+(?:meg|oss))?,?\s+(?P<act>{_NO_WH})\b",
        r"\b(?P<act>(?:er|ville|vil|kunne) det (?:\S+\s+)?(?:være |vært )?mulig)\b",
        r"\b(?P<act>(?:hvordan|hvor|når)\s+\w+\s+(?:jeg|vi)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?P<act>(?:hvilke|hvilken|hvilket|når|hva)\b(?:\s+\S+){0,5}?)\s+passer\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        scand.WHAT_TO_DO,
        scand.DO_YOU_KNOW,
        scand.IDEA,
        scand.ARRANGE,
        scand.THINK,
        r"^(?:og\s+|och\s+)?(?P<act>(?:noe nytt|nytt|nyheter)\s+(?:om|angående|rundt))\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        r"^(?P<act>(?:kan|må|får)\s+(?:jeg|man))\b(?![^.!?]*\b(?:hjelpe|forestille|"
        r"tenke seg)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
    ],
    request=[
        softened(r"(?:gerne|gärna|gjerne)", scand.NOT_FIRST, negation="ikke|aldri"),
        r"\b(?:kan|kunne|vil|gidder)\s+(?:du|dere|De)\s+(?:vennligst\s+)?(?P<act>\w+)(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        # "og ber om ...": the second verb of the author's sentence ("vi ønsker ..., og ber om at dere ...").
        # not "ber om unnskyldning" (an apology)
        r"\b(?:vi|jeg|og)\s+ber\s+(?:om\s+at\s+(?:du|dere)\s+|deg\s+(?:om\s+å\s+)?|dere\s+(?:om\s+å\s+)?|om\s+)"
        r"(?!unnskyld|forlatelse|tilgivelse)(?P<act>\w+)",
        r"^(?:\S+\s+)?(?P<act>send (?:meg|oss)|ring (?:meg|oss)|gi (?:meg|oss) beskjed"
        # "om" is also "if": "gi beskjed om du har spørsmål" is the courtesy offer
        r"|gi (?:meg|oss) (?:en )?lyd(?! om (?:du|dere) )"
        r"|gi beskjed (?:om(?! (?:du|dere|De) )|når|så snart))\b",
        r"\bvennligst\s+(?P<act>\w+)",
        r"\btakknemlig\w*,?\s+(?:hvis|om)\s+(?:du|dere|De)\s+(?:\S+\s+)?(?P<act>\w+)",
        rf"\b(?:har|hadde)\s+{scand.YOU}\s+(?:\S+\s+)?(?:lyst|mulighet|tid)\s+til\s+(?:å\s+)?(?P<act>\w+)",
        r"\b(?:kunne|kan|vil)\s+(?:du|dere|De)\s+tenke\s+(?:deg|dere|Dem)\s+(?:å\s+)?(?P<act>\w+)",
        r"\bvenligst\s+(?P<act>\w+)",
        scand.PLEASE,
        scand.KINDLY,
        scand.PASSIVE_ASK,
        scand.MAY_WE_GET,
        scand.GLADLY,
        scand.MIND,
        scand.TELL,
        scand.THEN_SEND,
        r"\b(?:jeg|vi)\s+hadde\s+håpet,?\s+at\s+(?:du|dere|De)\s+(?:kunne|ville)\s+(?P<act>\w+)",
        r"\b(?:kan|kunne)\s+noen\s+(?:fra|hos|på)\s+(?:deres|din|dere)\s+(?:side\s+|avdeling\s+|"
        r"team\s+)?(?P<act>\w+)"
        r"(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\bhar\s+(?:du|I|De|ni|dere)\s+(?:rukket å|fått tid til å)\s+(?P<act>\w+)(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        r"\bhar (?:du|dere) (?:fått|klart å)\s+(?P<act>\w+)(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:og\s+|och\s+)?(?P<act>(?:si|fortell))\b\s*(?:(?:meg|oss)\s*)?,?\s*(?:hva|hvordan|om|når)\b",
        r"\b(?:(?:jeg|vi)\s+(?:vil|ønsker å|skulle gjerne))\s+(?:gjerne\s+)?(?P<act>(?:returnere|"
        r"si opp|avbestille|bytte|bestille|booke|reservere|fornye|forlenge|melde (?:meg |oss )?av|"
        r"kjøpe|erstatte|oppgradere))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:(?:din|ditt|dine|deres|en|et)\s+(?:\w+\s+)?(?:tilbakemelding|svar|"
        r"kommentarer|innspill|"
        r"bekreftelse|hjelp)|(?:tilbakemeldingen|svaret|kommentarene|innspillene|"
        r"bekreftelsen)\s+(?:din|ditt|dine|"
        r"deres))\b)(?=[^.?!]*\b(?:settes (?:\w+ )?pris på|ville vært\s+(?:\w+\s+)?(?:fint|nyttig|velkommen|"
        r"til stor hjelp))\b)",
        r"\b(?:jeg|vi)\s+(?:trenger|behøver|har behov for|må ha|skulle gjerne hatt)\s+(?P<act>\w)",
        # After a fronted phrase the verb comes first ("før vi fornyer, har vi brug for ...").
        r"\b(?:trenger|behøver)\s+(?:jeg|vi)\s+(?P<act>\w)",
        scand.HELP,
        r"\b(?:jeg|vi)\s+(?:må|trenger å)\s+(?P<act>ha|få)\b(?=[^.?!]*\b(?:senest|innen|før)\b)",
        r"\b(?:vi|jeg)\s+venter\s+(?:fortsatt|fremdeles|stadig|enda)\s+på\s+(?P<act>\S+)",
    ],
    propose=[
        r"\b(?:har|hadde)\s+(?:du|dere|De)\s+(?P<act>(?:\S+\s+)?tid)\b",
        r"\bskal vi\s+(?P<act>ta|ha|møtes|ses|snakkes|ringe|tage|have)\b",
        r"\b(?P<act>passer (?:det )?(?:for )?(?:deg|dere|Dem))\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        scand.SUGGEST,
        scand.FANCY,
        scand.SHALL_I,
        r"^(?P<act>sier\s+vi)\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)",
        r"\b(?:kan|kunne|skal)\s+vi\s+(?P<act>(?:flytte|utsette|fremskynde)\s+\S+)(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
        r"^(?P<act>vi (?:snakkes|høres))(?=\s+(?:i morgen|neste|på (?:mandag|tirsdag|onsdag|"
        r"torsdag|fredag)|senere|"
        r"etter))",
        r"\b(?P<act>(?:passer|passar)\s+(?:\S+\s+){1,4}?(?:for\s+)?(?:deg|dere))\b(?=(?:[^.!]|"
        r"(?<=\bkl)\.)*\?)",
    ],
)
