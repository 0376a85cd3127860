"""Statements the sentence model must not read as follow-ups, by kind, per language: reports of
what already happened ("I resigned today", "din order har skickats"), the reason for writing
("Je vous contacte suite à ma commande"), looking forward to meeting, what the reader will
receive or can look up ("Vous recevrez un SMS", "You can follow the parcel") or what is on its way
to them ("should reach you on Tuesday": issue 15's eighth round), negated promises,
and advice put as a question in a discussion ("Why don't you override ...?"). The cues still read
these sentences; only the model's guesses are held back. The kinds are those of the model's false
alarms on the corpus and on dev_customer (docs/intent.md, seventh round), each written as a
construction in every language; dev_gates.jsonl, written afterwards, checks them in whole mail."""

from __future__ import annotations

import re

from mailhook.automation import cues_settled

_I = re.IGNORECASE

# A first-person or passive perfect/preterite: an auxiliary, then (within a few words) a participle.
_PAST: dict[str, str] = {
    "en": r"\b(?:i|we)(?:'ve| have| had)?(?: \w+ly| just| already| now)? (?!wanted|wondered|hoped|needed"
          r"|asked whether|was wondering)\w{3,}ed\b|\b(?:has|have|had|was|were) (?:\w+ )?been \w+(?:ed"
          r"|en|t)\b"
          r"|\b(?:was|were) (?:\w+ )?(?:shipped|sent|delivered|closed|fixed|resolved|cancelled|processed)\b",
    "de": r"\b(?:habe|haben|hatte|hatten|hat|wurde|wurden|ist|sind)\b(?:\s+\S+){0,8}?\s+ge\w{3,}(?:t|en)\b",
    "fr": r"\b(?:j'ai|j’ai|nous avons|on a|a été|ont été|a bien été|ont bien été|avons été|est bien)"
          r"(?:\s+\S+){0,2}?\s+\w{2,}(?:é|ée|és|ées|is|ise|it|u|ue|ert|erte)\b",
    "es": r"\b(?:he|hemos|ha sido|han sido|fue|fueron|ya ha|ya han)(?:\s+\S+){0,2}?\s+\w{2,}(?:ado|ada"
          r"|ido|ida|to|cho)s?\b",
    "it": r"\b(?:ho|abbiamo|è stat[oa]|sono stat[ie]|è già stat[oa])(?:\s+\S+){0,2}?\s+\w{2,}(?:at|it"
          r"|ut)[oaie]\b",
    "nl": r"\b(?:heb|hebben|had|hadden|is|zijn|werd|werden)\b(?:\s+\S+){0,8}?\s+ge\w{3,}(?:d|t|en)\b",
    "pt": r"\b(?:foi|foram|tenho|temos|já)(?:\s+\S+){0,2}?\s+\w{2,}(?:ad|id)[oa]s?\b",
    "da": r"\b(?:har|havde|blev|er blevet)\s+(?!brug\b|behov\b)(?:\S+\s+){0,2}?\w{3,}(?:et|ede|es|t)\b"
          r"|\b(?:jeg|vi) (?:\w+ )?\w{3,}ede\b",  # the preterite: "jeg ryddede", "vi ringede"
    "sv": r"\b(?:har|hade|blev|har blivit)\s+(?!behov\b)(?:\S+\s+){0,2}?\w{3,}(?:at|ats|ade|ades|it|its|t)\b"
          r"|\b(?:jag|vi) (?:\w+ )?\w{3,}(?:ade|de)\b",  # the preterite: "jag rensade", "vi ringde"
    "no": r"\b(?:har|hadde|ble|er blitt)\s+(?!bruk\b|behov\b)(?:\S+\s+){0,2}?\w{3,}(?:et|ete|es|t)\b",
    "pl": r"\b(?!chcia|zastanawia|prosi)\w{2,}(?:łem|łam|liśmy|łyśmy)\b|\bzosta(?:ł|ła|ło|ły|li)\b",
}
# What turns a report into a promise or a request again: a future, a modal, "please", a time to come.
_AHEAD: dict[str, str] = {
    "en": r"\b(?:will|'ll|shall|going to|can|could|would|please|need|tomorrow|next)\b|'ll\b",
    "de": r"\b(?:werde|werden|wird|kann|können|könnten|bitte|brauche|morgen|nächste\w*)\b",
    "fr": r"\b(?:\w+rai|\w+rons|\w+ra|pouvez|pourriez|pourrez|merci de|veuillez|demain|prochain\w*)\b",
    "es": r"\b(?:\w+ré|\w+remos|puede|podría|podrías|por favor|mañana|próxim\w*)\b",
    "it": r"\b(?:\w+rò|\w+remo|può|potrebbe|potresti|per favore|domani|prossim\w*)\b",
    "nl": r"\b(?:zal|zullen|ga|gaan|kunt|kun|zou|graag|alstublieft|morgen|volgende)\b",
    "pt": r"\b(?:\w+rei|\w+remos|pode|poderia|por favor|amanhã|próxim\w*)\b",
    "da": r"\b(?:vil|skal|kan|kunne|venligst|gerne|i morgen|næste)\b",
    "sv": r"\b(?:ska|kommer att|kan|kunde|vänligen|gärna|i morgon|imorgon|nästa)\b",
    "no": r"\b(?:vil|skal|kan|kunne|vennligst|gjerne|i morgen|neste)\b",
    "pl": r"\b(?:będę|będziemy|może|mógłby|mogłaby|proszę|prosimy|jutro|przyszł\w*)\b|\w+(?:bym|byśmy)\b",
}
# The reason for writing: the request, if any, comes in another sentence.
_PURPOSE: dict[str, str] = {
    "en": r"\bi(?:'m| am) (?:writing|contacting you|reaching out|getting in touch|emailing)(?: to you)?"
          r" (?:about|regarding|concerning|in connection with|following|with regard to)\b",
    "de": r"\bich (?:schreibe|wende mich an|melde mich bei|kontaktiere) ?(?:Ihnen|dir|euch|Sie)?"
          r" (?:wegen|bezüglich|betreffend|in Bezug auf|aufgrund|im Zusammenhang mit)\b",
    "fr": r"\bje vous (?:contacte|écris|sollicite|recontacte) (?:suite à|au sujet d|concernant|à propos d"
          r"|en ce qui concerne|par rapport à|relativement à)",
    "es": r"\b(?:le|les|te|os) escribo (?:en relación|con respecto|acerca|sobre|por|a raíz)|\bme pongo en"
          r" contacto con (?:usted|ustedes|vosotros) (?:en relación|con respecto|acerca|sobre|por|a raíz)",
    "it": r"\b(?:vi|le|ti) scrivo (?:in merito|riguardo|a proposito|per quanto riguarda|a seguito|circa)"
          r"|\bmi rivolgo a (?:voi|lei) (?:in merito|riguardo|a proposito|a seguito)",
    "nl": r"\bik (?:schrijf|mail|neem contact (?:met (?:u|je|jullie) )?op) (?:u |je |jullie )?(?:over|naar"
          r" aanleiding van|in verband met|betreffende|met betrekking tot)\b",
    "pt": r"\b(?:escrevo|escrevo-lhe|escrevo-vos|entro em conta[c]?to)(?: consigo| convosco)? (?:a respeito"
          r"|sobre|relativamente|em relação|no seguimento|na sequência)\b",
    "da": r"\bjeg skriver (?:til (?:dig|jer) )?(?:angående|vedrørende|om|i forbindelse med)\b",
    "sv": r"\bjag skriver (?:till (?:dig|er) )?(?:angående|gällande|om|med anledning av)\b",
    "no": r"\bjeg skriver (?:til (?:deg|dere) )?(?:angående|vedrørende|om|i forbindelse med)\b",
    "pl": r"\b(?:piszę|zwracam się|kontaktuję się)(?: do (?:Pana|Pani|Państwa|ciebie))? (?:w sprawie|odnośnie"
          r"|w związku z|ws\.)",
}
# Looking forward to meeting or working together: social, as courtesy is.
_LOOKING_FORWARD: dict[str, str] = {
    "en": r"\blook(?:ing)? forward to (?:meeting|seeing|working|talking|catching up|it|the)\b",
    "de": r"\b(?:ich|wir) freu(?:e|en) (?:mich|uns) (?:schon )?(?:sehr )?(?:auf (?:das|unser|die|den)"
          r"|darauf)\b",
    "fr": r"\b(?:au plaisir de (?:vous|te) (?:voir|rencontrer|retrouver)|j'ai hâte de|je me réjouis de)",
    "es": r"\b(?:tengo ganas de|espero con (?:ilusión|ganas) (?:la|el|vernos|conocer))",
    "it": r"\b(?:non vedo l'ora di|non vediamo l'ora di)",
    "nl": r"\b(?:ik kijk|wij kijken|we kijken) (?:er )?(?:naar uit|erg naar uit)|\bik verheug me\b",
    "pt": r"\b(?:estou ansios[oa] por|fico ansios[oa] por)",
    "da": r"\b(?:jeg|vi) glæder (?:mig|os) (?:til|meget til)\b",
    "sv": r"\b(?:jag|vi) ser (?:fram emot|verkligen fram emot) (?:att (?:ses|träffas|träffa)|mötet)\b",
    "no": r"\b(?:jeg|vi) gleder (?:meg|oss) (?:til|veldig til)\b",
    "pl": r"\bnie (?:mogę|możemy) się doczekać\b",
}
# What the reader will receive or may look up: information, not something asked of them.
_INFORMS: dict[str, str] = {
    "en": r"\byou (?:will|'ll|should|can|may) (?:also )?(?:receive|get|find|see|follow|track|view|access"
          r"|download|expect)\b",
    "de": r"\b(?:Sie|du) (?:erhalten|erhältst|bekommen|bekommst|finden|findest)\b|\b(?:Sie"
          r"|du) (?:können|kannst)"
          r" (?:\S+ ){0,4}(?:verfolgen|einsehen|herunterladen|abrufen)\b",
    "fr": r"\bvous (?:recevrez|allez recevoir|trouverez|verrez|(?:pouvez|pourrez) (?:suivre|consulter"
          r"|télécharger"
          r"|retrouver))\b",
    "es": r"\b(?:recibirá|recibirás|recibirán|encontrará|encontrarás|(?:puede|puedes|podrá|podrás) (?:seguir"
          r"|consultar|descargar))\b",
    "it": r"\b(?:riceverà|riceverai|riceverete|troverà|troverai|(?:può|puoi|potrà|potrai) (?:seguire"
          r"|consultare"
          r"|scaricare))\b",
    "nl": r"\b(?:u|je|jij) (?:ontvangt|krijgt|vindt|(?:kunt|kan) (?:\S+ ){0,4}(?:volgen|bekijken|downloaden"
          r"|raadplegen))\b",
    "pt": r"\b(?:receberá|receberás|vai receber|encontrará|(?:pode|poderá) (?:acompanhar|consultar"
          r"|descarregar"
          r"|baixar))\b",
    "da": r"\bdu (?!får gerne)(?:får|modtager|finder|kan (?:følge|se|downloade|hente))\b",
    "sv": r"\bdu (?!får gärna)(?:får|kommer att få|hittar|kan (?:följa|se|ladda ner|hämta))\b",
    "no": r"\bdu (?!får gjerne)(?:får|mottar|finner|kan (?:følge|se|laste ned|hente))\b",
    "pl": r"\b(?:otrzyma(?:sz|ją)?|dostanie(?:sz)?|znajdzie(?:sz)?|(?:może|możesz|można) (?:śledzić|sprawdzić"
          r" status|pobrać))\b",
}
# What is on its way to the reader ("should reach you on Tuesday", "vous parviendra lundi"): news too.
_ARRIVES: dict[str, str] = {
    "en": r"(?<!\bi )(?<!\bwe )(?<!\bi)(?<!\bwe)\b(?:should|will|'ll|is expected to|are expected to)"
          r" (?:\S+ )?(?:reach you|arrive|be delivered to you)\b",
    "de": r"\b(?:sollte|sollten|wird|werden)\b(?:\s+\S+){0,6}?\s+(?:bei (?:Ihnen|dir|euch)"
          r" (?:ankommen|eintreffen|sein)|ankommen|eintreffen|zugestellt werden)\b",
    "fr": r"\b(?:devrai(?:t|ent) (?:vous )?(?:parvenir|arriver)|vous parviendr(?:a|ont)|arrivera"
          r"|arriveront)\b",
    "es": r"\b(?:debería|deberían) llegar\w*|\bllegará\w*|\bllegarán\b",
    "it": r"\b(?:dovrebbe|dovrebbero) arrivar\w*|\barriverà\w*|\barriveranno\b",
    "nl": r"\b(?:zou|zouden|wordt|worden)\b(?:\s+\S+){0,6}?\s+(?:aankomen|bezorgd)\b",
    "pt": r"\b(?:deverá|deverão|deve|devem) chegar\w*|\bchegará\w*|\bchegarão\b",
    "da": r"\b(?:bør|vil)\s+(?:\S+\s+)?(?:være fremme|ankomme|nå frem)\b|\bkommer frem\b",
    "sv": r"\b(?:bör|kommer att)\s+(?:\S+\s+)?(?:vara framme|komma fram|anlända|nå dig)\b",
    "no": r"\b(?:bør|vil)\s+(?:\S+\s+)?(?:være fremme|komme fram|ankomme|nå deg)\b",
    "pl": r"\b(?:powin(?:na|ien|no|ny|ni) (?:\S+ )?dotrzeć|dotrze|dotrą)\b",
}
# Advice put as a question ("Why don't you override ...?"): an answer in a discussion.
_ADVICE: dict[str, str] = {
    "en": r"\bwhy (?:don't|do not) you\b|\bhave you (?:tried|considered)\b",
    "de": r"\bwarum (?:\w+st) (?:du|ihr) (?:nicht|denn nicht)\b"
          r"|\bhast du (?:schon )?(?:mal )?(?:\S+ ){0,3}probiert\b",
    "fr": r"\bpourquoi (?:ne )?(?:(?:tu|vous) ne|n'(?:utilises|utilisez|essaies|essayez))\b|\bas-tu essayé\b",
    "es": r"\bpor qué no (?:usas|pruebas|intentas|usa|prueba)\b|\bhas probado\b",
    "it": r"\bperché non (?:usi|provi|usate|provate)\b|\bhai provato\b",
    "nl": r"\bwaarom (?:gebruik|probeer) (?:je|jij) (?:niet|geen)\b"
          r"|\bheb je (?:al )?(?:\S+ ){0,3}geprobeerd\b",
    "pt": r"\bpor ?que não (?:usas|usa|tentas|tenta|experimentas)\b|\bjá (?:tentaste|tentou"
          r"|experimentaste)\b",
    "da": r"\bhvorfor (?:bruger|prøver) du ikke\b|\bhar du prøvet\b",
    "sv": r"\bvarför (?:använder|provar|testar) du inte\b|\bhar du (?:provat|testat)\b",
    "no": r"\bhvorfor (?:bruker|prøver) du ikke\b|\bhar du prøvd\b",
    "pl": r"\bdlaczego nie (?:użyjesz|spróbujesz)\b|\bczy próbowałe[śs]\b",
}


# A negated promise ("My colleague will not send you anything before the audit"): nothing to await.
_NEGATED_FUTURE: dict[str, str] = {
    "en": r"\b(?:will not|won't|shall not|shan't|are not going to|is not going to|am not going to)\b",
    "de": r"\b(?:wird|werde|werden)\b(?:\s+\S+){0,6}?\s+(?:nicht|keine?n?)\b",
    "fr": r"\bne\s+(?:\S+\s+){0,2}?\w+(?:rai|ra|rons|ront)\s+(?:pas|rien|jamais|plus)\b"
          r"|\bn'\w+(?:rai|ra|rons|ront)\s+(?:pas|rien|jamais|plus)\b",
    "es": r"\bno\s+(?:\S+\s+)?\w+(?:ré|rá|remos|rán)\b",
    "it": r"\bnon\s+(?:\S+\s+)?\w+(?:rò|rà|remo|ranno)\b",
    "nl": r"\b(?:zal|zullen|zult)\b(?:\s+\S+){0,6}?\s+(?:niet|geen)\b",
    "pt": r"\bnão\s+(?:\S+\s+)?\w+(?:rei|rá|remos|rão)\b",
    "da": r"\b(?:vil|skal)\s+(?:\S+\s+)?ikke\b",
    "sv": r"\b(?:ska|kommer)\s+(?:\S+\s+)?inte\b",
    "no": r"\b(?:vil|skal)\s+(?:\S+\s+)?ikke\b",
    "pl": r"\bnie\s+(?:będ\w+|\w{3,}(?:ę|emy|imy))\b",
}
# A purpose clause after a report ("I split the ticket so that we can ...") looks ahead without
# promising anything: the report's own clause decides.
_PURPOSE_CLAUSE = re.compile(
    r",?\s\b(?:so that|in order to|damit|um \w+ zu|afin de|afin qu|pour que|para que|affinché|perché|zodat"
    r"|om te|para|så att|för att|så|for at|slik at|for å|żeby|aby|by)\b.*", _I | re.DOTALL)


def _compiled(table: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(pattern, _I) for lang, pattern in table.items()}


PAST, AHEAD, PURPOSE = _compiled(_PAST), _compiled(_AHEAD), _compiled(_PURPOSE)
# The author's question to themselves told as settled ("I wondered whether to go, and decided to stay").
SETTLED = {lang: re.compile(rf"\b{words}", _I) for lang, words in cues_settled.SETTLED.items()}
LOOKING_FORWARD, INFORMS, ADVICE = _compiled(_LOOKING_FORWARD), _compiled(_INFORMS), _compiled(_ADVICE)
NEGATED_FUTURE, ARRIVES = _compiled(_NEGATED_FUTURE), _compiled(_ARRIVES)


def held_back(sentence: str, language: str) -> bool:
    """Whether the sentence is of a kind the model must not make a task of, in its language or in
    English (mixed in everywhere)."""
    languages = tuple(dict.fromkeys((language, "en")))
    question = sentence.rstrip().endswith("?")
    for lang in (lang for lang in languages if lang in PAST):
        if any(table[lang].search(sentence) for table in (PURPOSE, LOOKING_FORWARD, INFORMS, ADVICE)):
            return True
        if not question and ARRIVES[lang].search(sentence):
            return True
        if not question and (NEGATED_FUTURE[lang].search(sentence) or SETTLED[lang].search(sentence)):
            return True
        report = _PURPOSE_CLAUSE.sub("", sentence)
        if not question and PAST[lang].search(report) and not AHEAD[lang].search(report):
            return True
    return False
