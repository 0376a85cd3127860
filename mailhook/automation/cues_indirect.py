"""Questions put indirectly ("I was wondering whether ...", "vroeg ik me af of ...", "zastanawiam się,
czy ..."), deadlines stated alone as the reader's task ("By Friday would be ideal", "bis Freitag wäre
super", "L'ideale sarebbe ... entro mercoledì") and meetings or calls proposed in the conditional
("we could meet on Thursday, if that suits you", "vi kunne mødes på torsdag"), per language.
A deadline counts only with a word of the time to come and a conditional of approval ("would be
ideal"): "the deadline was Friday" reports. Written from FOLLOWUP.md's definition and our own
sentences (issue 15, eighth round), as constructions, never from a message."""

from __future__ import annotations

from mailhook.automation.cues_settled import not_idle, not_reported, unsettled
from mailhook.automation.lexicon import words

# Words that open the object of an indirect question, per language.
_WH = {
    "en": words("whether", "if", "when", "how", "what", "why", "which", "who", "where"),
    "de": words("ob", "wann", "wie", "was", "warum", "wo", r"welche\w*", "wer", "wieso", "weshalb"),
    "fr": words("si", "s'il", "s'ils", "quand", "comment", "pourquoi", "où", r"quel\w*", "combien", "qui",
                "ce que", "ce qui", r"lequel|laquelle|lesquel(?:le)?s"),
    "es": words("si", "cuándo", "cómo", "qué", "dónde", "por qué", r"cuál\w*", r"cuánt\w*", "quién"),
    "it": words("se", "quando", "come", "cosa", "che cosa", "perché", "dove", r"qual\w*", r"quant\w*", "chi"),
    "nl": words("of", "wanneer", "hoe", "wat", "waarom", "waar", "welke?", "wie", "hoeveel"),
    "pt": words("se", "quando", "como", "o que", "porque", "por que", "onde", "qual", "quais", r"quant\w+"),
    "da": words("om", "hvornår", "hvordan", "hvad", "hvorfor", "hvor", r"hvilke\w*", "hvem"),
    "sv": words("om", "när", "hur", "vad", "varför", "var", r"vilk\w+", "vem"),
    "no": words("om", "når", "hvordan", "hva", "hvorfor", "hvor", r"hvilke\w*", "hvem"),
    "pl": words("czy", "kiedy", "jak", "co", "dlaczego", "gdzie", r"któr\w+", "ile", "kto"),
}
_WH = {lang: wh + unsettled(lang) for lang, wh in _WH.items()}  # not one settled since
# Words that open a time to come after "by", "bis", "d'ici", "entro" ... per language.
_MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
_TIME = {
    "en": words("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow",
                "tonight", "today", "noon", "midday", "end", "close", "eod", "cob", "next", "this", "mid",
                "early", r"\d", _MONTHS_EN),
    "de": words("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "morgen",
                "übermorgen", "heute", "ende", "mitte", "anfang", r"nächste\w*", r"kommende\w*", r"diese\w*",
                r"\d", "kw", "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november"
                "|dezember"),
    "fr": words("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "demain", "ce soir",
                "aujourd'hui", "midi", "fin", "mi", "début", "la semaine", r"\d", "janvier|février|mars|avril"
                "|mai|juin|juillet|août|septembre|octobre|novembre|décembre"),
    "es": words("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "mañana", "hoy",
                "fin", "final", "finales", "mediados", "principios", r"próxim\w+", r"\d", "enero|febrero"
                "|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"),
    "it": words("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "domani",
                "oggi", "stasera", "fine", "metà", "inizio", r"prossim\w+", r"\d", "gennaio|febbraio|marzo"
                "|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"),
    "nl": words("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "morgen",
                "overmorgen", "vandaag", "eind", "einde", "midden", "begin", "volgende", "deze", r"\d",
                "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"),
    "pt": words(r"segunda\S*", r"terça\S*", r"quarta\S*", r"quinta\S*", r"sexta\S*", "sábado", "domingo",
                "amanhã", "hoje", "fim", "final", "meados", "início", r"próxim\w+", r"\d", "janeiro|fevereiro"
                "|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"),
    "da": words("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "i morgen",
                "imorgen", "i dag", "udgangen", "slutningen", "midten", "starten", "næste", "denne", r"\d",
                "uge"),
    "sv": words("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "i morgon", "imorgon",
                "i dag", "slutet", "mitten", "början", "nästa", "denna", r"\d", "vecka"),
    "no": words("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "i morgen",
                "imorgen", "i dag", "slutten", "utgangen", "midten", "starten", "neste", "denne", r"\d",
                "uke"),
    "pl": words(r"poniedział\w*", r"wtor\w*", r"środ\w*", r"czwart\w*", r"piąt\w*", r"sobot\w*",
                r"niedziel\w*", "jutra", "jutro", "dziś", "dzisiaj", "końca", "połowy", "początku",
                r"przyszł\w+", r"\d"),
}
# A deadline: a preposition of "by" or "before", at most three words, then a word of the time to come.
_BY = {
    "en": words("by", "before", "no later than"), "de": words("bis", "vor", "spätestens"),
    "fr": words("d'ici", "avant", "pour", "au plus tard"), "es": words("para", "antes del?", "a más tardar"),
    "it": words("entro", "prima di", "per"), "nl": words("uiterlijk", "vóór", "voor", "tegen"),
    "pt": words("até", "antes d[eoa]s?"), "da": words("inden", "senest", "før"),
    "sv": words("senast", "innan", "före"), "no": words("innen", "senest", "før"),
    "pl": words("do", "przed", "najpóźniej"),
}
# What would be good, in the conditional: the reader is to meet the deadline.
_APPROVED = {
    "en": r"(?:would|'d) be (?:\w+\s+)?(?:ideal|perfect|great|best|good|helpful|fantastic|wonderful|"
          r"brilliant|appreciated|fine)\b",
    "de": r"\bwäre(?:n)?\s+(?:es\s+)?(?:\S+\s+)?(?:super|ideal|perfekt|toll|klasse|prima|schön|hilfreich|gut"
          r"|optimal|großartig|wunderbar|spitze)\b",
    "fr": r"\b(?:ce serait|cela serait|ça serait|serait|seraient)\s+(?:\S+\s+)?(?:parfaite?s?|idéale?s?"
          r"|génial|super|top|bien|formidable|pratique|appréciée?s?)",
    "es": r"\b(?:sería|serían)\s+(?:\S+\s+)?(?:ideal|perfect[oa]s?|genial|estupend[oa]|fantástic[oa]|útil"
          r"|de gran ayuda)",
    "it": r"\b(?:sarebbe|sarebbero)\s+(?:\S+\s+)?(?:l'ideale|ideale|perfett[oaie]|ottim[oaie]|fantastic[oaie]"
          r"|utile|comodo|l'ottimo)",
    "nl": r"\b(?:zou|zouden|zou het|zou dat)\s+(?:\S+\s+)?(?:ideaal|perfect|fijn|top|mooi|handig|prettig"
          r"|geweldig|super)\b",
    "pt": r"\b(?:seria|seriam)\s+(?:\S+\s+)?(?:ideal|perfeit[oa]s?|ótim[oa]|óptim[oa]|excelente|fantástic[oa]"
          r"|uma grande ajuda)",
    "da": r"\b(?:ville|vil)\s+(?:det\s+)?være\s+(?:\S+\s+)?(?:perfekt|ideelt|fint|godt|super|skønt|dejligt"
          r"|optimalt)\b",
    "sv": r"\b(?:vore|skulle vara|hade varit)\s+(?:\S+\s+)?(?:perfekt|idealiskt|toppen|bra|bäst|jättebra"
          r"|utmärkt|fint|en stor hjälp)\b",
    "no": r"\b(?:hadde vært|ville vært|ville være|vil være)\s+(?:\S+\s+)?(?:perfekt|ideelt|fint|flott|supert"
          r"|bra|optimalt)\b",
    "pl": r"\b(?:byłob?y|byłaby|byłby|byłoby|byłyby)\s+(?:\S+\s+)?(?:idealn\w+|świetn\w+|super|doskonał\w+"
          r"|wspaniał\w+|pomocn\w+|najlepsz\w+)",
}
# "The ideal would be ... by Thursday" put the other way round ("L'ideale sarebbe ... entro giovedì").
_IDEAL_FIRST = {
    "en": r"\b(?:ideally|preferably)", "de": r"\b(?:idealerweise|am besten|möglichst)",
    "fr": r"\b(?:l'idéal serait(?: de)?|idéalement|de préférence)",
    "es": r"\b(?:lo ideal sería|idealmente|preferiblemente)",
    "it": r"\b(?:l'ideale sarebbe|idealmente|preferibilmente)",
    "nl": r"\b(?:het liefst|bij voorkeur|liefst|idealiter)",
    "pt": r"\b(?:o ideal seria|idealmente|de preferência)",
    "da": r"\b(?:helst|ideelt set)", "sv": r"\b(?:helst|idealiskt sett)", "no": r"\b(?:helst|ideelt sett)",
    "pl": r"\b(?:najlepiej|idealnie)",
}
# A deadline as a sentence of its own, marked by "at the latest" or "if possible" ("Friday at the latest,
# please.", "Spätestens Freitag.", "Senast fredag, om möjligt."), or opened by a "please" ("Graag voor
# vrijdag."). Not "Friday, please": "please" is in most mail, and the check of every paragraph for it
# and a time word cost more than the few sentences it finds.
_LATEST = {
    "en": r"(?:at the latest|latest|no later than|if possible|if at all possible)",
    "de": r"(?:spätestens|wenn möglich)", "fr": r"(?:au plus tard|dernier délai|si possible)",
    "es": r"(?:como (?:muy )?tarde|a más tardar|si es posible)",
    "it": r"(?:al più tardi|al massimo|se possibile)",
    "nl": r"(?:uiterlijk|op zijn laatst|ten laatste|indien mogelijk|als het kan)",
    "pt": r"(?:o mais tardar|no máximo|no limite|se possível)", "da": r"(?:senest|hvis muligt)",
    "sv": r"(?:senast|om möjligt)", "no": r"(?:senest|hvis mulig|om mulig)",
    "pl": r"(?:najpóźniej|jeśli to możliwe)",
}
_POLITE = {
    "en": r"(?:please|if possible|if you can|if at all possible)",
    "de": r"(?:bitte|wenn möglich|wenn es geht)",
    "fr": r"(?:s'il vous plaît|svp|si possible)",
    "es": r"(?:por favor|si es posible|si puede)",
    "it": r"(?:per favore|per cortesia|se possibile)",
    "nl": r"(?:graag|alstublieft|a\.u\.b\.|als het kan|indien mogelijk)",
    "pt": r"(?:por favor|se possível)",
    "da": r"(?:gerne|hvis muligt|hvis det er muligt)",
    "sv": r"(?:gärna|om möjligt|om det går)",
    "no": r"(?:gjerne|hvis mulig|om mulig|hvis det er mulig)",
    "pl": r"(?:proszę|jeśli to możliwe|jeśli można)",
}
# Words that may follow the time in such a sentence ("Friday 12 noon", "Ende nächster Woche").
_TRAIL = r"(?:\s+(?:\d\S*|[ap]\.?m\.?|uhr|h|cet|kl\.?|godz\.?|ore|uur|horas?|o'clock|noon|midday|mittag" \
    r"|midi|of|the|next|this|week|month|day|business|de|la|du|des|del|di|della|der|van|af|av|på|w" \
    r"|semaine|mois|semana|mes|settimana|mese|woche|monats|monat|maand|mês|uge|vecka|uke|tygodnia" \
    r"|miesiąca|dnia|tag|jour|día|giorno|dag|dia|prossima|próxima|nächster|prochaine|volgende|næste|nästa|neste|przyszłego))*"
# A negation makes it something not to do ("Bitte bis Freitag nicht anrufen").
_NEGATION = {
    "en": "not|never|don't", "de": r"nicht|kein\w*", "fr": "pas|jamais", "es": "no|nunca", "it": "non|mai",
    "nl": "niet|geen", "pt": "não|nunca", "da": "ikke", "sv": "inte|ej", "no": "ikke", "pl": "nie",
}
BY, TIME, NEGATION = _BY, _TIME, _NEGATION  # for cues_obligation's deadlines

# (Patterns open on "^(?:\W+)?", not "^\W*": loosening drops an optional head, and the paragraph
# check then starts from the first word that every match holds.)
# ("hadde vært", "hade varit" are the polite present in Norwegian and Swedish: not listed.)
_PAST_PARTICIPLE = words("been", "gewesen", "été", "sido", "stat[oaie]", "geweest")


def _deadlines(lang: str) -> list[str]:
    by, time, latest, polite = _BY[lang], _TIME[lang], _LATEST[lang], _POLITE[lang]
    no = rf"(?![^.?!]*\b(?:{_NEGATION[lang]})\b)"
    deadline = rf"{by}\s+(?:\S+\s+){{0,3}}?{time}"
    return [
        # "By Friday would be ideal", "Das Angebot bis Freitag wäre super", "Senast fredag vore perfekt".
        # Not in the past ("by Friday would have been better", "wäre gut gewesen", "sarebbe stato").
        # (The act opens the sentence, empty, so that the title reads from there and the paragraph
        # check starts at the deadline: loosening drops a head that may match nothing.)
        rf"^(?:\W+)?{not_reported(lang)}(?![^.?!]*\b{_PAST_PARTICIPLE}\b)(?P<act>\W*)"
        rf"(?:(?:\S+\s+){{0,8}}?){deadline}[^.?!]*?"
        rf"{_APPROVED[lang]}",
        # "Ideally by Friday", "L'ideale sarebbe riceverla entro giovedì", "Najlepiej do piątku".
        rf"{_IDEAL_FIRST[lang]}\s+(?P<act>(?:\S+\s+){{0,8}}?{deadline})\b",
        # "Friday at the latest, please.", "No later than Thursday, if possible.", "Uiterlijk vrijdag graag."
        rf"^(?:\W+)?{no}(?P<act>\W*)(?:{by}\s+)?(?:(?:\S+\s+){{0,1}}?){time}\S*{_TRAIL}\s*,?\s*"
        rf"{latest}"
        rf"(?:\s*,?\s*{polite})?\W*$",
        # "Spätestens Freitag, bitte.", "Najpóźniej do piątku.", "Au plus tard vendredi, si possible."
        rf"^(?:\W+)?{no}{latest}\s+(?P<act>(?:{by}\s+)?(?:\S+\s+)??{time}\S*{_TRAIL})(?:\s*,?\s*{polite})?\W*$",
        # "Gerne bis Donnerstag.", "Graag voor vrijdag.", "Proszę do piątku."
        rf"^(?:\W+)?{no}(?:{polite[3:-1]}|gerne|gern|helst)\s+(?P<act>{by}\s+(?:\S+\s+)??{time}\S*{_TRAIL})\W*$",
    ]


INDIRECT: dict[str, list[str]] = {
    "en": [
        # A clause put in between ("I would like to know, before we sign, whether ...").
        rf"\b(?:i|we)(?:'d| would)?\s+(?:like|love|want|wanted)\s+to\s+(?:know|ask|find out|understand"
        rf"|check),\s+[^,.?!]{{1,60}},\s*(?P<act>{_WH['en']})\b",
        rf"^(?:\W+)?(?:(?:i'm|i am|we're|we are)\s+)?(?:just\s+)?checking(?:\s+in)?(?:\s+to see)?\s+"
        rf"(?P<act>{_WH['en']})\b",
        rf"\b(?:i'm|i am|we're|we are)\s+(?:writing|e-?mailing|contacting you|getting in touch"
        rf"|reaching out)\s+(?:to you\s+)?to\s+(?:ask|check|find out|enquire|inquire|see|confirm)\s+"
        rf"(?P<act>{_WH['en']})\b",
        rf"\b(?:i'm|i am|we're|we are)\s+trying to (?:find out|work out|figure out|establish)\s+"
        rf"(?P<act>{_WH['en']})\b",
        rf"\bit(?: would|'d) be (?:\w+\s+)?(?:helpful|good|useful|great|nice|interesting) to (?:know"
        rf"|understand|hear|learn|find out)\s+(?P<act>{_WH['en']})\b",
        rf"\b(?:i|we)(?:'d| would)?\s+(?:be\s+)?(?:very\s+|really\s+)?(?:keen|curious|interested|glad|"
        rf"grateful|love|like)\s+to\s+(?:know|hear|learn|find out|understand)\s+(?P<act>{_WH['en']})\b",
        rf"\b(?:i|we)\s+(?:just\s+)?(?:wanted|want|wished|was hoping|were hoping)\s+to\s+(?:ask|check|"
        rf"know|find out|confirm|enquire|inquire)(?: with you)?\s+(?P<act>{_WH['en']})\b",
        rf"\b(?:i|we)\s+wonder\s+(?P<act>{_WH['en']})\b",
        rf"\b(?:i|we)(?:'m| am|'re| are| was| were)\s+(?:just\s+|only\s+|also\s+|really\s+)?"
        rf"(?:wondering|curious),?\s+(?P<act>{_WH['en']})\b",
    ],
    "de": [
        # The verb second after a fronted clause ("Bevor wir bestellen, wollte ich fragen, ob ...").
        rf"\b(?:wollte|wollten|möchte|möchten)\s+(?:ich|wir)\s+(?:\S+\s+){{0,3}}?(?:fragen|nachfragen|wissen"
        rf"|erfahren|nachhaken)\s*,?\s*(?P<act>{_WH['de']})\b",
        rf"\b(?:frage|fragen|fragte|fragten)\s+(?:ich|wir)\s+(?:mich|uns)\s*,?\s*(?:\S+\s+)?(?P<act>{_WH['de']})\b",
        rf"\b(?:ich|wir)\s+(?:wollte|wollten|möchte|möchten)\s+(?:\S+\s+){{0,3}}?(?:nachhaken|nachfragen|anfragen"
        rf"|erfahren|klären|sichergehen)\s*,?\s*(?P<act>{_WH['de']})\b",
        rf"\bes wäre (?:\S+\s+)?(?:gut|hilfreich|interessant|wichtig|schön|nützlich) zu (?:wissen"
        rf"|erfahren)\s*,?\s*(?P<act>{_WH['de']})\b",
        rf"\bum (?:\S+\s+)?(?:zu fragen|nachzufragen|zu erfahren|zu klären)\s*,?\s*(?P<act>{_WH['de']})\b",
        rf"\b(?:mich|uns)\s+(?:würde|würden|interessiert|interessieren|interessiert es)\s+(?:\S+\s+){{0,2}}?"
        rf"(?:interessieren\s*,?\s*)?(?P<act>{_WH['de']})\b",
        rf"\b(?:ich|wir)\s+(?:frage|fragen|fragte|fragten)\s+(?:mich|uns)\s*,?\s*(?:\S+\s+)?(?P<act>{_WH['de']})\b",
        rf"\b(?:ich|wir)\s+(?:wüsste|wüssten)\s+(?:\S+\s+){{0,2}}?gerne?\s*,?\s*(?P<act>{_WH['de']})\b",
        rf"\b(?:ich|wir)\s+(?:wollte|wollten|möchte|möchten)\s+(?:mich|uns)\s+(?:\S+\s+)?erkundigen\s*,?\s*"
        rf"(?P<act>{_WH['de']})\b",
    ],
    "fr": [
        rf"\b(?:je\s+|j'|j’|nous\s+)(?:voulais|voulions|voudrais|voudrions|souhaitais|souhaiterais|souhaiterions|aimerais"
        rf"|aimerions)\s+(?:\S+\s+){{0,2}}?(?:savoir|demander|comprendre|vérifier)\s+(?P<act>{_WH['fr']})",
        rf"\b(?:je me permets|nous nous permettons) de (?:vous |te )?demander\s+(?P<act>{_WH['fr']})",
        rf"\b(?:je me demand(?:ais|e)|nous nous demand(?:ions|ons)|on se demand(?:ait|e))\s+"
        rf"(?P<act>{_WH['fr']})",
        rf"\bje serais (?:curieu(?:x|se)|intéressée?|ravie?|heureu(?:x|se)) de (?:savoir|connaître)\s+"
        rf"(?P<act>{_WH['fr']})",
    ],
    "es": [
        rf"\b(?:necesito|necesitaría|necesitamos|necesitaríamos)\s+saber\s+(?P<act>{_WH['es']})\b",
        rf"\b(?:me|nos)\s+(?:pregunto|preguntaba|preguntamos|preguntábamos)\s+(?P<act>{_WH['es']})\b",
        rf"\b(?:quería|queríamos|quisiera|quisiéramos|quiero|queremos)\s+(?:consultar|preguntar)"
        rf"(?:le|te|les|os)?\s+(?P<act>{_WH['es']})\b",
        rf"\b(?:me|nos)\s+(?:interesaría|interesa|encantaría)\s+(?:mucho\s+)?(?:saber|conocer)\s+(?P<act>{_WH['es']})\b",
    ],
    "it": [
        rf"\b(?:mi chied(?:o|evo)|ci chied(?:iamo|evamo)|(?<!non )(?:mi|ci) (?:sai|sa|sapete|sapresti"
        rf"|saprebbe|sapreste) dire)\s+(?P<act>{_WH['it']})\b",
        rf"\b(?:vorrei|vorremmo|volevo|volevamo)\s+(?:chiedere|domandare)(?:vi|le|ti)?\s+(?P<act>{_WH['it']})\b",
        rf"\b(?:sarei|saremmo) (?:curios[oaie]|interessat[oaie]) di sapere\s+(?P<act>{_WH['it']})\b",
        rf"\b(?:mi|ci) (?:interesserebbe|farebbe piacere|piacerebbe) (?:sapere|capire)\s+"
        rf"(?P<act>{_WH['it']})\b",
    ],
    "nl": [
        rf"\b(?:wilde|wilden|wil|willen|zou|zouden)\s+(?:ik|we|wij)\s+(?:\S+\s+){{0,3}}?(?:weten|vragen"
        rf"|informeren|navragen)\s*,?\s*(?P<act>{_WH['nl']})\b",
        rf"\bgraag\s+(?:hoor|weet|verneem)\s+(?:ik|we|wij)\s+(?:\S+\s+)?(?P<act>{_WH['nl']})\b",
        rf"\b(?:ik|we|wij)\s+(?:hoor|horen|weet|weten|verneem|vernemen)\s+(?:\S+\s+)?graag\s*,?\s*"
        rf"(?P<act>{_WH['nl']})\b",
        rf"\b(?:vroeg|vroegen|vraag|vragen)\s+(?:ik|wij|we)?\s*(?:me|mij|ons)\s+(?:\S+\s+)?af\s*,?\s*"
        rf"(?P<act>{_WH['nl']})\b",
        rf"\b(?:ik ben|wij zijn|we zijn|ben ik|zijn wij|zijn we)\s+(?:erg\s+|wel\s+|heel\s+|nog\s+)?benieuwd"
        rf"\s*,?\s*(?P<act>{_WH['nl']})\b",
    ],
    "pt": [
        rf"\b(?:escrevo|escrevemos|estou a escrever|contacto-o|contacto-a)\s+(?:\S+\s+)?para\s+(?:perguntar"
        rf"|saber|confirmar)\s+(?P<act>{_WH['pt']})\b",
        rf"\b(?:preciso|precisava|precisamos|precisávamos|precisaria)\s+(?:de\s+)?saber\s+(?P<act>{_WH['pt']})\b",
        rf"\b(?:pergunto-me|perguntava-me|perguntamo-nos|me pergunto|me perguntava)\s+(?P<act>{_WH['pt']})\b",
        rf"\b(?:estava|estávamos|estou|estamos)\s+(?:a\s+pensar|pensando)\s+(?P<act>se{unsettled('pt')})\b",
        rf"\b(?:queria|queríamos|quero|queremos)\s+(?:só\s+)?perguntar(?:-lhe|-te|-vos)?\s+(?P<act>{_WH['pt']})\b",
        rf"\b(?:tenho|temos) curiosidade em saber\s+(?P<act>{_WH['pt']})\b",
        rf"\b(?:gostaria|gostaríamos|queria|queríamos)\s+de\s+(?:perceber|entender|compreender|confirmar)\s+"
        rf"(?P<act>{_WH['pt']})\b",
    ],
    "da": [
        rf"\b(?:vil|ville|skulle)\s+(?:jeg|vi)\s+(?:\S+\s+){{0,2}}?(?:høre|spørge|vide)\s*,?\s*"
        rf"(?P<act>{_WH['da']})\b",
        rf"\b(?:tænker|tænkte|spekulerer|spekulerede|undrer|undrede)\s+(?:jeg|vi)\s+(?:mig\s+|os\s+)?(?:på|over)"
        rf"\s*,?\s*(?P<act>{_WH['da']})\b",
        rf"\b(?:jeg|vi)\s+(?:tænkte|tænker|spekulerer|spekulerede|undrer|undrede)\s+(?:mig\s+|os\s+)?(?:på|over)"
        rf"\s*,?\s*(?P<act>{_WH['da']})\b",
        rf"\b(?:jeg|vi)\s+(?:vil|ville|skulle)\s+(?:\S+\s+){{0,2}}?(?:høre|spørge|vide)\s*,?\s*"
        rf"(?P<act>{_WH['da']})\b",
    ],
    "sv": [
        rf"\b(?:vill|ville)\s+(?:jag|vi)\s+(?:bara\s+|gärna\s+)?(?:höra|fråga|veta|kolla)\s*,?\s*"
        rf"(?P<act>{_WH['sv']})\b",
        rf"\b(?:jag|vi)\s+(?:skriver|hör av mig|mejlar)\s+(?:\S+\s+)?för att\s+(?:höra|fråga|kolla|veta)\s+"
        rf"(?P<act>{_WH['sv']})\b",
        rf"\b(?:jag|vi)\s+(?:undrar|undrade|funderar|funderade)\s+(?:\S+\s+)?(?:på\s+)?(?P<act>{_WH['sv']})\b",
        rf"\b(?:undrar|undrade|funderar|funderade)\s+(?:jag|vi)\s+(?:\S+\s+)?(?:på\s+)?(?P<act>{_WH['sv']})\b",
        rf"\b(?:jag|vi)\s+(?:vill|ville|skulle (?:gärna |bara )?vilja)\s+(?:bara\s+|gärna\s+)?(?:höra|fråga"
        rf"|veta|kolla)\s*,?\s*(?P<act>{_WH['sv']})\b",
    ],
    "no": [
        rf"\b(?:vil|ville|skulle)\s+(?:jeg|vi)\s+(?:bare\s+|gjerne\s+)?(?:høre|spørre|vite|sjekke)\s*,?\s*"
        rf"(?P<act>{_WH['no']})\b",
        rf"\b(?:jeg|vi)\s+(?:vil|ville|skulle)\s+(?:bare\s+|gjerne\s+)?(?:høre|spørre|vite|sjekke)\s*,?\s*"
        rf"(?P<act>{_WH['no']})\b",
        rf"\b(?:lurer|lurte|undrer|undret)\s+(?:jeg|vi)\s+(?:\S+\s+)?(?:på\s+)?(?P<act>{_WH['no']})\b",
    ],
    "pl": [
        rf"\b(?:piszę|piszemy|zwracam się|zwracamy się)\s*,?\s*(?:\S+\s+)?(?:aby|żeby|by|z pytaniem)\s*"
        rf"(?:zapytać|się dowiedzieć|upewnić się)?\s*,?\s*(?P<act>{_WH['pl']})\b",
        rf"\b(?:zastanawiam|zastanawiałem|zastanawiałam|zastanawiamy|zastanawialiśmy)\s+się\s*,?\s*"
        rf"(?P<act>{_WH['pl']})\b",
        rf"\b(?:ciekawi|interesuje)\s+(?:mnie|nas)\s*,?\s*(?P<act>{_WH['pl']})\b",
        rf"\b(?:jestem ciekaw(?:a|y)?|ciekaw(?:a|y)? jestem)\s*,?\s*(?P<act>{_WH['pl']})\b",
        rf"\bchętnie (?:dowiem się|dowiemy się|usłyszę|usłyszymy)\s*,?\s*(?P<act>{_WH['pl']})\b",
    ],
}
DEADLINES: dict[str, list[str]] = {lang: _deadlines(lang) for lang in _BY}
# Meetings and calls proposed in the conditional, by the author's side ("we could meet on Thursday").
# Danish and Norwegian share theirs: langdetect tells them apart poorly in short mail.
_NORDIC_PROPOSALS = [
    # "could", not "can": "vi kan ses af tallene" is "it can be seen from the figures".
    r"\bvi\s+kunne\s+(?:evt\.\s+|eventuelt\s+|måske\s+|kanskje\s+|også\s+)?(?P<act>(?:mødes|møtes"
    r"|ses(?!\s+a[fv]\b)|tale sammen|snakke sammen|tage? et (?:\S+\s+)?(?:møde|møte|opkald)"
    r"|ta en (?:\S+\s+)?(?:telefon|prat|samtale)|holde et (?:\S+\s+)?(?:møde|møte)))\b",
]
# "Passer det på torsdag?", "Passar det bra med tisdag?": a slot put to the reader.
_PASSER = r"^(?:\W+)?(?P<act>(?:passer|passar)\s+det\s+(?:\S+\s+){{0,3}}?{time}\S*)(?=[^.!]*\?)"
PROPOSALS: dict[str, list[str]] = {
    "en": [
        # "meet" with someone or somewhere, not a target ("we could meet the deadline").
        r"\b(?:we|i)\s+could\s+(?:also\s+|perhaps\s+|maybe\s+)?(?P<act>(?:meet(?=\s+(?:up|you|with|at|on"
        r"|in|next|tomorrow|for|to discuss|there|halfway)\b|\s*[,.?!]|\s*$)|talk|speak|catch up|get together"
        r"|sit down|hop on a call|jump on a call|go (?:through|over) (?:the|it|this|them)|(?:do|have|set up"
        r"|schedule|arrange|book) a (?:\S+\s+)?(?:call|meeting|chat|demo|workshop|session|visit))\b)",
        r"\b(?:can|could|shall) we\s+(?P<act>find (?:\d+|a few|some|half an hour|an hour)(?:\s+(?:minutes"
        r"|mins|min|time|hours?))?)\b",
        rf"\b(?:would|does|will|could)\s+(?P<act>(?:\S+\s+){{0,3}}?{_TIME['en']}\S*(?:\s+\S+){{0,3}}?)\s+work"
        rf"\s*\?",
        r"\bwould it (?:make sense|be (?:an idea|worth it|useful|helpful|a good idea)) to\s+"
        r"(?P<act>(?:\S+\s+){0,3}?(?:meet|sit down|talk|call|catch up|speak|discuss|go through"
        r"|get together))\b",
    ],
    "fr": [
        r"\b(?:vous|te)\s+proposer\s+(?P<act>(?:un|une)\s+(?:\S+\s+)?(?:réunion|rendez-vous|rdv|appel|point"
        r"|visio|rencontre|créneau|visite))\b",
        r"\b(?:pouvons-nous|pourrions-nous|pourrait-on|peut-on|on peut)\s+(?P<act>(?:prévoir|caler|organiser"
        r"|planifier|fixer|programmer|se voir|se parler|s'appeler|nous voir|nous parler|nous appeler)\b)"
        r"(?=[^.!]*\?)",
        r"\b(?:nous pourrions|on pourrait)\s+(?:peut-être\s+|aussi\s+|également\s+)?(?P<act>(?:nous |se )"
        r"(?:voir|rencontrer|retrouver|appeler|parler|téléphoner)|(?:nous |se )?(?:caler|organiser|prévoir"
        r"|planifier|fixer|faire) (?:un|une) (?:\S+\s+)?(?:appel|réunion|rendez-vous|rdv|point|visio|call"
        r"|créneau))\b",
    ],
    "it": [
        r"\bpropor(?:le|vi|ti|re)\s+(?P<act>(?:un|una|un')\s*(?:\S+\s+)?(?:incontro|riunione|call|chiamata"
        r"|appuntamento|visita|videochiamata))\b",
        r"\b(?:potremmo|possiamo|riusciamo\s+a)\s+(?:anche\s+|magari\s+)?(?P<act>(?:sentirci|vederci|incontrarci|parlarne|(?:fare"
        r"|fissare|organizzare) (?:una|un) (?:\S+\s+)?(?:call|chiamata|telefonata|riunione|incontro"
        r"|videochiamata)))\b",
    ],
    "pl": [
        # Not "spotkać się z problemem" (run into a problem).
        r"\b(?:chciał(?:a|e)?bym|chcielibyśmy|chciałybyśmy|chcę|chcemy)\s+(?:\S+\s+)?zaproponować\s+"
        r"(?P<act>(?:\S+\s+)?(?:spotkanie|rozmowę|wideokonferencję|termin|wizytę|połączenie))",
        r"\b(?:moglibyśmy|możemy|mogłybyśmy)\s+(?:się\s+)?(?:też\s+|również\s+)?(?P<act>(?:zorganizować|umówić"
        r"|zaplanować|ustalić)\s+(?:\S+\s+)?(?:spotkanie|rozmowę|wideokonferencję|telekonferencję|połączenie"
        r"|wizytę|termin))",
        r"\b(?:moglibyśmy|możemy|mogłybyśmy)\s+(?:się\s+)?(?:też\s+|również\s+)?(?P<act>(?:porozmawiać"
        r"|spotkać(?!\s+(?:się\s+)?z\s+(?:problem|trudno|błęd))|zdzwonić|umówić|zobaczyć))\b",
    ],
    "de": [
        r"\b(?:ich|wir)\s+(?![^.?!,]*\bnicht\b)(?:würde|würden|möchte|möchten)\s+(?:\S+\s+){0,2}?"
        r"(?P<act>(?:einen|ein|eine)\s+"
        r"(?:\S+\s+)?(?:termin|treffen|telefonat|gespräch|call|meeting|besuch)\b)[^.!?]*\bvorschlagen\b",
        rf"\bwie sieht(?:'s| es)\s+(?:\S+\s+){{0,3}}?(?P<act>(?:am\s+|um\s+)?{_TIME['de']}\S*)[^.!]*\baus\b"
        rf"(?=[^.!]*\?)",
        r"\b(?:sollen|wollen|können|könnten) wir\s+(?:\S+\s+){0,4}?(?P<act>(?:einen |ein )?(?:\S+\s+)?"
        r"(?:termin|treffen|telefonat|gespräch|call|meeting|videocall)\s+(?:vereinbaren|ausmachen|ansetzen|planen"
        r"|einplanen))\b",
    ],
    "nl": [
        r"\bzullen we\s+(?:\S+\s+){0,4}?(?P<act>(?:een\s+)?(?:\S+\s+)?(?:afspraak|overleg|call|videocall"
        r"|gesprek|meeting|vergadering|belafspraak)\s+(?:plannen|inplannen|maken|houden|afspreken))\b",
        r"\b(?:wil|zou|zouden|willen)\s+(?:\S+\s+){0,3}?(?P<act>(?:een\s+)?(?:afspraak|overleg|gesprek|meeting|call"
        r"|bezoek))\s+(?:\S+\s+){0,3}?voorstellen\b",
        rf"^(?:\W+)?(?:en\s+)?(?P<act>(?:past|schikt|lukt)\s+(?:het\s+(?:u|je|jullie)\s+)?(?:\S+\s+){{0,2}}?"
        rf"{_TIME['nl']})(?=[^.!]*\?)",
    ],
    "pt": [
        r"\bpoderíamos\s+(?:também\s+|talvez\s+)?(?P<act>(?:encontrar-nos|reunir-nos|falar(?!\s+(?:de|d[oa]s?|num|numa)\b)|conversar|ver-nos"
        r"|(?:organizar|fazer|marcar|agendar|ter)\s+(?:uma|um)\s+(?:\S+\s+)?(?:reunião|chamada|videochamada"
        r"|videoconferência|visita|encontro)))(?!\w)",
        r"\bpropor(?:-lhe|-vos|-te)?\s+(?P<act>(?:uma|um)\s+(?:\S+\s+)?(?:reunião|chamada|videochamada|visita"
        r"|encontro))(?!\w)",
        r"\b(?P<act>(?:dá-lhe|dá-te|dava-lhe|dava-te|daria-lhe|convém-lhe) jeito)\b(?=[^.!]*\?)",
    ],
    "es": [
        r"\bpodríamos\s+(?:también\s+|quizás\s+|tal vez\s+)?(?P<act>(?:vernos|reunirnos|hablar(?!\s+de\b)"
        r"|quedar|llamarnos|(?:organizar|hacer|programar|fijar|tener|concertar)\s+(?:una|un)\s+(?:\S+\s+)?(?:reunión|llamada"
        r"|videollamada|videoconferencia|cita|visita|encuentro)))\b",
        r"\bqué tal si\s+(?P<act>\w+mos)\b(?=[^.!]*\?)",
        r"\bproponer(?:le|les|te|os)?\s+(?P<act>(?:una|un)\s+(?:\S+\s+)?(?:reunión|llamada|videollamada|cita"
        r"|visita|encuentro))\b",
    ],
    "da": [*_NORDIC_PROPOSALS, _PASSER.format(time=_TIME["da"]),
           r"\bforeslå\s+(?P<act>(?:et|en)\s+(?:\S+\s+)?(?:møde|opkald|besøg|telefonmøde))\b"],
    "sv": [_PASSER.format(time=_TIME["sv"]),
           r"\bföreslå\s+(?P<act>(?:ett|en)\s+(?:\S+\s+)?(?:möte|samtal|besök|telefonmöte))\b"],
    "no": [*_NORDIC_PROPOSALS, _PASSER.format(time=_TIME["no"]),
           r"\bforeslå\s+(?P<act>(?:et|en)\s+(?:\S+\s+)?(?:møte|samtale|besøk|telefonmøte))\b"],
}
# Not "we could talk for hours".
PROPOSALS = {lang: [cue + not_idle(lang) for cue in cues] for lang, cues in PROPOSALS.items()}
