"""Plain questions and soft asks of support mail, per language: wh- and yes/no questions put to the
reader ("Why does the export stop at 50 rows?", "Wie ist der Stand bei Ticket 4711?", "Où en est
le ticket ?"), "can someone look at this?", "any idea?", "thanks in advance for your help", needs
and deadlines inside a clause ("as we go live on Monday we need this fixed before then") and
impersonal wishes ("es wäre gut, wenn jemand ...", "il faudrait que quelqu'un regarde").

Every pattern here holds the empty group `plain` ("any idea?" and "thanks in advance" the group
`trouble` too: only in mail that reports a problem, `TROUBLE`): such a sentence is a task only in
mail to one reader (not a list post or a team report, where questions are put to nobody in particular), and a
question only when its paragraph does not go on with a statement (the author answering it: "Why
did the backup fail? The disk was full."). intent.py applies both gates. Questions are built
from each language's grammar (question words, inversion, second-person forms); social questions
("how are you?", "wie geht's?"), who-questions (mostly rhetorical: "who reads release notes?")
and short ones ("why not?") are left out. Written from our own sentences (dev_helpdesk.jsonl),
as constructions, never from a message of the corpus or of the held-out sets."""

from __future__ import annotations

import re

from mailhook.automation.cues_questions import FAULT_QUESTIONS
from mailhook.automation.cues_status import STATUS_QUESTIONS, chases_status

# The clause is a question. Consumed, not looked ahead: a paragraph without "?" then holds none of
# these cues (loosening keeps it as a part), and most paragraphs need no splitting for them.
_Q = r"[^.!]*\?"
# The sentence opens with it (after "ok," or "hi Tom,", or a list item's number: "1. Warum ...?").
_OPEN = r"^\W*(?:\d{1,2}[.)]\s+)?(?:\w+,\s*)?(?P<plain>)"
_LONG = r"(?:\s+[^\s?]+){2,}"  # three words at least: "why not?", "how come?" are no question to answer


def _wh(words: str, social: str) -> str:
    """A question opening with a question word of the language, not a social one."""
    return rf"{_OPEN}(?!(?:{social}))(?P<act>(?:{words})\b[^\s?]*{_LONG})" + _Q


# Social questions per language: how the reader is, how their weekend or holiday was.
_SOCIAL = {
    "en": r"how (?:are|r) (?:you|u|things)|how's (?:it|life|everything|things)|how (?:was|were"
    r"|did) (?:your|the)"
    r" (?:weekend|holiday|vacation|trip|summer|break)|how have you been|how is (?:it|life|everything) going"
    r"|how do you do|what's up|what about you",
    "de": r"wie geht|wie läuft'?s|wie war(?:en)? (?:dein|euer|eure|Ihr|Ihre|das wochenende|der urlaub)"
    r"|was gibt'?s neues|was machst du so",
    "fr": r"comment (?:vas-tu|allez-vous|ça va|va|tu vas|vous allez|s'est passée?|se sont passées?|était)"
    r"|quoi de neuf",
    "es": r"(?:¿\s*)?(?:cómo|como) (?:estás|estáis|está usted|están|te va|le va|os va|va todo|fue|te fue"
    r"|lo pasa"
    r"|están las cosas|van las cosas)|(?:¿\s*)?qué tal|(?:¿\s*)?qué hay de nuevo",
    "it": r"come (?:stai|sta|state|va|vanno|è andat|sono andat|te la passi)|che si dice|tutto bene",
    "nl": r"hoe (?:gaat het|is het|was (?:je|jullie|uw|het|de))|alles goed|hoe staat het leven",
    "pt": r"como (?:estás|está|estão|vai|vão|correu|correram|foi|foram)|tudo bem|que há de novo",
    "da": r"hvordan (?:går det(?:\s*\?| med (?:dig|jer))|har (?:du|I) det|var (?:din|jeres|weekenden"
    r"|ferien|turen))"
    r"|hvad så",
    "sv": r"hur (?:mår|är läget|har (?:du|ni) det|var (?:din|er|helgen|semestern|resan)|går det(?:\s*\?| för"
    r"| med (?:dig|er)))|vad händer(?:\s*\?| med (?:dig|er))",
    "no": r"hvordan (?:går det(?:\s*\?| med (?:deg|dere))|har (?:du|dere) det|var (?:helgen|ferien|turen))"
    r"|hva skjer(?:\s*\?| med (?:deg|dere))|står til",
    "pl": r"jak (?:się (?:masz|macie|Pan|Pani)|leci|minął|minęł|tam|ci idzie|wam idzie)|co (?:słychać"
    r"|u (?:ciebie"
    r"|was|pana|pani))",
}
# Questions that suggest rather than ask ("why don't you override it?", "warum nimmst du nicht ...",
# "pourquoi ne pas ...", "¿por qué no pruebas ...?": a negated why of the reader or of us; "why
# doesn't the export work?" is a question), and exclamations put as questions ("how depressing
# would it be?"; not "how long would it take?").
_SUGGESTION = {
    "en": r"what an?\b|why (?:don't|do not|not|wouldn't|won't|didn't) (?:you|we)\b|why not\b|how (?!long"
    r"|many|much"
    r"|often|soon"
    r"|far|quickly|fast|big|large|old|late|early|exactly)\w+ (?:would|is|was|are|were|could|can"
    r"|must) (?:it|that|this"
    r"|they|he|she)\b",
    "de": r"(?:warum|wieso|weshalb) (?:\S+ )?(?:du|ihr|Sie|wir) (?:\S+ ){0,3}?nicht\b|(?:warum|wieso) nicht\b"
    r"|wie (?!lange|viele?|oft|bald|weit|schnell|groß|alt|spät|früh|genau)\w+ (?:wäre|ist|war) (?:das|es)\b",
    "fr": r"pourquoi (?:ne|n'|pas)\b",
    "es": r"(?:¿\s*)?por qué no \w+(?:s|mos|is)\b",
    "it": r"perch[ée] non \w+(?:i|te|mo)\b",
    "nl": r"waarom (?:\S+ )?(?:je|jij|u|we|jullie) (?:\S+ )?niet\b|waarom niet\b",
    "pt": r"(?:porque|por que) não \w+(?:s|mos)\b",
    "da": r"hvorfor (?:\S+ )?(?:du|I|vi) (?:\S+ )?ikke\b|hvorfor ikke\b",
    "sv": r"varför (?:\S+ )?(?:du|ni|vi) (?:\S+ )?inte\b|varför inte\b",
    "no": r"hvorfor (?:\S+ )?(?:du|dere|vi) (?:\S+ )?ikke\b|hvorfor ikke\b",
    "pl": r"(?:dlaczego|czemu) nie \w+(?:sz|my|cie)\b",
}
# The author asking himself ("what was I thinking?", "Was denke ich mir dabei?"): rhetorical.
_SELF = {
    "en": r"\w+ (?:was|am|were) (?:i|we) thinking", "de": r"\w+ (?:denke|dachte) ich",
    "fr": r"(?:à quoi|qu'est-ce que) (?:je pense|j'ai pensé"
    r"|je pensais)", "es": r"(?:¿\s*)?(?:en )?qué (?:estaba|estoy) pensando",
    "it": r"a cosa (?:stavo|sto) pensando", "nl": r"wat (?:dacht|denk) ik", "pt": r"(?:em )?que (?:estava"
    r"|estou) (?:eu )?a pensar",
    "da": r"hvad (?:tænkte|tænker) jeg", "sv": r"vad (?:tänkte|tänker) jag", "no": r"hva (?:tenkte"
    r"|tenker) jeg",
    "pl": r"co (?:ja )?(?:sobie )?myślał(?:em|am)",
}
# Question words, not who (mostly rhetorical in support mail: "who reads release notes?").
_WH = {
    "en": r"why|what|what's|how|when|where|which",
    "de": r"warum|wieso|weshalb|weswegen|wie|was|wann|wo|woran|wozu|womit|wofür|welche[rsnm]?",
    "fr": r"pourquoi|comment|quand|où|quel|quelle|quels|quelles|combien|qu'est-ce|que (?:faut|dois|devons"
    r"|faire)",
    "es": r"¿\s*(?:por qué|porqué|por que|cómo|como|cuándo|cuando|dónde|donde|qué|que|cuál|cual|cuáles"
    r"|cuánt[oa]s?)"
    r"|por qué|cómo|cuándo|dónde|cuál|cuáles",
    "it": r"perché|perchè|come mai|come|quando|dove|quale|quali|qual è|qual'è|quanto|quanti|cosa|che cosa"
    r"|a che punto",
    "nl": r"waarom|hoe|wanneer|waar|wat|welke?|hoeveel|hoezo",
    "pt": r"porque|por que|porquê|como|quando|onde|qual|quais|quanto|quantos|o que",
    "da": r"hvorfor|hvordan|hvornår|hvor|hvad|hvilke[nt]?",
    "sv": r"varför|hur|när|var (?:finns|ligger|hittar|kan)|vad|vilke[nt]|vilka",
    "no": r"hvorfor|hvordan|når|hvor|hva|hvilke[nt]?",
    "pl": r"dlaczego|czemu|jak|kiedy|gdzie|co|jaki|jaka|jakie|jakiego|który|która|które|ile",
}
# Someone on the reader's side asked to act ("can someone look at this?"): "someone" and a modal.
_SOMEONE = {
    "en": r"(?:can|could|would|will) (?:someone|somebody|anyone|anybody)",
    "de": r"(?:kann|könnte|würde) (?:sich )?(?:bitte )?(?:jemand|einer|wer)",
    "fr": r"(?:quelqu'un (?:peut|pourrait)|est-ce que quelqu'un (?:peut|pourrait))",
    "es": r"(?:¿\s*)?(?:alguien (?:puede|podría)|(?:puede|podría) alguien)",
    "it": r"(?:qualcuno (?:può|potrebbe)|(?:può|potrebbe) qualcuno)",
    "nl": r"(?:kan|kun|zou) (?:er )?(?:iemand|een van jullie)",
    "pt": r"(?:alguém (?:pode|poderia|consegue)|(?:pode|poderia) alguém)",
    "da": r"(?:kan|vil|gider) (?:nogen|en af jer)",
    "sv": r"(?:kan|skulle|vill) (?:någon|en av er)",
    "no": r"(?:kan|vil|gidder) (?:noen|en av dere)",
    "pl": r"czy (?:ktoś|ktokolwiek) (?:może|mógłby|mogłaby|dałby radę)",
}
# Asking someone on the reader's side: in mail to one reader, the reader is asked (cues_rhetoric).
ASKS_SOMEONE = {lang: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
                for lang, words in _SOMEONE.items()}
# "Any idea?" after a problem: a soft ask for the reader's help, as a question.
_IDEA = {
    "en": r"any (?:idea|ideas|thoughts|suggestions|clue|tips|advice|hints?)|(?:does )?(?:anyone|anybody"
    r"|someone)"
    r" (?:have|got) (?:an? )?(?:idea|clue|suggestion)",
    "de": r"(?:hat )?(?:jemand|wer|einer) (?:eine )?(?:idee|ahnung|tipp|lösung|rat)|(?:irgendwelche )?ideen"
    r"|eine idee",
    "fr": r"(?:une |des )?idées?|(?:quelqu'un a|vous avez) (?:une|des) (?:idée|piste|solution)s?",
    "es": r"(?:¿\s*)?(?:alguna idea|alguna sugerencia|algún consejo|alguien sabe)",
    "it": r"(?:qualche|un'|nessuna) (?:idea|suggerimento)|(?:qualcuno ha|avete) (?:qualche|un') ?idea",
    "nl": r"(?:iemand )?(?:een |enig )?idee|(?:iemand )?suggesties",
    "pt": r"(?:alguma|uma) (?:ideia|sugestão)|alguém sabe",
    "da": r"(?:nogen|en) (?:idé|ide|ideer|forslag)|har (?:nogen|I) en (?:idé|ide)",
    "sv": r"(?:någon|en) (?:idé|aning)|(?:några|nåt) (?:idéer|förslag|tips)|har (?:någon|ni) en (?:idé"
    r"|aning)",
    "no": r"(?:noen|en) (?:idé|ide|ideer|forslag|tips)|har (?:noen|dere) en (?:idé|ide)",
    "pl": r"(?:jakiś|jakieś|ktoś ma) (?:pomysł|pomysły|sugestie|rady)|ktoś wie",
}
# Thanks for help not yet given: the author asks for it ("thanks in advance for your help").
_IN_ADVANCE = {
    "en": r"(?:thanks|thank you|thx|many thanks) in advance",
    "de": r"(?:vielen |herzlichen |besten )?dank(?:e)? (?:schon )?im voraus",
    "fr": r"merci (?:d'avance|par avance|à l'avance)|(?:je vous |nous vous )remerci\w* (?:d'avance"
    r"|par avance)",
    "es": r"(?:muchas )?gracias (?:de antemano|por adelantado|anticipadas)",
    "it": r"(?:grazie|ringrazio) (?:in anticipo|anticipatamente|fin d'ora|sin d'ora)",
    "nl": r"(?:alvast|bij voorbaat) (?:bedankt|dank)",
    "pt": r"(?:desde já|antecipadamente) (?:obrigad[oa]|agradeço|agradecemos)|obrigad[oa] desde já",
    "da": r"(?:på forhånd )?tak på forhånd|på forhånd (?:tak|mange tak)",
    "sv": r"tack på förhand|på förhand tack",
    "no": r"takk på forhånd|på forhånd takk",
    "pl": r"z góry (?:dziękuję|dziękujemy|dzięki)|(?:dziękuję|dziękujemy) z góry",
}
# A need inside a clause: something to be fixed or done, with a modal of need ("we need this fixed
# before then", "muss das bis Freitag behoben sein", "il faut que ce soit réglé avant").
_DONE = {
    "en": r"(?:fixed|solved|resolved|sorted(?: out)?|working|done|ready|up and running|back up)",
    "de": r"(?:behoben|gelöst|repariert|erledigt|fertig|eingerichtet|freigeschaltet)",
    "fr": r"(?:réglée?s?|résolue?s?|corrigée?s?|réparée?s?|fait|faite|prête?s?|en place)",
    "es": r"(?:arreglad[oa]s?|resuelt[oa]s?|solucionad[oa]s?|corregid[oa]s?|list[oa]s?|hech[oa])",
    "it": r"(?:risolt[oaie]|sistemat[oaie]|corrett[oaie]|riparat[oaie]|pront[oaie]|fatt[oaie])",
    "nl": r"(?:opgelost|verholpen|gerepareerd|gefikst|klaar|geregeld|ingericht)",
    "pt": r"(?:resolvid[oa]s?|corrigid[oa]s?|reparad[oa]s?|arranjad[oa]s?|pront[oa]s?|feit[oa]s?)",
    "da": r"(?:løst|rettet|fikset|ordnet|klar|på plads)",
    "sv": r"(?:löst|åtgärdat|fixat|rättat|klart|på plats)",
    "no": r"(?:løst|rettet|fikset|ordnet|klar|på plass)",
    "pl": r"(?:naprawion[eay]|rozwiązan[eay]|poprawion[eay]|gotow[eay]|zrobion[eay])",
}
_NEED_DONE = {
    "en": r"\b(?:we|i) (?:really |urgently )?need (?P<act>(?:this|it|that|the \w+|these|them) {done}\b.*)"
    r"|\b(?P<act2>(?:this|it|that) (?:needs|has|must) (?:to )?be {done}\b.*)",
    "de": r"\b(?:muss|müsste|sollte) (?P<act>(?:das|dies|es|der fehler"
    r"|das problem)\s+(?:\S+\s+){{0,4}}?{done}"
    r" (?:sein|werden)\b.*)|\bbrauchen wir (?P<act2>(?:das|es|die \w+)\s+(?:\S+\s+){{0,4}}?{done}\b.*)",
    "fr": r"\b(?:il faut|il faudrait|nous avons besoin) (?:que|qu') (?P<act>(?:ce|cela|ça|le problème"
    r"|ce soit|ça soit)"
    r"[^.?!]*?{done}\b.*)",
    "es": r"\bnecesit(?:amos|o|aríamos) que (?P<act>(?:esto |eso |el problema |el fallo )?(?:esté|estén"
    r"|quede|quedé)"
    r"\s+{done}\b.*)|\btiene que (?P<act2>(?:estar|quedar) {done}\b.*)",
    "it": r"\b(?:ci serve|mi serve|serve|bisogna|è necessario) che (?P<act>(?:sia|venga|siano"
    r"|vengano)\s+{done}\b.*)"
    r"|\bdeve (?P<act2>essere {done}\b.*)",
    "nl": r"\bmoet (?P<act>(?:dit|dat|het|de fout|het probleem)\s+(?:\S+\s+){{0,4}}?{done} (?:zijn"
    r"|worden)\b.*)",
    "pt": r"\bprecis(?:amos|o|aríamos) que (?P<act>(?:isto |isso |o problema )?(?:esteja|estejam|fique)\s+"
    r"{done}\b.*)|\btem de (?P<act2>(?:estar|ficar) {done}\b.*)",
    "da": r"\b(?:skal|må|bør) (?P<act>(?:det|dette|fejlen|problemet) (?:være|blive) {done}\b.*)",
    "sv": r"\b(?:måste|ska|bör|behöver) (?P<act>(?:det|detta|felet|problemet) (?:vara|bli) {done}\b.*)",
    "no": r"\b(?:må|skal|bør) (?P<act>(?:det|dette|feilen|problemet) (?:være|bli) {done}\b.*)",
    "pl": r"\bmusi (?P<act>(?:to|ten błąd|ten problem) (?:być|zostać) {done}\b.*)",
}
# A deadline set inside a clause: something must happen by a time ("the delivery has to arrive
# before the 20th", "muss die Lieferung vor dem 20. da sein"), a polite past of need ("precisava dos
# números até quarta"), "I need" put as what the author will use ("skal jeg bruge tallene").
_DUE = {  # (English and German: cues_obligation, which also leaves the author's own work out)
    "en": r"", "de": r"",
    "fr": r"", "es": r"", "it": r"", "nl": r"",
    "pt": r"\bprecis(?:ava|ávamos|aria|aríamos) (?P<act>d[oa]s? [^,.;]*\baté\b.+)",  # with its deadline
    "da": r"\bskal (?:jeg|vi) (?:\S+ )?bruge (?P<act>.+)",
    "sv": r"", "no": r"", "pl": r"",
}
# An impersonal or conditional wish that someone act ("es wäre gut, wenn jemand ...", "il faudrait
# que quelqu'un regarde", "bisognerebbe che qualcuno", "someone should look at it").
_WISH = {
    "en": r"\bit would be (?:good|great|nice|helpful) if (?P<act>(?:someone|somebody|you|one of you) .+)"
    r"|\b(?P<act2>(?:someone|somebody) (?:should|needs to|has to) .+)",
    "de": r"\bes wäre (?:\S+\s+)?(?:gut|toll|super|schön|hilfreich"
    r"|prima), wenn (?P<act>(?:sich )?(?:jemand|Sie|du|ihr)\b.+)"
    r"|\b(?P<act2>(?:jemand|einer) (?:sollte|müsste) .+)",
    "fr": r"\b(?:il faudrait|ce serait bien|il serait bien) (?:que|qu') (?P<act>(?:quelqu'un|vous|tu)\b.+)",
    "es": r"\b(?:sería (?:bueno|genial|ideal|conveniente)|haría falta|convendría) que (?P<act>(?:alguien"
    r"|usted|"
    r"ustedes)?\s*.+)|\b(?P<act2>alguien debería .+)",
    "it": r"\b(?:bisognerebbe|servirebbe|sarebbe (?:bene|utile|ottimo|il caso)) che (?P<act>(?:qualcuno"
    r"|voi|tu|Lei)\b.+)"
    r"|\b(?P<act2>qualcuno dovrebbe .+)",
    "nl": r"\bhet zou (?:fijn|goed|handig|mooi) zijn als (?P<act>(?:iemand|u|je|jullie)\b.+)"
    r"|\b(?P<act2>iemand (?:zou|moet) .+)",
    "pt": r"\b(?:seria (?:bom|ótimo|útil|conveniente)|era bom) (?:que|se) (?P<act>(?:alguém|você|vocês)\b.+)"
    r"|\b(?P<act2>alguém (?:devia|deveria|tem de) .+)",
    "da": r"\bdet (?:ville|vil) være (?:godt|fint|rart|dejligt),? hvis (?P<act>(?:nogen|du|I)\b.+)"
    r"|\b(?P<act2>nogen (?:burde|skal|må) .+)",
    "sv": r"\bdet (?:vore|skulle vara) (?:bra|skönt|fint),? om (?P<act>(?:någon|du|ni)\b.+)"
    r"|\b(?P<act2>någon (?:borde|behöver|måste) .+)",
    "no": r"\bdet (?:hadde vært|ville vært|ville være) (?:fint|bra|greit),? om (?P<act>(?:noen|du|dere)\b.+)"
    r"|\b(?P<act2>noen (?:burde|må|bør) .+)",
    "pl": r"\bbyłoby (?:dobrze|świetnie|super|miło),? (?:gdyby|jeśli|jeżeli) (?P<act>(?:ktoś|Pan|Pani"
    r"|Państwo)\b.+)"
    r"|\b(?P<act2>ktoś (?:powinien|musi) .+)",
}
# Yes/no questions of possibility or of what the reader has, not covered by the language's own
# cues ("Is there a way to ...?", "Czy jest możliwość ...?", "Do you have a newer driver?").
_WAY = {
    "en": r"(?:is there (?:a|any) (?:way|option|possibility|chance)|do you (?:have|offer|sell|support|know))",
    "de": r"(?:gibt es (?:eine|irgendeine) (?:möglichkeit|option|lösung)|(?:haben|hast) (?:Sie"
    r"|du) (?:noch |auch |vielleicht )?"
    r"(?:einen|eine|ein|Zugriff|eine Idee))",
    "fr": r"(?:(?:y a-t-il|existe-t-il|il y a) (?:un moyen|une (?:option|possibilité|solution))"
    r"|(?:avez-vous|as-tu)"
    r" (?:un|une|des|accès))",
    "es": r"(?:¿\s*)?(?:hay (?:alguna|una) (?:forma|manera|opción|posibilidad)|(?:tienen|tiene|tienes"
    r"|tenéis) (?:un|una|alguna|algún))",
    "it": r"(?:c'è (?:un|qualche) (?:modo|sistema|possibilità)|(?:avete|hai|ha) (?:un|una|qualche|un'))",
    "nl": r"(?:is er (?:een|enige) (?:manier|mogelijkheid|optie)|(?:heeft u|hebben jullie|heb je"
    r"|hebt u) (?:een|nog een))",
    "pt": r"(?:há (?:alguma|uma) (?:forma|maneira|opção|possibilidade)|existe (?:alguma|uma) (?:forma"
    r"|maneira)"
    r"|(?:têm|tem|tens) (?:um|uma|algum|alguma))",
    "da": r"(?:er der (?:en|nogen) (?:måde|mulighed)|(?:har|kender) (?:du|I) (?:en|et|nogen))",
    "sv": r"(?:finns det (?:ett|något) (?:sätt|möjlighet)|finns det någon möjlighet|(?:har|känner) (?:du"
    r"|ni) (?:en|ett|någon|något))",
    "no": r"(?:er det (?:en|noen) (?:måte|mulighet)|finnes det (?:en|noen) (?:måte|mulighet)|(?:har"
    r"|kjenner) (?:du|dere)"
    r" (?:en|et|noen))",
    "pl": r"(?:czy (?:jest|istnieje|byłaby) (?:jakaś |jakiś )?(?:możliwość|sposób|opcja)|czy (?:ma|mają"
    r"|masz|macie)"
    r" (?:Pan|Pani|Państwo)?\s*(?:jakiś|jakąś|nowszy|nowszą))",
}

# Yes/no questions to the reader, as each language puts them: the verb first with a pronoun of the
# second person (or "we" asking what to do), or a verb of the second person opening the sentence
# where the pronoun is left out; not reminiscing or small talk ("do you remember", "did you have a
# nice weekend", "are you kidding"), nor advice ("have you tried ...?").
_YES_NO = {
    "en": r"(?!(?:do|did) you (?:remember|mind|have an? (?:nice|good|great|lovely))|would you mind"
    r"|are you (?:kidding|serious|joking|sure|ok|okay|well|alright|mad|crazy)"
    r"|(?:have|did) you (?:tried|try|checked|check|seen|heard))"
    r"(?:(?:do|did|are|will|would|can|could|have) you|(?:should|shall) we)\b",
    "de": r"(?!(?:hattest|hatten) (?:du|Sie|ihr) (?:ein|einen) (?:schön|gut)|weißt du noch|erinnerst du"
    r"|bist du verrückt|(?:hast|haben|habt) (?:du|Sie|ihr) (?:\S+ ){0,3}?ge\w+(?:t|en)\b)"
    r"(?:\w+en (?-i:Sie)|\w+st du|\w+t ihr|sind Sie|seid ihr|(?:sollen|sollten|müssen) wir)\b",
    "fr": r"(?!(?:te souviens-tu|vous souvenez-vous|vous rappelez-vous|te rappelles-tu))"
    r"(?:\w+-(?:vous|tu)|est-ce que (?:vous|tu)|faut-il|dois-je|devons-nous|doit-on)\b",
    "es": r"¿\s*(?:(?:todavía|aún|ya|también|entonces|al final)\s+)?(?!(?:las|les|mes|tres|más|antes"
    r"|veces|estas|esas|otras|dos|cuales|recuerdas|acuerdas|te acuerdas)\b)(?:te\s+)?\w{3,}(?:as|es|áis|éis"
    r"|ís)\b",
    "it": r"(?:(?:ancora|già|anche|poi|quindi|allora)\s+)?(?!(?:hai|avete) (?:controllato|provato|verificato"
    r"|visto|sentito))(?:(?:ti|vi|Le) (?:serv\w+|va|andrebbe|interess\w+|occorr\w+)|(?:vieni|venite|hai"
    r"|avete|sei|siete|vuoi|volete|devi|dovete|pensi|pensate|riesci|riuscite|conosci|conoscete|preferisci"
    r"|preferite|passi|passate))\b",
    "nl": r"(?!weet je nog|herinner je)(?:\w+ (?:je|jij|u|jullie)|(?:moeten|zullen) we)\b",
    "pt": r"(?:(?:ainda|já|também|então)\s+)?(?:vens|vêm|precisas|tens|têm|queres|podes|vais|estás|sabes"
    r"|conheces|preferes|achas|consegues|(?:você|vocês|o senhor|a senhora) \w+)\b",
    "da": r"(?!husker (?:du|(?-i:I))|kan (?:du|(?-i:I)) huske)(?:\w+ (?:du|(?-i:I))|(?:skal|bør|burde) vi)\b",
    "sv": r"(?!minns (?:du|ni)|kommer (?:du|ni) ihåg)(?:\w+ (?:du|ni)|(?:ska|bör|borde) vi)\b",
    "no": r"(?!husker (?:du|dere)|kan (?:du|dere) huske)(?:\w+ (?:du|dere)|(?:skal|bør|burde) vi)\b",
    "pl": r"(?!(?:czy )?pamiętasz|(?:czy )?pamiętacie)(?:czy\s+(?:\S+\s+)?(?:\w+(?:esz|isz|ysz|asz|cie)"
    r"|Pan|Pani|Państwo)|\w+(?:esz|isz|ysz|asz|cie))\b",
}
PLAIN_QUESTIONS: dict[str, list[str]] = {
    lang: [
        _wh(_WH[lang], f"{_SOCIAL[lang]}|{_SUGGESTION[lang]}|{_SELF[lang]}"),
        rf"{_OPEN}(?P<act>(?:{_SOMEONE[lang]})\b.+)" + _Q,
        rf"{_OPEN}(?P<trouble>)(?P<act>(?:{_IDEA[lang]}))\W*?\?",
        rf"{_OPEN}(?P<act>(?:{_WAY[lang]})\b.+)" + _Q,
        rf"{_OPEN}(?P<act>(?:{_YES_NO[lang]}){_LONG})" + _Q,
        rf"(?P<plain>)(?P<trouble>)(?P<act>(?:{_IN_ADVANCE[lang]})\b.*)",
        rf"{_OPEN}(?P<trouble>)(?P<act>(?:{FAULT_QUESTIONS[lang]})\b[^.!]*)\?",
        *STATUS_QUESTIONS[lang],
    ]
    for lang in _WH
}
# Needs and wishes: a stated need the reader is to meet; the title reads from what is needed.
def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives, each its own pattern with its `act` group (a pattern
    holds one group of a name; the tables above write `act2` for the second)."""
    parts, depth, start, escaped = [], 0, 0, False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return ["(?P<plain>)" + part.replace("(?P<act2>", "(?P<act>") for part in parts]


PLAIN_NEEDS: dict[str, list[str]] = {
    lang: [*_alternatives(_NEED_DONE[lang].format(done=_DONE[lang])), *_alternatives(_WISH[lang]),
           *(["(?P<plain>)" + _DUE[lang]] if _DUE[lang] else [])]
    for lang in _WH
}

# A problem reported, in any of the languages: an error, something that does not work or cannot be
# done, still not done. "Any idea?" and "thanks in advance" ask for help only after one.
TROUBLE = re.compile(
    r"\b(?:error|errors|problem|problems|issue|bug|crash\w*|fail\w*|broken|doesn't work|does not work"
    r"|(?:isn't|is not|not) working|unable|still|none of|no one|nobody|since"
    r"|fehler\w*|problem\w*|absturz|stürzt|funktioniert (?:\S+ )?nicht|geht nicht|klappt nicht|immer noch"
    r"|hängt|bricht|keiner|niemand|seit"
    r"|erreur\w*|problème\w*|plante|ne (?:\S+ )?(?:fonctionne|marche) (?:plus|pas)|impossible de"
    r"|toujours|bloque|aucun|personne ne|depuis"
    r"|error\w*|problema\w*|fallo\w*|no funciona|no (?:puedo|podemos)|sigue|todavía|ningún|nadie|desde"
    r"|errore|errori|problem[ai]|non funziona|non (?:riesco|riusciamo)|ancora|si blocca|resta|nessun\w*"
    r"|fout\w*|probleem\w*|werkt (?:\S+ )?niet|lukt (?:\S+ )?niet|nog steeds|blijft|niemand|geen|sinds"
    r"|erro\w*|problema\w*|não funciona|não (?:consigo|conseguimos)|continua|ainda|nenhum|ninguém"
    r"|fejl\w*|problem\w*|virker (?:\S+ )?ikke|stadig|hænger|ingen|siden"
    r"|fel|felet|fungerar (?:\S+ )?inte|funkar inte|fortfarande|fastnar|sedan"
    r"|feil\w*|fungerer (?:\S+ )?ikke|fortsatt|henger"
    r"|błąd\w*|błęd\w*|nie działa|nie (?:mogę|możemy|da się)|nadal|wciąż|stoi|żaden|nikt|od)\b",
    re.IGNORECASE,
)
# Questions that ask the reader to rate a service: a survey's, whoever sent it.
SURVEY = re.compile(
    r"\b(?:how (?:would|do|did) you rate|how satisfied|how likely are you to recommend|rate (?:the|our|your)"
    r" (?:support|service|experience)|wie (?:bewerten|zufrieden)|comment (?:évaluez|évalueriez|jugez)"
    r"|(?:êtes-vous|étiez-vous) satisfait|cómo (?:valora|calificaría|evalúa)|qué tan satisfecho"
    r"|come (?:valuta|valuti|giudica)|quanto (?:è|sei) soddisfatt|hoe (?:tevreden|beoordeelt)"
    r"|como (?:avalia|classifica)|hvor (?:tilfreds|tilfredse)|hur nöjd|hur (?:betygsätter|bedömer)"
    r"|hvor fornøyd|jak (?:ocenia|oceniasz|oceniają)|czy jest (?:Pan|Pani) zadowolon)",
    re.IGNORECASE,
)


# The groups that mark gated patterns: this module's, and cues_obligation's `personal`.
PLAIN_GATES = frozenset({"plain", "trouble", "personal"})
PLAIN_WORDS = 300  # the most own words of mail whose plain questions are tasks (dev_helpdesk, corpus)


def mail_gates(text: str, personal: bool) -> frozenset[str]:
    """The gates a mail opens for the gated patterns: `personal` in mail to one reader, `plain` too
    where it is short (long mail is a report or a discussion, where questions are put to nobody in
    particular), and `trouble` where it also reports a problem ("any idea?", "thanks in advance" ask
    only then)."""
    if not personal:
        return frozenset()
    if len(text.split()) > PLAIN_WORDS:
        return frozenset({"personal"})
    return frozenset({"personal", "plain", "trouble"} if TROUBLE.search(text) else {"personal", "plain"})


def left_open(sentence: str, following: str | None, same_paragraph: bool) -> bool:
    """Whether a sentence, if a question, is left for the reader: its paragraph does not go on with
    a statement (the author's own answer: "Why did the backup fail? The disk was full.")."""
    if not sentence.rstrip().endswith("?") or following is None or not same_paragraph:
        return True
    if chases_status(sentence):
        return True  # only the reader has news: what follows is why the author asks
    return following.rstrip().endswith("?")
