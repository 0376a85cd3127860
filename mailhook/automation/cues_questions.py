"""Yes/no questions put to the reader about what exists, is available or is already known ("Is this
a known issue?", "Gibt es den auch auf Englisch?", "Existe-t-il en allemand ?"), whether the
reader got or saw something ("Avez-vous reçu mon message ?") or is free ("Are you available on
Tuesday?"): the reader is to answer, per language. Only as questions (a question mark ends the
clause): as statements they are news. Not "have you checked ...?": advice in a discussion.
Written from the tuned sets' misses (fresh5) and our own sentences, as constructions."""

from __future__ import annotations

_Q = r"(?=[^.!]*\?)"  # the clause is a question

QUESTIONS: dict[str, list[str]] = {
    "en": [
        r"\b(?P<act>(?:is|are) (?:this|that|it|these|there) (?:a |any )?(?:known|common|general)"
        r" (?:issue|problem|bug|error|limitation)s?)\b" + _Q,
        r"\b(?P<act>(?:is|are) (?:it|this|that|they|these|those|there|the \w+(?: \w+)?)"
        r" (?:also |still |now )?"
        r"(?:available|in stock|supported))\b" + _Q,
        r"\b(?P<act>does (?:it|this|that|the \w+) (?:also |still )?(?:exist|come in|come with"
        r"|support))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:did|have|has) you (?:already )?(?:receive|received|get|got|gotten"
        r"|(?:see|seen|read) (?:my|our)))\b" + _Q,
        r"\b(?P<act>(?:are|will|would) you (?:be )?(?:available|free|around|in the office))\b" + _Q,
    ],
    "de": [
        r"\b(?P<act>gibt es (?:\S+\s+){0,4}?(?:auch|noch|vielleicht|schon))\b" + _Q,
        r"\b(?P<act>ist (?:das|dies|es) (?:ein |eine )?(?:bekannte[sr]?|häufige[sr]?|allgemeine[sr]?)"
        r" (?:problem|fehler|thema|einschränkung))\b" + _Q,
        r"\b(?P<act>(?:ist|sind) (?:er|sie|es|das|der|die|dieser|diese|dieses) (?:\S+\s+)?(?:auch |noch )?"
        r"(?:verfügbar|lieferbar|erhältlich|vorrätig))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:haben|hast) (?:Sie|du) (?:\S+\s+){0,5}?(?:erhalten|bekommen))\b" + _Q,
        r"\b(?P<act>(?:sind|bist|wären|wärst) (?:Sie|du) (?:\S+\s+){0,3}?(?:verfügbar|erreichbar"
        r"|frei))\b" + _Q,
    ],
    "fr": [
        r"\b(?P<act>existe-t-(?:il|elle)|(?:il|elle) existe (?:aussi|également|encore))\b" + _Q,
        r"\b(?P<act>(?:est-ce|c'est) (?:un|une) (?:problème|bug|erreur|souci|limitation)"
        r" (?:connue?|fréquente?|courante?))\b" + _Q,
        r"\b(?P<act>(?:est-(?:il|elle)|sont-(?:ils|elles)) (?:aussi |également |encore |toujours |déjà )?"
        r"(?:disponibles?|en stock))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:avez-vous|as-tu) (?:bien |déjà )?reçu)\b" + _Q,
        r"\b(?P<act>(?:êtes-vous|es-tu|seriez-vous|serais-tu) (?:\S+\s+)?(?:disponibles?|libres?"
        r"|joignables?))\b" + _Q,
    ],
    "es": [
        r"\b(?P<act>existen? (?:también|todavía|aún|ya))\b" + _Q,
        r"\b(?P<act>es (?:este |esto |eso )?(?:un )?(?:problema|error|fallo)"
        r" (?:conocido|frecuente|habitual))\b" + _Q,
        r"\b(?P<act>(?:está|están) (?:también |todavía |ya )?(?:disponibles?|en stock))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:recibiste|recibió|recibieron|has recibido|ha recibido|han recibido))\b" + _Q,
        r"\b(?P<act>(?:estás|está|están|estaría|estarías) (?:\S+\s+)?(?:disponibles?|libres?))\b" + _Q,
    ],
    "it": [
        r"\b(?P<act>esiston?[eo] (?:anche|ancora|già))\b" + _Q,
        r"\b(?P<act>è (?:un |una )?(?:problema|errore|bug|limitazione)"
        r" (?:noto|nota|conosciuto|frequente))\b" + _Q,
        r"\b(?P<act>(?:è|sono) (?:anche |ancora |già )?(?:disponibil[ei]|in magazzino))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:hai|ha|avete) (?:già )?ricevuto)\b" + _Q,
        r"\b(?P<act>(?:sei|siete|saresti|sarebbe|sareste) (?:\S+\s+)?(?:disponibil[ei]|liber[oaie]))\b" + _Q,
    ],
    "nl": [
        r"\b(?P<act>bestaat (?:hij|het|die|dat|deze|dit|er) (?:ook|nog|al))\b" + _Q,
        r"\b(?P<act>is (?:dit|dat|het) een (?:bekend|bekende|veelvoorkomend|veelvoorkomende)"
        r" (?:probleem|fout|issue|bug))\b" + _Q,
        r"\b(?P<act>(?:is|zijn) (?:hij|het|die|dat|deze|dit|ze)(?: \w+)? (?:ook |nog |al )?"
        r"(?:beschikbaar|leverbaar"
        r"|op voorraad))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:heeft|hebt|heb) (?:u|je|jij|jullie) (?:\S+\s+){0,5}?(?:ontvangen|gekregen))\b" + _Q,
        r"\b(?P<act>(?:bent|ben|zijn|zou|zouden) (?:u|je|jij|jullie) (?:\S+\s+){0,3}?(?:beschikbaar|vrij"
        r"|bereikbaar))\b" + _Q,
    ],
    "pt": [
        r"\b(?P<act>(?:também|ainda|já) existem?|existem? (?:também|ainda|já))\b" + _Q,
        r"\b(?P<act>(?:é|este é) um (?:problema|erro|bug) (?:conhecido|frequente|habitual))\b" + _Q,
        r"\b(?P<act>(?:está|estão) (?:também |ainda |já )?(?:disponíve(?:l|is)|em stock|em estoque))" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>(?:recebeu|recebeste|receberam|chegou a receber))\b" + _Q,
        r"\b(?P<act>(?:está|estás|estaria|estarias) (?:\S+\s+)?(?:disponíve(?:l|is)|livres?))" + _Q,
    ],
    "da": [
        r"\b(?P<act>findes (?:det|den|de|der) (?:også|stadig|allerede))\b" + _Q,
        r"\b(?P<act>er (?:det|dette|det her) et (?:kendt|almindeligt|generelt) problem)\b" + _Q,
        r"\b(?P<act>(?:er|fås) (?:det|den|de) (?:også |stadig )?(?:tilgængelige?|på lager))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>har (?:du|I) (?:\S+\s+){0,3}?(?:modtaget|fået))\b" + _Q,
        r"\b(?P<act>fik (?:du|I) (?:min|mit|mine|vores))\b" + _Q,
        r"\b(?P<act>(?:er|vil) (?:du|I) (?:\S+\s+)?(?:ledige?|tilgængelige?))\b" + _Q,
    ],
    "sv": [
        r"\b(?P<act>finns (?:det|den|de) (?:även|också|fortfarande|redan))\b" + _Q,
        r"\b(?P<act>är (?:det|detta|det här) ett (?:känt|vanligt|allmänt) problem)\b" + _Q,
        r"\b(?P<act>är (?:den|det|de) (?:även |också |fortfarande )?(?:tillgängliga?|i lager))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>har (?:du|ni) (?:\S+\s+){0,3}?(?:fått|mottagit))\b" + _Q,
        r"\b(?P<act>fick (?:du|ni) (?:mitt|mina|min|vårt|våra|vår))\b" + _Q,
        r"\b(?P<act>är (?:du|ni) (?:\S+\s+)?(?:ledig|lediga|tillgänglig|tillgängliga))\b" + _Q,
    ],
    "no": [
        r"\b(?P<act>finnes (?:det|den|de) (?:også|fortsatt|allerede))\b" + _Q,
        r"\b(?P<act>er (?:det|dette|det her) et (?:kjent|vanlig|generelt) problem)\b" + _Q,
        r"\b(?P<act>er (?:den|det|de) (?:også |fortsatt )?(?:tilgjengelige?|på lager))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>har (?:du|dere) (?:\S+\s+){0,3}?(?:fått|mottatt))\b" + _Q,
        r"\b(?P<act>fikk (?:du|dere) (?:min|mitt|mine|vår|vårt|våre))\b" + _Q,
        r"\b(?P<act>er (?:du|dere) (?:\S+\s+)?(?:ledige?|tilgjengelige?))\b" + _Q,
    ],
    "pl": [
        r"\b(?P<act>czy (?:jest|są) (?:\S+\s+)?(?:też |również |także |nadal |już )?"
        r"(?:dostępn\w+|na stanie))" + _Q,
        r"\b(?P<act>czy to (?:jest )?(?:znany|częsty|powszechny) (?:problem|błąd))\b" + _Q,
        r"\b(?P<act>czy (?:istnieje|istnieją) (?:też|również|także|już))\b" + _Q,
        # Yes/no questions to the reader: whether they got or saw something, whether they are free.
        r"\b(?P<act>czy (?:\S+\s+)?(?:otrzymał|dostał)\w*)" + _Q,
        r"\b(?P<act>czy (?:\S+\s+){0,2}?(?:będzie|byłby|byłaby|byliby) (?:\S+\s+)?(?:dostępn\w+"
        r"|woln\w+))" + _Q,
    ],
}

# In a report of a problem: whether it is a fault or meant so, or the author's own mistake ("Is
# this a bug?", "Ist das normal?", "Est-ce un bug ?", "Czy robię coś źle?"). Only the reader can
# say; cues_plain asks them only in short mail to one reader that reports the problem.
_W = r"(?:\S+\s+){0,2}?"  # a word or two before the fault: "Is this a bug?", "Is this really expected?"
FAULT_QUESTIONS = {
    "en": rf"(?:is|are|was) (?:this|that|it|these|those) {_W}(?:bug|error|fault|defect|mistake|normal"
    r"|expected|intended|correct|by design)\b|(?:am i|are we) (?:doing|missing) (?:something|anything)",
    "de": rf"(?:ist|sind|war) (?:das|dies|es) {_W}(?:fehler|bug|defekt|normal|gewollt|beabsichtigt|richtig"
    r"|korrekt)\b|(?:mache ich|machen wir) (?:\S+\s+)?(?:etwas|was) falsch",
    "fr": rf"(?:est-ce|c'est|s'agit-il d') ?{_W}(?:bug|erreur|anomalie|défaut|normal|voulu|prévu)\b"
    r"|(?:est-ce que )?je fais (?:\S+\s+)?quelque chose de (?:faux|mal)",
    "es": rf"(?:¿\s*)?(?:es|será|se trata de) {_W}(?:error|fallo|bug|defecto|normal|correcto)\b"
    r"|(?:¿\s*)?(?:estoy|estamos) haciendo algo mal",
    "it": rf"(?:è|si tratta di) {_W}(?:errore|bug|difetto|normale|corretto|voluto|previsto)\b"
    r"|(?:sbaglio|sto sbagliando) qualcosa",
    "nl": rf"(?:is|zijn) (?:dit|dat|het) {_W}(?:fout|bug|defect|normaal|correct|de bedoeling)\b"
    r"|doe ik (?:iets|wat) fout",
    "pt": rf"(?:é|será|trata-se de) {_W}(?:erro|falha|bug|defeito|normal|correto)\b"
    r"|(?:estou|estamos) (?:a fazer|fazendo) algo (?:de )?errado",
    "da": rf"(?:er|var) (?:det|dette) {_W}(?:fejl|bug|normalt|meningen|korrekt)\b|gør jeg noget forkert",
    "sv": rf"(?:är|var) (?:det|detta) {_W}(?:fel|bugg|normalt|meningen|korrekt)\b|gör jag något fel",
    "no": rf"(?:er|var) (?:det|dette) {_W}(?:feil|bug|normalt|meningen|korrekt)\b|gjør jeg noe feil",
    "pl": rf"czy to {_W}(?:błąd|bug|usterka|normalne|poprawne|celowe)\b|czy robię coś źle",
}
