"""Follow-up cues of French and Italian."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, softened, words

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
    r"rencontrer|parler|discuter|informerai|informerons|préviendrai|préviendrons|aviserai|aviserons|"
    # The same promises by "nous" ("nous vous ferons parvenir", "nous revenons vers vous").
    r"ferons parvenir|rappellerons|recontacterons|revenons|transmettrons|écrirons|appellerons|"
    r"confirmerons|vérifierons|regarderons|ferons signe|passerons)"
)
# What a colleague or department will do for the reader, in the third person future.
_FR_THIRD = words(
    "enverra", "enverront", "appellera", "appelleront", "rappellera", "rappelleront", "transmettra",
    "transmettront", "contactera", "contacteront", "recontactera", "recontacteront", "écrira", "écriront",
    "répondra", "répondront", "fera parvenir", "feront parvenir", "tiendra au courant",
    "tiendront au courant",
    "confirmera", "confirmeront", "adressera", "adresseront", "communiquera", "communiqueront", "expédiera",
    "expédieront", "fera signe", "feront signe", "préviendra", "préviendront", "avertira", "avertiront",
    "informera", "informeront",
)
FR = lexicon(
    r"n'hésitez pas|si vous avez (?:des|la moindre|d'autres|une) (?:questions?|remarques?)|"
    r"pour toute (?:question|information|demande)|\bdisposition\b|je reste disponible|"
    r"dans l'attente de|\bdestinataire\b|n'hésite pas|\bsi besoin\b|\bau besoin\b|si vous avez besoin|"
    r"si tu as besoin|reçu ce (?:message|courriel|e-mail|mail) par erreur",
    commit=[
        # Object pronouns may be elided onto the verb: "je t'envoie", "je l'appellerai".
        # "merci de nous indiquer": after "de" or "à", "nous" is the object, not who promises.
        # "il faudrait nous envoyer", "pourriez-vous nous dire": there "nous" is the object.
        rf"(?<!\bde )(?<!\bd')(?<!\bà )(?<!\bfaudrait )(?<!\bfaut )(?<!-vous )(?<!-tu )\b(?:je|nous|on)\s+"
        rf"(?!ne\b|n')(?:\S+\s+|[tlm]'){{0,3}}?"
        rf"(?P<act>{_FR_ACT})\b",
        rf"\bj'(?:\S+\s+){{0,2}}?(?P<act>{_FR_ACT})\b",
        # Someone on the author's side promises the reader ("notre service vous enverra ...").
        rf"\b(?P<who>(?:notre|nos|mon|ma|mes)\s+(?:\S+\s+){{0,8}}?)(?:(?:vous|te)\s+|t')(?:\S+\s+)?"
        rf"(?P<act>{_FR_THIRD})\b",
        rf"\b(?P<who>(?:notre|nos|mon|ma|mes)\s+(?:\S+\s+){{0,5}}?)(?P<act>(?:va|vont)\s+(?:vous|te|t')\s*"
        rf"{_FR_ACT})\b",
        r"\b(?P<who>(?:notre|nos|mon|ma|mes)\s+(?:\S+\s+){0,5}?)(?P<act>(?:reviendra|reviendront|"
        r"prendra contact|"
        r"prendront contact|se mettra en (?:contact|relation)|se mettront en (?:contact|"
        r"relation))\s+(?:\S+\s+)?"
        r"(?:vers|avec)\s+(?:vous|toi))\b",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?:vous|te)\s+(?P<act>(?:sera|seront)\s+(?:envoyée?s?|transmise?s?|"
        r"communiquée?s?|adressée?s?|expédiée?s?|livrée?s?|remise?s?))(?!\w)",
        # What the reader will have ("tu l'auras jeudi").
        r"\b(?P<who>tu|vous)\s+(?P<act>(?:l'|les\s+|le\s+|la\s+)(?:auras|aurez|recevras|recevrez))\b",
        r"\b(?:je|nous)\s+(?P<act>(?:vous|te|t')\s*(?:attendrai|attendrons|attends|attendons|ferai visiter|"
        r"ferons visiter|"
        r"montrerai|montrerons))\b",
        r"\b(?:je|nous)\s+(?P<act>(?:re)?prendr(?:ai|ons) contact)\b",
        r"\b(?P<act>je m'en (?:occupe|charge)|nous nous en (?:occupons|chargeons)|on s'en occupe|"
        r"je (?:regarde|règle|vérifie) "
        r"(?:ça|cela)|je vais (?:regarder|régler|vérifier) (?:ça|cela))\b",
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
        r"\b(?P<act>comment\s+(?:(?:le|la|les|y|en|me|nous|se)\s+|[ls]')?\w+(?:er|ir|re))\b(?=[^.!]*\?)",
        # A choice put to the reader ("quelles dates conviendraient à votre équipe ?").
        r"\b(?P<act>(?:quel\w*|quand)\b(?:\s+\S+){0,5}?)\s+(?:conviendrai\w*|convien\w*|irai\w*|"
        r"arrangerai\w*)"
        r"\s+(?:à\s+)?(?:vous|votre|vos|toi|ton|ta|tes)\b",
        rf"\b(?:sauriez|saurais|savez|sais)[- ](?:vous|tu)\s+(?P<act>{_FR_WH})\b",
        rf"\b(?:vous savez|tu sais)\s+(?P<act>{_FR_WH})\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:(?:à|avec|auprès de) )?qui (?:dois|devons|peux|pouvons|puis|faut)-(?:je|nous|il))\b",
        r"\b(?P<act>(?:avez|as|auriez|aurais)[- ](?:vous|tu)\s+(?:une |la moindre )?idée)\b",
        r"\b(?P<act>(?:est|serait)-il (?:envisageable|imaginable|faisable))\b",
        # Passive requests ("est-ce que cela peut être mis en place d'ici là ?").
        r"\b(?P<act>(?:cela|ça|ceci)\s+(?:peut|pourrait|pourra)\s+être\s+\w+)(?=[^.!]*\?)",
        r"\b(?P<act>(?:serait|est)-ce (?:possible|envisageable|faisable|imaginable))\b",
        r"\b(?P<act>(?:que\s+|qu'en\s+)(?:pensez-vous|penses-tu))",
        r"\b(?P<act>(?:quel|quelle|quels|quelles)\b(?:\s+\S+){0,5}?)\s+(?:vous|te|"
        r"t')\s*(?:convien(?:t|nent|drait|"
        r"draient)|arrange(?:nt|rait|raient)?|irai(?:t|ent))\b(?=[^.!]*\?)",
        r"^(?:et\s+)?(?P<act>(?:des|quelles) nouvelles (?:de|du|des|concernant|au sujet)|"
        r"du nouveau (?:pour|sur|"
        r"concernant))\b(?=[^.!]*\?)",
        r"\b(?P<act>puis-je|pourrais-je|peut-on|pourrait-on|"
        r"est-ce que je peux)\b(?![^.!?]*\b(?:(?:vous|t')\s*aider|imaginer|rêver)\b)(?=[^.!]*\?)",
    ],
    request=[
        # A softened imperative, the verb first ("Envoyez-moi s'il vous plaît le devis").
        softened(r"(?:s'il (?:vous|te) pla[iî]t|svp)",
                 words("merci", "bonjour", "bonsoir", "salut", "oui", "non"), negation="ne|n'|pas",
                 verb=r"\w+(?:-(?:moi|nous|le|la|les|lui|leur|en|y))*"),
        rf"\b(?:pourriez|pouvez|pourrais|peux|pourrez|voudriez|voulez)[- ](?:vous|tu)\b[^.?!]*?"
        rf"\b(?P<act>{_FR_ACT})\b",
        rf"\b(?:merci de|veuillez|je vous prie de|prière de)\s+(?!ne\b|"
        rf"n')(?:\S+\s+){{0,3}}?(?P<act>{_FR_ACT})\b",
        # A question in statement order ("tu peux le relire et me dire ... ?").
        r"\b(?:tu peux|tu pourrais|tu pourras|vous pouvez|vous pourriez|vous pourrez)\s+(?:\S+\s+|[lm]')?"
        r"(?P<act>\w+)(?=[^.!]*\?)",
        # Any infinitive after a polite request; "merci de votre ..." thanks, "veuillez trouver" points.
        r"\b(?:merci de|merci d'|veuillez|je vous prie de|prière de|"
        r"nous vous prions de)\s*(?:bien vouloir\s+)?"
        r"(?!(?:trouver|noter|agréer|recevoir|croire|excuser|nous excuser|m'excuser|accueillir|ne\b|votre|"
        r"vos|ton|ta|"
        r"tes|"
        r"la|le|les|l'|cette|ce|ces|pour|d'avance|beaucoup|tout|toute|avoir)\b)(?P<act>\w[\w']*)",
        r"\b(?:pourriez|pouvez|pourrais|peux|pourrez|voudriez|voulez)[- ](?:vous|"
        r"tu)\s+(?:s'il vous plaît\s+|svp\s+)?"
        r"(?P<act>\w[\w']*)(?=[^.!]*\?)",
        r"\b(?:seriez|serais|êtes|es)[- ](?:vous|tu)\s+(?:\S+\s+)?(?:d'accord|prête?s?|disposée?s?|"
        r"partante?s?|"
        r"intéressée?s?)\s+(?:pour|à|de|d')\s*(?P<act>\w+)",
        r"\b(?:je|nous)\s+vous\s+(?:remercie|remercions)\s+(?:par avance\s+|d'avance\s+)?de\s+bien vouloir\s+"
        r"(?P<act>\w+)",
        r"\b(?:je|nous)\s+vous\s+(?:serais|serions)\s+(?:très\s+)?reconnaissante?s?\s+(?:de|"
        r"d')\s*(?:bien vouloir\s+)?"
        r"(?P<act>\w+)",
        r"\b(?:je|nous)\s+(?:souhaiterais|souhaiterions|voudrais|voudrions|aimerais|aimerions)\s+(?:\S+\s+)?"
        r"(?:recevoir|obtenir|avoir)\s+(?P<act>\S+)",
        # "Il faudrait nous envoyer ...": what the author needs from the reader, impersonally.
        r"\bil (?:faudrait|faut)\s+(?:nous\s+|me\s+|m')(?P<act>\w+)",
        r"\b(?:cela|ça)\s+(?:vous|te)\s+(?:dérangerait|ennuierait)(?:-il)?\s+(?:de|d')\s*(?P<act>\w+)",
        # Imperatives with their pronoun ("envoie-moi", "dites-nous", "rappelez-moi").
        r"\b(?P<act>(?:envoie|envoyez|transmets|transmettez|dis|dites|appelle|appelez|confirme|confirmez|"
        r"rappelle|"
        r"rappelez|écris|écrivez|fais|faites|indique|indiquez|donne|donnez)-(?:moi|nous))\b",
        r"\b(?:je|nous)\s+(?:compte|comptons)\s+sur\s+(?:vous|toi)\s+pour\s+(?P<act>\w+)",
        r"\b(?:j'espérais|nous espérions|j'avais espéré|nous avions espéré)\s+que\s+(?:vous|"
        r"tu)\s+(?:pourriez|"
        r"pourrais|puissiez|puisses)\s+(?P<act>\w+)",
        r"\bquelqu'un\s+(?:de chez vous|de votre (?:côté|équipe|service|part)|"
        r"chez vous)\s+(?:peut-il|pourrait-il|"
        r"peut|pourrait)\s+(?P<act>\w+)",
        r"\b(?:avez|as)[- ](?:vous|tu)\s+(?:pu|eu le temps de|eu l'occasion de)\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:(?:je|nous)\s+(?:voudrais|voudrions|veux|voulons|souhaite|souhaitons|souhaiterais|"
        r"souhaiterions|aimerais|aimerions))\s+(?P<act>(?:retourner|renvoyer|résilier|annuler|"
        r"échanger|commander|réserver|renouveler|prolonger|changer (?:de|mon|ma|mes|notre|nos)|"
        r"modifier (?:mon|ma|mes|notre|nos)|passer|souscrire|"
        r"m'inscrire|me désinscrire|me désabonner|acheter|remplacer|déplacer|reporter))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:vos|votre|tes|ton|ta|un|une)\s+(?:\w+\s+)?(?:retours?|commentaires|"
        r"remarques|avis|réponse|"
        r"confirmation|aide|suggestions|"
        r"observations)\b)(?=[^.?!]*\bserai(?:en)?t\s+(?:\w+\s+){0,2}?(?:appréciée?s?|"
        r"utiles?|bienvenue?s?|précieu(?:x|se|ses)|d'une grande aide)\b)",
        r"\b(?:j'ai|nous avons|j'aurais|nous aurions)\s+besoin\s+(?:d'|de\s+|du\s+|des\s+)(?P<act>\w)",
        r"\bil (?:me|nous) (?:faudrait|faut)\s+(?P<act>\w)",
        r"\b(?:ça|cela) (?:m'|nous )(?:aiderait|aiderai|rendrait service)\s+(?:beaucoup\s+|"
        r"bien\s+)?(?P<act>d'|de|si)",
        r"\b(?:je|nous)\s+(?:dois|devons)\s+(?P<act>recevoir|obtenir|avoir)\b(?=[^.?!]*\b(?:avant|d'ici|"
        r"au plus tard)\b)",
        r"\b(?:j'attends|nous attendons|on attend)\s+(?:toujours|encore)\s+"
        r"(?P<act>(?:l'|le\b|la\b|les\b|un\b|une\b|votre\b|vos\b|des\b|du\b|d'|de\b)\S*)",
        r"\b(?:je voudrais|nous voudrions|j'aimerais|nous aimerions|je souhaiterais|"
        r"nous souhaiterions|je souhaite|nous souhaitons)\s+(?P<act>(?:un|une|le|la|les|l'|votre|"
        r"vos)\s*(?:\w+\s+)?(?:facture|devis|offre|remboursement|copie|confirmation|réponse|remise|"
        r"rendez-vous|reçu|avoir|attestation))\b",
    ],
    propose=[
        r"\bon\s+(?:se\s+|s')?(?P<act>voit|parle|rappelle|appelle|en parle|en discute)\b",
        r"\b(?P<act>(?:parlons|discutons)[- ]en|rencontrons-nous|appelons-nous|voyons-nous)\b",
        r"\b(?P<act>(?:seriez|êtes|serais|es)[- ](?:vous|tu) (?:\S+\s+)?disponibles?)\b",
        r"\b(?P<act>(?:auriez|avez|aurais|as)[- ](?:vous|tu)\s+(?:\S+\s+){0,2}?(?:temps|moment|créneau|"
        r"disponibilité)s?)\b",
        r"\b(?:je|nous)\s+vous\s+(?P<act>propose|proposons)\s+(?:de|un|une)\b",
        r"\b(?:je|nous)\s+(?:vous\s+|te\s+)?(?:propose|proposons|suggère|suggérons)\s+(?P<act>que|qu'|de|d')",
        r"\b(?P<act>que (?:diriez|dirais)[- ](?:vous|tu)|(?:ça|cela) (?:vous|te) (?:dirait|irait|tente|"
        r"tenterait))\b",
        r"\bon\s+(?:se\s+)?(?P<act>(?:fait|fixe|cale|programme)\s+(?:un|une)\s+(?:appel|point|réunion|visio|"
        r"rendez-vous|call|créneau))\b(?=[^.!]*\?)",
        r"^(?P<act>disons)\b[^.!]*\?",
        r"\b(?:pouvons|pourrions)-nous\s+(?P<act>(?:décaler|déplacer|reporter|avancer|repousser)\s+\S+)",
        r"\b(?:peut|pourrait)-on\s+(?P<act>(?:décaler|déplacer|reporter|avancer|repousser)\s+\S+)",
        r"\b(?P<act>faisons\s+(?:un|le)\s+point)\b",
        r"\b(?P<act>(?:\S+\s+){0,4}?(?:vous|te)\s+(?:conviendrait|conviendraient|convient|irait|arrangerait))"
        r"(?:-(?:il|elle|ils|elles))?\b(?=[^.!]*\?)",
    ],
)

_IT_WH = words("come", "quando", "dove", "se", "quale", "quali", "chi", "perché", "quanto", "quanti", "cosa")
_IT_MODAL = words("potrebbe", "potreste", "puoi", "può", "potresti", "potete", "riuscirebbe", "riusciresti")
_IT_THIRD = (
    r"(?:invierà|invieranno|manderà|manderanno|chiamerà|chiameranno|richiamerà|richiameranno|contatterà|"
    r"contatteranno|scriverà|scriveranno|risponderà|risponderanno|farà sapere|faranno sapere|girerà|"
    r"gireranno|"
    r"inoltrerà|inoltreranno|confermerà|confermeranno|spedirà|spediranno|farà avere|faranno avere|aggiornerà|"
    r"aggiorneranno|avviserà|avviseranno|informerà|informeranno)"
)
# "puoi/può/potete" state what the reader may do ("puoi seguire la spedizione"); a question asks it.
_IT_ASKS = r"(?:potrebbe|potreste|potresti|riuscirebbe|riusciresti|(?:puoi|può|potete)(?=[^.!]*\?))"
IT = lexicon(
    r"per (?:qualsiasi|qualunque|ogni|eventuali|ulteriori) (?:domand|dubbi|chiariment|informazion|"
    r"necessit)\w*|"
    r"(?:resto|rimango|restiamo|rimaniamo|sono|siamo) a (?:sua |vostra |tua )?(?:completa |"
    r"piena )?disposizione|"
    r"non (?:esiti|esitate|esitare|esitare) a|se (?:ha|hai|avete) bisogno|in caso di (?:domande|dubbi)|"
    r"\bdestinatario\b|\bse (?:ti|vi|le) serv(?:e|ono|isse) (?:altro|qualcosa|qualcos'altro)",
    commit=[
        r"\b(?:ti|vi|le|gli|la|lo)\s+(?P<act>mando|manderò|manderemo|invio|invierò|invieremo|chiamo|chiamerò|"
        r"richiamo|richiamerò|ricontatto|ricontatterò|ricontatteremo|scrivo|scriverò|faccio sapere|"
        r"farò sapere|faremo sapere|faccio avere|"
        r"farò avere|"
        r"faremo avere|aggiorno|aggiornerò|"
        r"contatto|contatterò|confermo|confermerò|giro|girerò|inoltro|inoltrerò|rispondo|risponderò|"
        r"terrò aggiornat[oaie]|terremo aggiornat[oaie]|"
        # The same by "we" in the present, as Italian promises ("vi ricontattiamo in settimana").
        r"mandiamo|richiamiamo|ricontattiamo|scriviamo|facciamo sapere|facciamo avere|aggiorniamo|"
        r"contattiamo|confermiamo|rispondiamo)\b",
        r"\b(?P<act>(?:mi|ci)\s+(?:faccio|faremo|farò)\s+(?:sentire|vivo|viva))\b",
        r"\b(?P<act>provvederò|provvederemo)\s+a\b",
        # Someone on the author's side promises the reader ("il nostro servizio assistenza le invierà ...").
        rf"\b(?P<who>(?:(?:il|la|i|le|lo)\s+)?(?:nostro|nostra|nostri|nostre|mio|mia|miei|mie)\s+"
        rf"(?:\S+\s+){{0,8}}?)(?:ti|vi|le|gli|la|lo|ci|ve lo|te lo|glielo|ce lo)\s+(?P<act>{_IT_THIRD})\b",
        r"\b(?P<who>(?:(?:il|la|i|le|lo)\s+)?(?:nostro|nostra|nostri|nostre|mio|mia|miei|"
        r"mie)\s+(?:\S+\s+){0,5}?)"
        r"(?P<act>si metter(?:à|anno) in contatto)\b",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?:le|vi|ti|gli)\s+(?P<act>(?:verrà|verranno|sarà|saranno)\s+(?:inviat|"
        r"spedit|"
        r"trasmess|mandat|inoltrat|consegnat)[oaie])\b",
        r"\b(?P<act>(?:ti|vi|la|lo)\s+(?:aspetto|aspettiamo|aspetterò|aspetteremo))\b",
        r"\b(?P<act>ci penso io|ci pensiamo noi|me ne occupo|ce ne occupiamo|ci do un'occhiata|(?:lo|"
        r"la) (?:sistemo|"
        r"sistemiamo|risolvo|risolviamo|controllo|controlliamo))\b",
    ],
    ask=[
        r"\b(?:vorrei|vorremmo|volevo|volevamo|desidero|desidererei|desideriamo)\s+(?:\S+\s+)?(?:sapere|"
        r"capire|"
        r"chiedere|chiedervi|chiederle|chiederti|conoscere)\s+(?P<act>\S+)",
        rf"\b{_IT_MODAL}\s+(?:\S+\s+)?(?:spiegar|dir|indicar|chiarir|comunicar|illustrar)\w*\s+(?P<act>\S+)",
        r"\b(?P<act>(?:è|sarebbe) possibile)\b",
        r"\b(?P<act>come (?:posso|possiamo|devo|dobbiamo|si può|si fa|faccio|facciamo))\b",
        r"\b(?P<act>(?:quali|quale|quando|che)\b(?:\s+\S+){0,5}?)\s+(?:andrebbe|andrebbero|va|vanno)\s+bene\b"
        r"(?=[^.!]*\?)",
        r"\b(?P<act>(?:cosa|che cosa|che)\s+(?:devo|dobbiamo|posso|possiamo|bisogna)\s+fare)\b",
        r"\b(?:sai|sa|sapete|sapresti|saprebbe|sapreste)\s+(?:per caso\s+|dirmi\s+|dirci\s+)?"
        r"(?P<act>se|come|quando|dove|chi|quale|quanto|cosa)\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:a chi|con chi|da chi|chi|dove)\s+(?:devo|dobbiamo|posso|possiamo|bisogna|conviene))\b"
        r"(?=[^.!]*\?)",
        r"\b(?P<act>(?:hai|ha|avete|avresti|avreste)\s+(?:qualche |un')?idea)\b",
        r"\b(?P<act>si (?:potrebbe|può|potrà)\s+\w+)\b(?=[^.!]*\?)",
        r"\b(?P<act>cosa ne (?:pensi|pensa|pensate|dici|dite))\b",
        r"\b(?P<act>(?:quale|quali|quando|che)\b(?:\s+\S+){0,5}?)\s+(?:le|ti|vi)\s+(?:va(?:nno)?|"
        r"andrebbe(?:ro)?|"
        r"conviene|convengono|converrebbe|sta(?:nno)? bene|starebbe(?:ro)? bene)\b(?=[^.!]*\?)",
        r"\b(?P<act>quando\s+(?:possiamo|posso)\s+(?:aspettarci|aspettarmi|contare su))\b",
        r"^(?:e\s+)?(?P<act>(?:ci sono\s+)?(?:novità|notizie|aggiornamenti)\s+(?:su|sul|sulla|sui|"
        r"sulle|per|riguardo))"
        r"\b(?=[^.!]*\?)",
        r"\b(?P<act>posso|potrei|si può)\s+(?!aiutar|immaginar)\w+(?=[^.!]*\?)",
        r"\b(?P<act>(?:come|dove|cosa|che cosa)\s+(?!(?:sono|ho|stanno|vanno|fanno|hanno|"
        r"siamo)\b)\w+o)\b(?!\s+(?:è|sono|sta|stanno|va|vanno)\b)(?=[^.!]*\?)",
    ],
    request=[
        # A softened imperative, the verb first ("Prepara per favore un'analisi").
        softened(r"(?:per favore|per cortesia|per piacere|cortesemente|gentilmente)",
                 words("grazie", "ciao", "buongiorno", "buonasera", "sì", "si", "no", "molto"),
                 negation="non|mai"),
        rf"\b{_IT_ASKS}\s+(?:gentilmente\s+|per favore\s+|cortesemente\s+|anche\s+)?(?P<act>\w+(?:are|ere|"
        rf"ire|"
        rf"(?:ar|er|ir)(?:ci|mi|ti|vi|gli|le|lo|la|li|ne|[mtcv]e(?:lo|la|li|le|ne)|glie(?:lo|la|li|le|ne))))\b",
        r"\b(?:gradirei|gradiremmo|apprezzerei|apprezzeremmo)\s+(?P<act>\S+)",
        # "La preghiamo di ...": the formal "you" (Lei) as an object too.
        r"\b(?:vi|ti|le|la)\s+(?:chiedo|chiediamo|prego|preghiamo)\s+(?:gentilmente\s+|"
        r"cortesemente\s+)?(?:di\s+)?"
        r"(?P<act>\S+)",
        r"\b(?:per favore|per piacere|per cortesia|si prega di)\s*,?\s+(?!non\b)(?P<act>\w+)",
        r"\b(?P<act>(?:fammi|fatemi|fateci|facci|fammelo|fatecelo|mi faccia|ci faccia|mi fate|ci fate|mi fai|"
        r"ci fai) sapere|mandami|mandateci|mandaci|inviami|inviateci|inviaci|chiamami|chiamateci|confermami|"
        r"confermateci|scrivimi|scriveteci)(?!\w)",
        r"\b(?:riesci|riesce|riuscite|riusciresti|riuscirebbe|riuscireste)\s+a\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:sarebbe|sareste|saresti|è|sei|siete)\s+(?:\S+\s+)?(?:dispost[oaie]|interessat[oaie])\s+(?:a|"
        r"ad)\s+"
        r"(?P<act>\w+)",
        r"\b(?:le|vi|ti|gli)\s+(?:sarei|saremmo)\s+(?:molto\s+|davvero\s+|estremamente\s+)?grat[oiae]\s+se\s+"
        r"(?:\S+\s+)?(?P<act>\S+)",
        r"\b(?:ti|vi|le|gli)\s+dispiacerebbe\s+(?P<act>\w+)",
        r"\b(?P<act>dimmi|ditemi|dicci|diteci|mi dica|ci dica)(?!\w)",
        r"\b(?:speravo|speravamo)\s+che\s+(?:lei\s+|tu\s+)?(?:mi\s+|ci\s+)?(?:potesse|potessi|"
        r"poteste|potrebbe|"
        r"potresti)\s+(?P<act>\w+)",
        r"\bqualcuno\s+(?:da parte vostra|da parte sua|del vostro (?:team|ufficio)|"
        r"della vostra (?:squadra|azienda))"
        r"\s+(?:può|potrebbe)\s+(?P<act>\w+)",
        r"\b(?:hai|avete|ha)\s+(?:avuto modo|avuto tempo|avuto occasione)\s+di\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:è|sei|siete)\s+riuscit[oaie]\s+a\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:(?:vorrei|vorremmo|voglio|vogliamo|desidero|desideriamo|"
        r"desidererei))\s+(?P<act>(?:restituire|rendere|disdire|annullare|cancellare|"
        r"cambiare (?:il mio|la mia|i miei|le mie|il nostro|la nostra)|passare|"
        r"ordinare|prenotare|rinnovare|prolungare|sostituire|acquistare|comprare|modificare (?:il mio|"
        r"la mia|i miei|le mie|il nostro|la nostra)|spostare|"
        r"rinviare|iscrivermi|disiscrivermi))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:(?:il|la|i|le|un|una)\s+)?(?:vostr[oaie]|tuoi|tuo|tua|tue|suo|sua|suoi|"
        r"sue|un|una)\s+(?:\w+\s+)?"
        r"(?:riscontro|risposta|commenti|osservazioni|parere|conferma|aiuto|feedback|suggerimenti)\b)"
        r"(?=[^.?!]*\bsarebbe(?:ro)?\s+(?:\w+\s+){0,2}?(?:gradit[oaie]|utili?|apprezzat[oaie]|benvenut[oaie]|"
        r"di grande aiuto)\b)",
        r"\bgradiremmo\s+(?:molto\s+)?(?P<act>(?:un|una|il|la|i|le|vostro|vostra|suo|sua)\s+(?:\w+\s+){0,2}?"
        r"(?:riscontro|risposta|commenti|conferma|parere|aiuto))\b",
        r"\b(?:mi|ci)\s+(?:servirebbe|servirebbero|serve|servono)\s+(?P<act>\w)",
        r"\b(?:ho|abbiamo|avrei|avremmo)\s+(?:urgente\s+)?bisogno\s+(?:di|del|della|dei|delle|"
        r"d')\s*(?P<act>\w)",
        r"\b(?:mi|ci) (?:sarebbe|sarà|è) (?:molto |davvero )?(?:utile|d'aiuto)\s+(?P<act>\w+)",
        r"\b(?:devo|dobbiamo)\s+(?P<act>ricevere|avere)\b(?=[^.?!]*\b(?:entro|prima)\b)",
        r"\b(?:stiamo|sto)\s+ancora\s+aspettando\s+(?P<act>\S+)",
        r"\b(?:aspettiamo|aspetto)\s+ancora\s+(?P<act>\S+)",
        r"\b(?:vorrei|vorremmo|gradirei|gradiremmo|avrei bisogno di|"
        r"avremmo bisogno di)\s+(?P<act>(?:un|una|uno|un'|il|la|lo|i|le|gli|"
        r"l')\s*(?:\w+\s+)?(?:fattura|preventivo|offerta|rimborso|copia|conferma|chiarimento|risposta|"
        r"sconto|appuntamento|ricevuta|nota di credito))\b",
    ],
    propose=[
        # In the present, availability is asked ("è disponibile domani?"); stated, it is news ("è
        # disponibile la versione 6.0").
        r"\b(?P<act>(?:sarebbe|sareste|saresti)\s+disponibil[ei])\b",
        r"\b(?P<act>(?:sei|è|siete)\s+disponibil[ei])\b(?=[^.!]*\?)",
        r"\b(?:hai|ha|avete|avrebbe|avresti|avreste)\s+(?P<act>(?:\S+\s+)?tempo)\b",
        r"\b(?P<act>ci sentiamo|ci vediamo|sentiamoci|vediamoci|fissiamo|organizziamo)\b",
        r"\b(?P<act>(?:propongo|proponiamo|suggerisco|suggeriamo)\s+(?:di|che|un|una))\b",
        r"\b(?P<act>che ne (?:dici|dice|dite|direbbe|direste|diresti|pensi|pensa|pensate)|(?:ti|vi|le)\s+"
        r"(?:andrebbe|andrebbero|va|vanno|starebbe|sta)\s+bene)\b",
        r"\b(?:ti|vi|le)\s+(?:va|andrebbe)\s+(?P<act>(?:di\s+)?(?:un|una|uno|un'|\w+are|\w+ere|"
        r"\w+ire)\b)(?=[^.!]*\?)",
        r"\b(?P<act>(?:vuoi|vuole|volete) che\s+\w+)",
        r"^(?P<act>(?:facciamo|organizziamo|fissiamo)\s+(?:una|un)\s+(?:chiamata|telefonata|riunione|call|"
        r"videochiamata|incontro))\b(?=[^.!]*\?)",
        r"\b(?:possiamo|potremmo)\s+(?P<act>(?:spostare|rimandare|anticipare|posticipare)\s+\S+)(?=[^.!]*\?)",
    ],
)
