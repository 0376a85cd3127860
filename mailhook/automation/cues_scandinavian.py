"""Follow-up cue constructions Danish, Swedish and Norwegian share (used by cues_nordic)."""

from __future__ import annotations

from mailhook.automation.lexicon import words

# Shared because short mail in these languages is often told apart wrongly.
# A question runs on to its mark past "kl. 10" (klokken), whose full stop ends no sentence: the
# lookaheads for the mark read "(?:[^.!]|(?<=\bkl)\.)*\?".
YOU = r"(?:du|I|De|dere|ni)"
# "Hvad skal vi gøre for at ...?": the reader is asked what to do (a help request).
WHAT_TO_DO = (
    r"\b(?P<act>(?:hvad|hva|vad|hvem|vem)\s+(?:skal|kan|må|bør|behøver|trenger|måste|ska|behöver|borde)\s+"
    r"(?:jeg|jag|vi))\b"
    r"(?=(?:[^.!]|(?<=\bkl)\.)*\?)"
)
DO_YOU_KNOW = (
    r"\b(?:ved|vet)\s+(?:du|I|De|dere|ni)\s*,?\s+(?:\S+\s+)?(?P<act>om|hvordan|hvornår|hvor|hvad|hva|hur|"
    r"när|når|var|"
    r"vad)\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)"
)
SUGGEST = r"\b(?:jeg|jag|vi)\s+(?:foreslår|föreslår)\s*,?\s+(?P<act>at|att|et|en|ett)\b"
# A request softened at its end ("send fakturaen igen, er du snill").
KINDLY = r"^(?P<act>\w+)\b[^.?!]*\b(?:er du (?:snill|sød)|vær så snill|är du snäll|er dere snille)\b"
IDEA = (
    r"\b(?P<act>(?:har|havde|hadde|hade)\s+(?:du|I|De|dere|ni)\s+(?:en|nogen|noen|någon)\s+(?:idé|anelse|"
    r"aning))\b"
)
# What the reader will have ("du har det på torsdag", "du får den på torsdag").
YOU_GET = (
    r"\b(?P<act>(?:du|I|De|dere|ni)\s+(?:har|får|modtager|mottar)\s+(?:det|den|dem)\b)(?=(?:\s+\S+){0,3}?\s+"
    r"(?:på (?:mandag|måndag|tirsdag|tisdag|onsdag|torsdag|fredag)|i morgen|i morgon|inden|innen|senest|"
    r"senast)\b)"
)
PASSIVE_ASK = r"\b(?P<act>(?:kan|kunne)\s+(?:det|dette|den)\s+\w+es)\b(?=(?:[^.!]|(?<=\bkl)\.)*\?)"
# Verb first is a question even where an abbreviation's full stop ("ti stk. mere") hides the "?".
MAY_WE_GET = (
    r"(?:^|[,;]\s*)(?:(?:men|og|och)\s+)?(?P<act>(?:kan|kunne|må|får|skulle|kunde)\s+(?:vi|jeg|jag)\s+"
    r"(?:kunna\s+)?(?:få|fått))\b"
)
FANCY = r"^(?:\S+\s+)?(?P<act>(?:sugen|lust|lyst|tid)\s+(?:på|til)\b)(?=(?:[^.!]|(?<=\bkl)\.)*\?)"
GLADLY = (
    r"^(?P<act>\w+)\s+(?:gärna|gjerne|gerne)\s+(?:mig|oss|os|meg|er|ert|era|jer|jeres|dere|deres|din|ditt|"
    r"dina|dit|"
    r"dine)\b"
)
# What opens a sentence before "gerne / gärna / gjerne" without being an imperative: thanks, yes
# and no, pronouns, modals, and present-tense verbs (-ar, -er, "gør"), a statement with its subject
# left out ("Kommer gerne på tirsdag"); the imperative is the stem ("Ta gärna fram ...").
NOT_FIRST = words(
    "tak", "tack", "takk", "ja", "nej", "nei", "jeg", "jag", "vi", "du", "det", "den", "man", "meget",
    "mycket", "veldig", "svært", "vil", "vill", "ville", "skulle", "kan", "kunne", "kunde", "må", "måste",
    "har", "hade", "havde", "hadde", r"\w+(?:ar|er)", "tar", "får", "går", "ser", "gør", "bor", "dør", "hør",
)
# First-person meeting promises ("jeg venter på dig", "jag väntar på dig", "jeg viser deg rundt").
WAIT = (
    r"\b(?:jeg|jag|vi)\s+(?P<act>(?:venter|väntar)\s+på\s+(?:dig|deg|jer|er|dere)|(?:viser|visar)\s+(?:dig|"
    r"deg|jer|er|"
    r"dere)\s+(?:\S+\s+)?rundt|(?:viser|visar)\s+(?:dig|deg|jer|er|dere)\s+(?:\S+\s+)?runt)\b"
)
HELP = (
    r"\bdet (?:ville|skulle|vil|vill) (?:hjælpe|hjälpa|hjelpe|hjulpet) (?:mig|meg|os|oss) (?:meget |mycket |"
    r"mye |"
    r"rigtig |veldig )?(?P<act>at|att|å|om|hvis)\b"
)
ARRANGE = r"\b(?P<act>kan det lade sig gøre|lar det seg (?:ordne|gjøre)|går det an)\b"
THINK = r"\b(?P<act>(?:hvad|hva|vad) (?:synes|tycker|mener|tänker) (?:du|I|De|dere|ni))\b"
MIND = (
    r"\b(?:har|havde|hadde|hade)\s+(?:du|I|De|dere|ni)\s+(?:noget|noe|något)\s+(?:imod|imot|"
    r"emot)\s+(?:\S+\s+)?"
    r"(?:at|å|att)\s+(?P<act>\w+)"
)
TELL = (
    r"(?:^|,\s*)(?P<act>(?:sig til|si fra|säg till|sig|si|säg)\b),?\s+(?:hvilken|hvilket|hvilke|vilken|"
    r"vilket|vilka|om|"
    r"hvad|hva|vad|når|hvornår|när)\b"
)
THEN_SEND = (
    r",\s*(?:så\s+)?(?P<act>(?:send|skicka) (?:mig|os|meg|oss)|ring (?:til )?(?:mig|os|meg|oss)|"
    r"skriv til (?:mig|os|"
    r"meg|oss))\b"
)
SHALL_I = r"\b(?P<act>(?:skal|ska) jeg|ska jag)\s+\w+[^.!]*\?"
PLEASE = (
    r"(?:^|,\s*)(?!(?:kontakt|se|bemærk|læs|klik|besøg|find|hilsen|vennlig|venlig)\b)(?P<act>\w+)"
    r"(?:\s+(?:mig|os|meg|oss|dig|deg|jer|dere))?\s+(?:venligst|vennligst)\b"
)
