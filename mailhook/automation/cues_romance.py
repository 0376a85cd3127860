"""Follow-up cues of French, Spanish, Italian and Portuguese."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_FR_WH = words("comment", "quand", "où", "si", "s'il", "s'ils", "quel\\w*", "qui", "pourquoi", "combien",
               "ce qu")
_FR_ACT = (
    r"(?:rappelle|rappellerai|rappellerons|rappeler|recontacte|recontacterai|recontacter|reviens|"
    r"reviendrai|reviendrons|revenir|envoie|enverrai|enverrons|envoyer|transmets|transmettrai|"
    r"transmettre|fais parvenir|ferai parvenir|faire parvenir|tiens au courant|tiendrai au courant|"
    r"tenir au courant|tiendrons au courant|écrirai|écrire|appelle|appellerai|appeler|confirmerai|"
    r"confirmer|vérifierai|"
    r"vérifier|regarderai|regarder|ferai signe|faire signe|conseiller|indiquer|répondre|passerai|"
    r"rencontrer|parler|discuter)"
)
FR = lexicon(
    r"n'hésitez pas|si vous avez (?:des|la moindre|d'autres|une) (?:questions?|remarques?)|"
    r"pour toute (?:question|information|demande)|\bdisposition\b|je reste disponible|"
    r"dans l'attente de|\bdestinataire\b|n'hésite pas|\bsi besoin\b|\bau besoin\b|si vous avez besoin",
    commit=[
        # Object pronouns may be elided onto the verb: "je t'envoie", "je l'appellerai".
        # "merci de nous indiquer": after "de" or "à", "nous" is the object, not who promises.
        rf"(?<!\bde )(?<!\bd')(?<!\bà )\b(?:je|nous|on)\s+(?!ne\b|n')(?:\S+\s+|[tlm]'){{0,3}}?"
        rf"(?P<act>{_FR_ACT})\b",
        rf"\bj'(?:\S+\s+){{0,2}}?(?P<act>{_FR_ACT})\b",
    ],
    ask=[
        r"\b(?:je|nous)\s+(?:souhaiterais|souhaiterions|souhaite|souhaitons|voudrais|voudrions|aimerais|"
        r"aimerions)\s+(?:\S+\s+){0,2}?(?:savoir|connaître|comprendre|vous demander)\s+(?P<act>\S+)",
        r"\b(?:merci de|veuillez|je vous prie de|prière de|pourriez-vous|pouvez-vous|pourrais-tu|peux-tu)\s+"
        r"(?:bien vouloir\s+)?(?:me\s+|nous\s+|m')?(?:indiquer|dire|expliquer|préciser|faire savoir|"
        r"communiquer)"
        r"\s+(?P<act>\S+)",
        r"\b(?P<act>(?:est|serait)-il possible)\b",
        r"\b(?P<act>(?:quel\w*|que|qu'|comment)\s*(?:\S+\s+){0,3}?(?:me|nous)\s+(?:proposez|conseillez|"
        r"recommandez|suggérez)[- ]vous)\b",
        r"\b(?P<act>(?:comment|où|quand|que) (?:dois|devons|peux|pouvons|puis)[- ](?:je|nous))\b[^.!]*\?",
    ],
    request=[
        rf"\b(?:pourriez|pouvez|pourrais|peux|pourrez|voudriez|voulez)[- ](?:vous|tu)\b[^.?!]*?"
        rf"\b(?P<act>{_FR_ACT})\b",
        rf"\b(?:merci de|veuillez|je vous prie de|prière de)\s+(?:\S+\s+){{0,3}}?(?P<act>{_FR_ACT})\b",
        # Any infinitive after a polite request; "merci de votre ..." thanks, "veuillez trouver" points.
        r"\b(?:merci de|merci d'|veuillez|je vous prie de|prière de|"
        r"nous vous prions de)\s*(?:bien vouloir\s+)?"
        r"(?!(?:trouver|noter|agréer|recevoir|croire|excuser|nous excuser|m'excuser|ne\b|votre|vos|ton|ta|"
        r"tes|"
        r"la|le|les|l'|cette|ce|ces|pour|d'avance|beaucoup|tout|toute|avoir)\b)(?P<act>\w[\w']*)",
        r"\b(?:pourriez|pouvez|pourrais|peux|pourrez|voudriez|voulez)[- ](?:vous|"
        r"tu)\s+(?:s'il vous plaît\s+|svp\s+)?"
        r"(?P<act>\w[\w']*)(?=[^.!]*\?)",
        r"\b(?:je|nous)\s+vous\s+(?:serais|serions)\s+(?:très\s+)?reconnaissante?s?\s+(?:de|"
        r"d')\s*(?:bien vouloir\s+)?"
        r"(?P<act>\w+)",
        r"\b(?:je|nous)\s+(?:souhaiterais|souhaiterions|voudrais|voudrions|aimerais|aimerions)\s+(?:\S+\s+)?"
        r"(?:recevoir|obtenir|avoir)\s+(?P<act>\S+)",
    ],
    need=[
        r"\b(?:j'ai|nous avons|j'aurais|nous aurions)\s+besoin\s+(?:d'|de\s+|du\s+|des\s+)(?P<act>\w)",
        r"\bil (?:me|nous) (?:faudrait|faut)\s+(?P<act>\w)",
    ],
    propose=[
        r"\bon\s+(?:se\s+|s')?(?P<act>voit|parle|rappelle|appelle|en parle|en discute)\b",
        r"\b(?P<act>(?:parlons|discutons)[- ]en|rencontrons-nous|appelons-nous|voyons-nous)\b",
        r"\b(?P<act>(?:seriez|êtes|serais|es)[- ](?:vous|tu) (?:\S+\s+)?disponibles?)\b",
        r"\b(?P<act>(?:auriez|avez|aurais|as)[- ](?:vous|tu)\s+(?:\S+\s+){0,2}?(?:temps|moment|créneau|"
        r"disponibilité)s?)\b",
        r"\b(?:je|nous)\s+vous\s+(?P<act>propose|proposons)\s+(?:de|un|une)\b",
    ],
)

_ES_WH = words("cómo", "como", "cuándo", "cuando", "dónde", "si", "qué", "que", "cuál\\w*", "quién",
               "por qué", "cuánto\\w*")
_ES_MODAL = words("puedes", "podrías", "podría", "puede", "pueden", "podrían", "podéis", "podrá", "podrán")
_ES_FIRST = (
    r"(?:escribo|escribiré|llamo|llamaré|envío|enviaré|mando|mandaré|confirmo|confirmaré|aviso|"
    r"avisaré|contacto|contactaré|respondo|responderé|comento|comentaré|mantengo|mantendré|paso|"
    r"pasaré|digo|diré)"
)
_ES_INF = r"(?:enviar|mandar|llamar|confirmar|revisar|avisar|responder|indicar|decir|contactar|escribir)"
ES = lexicon(
    r"no dude[sn]? en|si (?:tiene|tienes|tienen|necesita|necesitas) [^.?!]{0,30}(?:duda|pregunta|"
    r"consulta|algo)|\bdisposición\b|cualquier (?:duda|consulta|pregunta)|\bdestinatario\b",
    commit=[
        rf"\b(?:te|le|les|os|se lo|se la|te lo|te la)\s+(?P<act>{_ES_FIRST})\b",
        rf"\b(?:voy|vamos) a (?:\w+ )?(?P<act>{_ES_INF})(?:te|le|les|os|lo|la)*\b",
        r"\b(?:me|nos) (?P<act>pondré|pondremos) en contacto\b",
    ],
    ask=[
        r"\b(?:quisiera|quisiéramos|me gustaría|nos gustaría|querría|querríamos|quería|queríamos|deseo|"
        r"deseamos|"
        r"desearía)\s+(?:\S+\s+)?(?:saber|conocer|consultar|preguntar(?:le|te|les)?)\s+(?P<act>\S+)",
        rf"\b{_ES_MODAL}\s+(?:usted(?:es)?\s+)?(?:\S+\s+)?(?:indicar|decir|explicar|informar|aclarar|"
        rf"comentar)"
        rf"(?:me|nos|le|les)?\s+(?P<act>\S+)",
        r"\b(?P<act>(?:es|sería) posible)\b",
    ],
    request=[
        rf"\b(?:puedes|podrías|podría|puede|pueden|podrían|podéis)\s+(?:usted(?:es)? )?(?:\w+ ){{0,2}}?"
        rf"(?P<act>{_ES_INF})(?:me|nos|le|lo|la)*\b",
        r"\bpor favor,? (?:\w+ ){0,2}?(?P<act>env[ií]e\w*|env[ií]a\w*|m[aá]nde\w*|m[aá]nda\w*|ll[aá]me\w*|"
        r"conf[ií]rme\w*|conf[ií]rma\w*|revise|revisa|av[ií]sa\w*|av[ií]se\w*|responda|responde|"
        r"ind[ií]que\w*|ind[ií]ca\w*)\b",
        r"^¿?(?P<act>env[ií]ame|m[aá]ndame|ll[aá]mame|av[ií]same|conf[ií]rmame)\b",
        rf"\b{_ES_MODAL}\s+(?:usted(?:es)?\s+)?(?:por favor\s+)?(?P<act>\w+(?:ar|er|ir)(?:me|nos|le|les|lo|"
        rf"la|selo|sela)?)\b",
        r"\b(?:le|te|les|os)\s+(?:agradecería|agradeceríamos|agradezco|agradecemos)\s+(?:mucho\s+)?(?:que|"
        r"si)\s+"
        r"(?:me\s+|nos\s+)?(?P<act>\S+)",
    ],
    need=[
        r"\b(?:necesito|necesitamos|necesitaría|necesitaríamos)\s+(?P<act>(?:que|su|tu|vuestra|vuestro|la|el|"
        r"los|las|un|una|ayuda)\b)",
    ],
    propose=[
        r"\b(?P<act>hablamos|nos vemos|quedamos|nos reunimos|reunámonos|hablemos|nos llamamos)\s+"
        r"(?:el|la|los|mañana|pasado|después|luego|esta|este|la próxima|el próximo|tras|antes)\b",
        r"\b(?:le|te|les|os)\s+(?P<act>vendría|viene|iría|va)\s+bien\b",
        r"\b(?P<act>(?:tiene|tienes|tendría|tendrías|tienen|tendrían)\s+(?:\S+\s+)?(?:disponibilidad|tiempo|"
        r"un momento|un hueco))",
        r"\b(?:me|nos) gustaría\s+(?P<act>(?:organizar|concertar|programar|fijar|agendar|tener|mantener)\s+"
        r"(?:\S+\s+)?(?:reunión|llamada|cita|videollamada))",
    ],
)

_IT_WH = words("come", "quando", "dove", "se", "quale", "quali", "chi", "perché", "quanto", "quanti", "cosa")
_IT_MODAL = words("potrebbe", "potreste", "puoi", "può", "potresti", "potete", "riuscirebbe", "riusciresti")
IT = lexicon(
    r"per (?:qualsiasi|qualunque|ogni|eventuali|ulteriori) (?:domand|dubbi|chiariment|informazion|"
    r"necessit)\w*|"
    r"(?:resto|rimango|restiamo|rimaniamo|sono|siamo) a (?:sua |vostra |tua )?(?:completa |"
    r"piena )?disposizione|"
    r"non (?:esiti|esitate|esitare|esitare) a|se (?:ha|hai|avete) bisogno|in caso di (?:domande|dubbi)|"
    r"\bdestinatario\b",
    commit=[
        r"\b(?:ti|vi|le|gli|la|lo)\s+(?P<act>mando|manderò|manderemo|invio|invierò|invieremo|chiamo|chiamerò|"
        r"richiamo|richiamerò|scrivo|scriverò|faccio sapere|farò sapere|faremo sapere|aggiorno|aggiornerò|"
        r"contatto|contatterò|confermo|confermerò|giro|girerò|inoltro|inoltrerò|rispondo|risponderò|"
        r"terrò aggiornat[oaie]|terremo aggiornat[oaie])\b",
        r"\b(?P<act>(?:mi|ci)\s+(?:faccio|faremo|farò)\s+(?:sentire|vivo|viva))\b",
        r"\b(?P<act>provvederò|provvederemo)\s+a\b",
    ],
    ask=[
        r"\b(?:vorrei|vorremmo|volevo|volevamo|desidero|desidererei|desideriamo)\s+(?:\S+\s+)?(?:sapere|"
        r"capire|"
        r"chiedere|chiedervi|chiederle|chiederti|conoscere)\s+(?P<act>\S+)",
        rf"\b{_IT_MODAL}\s+(?:\S+\s+)?(?:spiegar|dir|indicar|chiarir|comunicar|illustrar)\w*\s+(?P<act>\S+)",
        r"\b(?P<act>(?:è|sarebbe) possibile)\b",
    ],
    request=[
        rf"\b{_IT_MODAL}\s+(?:gentilmente\s+|per favore\s+|cortesemente\s+|anche\s+)?(?P<act>\w+(?:are|ere|"
        rf"ire|"
        rf"(?:ar|er|ir)(?:ci|mi|ti|vi|gli|le|lo|la|li|ne|melo|celo|glielo)))\b",
        r"\b(?:gradirei|gradiremmo|apprezzerei|apprezzeremmo)\s+(?P<act>\S+)",
        r"\b(?:vi|ti|le)\s+(?:chiedo|chiediamo|prego|preghiamo)\s+(?:gentilmente\s+|"
        r"cortesemente\s+)?(?:di\s+)?"
        r"(?P<act>\S+)",
    ],
    need=[
        r"\b(?:mi|ci)\s+(?:servirebbe|servirebbero|serve|servono)\s+(?P<act>\w)",
        r"\b(?:ho|abbiamo|avrei|avremmo)\s+(?:urgente\s+)?bisogno\s+(?:di|del|della|dei|delle|d')\s*(?P<act>\w)",
    ],
    propose=[
        r"\b(?P<act>(?:sarebbe|sareste|saresti|sei|è|siete)\s+disponibil[ei])\b",
        r"\b(?:hai|ha|avete|avrebbe|avresti|avreste)\s+(?P<act>(?:\S+\s+)?tempo)\b",
        r"\b(?P<act>ci sentiamo|ci vediamo|sentiamoci|vediamoci|fissiamo|organizziamo)\b",
    ],
)

_PT_VERB = r"\w+(?:ar|er|ir)(?:-me|-nos|-lhe|-lo|-la|-los|-las)?"
PT = lexicon(
    r"qualquer (?:dúvida|questão|pergunta|esclarecimento)|(?:fico|ficamos|estou|estamos)\s+à\s+(?:sua\s+|"
    r"vossa\s+|"
    r"tua\s+|inteira\s+|total\s+)?disposição|não (?:hesite|hesitem|hesites)|se (?:tiver|tiverem|precisar|"
    r"precisarem) (?:de )?(?:alguma|quaisquer|mais|algo|ajuda)|\bdestinatário\b",
    commit=[
        r"\b(?:vou|vamos|irei|iremos)\s+(?:te\s+|lhe\s+)?(?P<act>enviar|mandar|ligar|telefonar|responder|"
        r"confirmar|"
        r"verificar|avisar|encaminhar|retornar|contactar|contatar|escrever)\w*",
        r"\b(?:te|lhe|vos|lhes)\s+(?P<act>envio|mando|ligo|aviso|escrevo|respondo|confirmo|enviarei|"
        r"enviaremos|"
        r"ligarei|avisarei)\b",
        r"\b(?P<act>envio-lhe|envio-te|ligo-te|ligo-lhe|mando-te|mando-lhe|aviso-te|enviarei|enviaremos|"
        r"ligarei|avisarei|responderei|entrarei em conta(?:c)?to|entraremos em conta(?:c)?to|retornarei)\b",
    ],
    ask=[
        r"\b(?:gostaria|gostaríamos|gostava|gostávamos|queria|queríamos)\s+(?:de\s+)?(?:saber|perguntar|"
        r"entender|"
        r"esclarecer)\s+(?P<act>\S+)",
        r"\b(?:poderia|poderiam|pode|podem|podes|podia|podias)\s+(?:\S+\s+)?(?:explicar|dizer|indicar|"
        r"informar|"
        r"esclarecer)(?:-me|-nos|-lhe)?\s+(?P<act>\S+)",
        r"\b(?P<act>(?:é|seria) possível)\b",
    ],
    request=[
        rf"\b(?:poderia|poderiam|pode|podem|podes|podia|podias|poderá|consegue|"
        rf"conseguiria)\s+(?:por favor\s+|"
        rf"gentilmente\s+)?(?:me\s+|nos\s+)?(?P<act>{_PT_VERB})\b",
        r"\b(?:solicito|solicitamos|peço|pedimos|pedia|pediríamos|agradeço|agradecemos|agradecia|agradeceria|"
        r"agradeceríamos)\s+(?:que|se)\s+(?:me\s+|nos\s+)?(?P<act>\S+)",
        r"\b(?:solicito|solicitamos)\s+(?P<act>o|a|os|as|um|uma)\b",
        r"\baguardo\s+(?P<act>(?:o\s+|a\s+)?(?:seu|sua|vosso|vossa|teu|tua)\s+(?:retorno|resposta|"
        r"confirmação|"
        r"feedback))",
    ],
    need=[
        r"\b(?:preciso|precisamos|precisaria|precisaríamos|necessito|necessitamos)\s+(?:de\s+|do\s+|da\s+|"
        r"dos\s+|das\s+|urgentemente\s+(?:de\s+)?)?(?P<act>\w)",
    ],
    propose=[
        r"\b(?P<act>(?:teria|terias|tem|tens|teriam)\s+(?:\S+\s+)?(?:disponibilidade|tempo))",
        r"\b(?P<act>(?:estaria|estarias|está|estás|estariam)\s+disponíve(?:l|is))",
        r"\b(?P<act>(?:podemos|poderíamos)\s+(?:marcar|agendar|combinar|conversar|falar))",
    ],
)

