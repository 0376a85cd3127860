"""Follow-up cues of Spanish and Portuguese."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, softened, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_ES_WH = words("cómo", "como", "cuándo", "cuando", "dónde", "si", "qué", "que", "cuál\\w*", "quién",
               "por qué", "cuánto\\w*")
# Accents are often left off when typing fast ("Me podeis decir que pasa?").
_ES_MODAL = words("puedes", "podr[ií]a[sn]?", "puede", "pueden", "pod[eé]is", "podr[aá]n?")
_ES_FIRST = (
    r"(?:escribo|escribiré|llamo|llamaré|envío|enviaré|mando|mandaré|confirmo|confirmaré|aviso|"
    r"avisaré|contacto|contactaré|respondo|responderé|comento|comentaré|mantengo|mantendré|paso|"
    r"pasaré|digo|diré|hago llegar|haré llegar|avisaremos|informaré|informaremos|contesto|contestaré|"
    r"contestaremos|"
    # The same promises by "we" ("le haremos llegar", "le llamaremos").
    r"escribiremos|llamaremos|enviaremos|mandaremos|confirmaremos|contactaremos|responderemos|"
    r"comentaremos|mantendremos|pasaremos|diremos|haremos llegar|volveremos a contactar)"
)
_ES_INF = r"(?:enviar|mandar|llamar|confirmar|revisar|avisar|responder|indicar|decir|contactar|escribir)"
_ES_THIRD = (
    r"(?:enviará|enviarán|mandará|mandarán|llamará|llamarán|escribirá|escribirán|contactará|contactarán|"
    r"confirmará|confirmarán|responderá|responderán|hará llegar|harán llegar|remitirá|remitirán|informará|"
    r"informarán|avisará|avisarán|(?:va|van) a (?:enviar|mandar|llamar|escribir|contactar|confirmar|"
    r"responder|"
    r"hacer llegar|remitir|informar|avisar))"
)
# "puedes/puede" state what the reader may do ("puedes seguir el envío"); only a question asks it.
_ES_MAY = r"(?:puedes|puede|pueden|pod[eé]is|podr[aá]|podr[aá]n)(?=[^.!]*\?)"
ES = lexicon(
    r"no dude[sn]? en|si (?:tiene|tienes|tienen|necesita|necesitas) [^.?!]{0,30}(?:duda|pregunta|"
    r"consulta|algo)|\bdisposición\b|cualquier (?:duda|consulta|pregunta)|\bdestinatario\b",
    commit=[
        rf"\b(?:te|le|les|os|se lo|se la|te lo|te la)\s+(?P<act>{_ES_FIRST})\b",
        rf"\b(?:voy|vamos) a (?:\w+ )?(?P<act>{_ES_INF})(?:te|le|les|os|lo|la)*\b",
        r"\b(?:me|nos) (?P<act>pondré|pondremos) en contacto\b",
        # Someone on the author's side promises the reader ("nuestro servicio técnico le enviará ...").
        rf"\b(?P<who>(?:nuestro|nuestra|nuestros|nuestras|mi|mis)\s+(?:\S+\s+){{0,8}}?)(?:te|le|les|os|"
        rf"la|lo|los|las|se lo|se la|se los|se las)\s+(?P<act>{_ES_THIRD})\b",
        r"\b(?P<who>(?:nuestro|nuestra|nuestros|nuestras|mi|mis)\s+(?:\S+\s+){0,5}?)(?P<act>se pondrán? en "
        r"contacto)\b",
        # What the reader will have ("lo tendrás el jueves").
        r"\b(?P<act>(?:lo|la|los|las)\s+(?:tendrás|tendrá|tendréis|tendrán|recibirás|recibirá|recibiréis|"
        r"recibirán))\b",
        r"\b(?P<act>(?:te|le|les|os)\s+(?:espero|esperamos|esperaré|esperaremos|enseño|enseñaré|recojo|"
        r"recogeré))\b",
        r"\b(?P<act>estar(?:emos|é) en contacto)\b",
        r"\b(?P<act>me (?:encargo|ocupo) (?:yo|de ello)|nos (?:encargamos|ocupamos) (?:nosotros|"
        r"de ello)|(?:lo|la) "
        r"(?:miro|reviso|soluciono|arreglo|compruebo|solucionamos|arreglamos|revisamos))\b",
    ],
    ask=[
        r"\b(?:quisiera|quisiéramos|me gustaría|nos gustaría|querría|querríamos|quería|queríamos|deseo|"
        r"deseamos|"
        r"desearía)\s+(?:\S+\s+)?(?:saber|conocer|consultar|preguntar(?:le|te|les)?)\s+(?P<act>\S+)",
        rf"\b{_ES_MODAL}\s+(?:usted(?:es)?\s+)?(?:\S+\s+)?(?:indicar|decir|explicar|informar|aclarar|"
        rf"comentar)"
        rf"(?:me|nos|le|les)?\s+(?P<act>\S+)",
        r"\b(?P<act>(?:es|sería) posible)\b",
        r"\b(?P<act>cómo (?:puedo|podemos|debo|debemos|se puede|hago|hacemos|lo hago|se hace))\b",
        r"\b(?P<act>cómo\s+\w+(?:ar|er|ir)(?:lo|la|los|las|me|nos|le)?)\b(?=[^.!]*\?)",
        r"\b(?P<act>qué\s+(?:tengo|tenemos|debo|debemos|hay|necesito|necesitamos)\s+(?:que\s+)?hacer)\b",
        r"\b(?:sabes|sabe|saben|sabéis|sabrías|sabría|sabrían)\s+(?:usted\s+|por casualidad\s+)?"
        r"(?P<act>si|cómo|cuándo|dónde|qué|quién|cuál\w*)\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:con quién|a quién|quién|dónde)\s+(?:tengo|tenemos|debo|debemos|puedo|podemos|hay)\s+"
        r"(?:que\s+)?\w+)",
        r"\b(?P<act>(?:tienes|tiene|tienen|tenéis)\s+(?:alguna\s+)?idea)\b",
        # A choice put to the reader ("¿qué fechas le vendrían bien?"), titled from what is asked.
        r"\b(?P<act>(?:qué|cuándo|cuál\w*)\b(?:\s+\S+){0,5}?)\s+(?:le|te|les|os)\s+(?:vendrían?|irían?|"
        r"convendrían?|"
        r"vienen?|van)\b",
        r"\b(?P<act>se (?:podría|puede|podrá)\s+\w+)\b(?=[^.!]*\?)",
        # "¿Qué os parecen los colores?" asks an opinion; "¿qué te parece una llamada?" proposes.
        r"\b(?P<act>qué (?:te|le|les|os) (?:parecen|parece (?:este|esta|estos|estas|mi|nuestro|nuestra|"
        r"lo)))\b"
        r"(?=[^.!]*\?)",
        r"\b(?P<act>cuándo\s+(?:podemos|puedo)\s+(?:esperar|contar con))\b",
        r"^(?:¿\s*)?(?:y\s+)?(?P<act>(?:alguna|hay alguna|hay)\s+(?:novedad|noticia)s?\s+(?:sobre|de|"
        r"del|con))\b"
        r"(?=[^.!]*\?)",
        r"(?:^|¿)\s*(?P<act>puedo|podría|se puede)\s+(?!ayudar|imaginar)\w+(?=[^.!]*\?)",
        r"\b(?P<act>(?:cómo|dónde|qué)\s+\w+o)\b(?!\s+(?:está|están|es|son|va|van|fue|"
        r"hay)\b)(?![^.!?]*\bayudar)(?=[^.!]*\?)",
    ],
    request=[
        # A softened imperative, the verb first ("Prepara por favor un análisis").
        softened(r"por favor", words("gracias", "hola", "sí", "si", "no", "muchas", "buenos", "buenas"),
                 negation="no|nunca"),
        rf"\b(?:puedes|podr[ií]a[sn]?|puede|pueden|pod[eé]is)\s+(?:usted(?:es)? )?(?:\w+ ){{0,2}}?"
        rf"(?P<act>{_ES_INF})(?:me|nos|le|lo|la)*\b",
        r"\bpor favor,? (?:\w+ ){0,2}?(?P<act>env[ií]e\w*|env[ií]a\w*|m[aá]nde\w*|m[aá]nda\w*|ll[aá]me\w*|"
        r"conf[ií]rme\w*|conf[ií]rma\w*|revise|revisa|av[ií]sa\w*|av[ií]se\w*|responda|responde|"
        r"ind[ií]que\w*|ind[ií]ca\w*)\b",
        r"^¿?(?P<act>env[ií]ame|m[aá]ndame|ll[aá]mame|av[ií]same|conf[ií]rmame)\b",
        rf"\b(?:podr[ií]a(?:s|n|is)?|{_ES_MAY})\s+(?:usted(?:es)?\s+)?(?:por favor\s+)?"
        rf"(?P<act>\w+(?:(?:ar|er|ir)(?:me|nos|le|les|lo|la|selo|sela)?|(?:ár|ér|ír)(?:me|nos|se|te|os)(?:lo|la|los|las)))\b",
        # Imperatives with the pronoun attached ("hacednos saber", "avísame", "dígame").
        r"\b(?P<act>(?:hazme|hacedme|hacednos|hágame|háganos|hágannos|dime|decidme|decidnos|dígame|díganos|"
        r"avísame|avisadme|avisadnos|avíseme|avísenos|confírmame|confirmadnos|confírmeme|confírmenos|"
        r"escríbeme|"
        r"llámame|llámeme|envíame|envíeme|mándame|mándeme)(?:lo|la|los|las)?)(?!\w)",
        r"\b(?:le|te|les|os)\s+(?:estaría|estaríamos|quedaría|quedaríamos)\s+(?:muy\s+|sumamente\s+)?"
        r"agradecid[oa]s?\s+(?:si|que)\s+(?:me\s+|nos\s+)?(?P<act>\S+)",
        r"\b(?:estaría|estarías|estarían|está|estás|están)\s+(?:usted\s+)?(?:dispuest[oa]s?|"
        r"interesad[oa]s?)\s+"
        r"(?:a|en)\s+(?P<act>\w+)",
        r"\b(?:ruego|rogamos|rogaría|rogaríamos)\s+(?:que\s+)?(?:me\s+|nos\s+)?(?P<act>\S+)",
        r"\b(?:le|te|les|os)\s+(?:agradecería|agradeceríamos|agradezco|agradecemos)\s+(?:mucho\s+)?(?:que|"
        r"si)\s+"
        r"(?:me\s+|nos\s+)?(?P<act>\S+)",
        # An imperative softened at its end ("Revisen esto y corrijan el saldo, por favor.").
        r"^(?P<act>\w+)\b[^.?!]*,\s*por favor\s*[.!]?$",
        r"\b(?:le|te|les|os)\s+importar(?:ía|ia)n?\s+(?P<act>\w+)",
        r"\b(?:esperaba|esperábamos)\s+que\s+(?:usted\s+)?(?:me\s+|nos\s+)?(?:pudiera|pudieras|"
        r"pudiese|pudieran|"
        r"podría|podrías)\s+(?P<act>\w+)",
        r"\balguien\s+(?:de|en)\s+(?:vuestro|su|tu)\s+(?:lado|equipo|parte|empresa|departamento)\s+(?:puede|"
        r"podría)\s+(?P<act>\w+)",
        r"\b(?:has|ha|habéis|han)\s+(?:tenido (?:ocasión|tiempo|oportunidad) de|"
        r"podido)\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:(?:quisiera|quisiéramos|quiero|queremos|me gustaría|nos gustaría|deseo|deseamos|"
        r"desearía|desearíamos))\s+(?P<act>(?:devolver|cancelar|anular|cambiar (?:de|mi|mis|nuestro|"
        r"nuestra|nuestros|nuestras)|cambiarme|pasarme|"
        r"pasar|pedir|encargar|reservar|renovar|ampliar|prolongar|darme de baja|darme de alta|"
        r"dar de baja|suscribirme|comprar|sustituir|aplazar|modificar (?:mi|mis|nuestro|nuestra|"
        r"nuestros|nuestras)))\b",
        # A thing wanted from the reader ("Quiero un abono del importe total"), not a greeting.
        r"\b(?:quiero|queremos)\s+(?P<act>(?:un|una|el|la|los|las)\s+(?!saludos?\b|abrazos?\b)\w+)",
        r"^por favor,?\s+(?P<act>\w+(?:en|an))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:sus|su|tus|tu|vuestr[oa]s?|un|una)\s+(?:\w+\s+)?(?:comentarios|respuesta|opinión|"
        r"confirmación|ayuda|sugerencias|observaciones)\b)(?=[^.?!]*\bserían?\s+(?:\w+\s+){0,2}?"
        r"(?:bienvenid[oa]s?|útil(?:es)?|de gran ayuda|apreciad[oa]s?)\b)",
        r"\bagradecer(?:ía|íamos)\s+(?:mucho\s+)?(?P<act>(?:sus|su|tus|tu|vuestr[oa]s?|una|un)\s+(?:\w+\s+)?"
        r"(?:respuesta|comentarios|confirmación|ayuda|opinión))\b",
        r"\b(?:necesito|necesitamos|necesitaría|necesitaríamos)\s+(?P<act>(?:que|su|tu|vuestra|vuestro|la|el|"
        r"los|las|un|una|ayuda)\b)",
        r"\b(?:me|nos) (?:vendría|iría|vendrá) (?:muy |genial |de maravilla )?bien\s+(?P<act>tener|recibir|"
        r"contar|que)\b",
        r"\b(?:tengo|tenemos)\s+que\s+(?P<act>recibir|tener|contar con)\b(?=[^.?!]*\b(?:antes|"
        r"como muy tarde|a más tardar)\b)",
        r"\b(?:seguimos|sigo|continuamos|continúo|todavía estamos|aún estamos)\s+esperando\s+(?P<act>\S+)",
        r"\b(?:quisiera|quisiéramos|me gustaría recibir|nos gustaría recibir|necesitaría|"
        r"necesitaríamos)\s+(?P<act>(?:un|una|el|la|los|las|su|sus)\s*(?:\w+\s+)?(?:factura|"
        r"presupuesto|oferta|reembolso|copia|confirmación|respuesta|descuento|cita|recibo|abono|"
        r"nota de crédito))\b",
    ],
    propose=[
        r"\b(?P<act>hablamos|nos vemos|quedamos|nos reunimos|reunámonos|hablemos|nos llamamos)\s+"
        r"(?:el|la|los|mañana|pasado|después|luego|esta|este|la próxima|el próximo|tras|antes)\b",
        r"\b(?:le|te|les|os)\s+(?P<act>vendrían?|vienen?|irían?|va|van)\s+bien\b",
        r"\bqué\s+(?:te|le|les|os)\s+parece(?:ría)?\s+(?P<act>(?:una?|el|la|si|que|quedar|vernos|hablar)\b)",
        r"\b(?:le|te|les|os)\s+(?P<act>convendrían?|convienen?|parece|parecería)\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:propongo|proponemos|sugiero|sugerimos)\s+(?:que|vernos|reunirnos|hablar|quedar|una|"
        r"un))\b",
        r"\b(?P<act>(?:tiene|tienes|tendría|tendrías|tienen|tendrían)\s+(?:\S+\s+)?(?:disponibilidad|tiempo|"
        r"un momento|un hueco))",
        r"\b(?:me|nos) gustaría\s+(?P<act>(?:organizar|concertar|programar|fijar|agendar|tener|mantener)\s+"
        r"(?:\S+\s+)?(?:reunión|llamada|cita|videollamada)|entrevistar\w*)",
        r"\b(?P<act>(?:te|le|os|les)\s+apetece(?:ría)?)\b",
        r"\b(?P<act>(?:quieres|quiere|queréis|quieren) que (?:me |te |le |os )?\w+)",
        r"^(?:¿\s*)?(?P<act>(?:hacemos|tenemos|montamos|organizamos)\s+(?:una|un)\s+(?:llamada|videollamada|"
        r"reunión|call|videoconferencia))\b(?=[^.!]*\?)",
        r"\b(?:podemos|podríamos)\s+(?P<act>(?:pasar|mover|cambiar|aplazar|adelantar|retrasar|posponer)\s+"
        r"(?:la|el|nuestra|nuestro)\s+\w+)(?=[^.!]*\?)",
    ],
)

# An infinitive, also with an object after it, whose r then goes ("acrescentá-lo", "fazê-la", "corrigi-los").
_PT_VERB = r"(?:\w+(?:ar|er|ir|or)(?:-me|-nos|-lhe|-lo|-la|-los|-las)?|\w+[áêiô]-(?:lo|la|los|las))"
_PT_THIRD = (
    r"(?:(?:vai|vão|irá|irão)\s+(?:\S+\s+)?(?:enviar|mandar|ligar|telefonar|responder|confirmar|contact[aá]|"
    r"contat[aá]|avisar|informar|dizer|"
    r"contatar|escrever|encaminhar|entrar em conta(?:c)?to|dar notícias)|(?:lhe|te|vos|lhes)\s+(?:enviará|"
    r"enviarão|mandará|mandarão|ligará|ligarão|telefonará|responderá|responderão|escreverá)|enviará|enviarão|"
    r"ligará|ligarão|entrará em conta(?:c)?to|entrarão em conta(?:c)?to)"
)
# "pode/podes" state what the reader may do ("pode ignorar esta mensagem"); a question asks it.
_PT_MAY = r"(?:pode|podem|podes|poderá|consegue|consegues|conseguem)(?=[^.!]*\?)"
PT = lexicon(
    r"qualquer (?:dúvida|questão|pergunta|esclarecimento)|(?:fico|ficamos|estou|estamos)\s+à\s+(?:sua\s+|"
    r"vossa\s+|"
    r"tua\s+|inteira\s+|total\s+)?disposição|não (?:hesite|hesitem|hesites)|se (?:tiver|tiverem|precisar|"
    r"precisarem) (?:de )?(?:alguma|quaisquer|mais|algo|ajuda)|\bdestinatário\b|"
    r"recebeu (?:esta|este) (?:mensagem|e-mail|email|correio) por (?:engano|erro)",
    commit=[
        r"\b(?:vou|vamos|irei|iremos)\s+(?:te\s+|lhe\s+)?(?P<act>enviar|mandar|ligar|telefonar|responder|"
        r"confirmar|"
        r"verificar|avisar|encaminhar|retornar|contactar|contatar|escrever)\w*",
        r"\b(?:te|lhe|vos|lhes)\s+(?P<act>envio|mando|ligo|aviso|escrevo|respondo|confirmo|enviarei|"
        r"enviaremos|"
        r"ligarei|avisarei)\b",
        r"\b(?P<act>envio-lhe|envio-te|ligo-te|ligo-lhe|mando-te|mando-lhe|aviso-te|faço-lhe chegar|"
        r"faço-te chegar|"
        r"farei chegar|enviarei|enviaremos|"
        r"ligarei|avisarei|responderei|entrarei em conta(?:c)?to|entraremos em conta(?:c)?to|retornarei)\b",
        # Someone on the author's side promises the reader ("a nossa assistência vai enviar-lhe ...").
        rf"\b(?P<who>(?:(?:o|a|os|as)\s+)?(?:nosso|nossa|nossos|nossas|meu|minha|meus|minhas)\s+"
        rf"(?:\S+\s+){{0,8}}?)(?P<act>{_PT_THIRD})",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?P<act>ser-(?:lhe|te|vos|lhes)-(?:á|ão)\s+\w+|(?:lhe|te|vos|lhes)\s+"
        r"(?:será|serão)\s+(?:enviad|remetid|entregu|encaminhad)\w*)",
        # What the reader will have ("tens na quinta-feira", "recebe amanhã").
        r"\b(?P<act>(?:tens|terás|terá|recebes|receberás|receberá|recebe)(?:-o|-a|-os|-as)?)\s+(?:\S+\s+)?"
        r"(?:amanhã|hoje|segunda|terça|quarta|quinta|sexta|sábado|domingo|próxima|esta semana|até)\b",
        r"\b(?P<act>espero por (?:si|ti|vocês|você)|esperamos por (?:si|ti|vocês|você)|(?:mostro|"
        r"mostrarei)-(?:lhe|te|vos))",
        r"\b(?:vou|vamos|irei|iremos)\s+(?P<act>(?:mantê-l[oa]s?|manter-(?:te|vos|lhe))\s+"
        r"(?:informad\w*|a par\b))",
        r"\b(?P<act>(?:volto|voltamos|voltarei|voltaremos)\s+a\s+(?:contactá-l[oa]s?|"
        r"contatá-l[oa]s?|contactar|"
        r"contatar|falar|escrever|ligar))\b",
        r"\b(?P<act>avis(?:o|amos))\s+(?:\S+\s+)?(?:assim que|logo que|quando|mal)\b",
        r"\b(?P<act>(?:digo|diremos|direi)-(?:lhe|te|vos)|dou-(?:lhe|te|vos) notícias)\b",
        r"\b(?P<act>(?:eu\s+)?trato disso|(?:nós\s+)?tratamos disso|vou ver isso|vamos ver isso|resolvo isso|"
        r"resolvemos isso|verifico isso)\b",
    ],
    ask=[
        r"\b(?:gostaria|gostaríamos|gostava|gostávamos|queria|queríamos)\s+(?:de\s+)?(?:saber|perguntar|"
        r"entender|"
        r"esclarecer)\s+(?P<act>\S+)",
        r"\b(?:poderia|poderiam|pode|podem|podes|podia|podias)\s+(?:\S+\s+)?(?:explicar|dizer|indicar|"
        r"informar|"
        r"esclarecer)(?:-me|-nos|-lhe)?\s+(?P<act>\S+)",
        r"\b(?P<act>(?:é|seria) possível)\b",
        r"\b(?P<act>como (?:posso|podemos|devo|devemos|faço|fazemos|se pode|se faz))\b",
        r"\b(?P<act>(?:o que|que)\s+(?:tenho|temos|devo|devemos|preciso|precisamos)\s+(?:de\s+|"
        r"que\s+)?fazer)\b",
        r"\b(?:sabes|sabe|sabem|saberia|saberias|saberiam)\s+(?:\S+\s+)?(?P<act>se|como|quando|onde|quem|"
        r"qual|"
        r"quanto)\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:que|quais|qual|quando)\b(?:\s+\S+){0,5}?)\s+(?:seria|seriam|é|são|fica|ficaria|dá|"
        r"daria)"
        r"\s+(?:mais\s+)?(?:conveniente|convenientes|melhor|melhores|jeito)\s+(?:para\s+)?(?:si|você|vocês|"
        r"ti|"
        r"vós|a sua|o seu|a tua|o teu|a vossa|o vosso)\b",
        r"\b(?P<act>(?:com quem|a quem|quem|onde)\s+(?:devo|devemos|posso|podemos|tenho de|temos de|"
        r"tenho que|"
        r"temos que)\s+\w+)",
        r"\b(?P<act>(?:tens|tem|têm|teria|teriam)\s+(?:alguma\s+)?ideia)\b",
        r"\b(?P<act>onde\s+(?:\S+\s+)?(?:posso|podemos|consigo|encontro))\b",
        r"\b(?P<act>(?:o que|que) (?:acha|achas|acham|pensa|pensas|pensam))\b",
        r"\b(?P<act>(?:que|qual|quais|quando)\b(?:\s+\S+){0,5}?)\s+(?:lhe|te|vos)\s+(?:dá|dão|daria|convém|"
        r"conviria|serve|servem|serviria)\b(?=[^.!]*\?)",
        r"^(?:e\s+)?(?P<act>(?:há|existem|tem)\s+(?:\S+\s+)?(?:novidades|notícias)\s+(?:sobre|"
        r"d[aoe]s?))\b(?=[^.!]*\?)",
        r"^(?P<act>posso|poderia|pode-se)\s+(?!ajudar|imaginar)\w+(?=[^.!]*\?)",
        r"\b(?P<act>(?:como|onde|o que)\s+\w+o)\b(?!\s+(?:está|estão|é|são|vai|vão|foi)\b)(?=[^.!]*\?)",
    ],
    request=[
        softened(r"por favor", words("obrigad\\w*", "olá", "ola", "sim", "não", "bom", "boa", "muito"),
                 verb=r"\w+(?:-(?:me|nos|lhe|lo|la|los|las))?", negation="não|nunca"),
        rf"\b(?:poderia|poderiam|podia|podias|conseguiria|conseguirias|conseguiriam|"
        rf"{_PT_MAY})\s+(?:por favor\s+|"
        rf"gentilmente\s+)?(?:me\s+|nos\s+)?(?P<act>{_PT_VERB})\b",
        r"\b(?:solicito|solicitamos|peço|pedimos|pedia|pediríamos|agradeço|agradecemos|agradecia|agradeceria|"
        r"agradeceríamos|agradecíamos)\s+(?:que|se)\s+(?:me\s+|nos\s+)?(?P<act>\S+)",
        r"\b(?:solicito|solicitamos)\s+(?P<act>o|a|os|as|um|uma)\b",
        r"\baguardo\s+(?P<act>(?:o\s+|a\s+)?(?:seu|sua|vosso|vossa|teu|tua)\s+(?:retorno|resposta|"
        r"confirmação|"
        r"feedback))",
        r"\bpor favor,?\s+(?!não\b)(?P<act>\w+)",
        r"\b(?P<act>(?:diga|digam|diz|avise|avisem|avisa|informe|informem|confirme|confirmem|confirma|envie|"
        r"enviem|envia|mande|mandem|manda|ligue|liguem|liga)-(?:me|nos))(?!\w)",
        r"\b(?:ficaria|ficaríamos|estaria|estaríamos)\s+(?:muito\s+)?(?:grat[oa]s?|agradecid[oa]s?|"
        r"reconhecid[oa]s?)\s+se\s+(?:\S+\s+)?(?P<act>\S+)",
        r"\b(?:estaria|estarias|estariam|está|estás|estão)\s+(?:\S+\s+)?(?:dispost[oa]s?|interessad[oa]s?)\s+"
        r"(?:a|em)\s+(?P<act>\w+)",
        r"\b(?:podemos|poderíamos|podíamos)\s+(?P<act>receber|ter|obter|contar com)\b(?=[^.!]*\?)",
        r"\b(?:importa-se|importas-te|importam-se|importava-se)\s+de\s+(?:me\s+|nos\s+)?(?P<act>\w+)",
        r"\b(?:esperava|esperávamos)\s+que\s+(?:me\s+|nos\s+)?(?:pudesse|pudesses|pudessem|podia|poderia)\s+"
        r"(?P<act>\w+)",
        r"\balguém\s+d[oa]\s+(?:vosso|seu|teu|vossa|sua|tua)\s+(?:lado|equipa|equipe|parte|"
        r"empresa)\s+(?:pode|"
        r"poderia)\s+(?P<act>\w+)",
        r"\b(?:já\s+)?(?:teve|tiveste|tiveram)\s+(?:oportunidade|tempo|"
        r"ocasião)\s+de\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"^(?:e\s+)?(?:já\s+)?(?P<act>conseguiu|conseguiste|conseguiram)\s+\w+(?=[^.!]*\?)",
        r"\b(?:(?:gostaria|gostaríamos)\s+de|(?:quero|queremos|queria|queríamos|pretendo|"
        r"pretendemos))\s+(?P<act>(?:devolver|cancelar|anular|trocar|mudar (?:de|para|o meu|a minha)|"
        r"encomendar|reservar|"
        r"renovar|prolongar|alterar (?:o meu|a minha|os meus|as minhas)|subscrever|comprar|substituir|"
        r"adiar|remarcar))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:(?:os|o|a|as)\s+)?(?:seus|seu|sua|suas|teus|teu|tua|tuas|uma|um)\s+(?:\w+\s+)?"
        r"(?:comentários|resposta|opinião|confirmação|ajuda|sugestões|feedback|parecer)\b)"
        r"(?=[^.?!]*\bseriam?\s+(?:\w+\s+){0,2}?(?:bem-vind[oa]s?|útil|úteis|apreciad[oa]s?|"
        r"de grande ajuda)\b)",
        r"\bagradec(?:ia|íamos|eria|eríamos)\s+(?:muito\s+)?(?P<act>(?:uma|um|a sua|o seu|os seus|as suas)\s+"
        r"(?:\w+\s+)?(?:resposta|comentários|confirmação|ajuda|opinião))\b",
        r"\b(?:preciso|precisamos|precisaria|precisaríamos|precisávamos|necessito|"
        r"necessitamos)\s+(?:de\s+|do\s+|da\s+|"
        r"dos\s+|das\s+|urgentemente\s+(?:de\s+)?)?(?P<act>\w)",
        r"\b(?P<act>(?:ajudava|ajudaria)-(?:me|nos))\s+(?:muito\s+)?\w+",
        r"\b(?:tenho|temos)\s+(?:de|que)\s+(?P<act>receber|ter)\b(?=[^.?!]*\b(?:até|antes)\b)",
        r"\b(?:ainda\s+(?:estamos|estou)\s+à\s+espera|continuamos\s+à\s+espera|"
        r"aguardamos\s+ainda)\s+(?:d[aoe]s?\s+)?"
        r"(?P<act>\w+)",
        r"\b(?:gostaria de receber|gostaríamos de receber|gostaria de|gostaríamos de|queria|"
        r"queríamos)\s+(?P<act>(?:um|uma|o|a|os|as|o seu|a sua)\s*(?:\w+\s+)?(?:fatura|orçamento|"
        r"proposta|reembolso|cópia|confirmação|resposta|desconto|recibo|nota de crédito))\b",
    ],
    propose=[
        r"\b(?P<act>(?:teria|terias|tem|tens|teriam)\s+(?:\S+\s+)?(?:disponibilidade|tempo))",
        # In the present, availability is asked ("Está disponível amanhã?"); stated, it is news ("a
        # versão 3.5 já está disponível").
        r"\b(?P<act>(?:estaria|estarias|estariam)\s+disponíve(?:l|is))",
        r"\b(?P<act>(?:está|estás|estão)\s+disponíve(?:l|is))(?=[^.!]*\?)",
        r"\b(?P<act>(?:podemos|poderíamos)\s+(?:marcar|agendar|combinar|conversar|falar))",
        # A meeting or an interview wished for with the reader's side ("Gostaríamos de entrevistar o
        # delegado", "gostaria de marcar uma reunião").
        r"\b(?:gostaria|gostaríamos)\s+de\s+(?P<act>(?:entrevistar|marcar|agendar|conversar com|falar com|"
        r"reunir-(?:me|nos) com)\b)",
        r"\b(?P<act>(?:proponho|propomos|sugiro|sugerimos)\s+(?:que|uma?|marcar\w*|reunir\w*|falar\w*))\b",
        r"\b(?P<act>que tal)\s+(?:uma?|na|no|às|amanhã|marcar\w*|falar\w*|combinar\w*|conversar\w*|nos)\b",
        r"\b(?P<act>apetece-(?:te|lhe|vos|lhes)|(?:te|lhe|vos) apetece)(?!\w)",
        r"\b(?P<act>(?:queres|quer|querem) que\s+\w+)",
        r"^(?P<act>(?:fazemos|marcamos|combinamos|agendamos)\b(?:\s+(?:uma|um)\s+(?:chamada|reunião|"
        r"videochamada|call|conversa))?)(?=[^.!]*\?)",
        r"\b(?:podemos|poderíamos)\s+(?P<act>(?:passar|mudar|adiar|antecipar|remarcar|"
        r"alterar)\s+\S+)(?=[^.!]*\?)",
        r"^(?:então,?\s+)?(?P<act>falamos)\s+(?:amanhã|depois|logo|em breve|mais tarde|"
        r"na próxima|para a semana|"
        r"na (?:segunda|terça|quarta|quinta|sexta))\b",
        r"\b(?P<act>(?:\S+\s+){1,4}?(?:dá|daria)-(?:lhe|te|vos)\s+jeito)(?=[^.!]*\?)",
        r"^(?P<act>vemo-nos)\b",
    ],
)
