"""Follow-up cues of English and German."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, softened, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_EN_ACT = (
    r"(?:get back|come back|circle back|revert|follow up|call|ring|phone|ping|"
    r"give (?:you|me|us) a (?:call|ring)|"
    r"send|resend|re-send|forward|e-?mail|fax|update|"
    r"keep (?:you|me|us) (?:posted|updated|informed|in the loop|apprised)|"
    r"let (?:you|me|us|\w+) know|reach out|be in touch|get in touch|touch base|check in|check|"
    r"review|look into|(?:have|take) a (?:quick )?look|reply|respond|write|meet|see you|talk|speak|"
    r"discuss|confirm|share|"
    r"schedule|set up|arrange|book|return|advise|contact|rsvp|drop (?:you|me|us) a (?:line|note)|"
    r"catch up|mark (?:your|the) calendars?|be waiting for you|wait for you|expect you|show you (?:around|"
    r"round)|"
    r"take you (?:through|around|round)|pick you up)"
)
_EN_NOUN = (
    r"(?:report|copy|list|update|quote|quotation|offer|proposal|invoice|draft|file|document|data|"
    r"numbers|figures|contract|agreement|schedule|calend[ae]r|address|details|information|info|status|"
    r"estimate|prices?|answer|response|feedback|confirmation|summary|presentation|slides|"
    r"spreadsheet|statement|breakdown|samples?)s?"
)
_TIME_EN = (
    r"(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|"
    r"this (?:week|afternoon|evening|morning)|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)"
)
_NOT = r"(?!(?:\w+\s+){0,2}?(?:not|never)\b)"
# Up to n words between a cue and its verb, none an article or possessive: after one of those
# the "verb" is a noun ("please use the Reply feature").
# A negation in the gap turns it around ("please do not reply").
_GAP = r"(?:(?!(?:the|a|an|your|my|our|his|her|their|this|that|not|never)\b)\w+\s+)"
_WH = words("how", "what", "when", "where", "whether", "if", "which", "who", "why")
# After "please": verbs that point at something rather than ask for an action.
_PLEASE_NOT = words("note", "find", "see", "ignore", "disregard", "accept", "excuse", "forgive", "read",
                    "enjoy", "understand", "do not", "don't", "visit", "click", "refer", "use", "be (?!sure)",
                    "contact", "call", "let", "feel", "also note", "kindly note", "not", "go", "join",
                    "make sure", "ensure", "remember", "keep in mind", "consider", "print", "save", "welcome",
                    "congratulate")

EN = lexicon(
    r"\b(?:if|should|in case|when(?:ever)?)\s+(?:you|there|anyone|any)\b[^.?!]{0,40}?\b(?:questions?|"
    r"concerns?|comments?|problems?|issues?|assistance|help|clarification|anything|further)\b|"
    r"\bif you need\b|\b(?:do not|don't|dont) hesitate\b|\bfeel free\b|"
    r"\bwith (?:any )?(?:questions|concerns|comments)\b|\bany ?time\b|\bintended recipient\b|"
    r"\bin error\b|\bconfidential\b|\bprivileged\b|"
    r"\b(?:i|we) can (?:confirm|see|tell)\b|^for (?:more |further |additional )?(?:information|details)\b",
    commit=[
        rf"(?<!\bso )(?<!\bthat )\b(?:i|we)(?:'ll| will| shall|'m going to| am going to|'re going to|"
        rf" are going to| plan to|"
        rf" intend to| promise to| can| could|'d like to| would like to| hope to| need to| must| should)"
        rf"\s+{_NOT}(?:\w+\s+){{0,2}}?(?P<act>{_EN_ACT})\b",
        rf"(?:^|(?<=\band\s)|(?<=\bbut\s)|(?<=\bso\s)|(?<=\bthen\s))(?:will|shall)\s+(?!you\b){_GAP}?"
        rf"(?P<act>{_EN_ACT})\b",
        rf"\bwould you like (?:me|us) to\s+(?P<act>{_EN_ACT})\b",
        r"\blet (?:me|us)\s+(?P<act>check|look into|confirm|find out|verify|review|ask|follow up)\b",
        r"\b(?:i|we)(?:'ll| will) (?P<act>(?:have|get) (?:\w+\s+){1,4}?to you)\b",
        r"^(?:(?:ok|okay|sure|yes|fine),?\s+)?(?P<act>will do)\b",
        r"\b(?:happy|glad|delighted|pleased) to\s+(?:\w+\s+)?(?P<act>meet|talk|discuss|call|send|see you|"
        r"jump on a call|hop on a call|"
        r"have (?:some |a )?(?:discussions?|chat|call|meeting|breakfast|lunch|dinner|coffee))\b",
        # Someone on the author's side promises the reader ("our service team will send you ...").
        rf"\b(?P<who>(?:our|my)\s+(?:\w+\s+){{0,5}}?)(?:will|'ll|shall|is going to|are going to)\s+{_NOT}"
        rf"(?:\w+\s+){{0,2}}?(?P<act>{_EN_ACT})\b(?=[^.!?]*\byou)",
        rf"\b(?P<who>(?:our|my)\s+(?:\w+\s+){{0,5}}?)(?:will|'ll|shall)\s+{_NOT}(?:\w+\s+)?"
        rf"(?P<act>be in touch|get in touch|reach out|follow up)\b",
        r"\b(?P<who>you(?:'ll| will) (?P<act>hear (?:back )?from (?:us|me|our|my)))\b",
        # The passive of a promise ("the final figures will be sent to you on Friday").
        r"^(?P<who>(?:\S+\s+){0,8}?)(?:will|shall|'ll)\s+be\s+(?P<act>sent|forwarded|e-?mailed|delivered|"
        r"shipped|"
        r"mailed|provided|returned|passed on)\s+to\s+you\b",
        # "I'll put a summary together and have it in your inbox": a delivery promised to the reader.
        r"\b(?:i|we)(?:'ll| will| shall)\b[^.?!]*?\b(?P<act>(?:have|get)\s+(?:it|them|this)\s+(?:in your|"
        r"to you|"
        r"over to you|with you|in front of you))\b",
        rf"\b(?P<who>you(?:'ll| will| should))\s+(?P<act>(?:have|get|receive)\s+(?:it|them|"
        rf"this))\b[^.?!]*\b{_TIME_EN}",
        # "I've passed it to our accounts team; they will contact you": the author arranged it.
        rf"\b(?:our|my)\b[^.?!]*?\b(?P<who>they|he|she|who)\s+(?:will|'ll|shall)\s+{_NOT}(?:\w+\s+){{0,2}}?"
        rf"(?P<act>{_EN_ACT})\b(?=[^.!?]*\byou)",
        rf"\b(?:i|we)(?:'ll| will| shall)\s+{_NOT}\w+[^.?!]*?\band\s+(?P<act>{_EN_ACT})\b",
        r"\b(?:i|we)(?:'ll| will)\s+(?P<act>(?:take care of|sort out|handle|deal with|"
        r"look after) (?:it|that|this|them)|"
        r"sort (?:it|that|this|them) out)\b",
        r"^(?:(?:ok|okay|sure|fine),?\s+)?(?P<act>leave it with me|i'm on it|we're on it|consider it done)\b",
        r"\b(?:i|we)(?:'ll| will)\s+(?P<act>have (?:it|that|this|them) (?:fixed|done|ready|sorted|sent))\b",
    ],
    ask=[
        rf"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?(?:tell|explain(?: to)?|show|"
        rf"advise|let|inform|remind)\s+(?:me|us)(?:\s+know)?,?\s+(?P<act>{_WH})\b",
        rf"\b(?:i|we)(?:'d| would)?\s+(?:like|love|want|wish|need)\s+to\s+(?:know|find out|understand|learn|"
        rf"ask(?: you)?|check)\s+(?P<act>{_WH})\b",
        rf"\b(?:i|we)(?:'m| am|'re| are| was| were)\s+wondering\s+(?P<act>{_WH})\b",
        rf"^(?:(?:and|so|also|but)\s+)?(?:please\s+)?(?:advise|tell (?:me|us)|confirm)\s+(?P<act>{_WH})\b",
        r"^(?:(?:and|so|also|but)\s+)?(?P<act>any (?:update|news|feedback|thoughts|progress|comments|"
        r"ideas?)s?)\b",
        r"\b(?P<act>(?:is|would) it (?:be )?possible)\b[^.!]*\?",
        r"\b(?P<act>(?:what|which|how|who)\b(?:\s+\S+){0,8}?\s+(?:do|would|can|could|should) you (?:suggest|"
        r"recommend|propose|advise))\b",
        r"\b(?P<act>(?:how|where|when|what) (?:do|can|could|should|shall) (?:i|we))\b[^.!]*\?",
        rf"\b(?:do|does|would) (?:you|anyone|anybody) (?:happen to |by any chance )?(?:know|have any idea),? "
        rf"(?P<act>{_WH})\b",
        # A choice put to the reader ("which dates in April would suit your team?").
        r"\b(?P<act>(?:which|what|when)\b(?:\s+\S+){0,6}?\s+(?:would|will|does|do|might)\s+(?:\S+\s+){0,2}?"
        r"(?:suit|work for|be (?:convenient|best|good) for|fit))\s+(?:you|your)\b",
        # Who or where to turn to, a help request ("who should we talk to about that?").
        r"\b(?P<act>(?:who|whom|which \w+)\s+(?:should|shall|must|do|can|could|would)\s+(?:i|we))\b[^.!]*\?",
        # Passive requests, titled as the question ("Answer: can this be set up before then").
        r"\b(?P<act>(?:can|could|would)\s+(?:this|that|it|these|those)\s+be\s+(?:\w+ed|\w+en|set|done|sent|"
        r"put|"
        r"made|paid|fixed|shown|sorted|built))\b(?=[^.!]*\?)",
        r"\b(?P<act>what do you think (?:about|of)|what are your thoughts|how do you feel about)\b",
        r"\b(?P<act>(?:can|could|may)\s+i)\s+(?!(?:help|say|ask|add|suggest|remind|just|also|be|"
        r"see)\b)[a-z]\w+(?=[^.!]*\?)",
    ],
    request=[
        rf"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+|also\s+|just\s+)?"
        rf"(?P<act>{_EN_ACT})\b",
        rf"\bwould you be (?:willing|able|available|free) to\s+(?P<act>{_EN_ACT})\b",
        # Any verb after an invitation to the reader ("would you be able to present the case?").
        r"\b(?:would|are) you (?:be )?(?:willing|able|available|free|happy|prepared|interested in|up for)\s+"
        r"(?:to\s+)?(?P<act>[a-z]\w+)",
        # Any gerund after it ("would you mind taking a look at the log?").
        r"\b(?:would|do) you mind\s+(?P<act>[a-z]+ing)\b",
        rf"\b(?:please|pls|plz|kindly)\s+{_GAP}{{0,3}}?(?P<act>{_EN_ACT})\b",
        r"\byou (?:can|could) (?:also |just )?(?P<act>send|forward|e-?mail|fax)\b",
        r"^(?:(?:and|also|so|then|ok|okay)\s+)?(?P<act>send (?:me|us)|call me|call us|give me a call|"
        r"let (?:me|us) know|get back to (?:me|us)|e-?mail me|ring me|remind me|confirm|"
        r"drop (?:me|us) a (?:line|note))\b",
        rf"\b(?:can|could) (?:we|i) (?P<act>(?:get|have|receive|see) (?:a|an|the|your|some|those|these|"
        rf"that|this)\s+(?:\w+\s+){{0,2}}?{_EN_NOUN})\b",
        rf"\bi (?:need|would like|'d like|want) (?:to (?:get|have|receive|see) )?"
        rf"(?P<act>(?:the|your|a|an|some|all|more)\s+(?:\w+\s+){{0,2}}?{_EN_NOUN})\b",
        r"\bhope (?:that )?you (?:can|will|could) (?P<act>join|make it|attend)\b",
        # Any verb after a polite modal addressed to the reader ("could you release the deposit?").
        r"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+|also\s+|just\s+)?"
        r"(?!(?:believe|imagine|guess|be|have|like|mind)\b)(?P<act>[a-z]\w+)",
        r"\b(?:if|whether|that)\s+you\s+(?:could|can|would)\s+(?:please\s+|"
        r"kindly\s+)?(?!be\b)(?P<act>[a-z]\w+)",
        rf"\b(?:please|pls|plz|kindly)\s+(?:do\s+)?(?!{_PLEASE_NOT}\b)(?P<act>[a-z]\w+)",
        r"\b(?:i|we)(?:'d| would| will)\s+(?:really\s+|greatly\s+)?appreciate\s+(?P<act>(?:your|a|an|any|"
        r"some)\s+"
        r"(?:\w+\s+)?(?:feedback|help|reply|response|input|answer|assistance|comments|thoughts|"
        r"confirmation))\b",
        r"\b(?:look|looking) forward to (?P<act>(?:your|receiving your)\s+(?:\w+\s+)?(?:feedback|comments|"
        r"thoughts|input|suggestions))\b",
        r"\bhave you (?:had (?:a|the) chance|had time|been able|managed) to (?P<act>\w+)",
        r"\b(?:can|could) (?:we|i) (?P<act>(?:get|have) (?:\S+\s+){1,4}?(?:fixed|done|sorted|resolved|"
        r"changed|"
        r"corrected|updated|approved|signed|checked|sent|reviewed))\b",
        r"\b(?:can|could|may) (?:i|we) (?:please\s+)?(?P<act>borrow|have|get|ask you)\b",
        # Impersonal and conditional wishes ("it would be great if a corrected invoice could be issued").
        r"\bit(?: would|'d) be (?:great|good|helpful|nice|wonderful|ideal|appreciated|useful|perfect)\s+if\s+"
        r"(?P<act>\S+)",
        r"\b(?:i|we)(?:'d| would) be (?:very |most |really )?(?:grateful|thankful|"
        r"obliged)\s+if\s+(?P<act>\S+)",
        r"\b(?:is there )?(?P<act>any chance (?:of|that|you could))\b",
        # An imperative softened at its end ("Send me the file, please.").
        r"^(?P<act>[a-z]\w+)\b[^.?!]*,\s*please\s*[.!]?$",
        # An imperative after a fronted clause ("When you have a moment, send me the figures.").
        r",\s*(?:then\s+|please\s+)?(?P<act>send (?:me|us)|call me|call us|let (?:me|us) know|"
        r"get back to (?:me|us)|"
        r"e-?mail me|confirm|forward (?:me|us))\b",
        r"^(?:(?:and|also|so|then)\s+)?(?P<act>send (?:over|across))\b",
        r"\b(?:can|could|would)\s+(?:someone|somebody|anyone|anybody)\s+(?:from|on|in|at|"
        r"of)\s+(?:your|you)\s+"
        r"(?:side|team|end|company|office|department|staff)\s+(?:please\s+)?(?P<act>[a-z]\w+)(?=[^.!]*\?)",
        r"\b(?:did|have)\s+you\s+(?:get|had|have)\s+(?:a|the)\s+chance\s+to\s+(?P<act>\w+)",
        r"\bwere you able to\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:(?:i|we)(?:'d| would)?\s+(?:like|want|wish)\s+to)\s+(?P<act>(?:return|cancel|upgrade|"
        r"downgrade|change (?:my|our)|exchange|order|book|reserve|renew|extend|terminate|switch (?:my|"
        r"our|to)|transfer (?:my|our)|"
        r"reschedule|postpone|register|sign up|unsubscribe|replace|buy|purchase|modify (?:my|our)))\b",
    ],
    need=[
        r"\b(?:i|we)(?:'d| would)?\s+(?:urgently\s+|really\s+|still\s+)?need\s+"
        r"(?P<act>(?:(?:your|some|urgent|"
        r"immediate|more)\s+)?(?:help|assistance|support|advice|input|feedback|answer|reply|confirmation|"
        r"someone|somebody|you to)|(?:the|your)\s+\w+)",
        r"\b(?:i|we)(?:'d| would| will| shall)\s+(?:also\s+|still\s+|first\s+)?need\s+(?P<act>(?:an?|the|"
        r"your|some)\s+\w+)",
        # "It would help me a lot to have your slides by Wednesday."
        r"\bit (?:would|'d|will) help (?:me|us)\b(?:\s+\w+){0,3}?\s+(?P<act>(?:to (?:have|get|see|receive)|"
        r"if you)\b)",
        r"\b(?:i|we)\s+(?:have to|must|need to)\s+(?P<act>(?:receive|get|have)\b)"
        r"(?=[^.?!]*\b(?:by|before|until|no later than|at the latest)\b)",
        # The reader's answer wished for impersonally ("your comments on the draft would be appreciated").
        r"\b(?P<act>(?:your|a (?:quick|short|prompt))\s+(?:\w+\s+){0,2}?(?:comments|feedback|thoughts|"
        r"input|help|reply|response|answer|confirmation|suggestions|review|opinion)\b)"
        r"(?=[^.?!]*\bwould be (?:much |greatly |very much |most |really )?(?:appreciated|welcome|helpful))",
        r"\b(?:i|we)(?:'m|'re| am| are)\s+still\s+waiting\s+(?:for|on)\s+(?P<act>\S+)",
        r"\bit(?: would|'d) be (?:great|good|helpful|nice|ideal|useful)\s+to\s+(?:get|have|receive|see)\s+"
        r"(?P<act>(?:your|the|a|an)\s+\w+)",
    ],
    propose=[
        r"\blet'?s\s+(?:\w+\s+)?(?P<act>talk|meet|catch up|discuss|speak|schedule|set up|get together|"
        r"have (?:a|another) (?:call|chat|meeting|talk)|chat|connect|touch base|find a time|sync)\b",
        r"\b(?:can|could|shall|should) we\s+(?:\w+\s+)?(?P<act>meet|talk|schedule|set up|arrange|"
        r"have a (?:call|chat|meeting)|catch up|discuss|speak|chat|get together|find a time)\b",
        r"\b(?:need|want|would like|'d like) to (?P<act>(?:schedule|set up|arrange|book|organi[sz]e) "
        r"(?:\w+\s+){0,3}?(?:meeting|call|interview|appointment|visit|session|demo|presentation))\b",
        r"\b(?:best|good|convenient) time to (?P<act>meet|talk|call|speak)\b",
        # "I suggest we meet ...": a proposal; "I suggest you ..." only with a verb of follow-up (advice to
        # go ahead alone leaves the reader nothing to do for the author).
        rf"\b(?:i|we)(?:'d| would)?\s+(?:like to\s+)?(?:suggest|propose)\s+(?:that\s+)?"
        rf"(?P<act>(?:we|to|a|an|meeting|calling|having)\b|you\s+(?:\w+\s+)?{_EN_ACT}\b)",
        r"\bare you (?:free|available|around) (?P<act>(?:for|to) (?:a |an )?(?:call|meeting|chat|talk|meet|"
        r"catch up|coffee|lunch))\b",
        rf"\b(?P<act>(?:talk|speak) (?:to|with) you) (?:on|at|{_TIME_EN})",
        rf"\b(?P<act>see you) (?:(?:on|at|in|next|this)\s+)?{_TIME_EN}",
        rf"\b(?:how|what) about (?P<act>(?:on )?{_TIME_EN}\w*)",
        r"\b(?:how|what) about (?P<act>(?:a|an|we|meeting|calling|talking|having|lunch|coffee|dinner)\b)"
        r"(?=[^.!?]*\?)",
        r"\b(?:would|does|will|could)\s+(?P<act>(?:\S+\s+){0,6}?work)\s+for you\b",
        r"\bhow does (?P<act>(?:\S+\s+){1,5}?(?:look|sound))\b",
        r"\b(?P<act>(?:are|would|will) you (?:be )?(?:free|available|around))\b",
        r"\bdo you have (?:some |any )?(?P<act>time)\b",
        r"\b(?:i|we)(?:'d| would) (?:like|love) to (?P<act>(?:meet|talk|discuss|call|schedule|set up|arrange|"
        r"invite|see you|catch up|show you|present|visit))\b",
        r"\b(?P<act>(?:fancy|feel like|up for)\s+(?:a\s+|an\s+|some\s+)?(?:lunch|coffee|dinner|breakfast|"
        r"drink|beer|"
        r"call|chat|meeting|catch-up|walk))\b(?=[^.!]*\?)",
        r"\b(?P<act>shall i|should i|do you want me to|would you like me to)\b[^.!]*\?",
        r"^(?:(?:so|then|ok|okay),?\s+)?(?P<act>shall we say|let's say)\b[^.!]*\?",
        r"\b(?:can|could|shall|should)\s+we\s+(?P<act>(?:move|reschedule|postpone|push|shift|"
        r"bring forward|push back)\s+"
        r"(?:the|our|this|that|tomorrow's|today's)\b)",
        r"\b(?:would|will|does|do|could)\s+(?P<act>(?:\S+\s+){1,6}?(?:suit|work for|be convenient for|"
        r"be good for|"
        r"be ok for|be okay for))\s+(?:you|your)\b(?=[^.!]*\?)",
    ],
)

_DE_WH = words("ob", "wie", "wann", "was", "wo", "welche\\w*", "wer", "warum", "weshalb", "wieso", "womit")
_DE_YOU = words("Sie", "du", "ihr")
_DE_ACT = (
    # Verbs in lower case only: capitalised, the same word is a noun ("das Senden von e-mails").
    r"(?:(?-i:melde|melden|rufe|anrufen|zurückrufen|schicke|schicken|sende|senden|zusenden|"
    r"zuschicken|zukommen|weiterleiten|nachreichen|zurückkommen|zurückmelden|prüfen|nachsehen|"
    r"bestätigen|besprechen|telefonieren|vorbeikommen|mitteilen|vormerken|zusammensetzen|"
    r"komme (?:\S+ ){0,5}?zurück|vorschlagen)|"
    r"Rückruf|Bescheid|auf dem Laufenden|Rückmeldung)"
)
# What a colleague or department does for the reader, in the third person.
_DE_OURS = r"(?:(?:jemand|einer|eine)\s+(?:aus|von|bei)\s+)?(?:mein|unser)(?:e|em|en|er|es)?"
_DE_WHEN = (
    r"(?:bis|am|morgen|heute|übermorgen|nächste\w*|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|"
    r"Sonntag|"
    r"Anfang|Ende)"
)
_DE_THIRD = (
    r"(?-i:schickt|sendet|ruft (?:\S+ ){0,5}?(?:an|zurück)|meldet sich|leitet (?:\S+ ){0,5}?weiter|"
    r"kommt (?:\S+ ){0,5}?(?:zurück|auf Sie zu|auf dich zu)|setzt sich|nimmt (?:\S+ ){0,4}?Kontakt|"
    r"gibt (?:\S+ ){0,3}?Bescheid|informiert|kontaktiert)"
)
DE = lexicon(
    r"\b(?:bei|für) (?:weiteren |etwaigen )?(?:Fragen|Rückfragen)\b|\bzur Verfügung\b|"
    r"\bfreue(?:n)? (?:\w+ ){0,2}auf (?:Ihre|deine|eure|eine) (?:Rückmeldung|Antwort)\b|"
    r"\b(?:falls|wenn|sollten)\b[^.?!]{0,60}\b(?:Fragen|Rückfragen|brauchst|brauchen|benötigen|"
    r"benötigt|fehlt|Hilfe|Unterstützung)\b|\bzögern Sie nicht\b|\bAdressat\b",
    commit=[
        rf"^(?!.*\b(?:habe|haben|hatte|hatten)\s+(?:ich|wir)\b).*?\b(?P<who>ich|wir)\s+"
        # A need or a plea is the reader's to meet, no promise ("ich bräuchte ... Rückmeldung").
        rf"(?!(?:habe|haben|hatte|hatten|bräuchte|bräuchten|benötige|benötigen|brauche|brauchen|bitte|"
        rf"bitten)\b)"
        rf"(?:\S+\s+){{0,6}}?(?P<act>{_DE_ACT})\b",
        r"\b(?P<act>melde|rufe|schicke|sende|komme)\s+(?:ich|wir)\b",
        r"\b(?:wir|ich)\b[^.?!]*\b(?P<act>treffen)\b",
        # A second verb of the same subject: "wir haben ... erhalten und melden uns ...".
        r"\b(?:ich|wir)\b[^.?!]*?\bund\s+(?P<act>(?-i:melde|melden|rufe|rufen|schicke|schicken|sende|senden|"
        r"leite|leiten|komme|kommen|gebe|geben))\b(?=[^.?!]*\b(?:Ihnen|Sie|dir|dich|euch|uns|mich|"
        r"Bescheid)\b)",
        # Someone on the author's side promises the reader ("Unser Kundendienst schickt Ihnen ...").
        rf"\b(?P<who>{_DE_OURS}\s+(?:\S+\s+){{0,8}}?)(?=[^.?!]*\b(?:Ihnen|Sie|dir|dich|euch)\b)"
        rf"(?P<act>{_DE_THIRD})\b",
        rf"\b(?P<who>{_DE_OURS}\s+(?:\S+\s+){{0,5}}?)(?P<act>(?-i:wird|werden))\b"
        rf"(?!(?:\S+\s+){{0,2}}?nicht\b)[^.?!]*?\b{_DE_ACT}\b",
        # What the reader will get from the author's side ("die Zahlen bekommen Sie von unserem Controller").
        r"^(?P<who>(?:\S+\s+){0,8}?)(?P<act>(?-i:bekommen|erhalten)\s+Sie|(?-i:bekommst|erhältst) du|"
        r"(?-i:bekommt|erhaltet) ihr)\b(?=[^.?!]*\b(?:von|bei)\s+(?:mir|uns|unser\w*|mein\w*)\b)",
        r"^(?P<who>(?:\S+\s+){0,8}?)(?:wird|werden)\s+(?:Ihnen|dir|euch)\b(?:\s+\S+){0,8}?\s+"
        r"(?P<act>zugeschickt|zugesandt|zugesendet|geschickt|gesendet|übermittelt|weitergeleitet)\b",
        # "Ich habe es an unsere Buchhaltung weitergeleitet; sie meldet sich": the author arranged it.
        rf"\b(?:mein|unser)\w*\b[^.?!]*?\b(?P<who>(?-i:sie|er|die|der|welche|welcher))\s+"
        rf"(?=[^.?!]*\b(?-i:Ihnen|Sie|dir|dich|euch)\b)(?P<act>{_DE_THIRD})\b",
        # What the reader will get ("du bekommst es am Freitag", "du hast es bis Donnerstag im Postfach").
        rf"\b(?P<act>(?-i:bekommst|bekommen|bekommt|erhältst|erhalten|erhaltet)\s+{_DE_YOU}\s+(?:es|sie|ihn|"
        rf"das|die|"
        rf"den)|{_DE_YOU}\s+(?-i:bekommst|bekommen|bekommt|erhältst|erhalten|erhaltet)\s+(?:es|sie|ihn|das|"
        rf"die|den))\b"
        rf"(?=[^.?!]*\b{_DE_WHEN}\b)",
        rf"\b(?P<act>{_DE_YOU}\s+(?-i:hast|haben|habt)\s+(?:es|sie|ihn|das)\b)(?=(?:\s+\S+){{0,5}}?\s+(?:im|"
        rf"in deinem|"
        rf"in Ihrem|in eurem)\s+(?:Postfach|Posteingang|Briefkasten))",
        r"\b(?:ich|wir)\s+(?P<act>(?-i:erwarte|erwarten|hole|holen|führe|führen)\s+(?:Sie|dich|euch)|"
        r"(?-i:warte|warten)\s+(?:\S+\s+){0,4}?auf\s+(?:Sie|dich|euch))\b",
        # "Ok, will do" in German: the whole sentence.
        r"^(?:(?:ok|okay|gut|alles klar|ja),?\s+)?(?P<act>mach ich|mache ich|wird gemacht|erledige ich)"
        r"\s*[.!]?$",
        r"\b(?:ich|wir)\s+(?P<act>(?:komme|kommen)\s+(?:\S+\s+){0,3}?auf\s+(?-i:Sie|dich|euch)\s+zu)\b",
        r"\b(?:ich|wir)\s+(?P<act>(?-i:kümmere|kümmern)\s+(?:mich|uns)\s+(?:darum|drum)|(?-i:kläre|"
        r"klären)\s+das|"
        r"(?-i:schaue|schauen|sehe|sehen)\s+(?:mir|uns)\s+das\s+an)\b",
    ],
    ask=[
        rf"\b(?:ich|wir)\s+(?:möchte|möchten|würde|würden|wollte|wollten)\s+(?:\S+\s+){{0,3}}?(?:wissen|"
        rf"erfahren|"
        rf"fragen|nachfragen),?\s+(?P<act>{_DE_WH})\b",
        rf"\b(?:können|könnten|würden|kannst|könntest|würdest)\s+{_DE_YOU}\s+(?:\S+\s+){{0,4}}?(?:sagen|"
        rf"erklären|"
        rf"mitteilen|erläutern|zeigen|beschreiben|verraten),?\s+(?P<act>{_DE_WH})\b",
        r"\b(?P<act>(?:ist|wäre) es (?:\S+\s+)?möglich)\b",
        r"\b(?P<act>gibt es (?:eine |die )?möglichkeit)\b",
        r"\b(?P<act>(?:wer|wie|wann|was|wo|welche\w*)\s+(?:würde|könnte|sollte|kann|muss|soll|müssen|sollen|"
        r"können|dürfen|darf)\b)[^.!]*\?",
        rf"\b(?:weißt du|wissen Sie|wisst ihr)\s+(?:\S+\s+){{0,2}}?(?P<act>{_DE_WH})\b",
        r"\b(?P<act>lässt|läßt|ließe|liesse) sich\b[^.!]*\?",
        r"\b(?P<act>(?:wo|wie|wann)\s+(?-i:finde|bekomme|kriege|erhalte|finden|bekommen)\s+(?:ich|"
        r"wir))\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:welche\w*|wann|wo|was)\b(?:\s+\S+){0,5}?)\s+(?:passen|passt|ginge|geht|wäre|wären)\s+"
        r"(?:es\s+)?(?:Ihnen|dir|euch|Ihrem|Ihrer|deinem|deiner|eurem|eurer)\b",
        r"\b(?P<act>(?:an wen|wen|mit wem|bei wem)\s+(?:können|könnten|sollen|sollten|müssen|"
        r"dürfen)\s+(?:wir|ich))\b"
        r"(?=[^.!]*\?)",
        r"\b(?P<act>was (?-i:halten Sie|hältst du|haltet ihr|meinen Sie|meinst du|meint ihr|sagen Sie|"
        r"sagst du|"
        r"sagt ihr))\b",
        r"^(?:und\s+)?(?P<act>gibt es (?:schon\s+)?(?:etwas\s+)?(?:Neuigkeiten|Neues|"
        r"einen (?:neuen\s+)?Stand))\b"
        r"(?=[^.!]*\?)",
        r"\b(?P<act>(?:kann|darf|könnte)\s+(?:ich|man))\b(?![^.!?]*\b(?:helfen|vorstellen)\b)(?=[^.!]*\?)",
        r"\b(?P<act>(?:wie|wo)\s+\w+e\s+ich)\b(?=[^.!]*\?)",
    ],
    request=[
        # A softened imperative, the verb first ("Ruf bitte die Kunden an"), or after "bitte", in
        # lower case as imperatives of "du" are ("Bitte ruf die fünf wichtigsten an").
        softened(
            r"(?:doch\s+|mal\s+)?bitte",
            words("ich", "wir", "er", "sie", "es", "man", "danke", "vielen", "hallo", "das", "dies", "ja",
                  "nein", "gern", "gerne"),
            negation="nicht|nie|kein\\w*",
        ),
        r"^\W*(?![^.?!]*\b(?:nicht|nie|kein\w*)\b)bitte,?\s+(?!(?:nicht|kein\w*|beachte\w*|entschuldig\w*|"
        r"begrüß\w*|schön|sehr|vielmals|finde\w*|sieh|lies)\b)(?P<act>(?-i:[a-zäöüß]\w+))",
        rf"\b(?:können|könnten|würden|wären|kannst|könntest|würdest)\s+(?:Sie|du|ihr)\b[^.?!]*?"
        rf"\b(?P<act>{_DE_ACT})\b",
        rf"\bbitten?\b[^.?!]*?\b(?P<act>{_DE_ACT}|Prüfung|Zusendung|Bestätigung|Angebot|Antwort)\b",
        r"\b(?:über|auf) (?:eine |Ihre |deine |eure )?(?P<act>Rückmeldung|Feedback|Antwort|Rückruf)\b"
        r"[^.?!]*\b(?:freue|freuen|würde)\b",
        r"\b(?P<act>(?:gib|geben Sie|sag|sagen Sie) (?:mir|uns) Bescheid|melden Sie sich|meld dich)\b",
        # Sentence-initial, so capitalised: "Schicken Sie mir ..." (polite imperative).
        r"^(?:bitte\s+)?(?P<act>(?:schicken|senden|rufen|melden|geben|bestätigen|prüfen|leiten)"
        r"\s+Sie)\b",
        # Any verb after a polite question to the reader ("Könnten Sie bitte ... freigeben?").
        rf"\b(?:können|könnten|würden|kannst|könntest|würdest)\s+{_DE_YOU}\s+(?:(?:bitte|uns|mir|mal|noch|"
        rf"eventuell|"
        rf"vielleicht|auch|so nett|so freundlich)\s+)*(?P<act>\w+)(?=[^.!]*\?)",
        rf"\b(?:dass|ob)\s+{_DE_YOU}\s+(?P<act>(?:\S+\s+){{0,10}}?(?:können|könnten|würden))\s*\?",
        r"\bbitte[nt]?\s+(?:\S+\s+){0,3}?um\s+(?!(?:Verständnis|Nachsicht|Entschuldigung|"
        r"Geduld)\b)(?P<act>\w+)",
        rf"\bes wäre (?:\w+ )?(?:schön|nett|toll|gut|hilfreich|super|prima|"
        rf"klasse),? wenn {_DE_YOU}\s+(?P<act>\w+)",
        rf"\b(?:ich|wir) wären? (?:Ihnen|dir|euch) (?:sehr )?dankbar,? wenn {_DE_YOU}\s+(?P<act>\w+)",
        r"\b(?:ich|wir) (?:möchte|möchten|will|wollen|hätte gerne|hätten gerne),? dass\s+(?P<act>\w+)",
        r"\b(?:ich|wir) (?:hätte|hätten) (?:gern|gerne)\s+(?P<act>\w+)",
        # Imperatives of "ihr" and "Sie" after "bitte" ("bitte teilt uns bis Freitag mit").
        r"\bbitte\s+(?P<act>(?-i:teilt|teilen Sie|sagt|sagen Sie|gebt|schickt|sendet|ruft|meldet|bestätigt|"
        r"prüft|"
        r"leitet|füllt|unterschreibt|schaut|seht|antwortet))\b",
        r"\b(?P<act>teilen Sie (?:mir|uns)|teil (?:mir|uns)|teilt (?:mir|uns))\b(?=[^.?!]*\bmit\b)",
        r"\b(?:können|könnten|dürften)\s+wir\b[^.?!]*\b(?P<act>bekommen|erhalten|haben)\b(?=[^.!]*\?)",
        rf"\b(?:hätten|hättest|hättet|haben|hast)\s+{_DE_YOU}\s+(?:etwas|was)\s+dagegen,?\s+(?P<act>\S+)",
        r"(?:^|,\s*)(?:dann\s+)?(?P<act>(?-i:schick|schicke|sende|ruf|sag|Sag|gib|melde|bestätige|leite)\s+"
        r"(?:mir|uns|mich))\b",
        r"\b(?:ich|wir)\s+(?:hatte|hatten|hätte|hätten)\s+gehofft,?\s+dass\s+(?-i:Sie|du|ihr)\s+(?P<act>\w+)",
        r"\b(?:kann|könnte)\s+(?:jemand|einer|eine)\s+(?:von|aus|bei|in)\s+(?:Ihrer|Ihrem|Ihnen|"
        r"deiner|deinem|euch|"
        r"eurer|eurem)\s+(?:Seite|Team|Firma|Abteilung|Büro)\s+(?P<act>\w+)(?=[^.!]*\?)",
        r"\bum\s+(?P<act>(?:\S+\s+){0,2}?(?:Rückmeldung|Antwort|Bestätigung|Rückruf|Zusendung|Prüfung))\b"
        r"[^.?!]*\bwird gebeten",
        r"\bsind\s+(?-i:Sie|du)\s+(?:schon\s+)?dazu\s+gekommen,?\s+(?P<act>\S+)",
        r"\b(?:konnten|konntest)\s+(?-i:Sie|du)\s+(?P<act>\S+)(?=[^.!]*\b(?:schon|bereits|"
        r"inzwischen)\b[^.!]*\?)",
        r"^(?:bitte\s+)?(?P<act>(?:schauen|sehen|sagen|teilen|nennen|kontaktieren|füllen|"
        r"unterschreiben|überweisen)"
        r"\s+Sie)\b",
        r"\b(?:ich|wir)\s+(?:möchte|möchten|will|wollen|würde gerne?|würden gerne?|hätte gerne?|"
        r"hätten gerne?)\s+(?P<act>(?:\S+\s+){0,6}?(?-i:zurückgeben|zurückschicken|zurücksenden|"
        r"kündigen|stornieren|umtauschen|bestellen|buchen|reservieren|verlängern|wechseln|abbestellen|"
        r"anmelden|abmelden|umbuchen|erweitern|kaufen|upgraden))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:Ihre|deine|eure|eine|Ihr|dein|euer|ein)\s+(?:\w+\s+)?(?:Rückmeldung|"
        r"Antwort|Anmerkungen|"
        r"Kommentare|Meinung|Einschätzung|Feedback|Rückruf|Bestätigung|Hilfe|Unterstützung)\b)"
        r"(?=[^.?!]*\b(?:wäre|wären)\s+(?:\w+\s+){0,3}?(?:hilfreich|willkommen|nett|schön|"
        r"wichtig|super|toll)\b)",
        r"\b(?:ich|wir)\s+(?-i:bräuchte|bräuchten|benötige|benötigen|brauche|brauchen)\s+(?!(?:ich|wir)\b)"
        r"(?P<act>\w)",
        # After a fronted phrase the verb comes first ("Vor der Verlängerung bräuchten wir ...").
        r"\b(?-i:bräuchte|bräuchten|benötige|benötigen|brauche|brauchen)\s+(?:ich|wir)\s+(?!(?:nicht|"
        r"kein\w*)\b)"
        r"(?P<act>\w)",
        r"\bes (?:würde|wäre) (?:mir|uns) (?:sehr |eine große |wirklich )?(?:helfen|eine Hilfe|"
        r"hilfreich),?\s+"
        r"(?P<act>\w+)",
        # An obligation with a deadline is the reader's to meet ("wir müssen ... bis zum 20. erhalten").
        r"\b(?:ich|wir)\s+(?-i:muss|müssen)\s+(?=[^.?!]*\b(?:bis|spätestens)\b)"
        r"(?P<act>(?:\S+\s+){0,6}?(?-i:erhalten|bekommen|haben))\b",
        r"\b(?:ich|wir)\s+warten?\s+(?:immer\s+)?noch\s+auf\s+(?P<act>\S+)",
    ],
    propose=[
        r"\b(?:lass(?:t)?|lassen Sie) uns\b[^.?!]*?\b(?P<act>telefonieren|treffen|sprechen|reden|Tel|"
        r"besprechen|zusammensetzen|austauschen)\b",
        r"\b(?:sollen|können|wollen|könnten) wir\b[^.?!]*?\b(?P<act>treffen|telefonieren|sprechen|"
        r"besprechen)\b",
        r"^(?P<act>treffen|telefonieren|sprechen|hören) wir uns\b",
        rf"\b(?:hätten|haben|hättest|hast|habt|hättet)\s+{_DE_YOU}\b(?:\s+\S+){{0,5}}?\s+"
        rf"(?P<act>Zeit|Lust|Interesse)\b(?![^.?!]*\bgehabt\b)",
        rf"\b(?P<act>(?:wären|wärst|wärt|sind|bist|seid)\s+{_DE_YOU}\s+(?:\S+\s+)?(?:bereit|einverstanden|"
        rf"interessiert))\b",
        r"\b(?:ich|wir)\s+(?:schlage|schlagen)\s+(?:Ihnen\s+|dir\s+|euch\s+)?vor,?\s+"
        r"(?P<act>dass|wir|uns|einen|eine|ein|am|zu)\b",
        r"\b(?:ich|wir)\s+(?:würde|würden|möchte|möchten)\s+(?:Ihnen\s+|dir\s+|euch\s+)?(?:gern|gerne)\s+"
        r"(?:\S+\s+){0,6}?(?P<act>vorstellen|zeigen|präsentieren|vorbeikommen|besuchen|treffen|einladen|"
        r"telefonieren|besprechen)\b",
        r"\b(?:passt|ginge|geht) (?:es )?(?:Ihnen|dir|euch)\b(?:\s+\S+){0,4}?\s*(?P<act>\?)",
        r"\b(?P<act>wie wäre es (?:mit|am|wenn|dann))\b",
        r"^(?:\S+\s+)?(?P<act>(?-i:Lust|Zeit) (?:auf|für|zu)\b)(?=[^.!]*\?)",
        r"^(?:(?:also|dann|ok),?\s+)?(?P<act>(?:machen|sagen) wir)\b[^.!]*\?",
        r"\b(?:können|könnten|sollen|sollten)\s+wir\s+(?P<act>(?:\S+\s+){1,5}?(?:verschieben|"
        r"verlegen|vorziehen|"
        r"tauschen))\b",
        r"^(?:also\s+|dann\s+)?(?P<act>wir sehen uns)\b(?=[^.?!]*\b(?:am|morgen|nächste|um|auf|in|bei)\b)",
    ],
)
