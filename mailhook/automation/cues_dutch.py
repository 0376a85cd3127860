"""Follow-up cues of Dutch."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, softened, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_NL_WH = words("hoe", "wat", "wanneer", "waar", "of", "welke", "wie", "waarom", "hoeveel")
_NL_YOU = words("je", "jij", "u", "jullie")
_NL_ACT = (
    r"(?:bel|bellen|terugbellen|stuur|sturen|opsturen|toesturen|terugsturen|doorsturen|mailen|"
    r"mail (?:je|jou|u|jullie|hem|haar)|"
    r"laat (?:\S+ ){0,3}?weten|laten weten|(?:kom|komen) (?:\S+ ){0,5}?terug|terugkomen|"
    r"neem (?:\S+ ){0,3}?contact|"
    r"contact opnemen|op de hoogte|bevestig|bevestigen|checken|controleren|bekijken|nakijken|afspreken|"
    r"langskomen|reageer|reageren|doorgeven|(?:laat|laten) (?:\S+ ){0,4}?van (?:ons|me|mij) horen)"
)
_NL_THIRD = (
    r"(?:stuurt|sturen|belt|bellen|mailt|mailen|neemt (?:\S+ ){0,3}?contact|nemen (?:\S+ ){0,3}?contact|"
    r"laat (?:\S+ ){0,4}?(?:weten|horen)|laten (?:\S+ ){0,4}?(?:weten|horen)|komt (?:\S+ ){0,5}?terug|"
    r"komen (?:\S+ ){0,5}?terug|bevestigt|informeert)"
)
NL = lexicon(
    r"\b(?:als|mocht|indien) (?:je|u|jullie) (?:nog )?(?:\w+ ){0,2}?(?:vragen|hulp|iets nodig)|"
    r"\bbij vragen\b|aarzel niet|schroom niet|neem gerust contact|\bgeadresseerde\b",
    commit=[
        rf"^(?!.*\b(?:heb|hebben|had|hadden)\s+(?:ik|we|wij)\b).*?\b(?P<who>ik|wij|we)\s+"
        rf"(?!(?:heb|hebben|had|hadden)\b)(?:\S+\s+){{0,4}}?(?P<act>{_NL_ACT})\b",
        r"\b(?P<act>bel|stuur|mail|laat|kom|neem|hou|houd)\s+(?:ik|we|wij)\b",
        # A second verb of the same subject: "ik zoek het uit en stuur u morgen ...".
        rf"\b(?:ik|we|wij)\b[^.?!]*?\ben\s+(?P<act>{_NL_ACT})\b",
        # Someone on the author's side promises the reader ("onze servicedienst stuurt u ...").
        rf"\b(?P<who>(?:onze|ons|mijn)\s+(?:\S+\s+){{0,8}}?)(?=[^.?!]*\b(?:u|je|jou|jullie)\b)"
        rf"(?P<act>{_NL_THIRD})\b",
        rf"\b(?P<who>(?:onze|ons|mijn)\s+(?:\S+\s+){{0,8}}?)(?P<act>zal|zullen|gaat|gaan)\b"
        rf"(?!(?:\S+\s+){{0,2}}?niet\b)[^.?!]*?\b{_NL_ACT}\b",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?P<act>(?:wordt|worden|zal|zullen)\b(?:\s+\S+){0,8}?\s+(?:naar|aan)\s+"
        r"(?:u|je|jou|jullie)\s+(?:\S+\s+)?(?:gestuurd|verstuurd|opgestuurd|toegestuurd|gemaild|"
        r"doorgestuurd))\b",
        # After a fronted time the verb comes first: "donderdag heb je hem in je mailbox".
        r"\b(?P<act>(?:morgen\w*|vandaag|(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*|volgende week|"
        r"deze week|vanmiddag|vanavond)\s+(?:heb|hebt|krijg|krijgt|ontvang|ontvangt)\s+(?:je|jij|u|"
        r"jullie))\b",
        r"\b(?:ik|we|wij)\s+(?P<act>wacht|wachten)\s+(?:\S+\s+){0,4}?op\s+(?:je|jou|u|jullie)\b",
        r"\b(?:we|wij|ik)\s+(?P<act>(?:laat|laten)\s+(?:het\s+)?(?:u|je|jullie)\s+(?:\S+\s+){0,2}?weten)\b",
        r"\b(?:we|wij|ik)\s+(?P<act>(?:nemen|neem)\s+(?:\S+\s+){0,3}?contact\s+(?:met\s+\S+\s+)?op)\b",
        r"\b(?:ik|we|wij)\s+(?P<act>(?:regel|regelen) het|(?:kijk|kijken) ernaar|(?:los|"
        r"lossen) het (?:\S+\s+){0,2}?op|"
        r"(?:zoek|zoeken) het uit|(?:pak|pakken) het op)\b",
    ],
    ask=[
        rf"\b(?:kun|kunt|kan|kunnen|zou|zoudt|zouden|wil|wilt|"
        rf"willen)\s+{_NL_YOU}\s+(?:\S+\s+){{0,3}}?(?:uitleggen|"
        rf"vertellen|laten weten|aangeven|zeggen|melden|toelichten),?\s+(?P<act>{_NL_WH})\b",
        rf"\b(?:ik|wij|we)\s+(?:wil|willen|zou|zouden|had|hadden)\s+(?:graag\s+)?(?:\S+\s+)?(?:weten|"
        rf"vragen),?\s+"
        rf"(?P<act>{_NL_WH})\b",
        rf"\bgraag (?:\S+\s+)?weten,?\s+(?P<act>{_NL_WH})\b",
        r"\b(?P<act>(?:is|zou) het (?:\S+\s+)?mogelijk)\b",
        # "hoe los ik het op?": the reader is asked how (a help request).
        r"\b(?P<act>(?:hoe|waar|wanneer)\s+\w+\s+(?:ik|we|wij)\b)(?=[^.!]*\?)",
        r"\b(?P<act>wat\s+(?:moet|moeten|kan|kunnen|mag|mogen|zou|zouden)\s+(?:ik|we|wij))\b(?=[^.!]*\?)",
        rf"\b(?:weet|weten)\s+(?:je|jij|u|jullie)\s+(?:\S+\s+)?(?P<act>{_NL_WH})\b",
        r"\b(?P<act>(?:welke|wanneer|wat)\b(?:\s+\S+){0,5}?)\s+(?:komt|komen|schikt|schikken|past|passen)\s+"
        r"(?:het\s+)?(?:u|je|jou|jullie|uw|jouw)\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:bij wie|met wie|aan wie|wie)\s+(?:moet|moeten|kan|kunnen|mag|mogen|zou|zouden)\s+"
        r"(?:ik|we|wij))\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:heb|hebt|heeft|hebben)\s+(?:je|jij|u|jullie)\s+(?:enig|een|al een)\s+idee)\b",
        r"\b(?P<act>(?:is|zou)\s+(?:dat|dit|het)\s+(?:\S+\s+)?te\s+\w+)\b(?=[^.!]*\?)",
        r"\b(?P<act>wat (?:vind|vindt|vinden) (?:je|jij|u|jullie))\b",
        r"\b(?P<act>(?:welk|welke|wanneer|wat)\b(?:\s+\S+){0,5}?)\s+(?:komt|komen|past|passen|"
        r"schikt|schikken)\s+"
        r"(?:u|je|jou|jullie)\b(?=[^.!]*\?)",
        r"^(?:en\s+)?(?P<act>(?:(?:is er|nog)\s+)?(?:al\s+)?(?:nieuws|iets nieuws)\s+(?:over|van|"
        r"omtrent))\b(?=[^.!]*\?)",
        r"^(?P<act>(?:kan|mag|kon)\s+(?:ik|men))\b(?![^.!?]*\b(?:helpen|voorstellen)\b)(?=[^.!]*\?)",
    ],
    request=[
        # A softened imperative, the verb first ("Stuur alsjeblieft de cijfers").
        softened(
            r"(?:alsjeblieft|alstublieft|aub|graag)",
            words("ik", "wij", "we", "jij", "je", "u", "het", "dat", "dit", "dank", "bedankt", "hallo", "ja",
                  "nee", "heel", "zeer", "tot", "was", "is", "ben", "zijn"),
            negation="niet|nooit|geen",
        ),
        rf"\b(?:kun|kunt|kan|kunnen|zou|zoudt|zouden|wil|wilt|willen)\s+(?:je|jij|u|"
        rf"jullie)\b[^.?!]*?\b(?P<act>{_NL_ACT})\b",
        rf"\b(?:graag|alsjeblieft|alstublieft|gelieve)\b[^.?!]*?\b(?P<act>{_NL_ACT}|ontvangen|ontvang)\b",
        r"^(?P<act>laat (?:me|mij|ons) (?:\S+ ){0,3}?weten|stuur (?:me|mij|ons)|bel (?:me|mij|ons))\b",
        # A question in inverted order to the reader ("kijk je er even naar ...?").
        r"\b(?P<act>(?:laat|kijk|stuur|bel|mail|bevestig|check|controleer|neem|geef|stuurt|belt|bevestigt|"
        r"kijkt)"
        r"\s+(?:je|jij|u|jullie))\b(?=[^.!]*\?)",
        r"\b(?:ik|wij|we)\s+(?:verzoek|verzoeken)\s+(?:u|je|jullie)\s+(?:\S+\s+)?(?:om\s+)?(?P<act>\S+)",
        r"\b(?:op prijs|dankbaar)\s+(?:\S+\s+)?als\s+(?:u|je|jij|jullie)\s+(?P<act>\S+)",
        # Any verb in a polite question to the reader ("Kunt u de factuur aanpassen?").
        rf"\b(?:kun|kunt|kan|kunnen|zou|zoudt|zouden|wil|wilt|willen)\s+{_NL_YOU}\s+(?P<act>\S+)(?=[^.!]*\?)",
        r"\b(?:ik|we|wij)\s+(?:hoor|horen|ontvang|ontvangen)\s+graag\s+(?P<act>(?:uw|je|jullie)\s+(?:reactie|"
        r"antwoord|mening|voorstel|offerte|bevestiging)|of|wat|wanneer|hoe)\b",
        r"\b(?:kan|kunnen|zou|zouden)\s+(?:dat|dit|"
        r"het)\s+(?P<act>(?:\S+\s+){0,5}?\S+\s+worden)\b(?=[^.!]*\?)",
        r"\b(?:zouden|kunnen|mogen|kan|mag)\s+(?:we|wij|ik)\s+(?P<act>(?:\S+\s+){0,6}?(?:krijgen|ontvangen|"
        r"hebben))\b"
        r"(?=[^.!]*\?)",
        r"\b(?:zou|zoudt|zouden|vind|vindt)\s+(?:je|jij|u|jullie)\s+het\s+(?:erg|"
        r"vervelend)\s+(?:vinden\s+)?(?:om\s+)?"
        r"(?P<act>\S+)",
        r",\s*(?:dan\s+)?(?P<act>(?:stuur|bel|mail)\s+(?:me|mij|ons))\b",
        r"^(?P<act>laat (?:maar |even )?weten)\b",
        r"\b(?:ik|we|wij)\s+(?:hoopte|hoopten|had gehoopt|hadden gehoopt)\s+dat\s+(?:u|je|jij|"
        r"jullie)\s+(?P<act>\w+)",
        r"\b(?:kan|zou)\s+iemand\s+(?:van|bij)\s+(?:jullie|uw|je)\s+(?:kant|team|afdeling|bedrijf)\s+"
        r"(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:we|wij|ik)\s+(?:zouden|"
        r"zou)\s+(?P<act>(?:\S+\s+){0,5}?graag\s+(?:\S+\s+){0,4}?(?:hebben|ontvangen|"
        r"krijgen|zien))\b",
        r"\b(?:heb|hebt|heeft|hebben)\s+(?:je|jij|u|jullie)\s+(?:al\s+)?(?:\S+\s+){0,4}?(?:kunnen|"
        r"tijd gehad om)\s+"
        r"(?P<act>\w+)(?=[^.!]*\?)",
        r"\bis\s+het\s+(?:al\s+)?gelukt\s+om\s+(?P<act>(?:\S+\s+){0,4}?\w+)(?=[^.!]*\?)",
        r"\b(?:en\s+)?(?P<act>laat\s+(?:me|mij|ons)\s+(?:\S+\s+)?weten)\b",
        r"\b(?:ik|we|wij)\s+(?:wil|willen|zou|zouden)\s+(?:graag\s+|"
        r"willen\s+)?(?P<act>(?:\S+\s+){0,6}?(?:retourneren|terugsturen|opzeggen|annuleren|ruilen|"
        r"bestellen|reserveren|boeken|verlengen|overstappen|upgraden|afmelden|aanmelden|uitschrijven|"
        r"inschrijven|kopen|vervangen))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:uw|je|jouw|jullie|een)\s+(?:\w+\s+)?(?:reactie|antwoord|feedback|"
        r"opmerkingen|commentaar|"
        r"bevestiging|hulp|mening|terugkoppeling)\b)(?=[^.?!]*\b(?:(?:wordt|worden)\s+(?:\w+\s+)?op prijs "
        r"gesteld|zou(?:den)?\s+(?:\w+\s+){0,2}?(?:fijn|welkom|handig|nuttig)|zou(?:den)? (?:ons|me|mij) "
        r"(?:\w+\s+)?helpen)\b)",
        # The thing needed may carry its own complements ("nog een kopie van de jaarrekening 2025").
        r"\b(?:ik|we|wij)\s+(?:heb|hebben)\s+(?P<act>(?:\S+\s+){0,9}?nodig)\b",
        r"\b(?:heb|hebben)\s+(?:ik|we|wij)\s+(?P<act>(?:\S+\s+){0,9}?nodig)\b",
        r"\bhet zou (?:me|mij|ons) (?:erg |heel erg |enorm |veel )?helpen\s+(?P<act>als|om|te)\b",
        r"\b(?:ik|we|wij)\s+(?:moet|moeten)\s+(?=[^.?!]*\b(?:vóór|voor|uiterlijk|ten laatste)\b)"
        r"(?P<act>(?:\S+\s+){0,6}?(?:ontvangen|hebben|krijgen))\b",
        r"\b(?:we|wij|ik)\s+wachten?\s+(?:nog\s+steeds|nog|altijd nog)\s+op\s+(?P<act>\S+)",
    ],
    propose=[
        r"\b(?:zullen|kunnen|laten) we\b[^.?!]*?\b(?P<act>afspreken|bellen|spreken|praten|overleggen)\b",
        r"\b(?P<act>spreken we (?:elkaar|af))\b",
        rf"\b(?:heeft|hebt|heb|zou|zoudt)\s+{_NL_YOU}\b(?:\s+\S+){{0,5}}?\s+(?P<act>tijd)\b",
        r"\b(?P<act>(?:schikt|past) (?:het )?(?:u|je|jullie))\b",
        r"\b(?:ik|wij|we)\s+(?:stel|stellen)\s+(?:je\s+|u\s+|jullie\s+)?voor\s+(?P<act>dat|om|te)\b",
        r"^(?:\S+\s+)?(?P<act>(?:zin|tijd) (?:om|in)\b)(?=[^.!]*\?)",
        r"\b(?P<act>(?:heb|hebt|heeft|hebben) (?:je|jij|u|jullie) (?:\S+ )?zin)\b",
        r"^(?P<act>spreken\s+(?:we|wij))\b[^.!]*\baf\b[^.!]*\?",
        r"\b(?:kunnen|zullen|zouden)\s+we\s+(?P<act>(?:\S+\s+){1,5}?(?:verzetten|verplaatsen|"
        r"verschuiven|vervroegen|"
        r"uitstellen))\b",
        r"\b(?P<act>laten\s+we)\s+(?!(?:eerlijk|hopen|wel|niet|zeggen)\b)",
        r"\b(?P<act>(?:schikt|past|komt)\s+(?:\S+\s+){1,5}?(?:u|je|jullie))\b(?:\s+uit)?(?=[^.!]*\?)",
        r"^(?P<act>we zien elkaar)\b(?=[^.?!]*\b(?:op|morgen|volgende|om|in|bij)\b)",
    ],
)
