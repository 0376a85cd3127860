"""Follow-up cues of English."""

from __future__ import annotations

from mailhook.automation.cues_settled import not_idle, unsettled
from mailhook.automation.lexicon import lexicon, words

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
) + not_idle("en")  # not "we could talk for hours"
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
        r"sort (?:it|that|this|them) out|fix (?:it|that|this|them|these|those|the \w+)(?: up)?)\b",
        r"^(?:(?:ok|okay|sure|yes|fine),?\s+)?(?P<act>can do)\W*$",
        r"^(?:(?:ok|okay|sure|fine),?\s+)?(?P<act>leave it with me|i'm on it|we're on it|consider it done)\b",
        r"\b(?:i|we)(?:'ll| will)\s+(?P<act>have (?:it|that|this|them) (?:fixed|done|ready|sorted|sent))\b",
    ],
    ask=[
        # Asked inside a longer sentence: "... is there any possibility to see an overall view?",
        # "I would like to use iTop, may I ask the database design".
        r"\b(?P<act>is there (?:any|a|an)\s+(?:possibility|way|option)\s+(?:to|of|that))\b(?=[^.!]*\?)",
        r"\b(?P<act>may (?:i|we) ask)\b",
        rf"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?(?:tell|explain(?: to)?|show|"
        rf"advise|let|inform|remind)\s+(?:me|us)(?:\s+know)?,?\s+(?P<act>{_WH})\b",
        rf"\b(?:i|we)(?:'d| would)?\s+(?:like|love|want|wish|need)\s+to\s+(?:know|find out|understand|learn|"
        rf"ask(?: you)?|check)\s+(?P<act>{_WH}{unsettled('en')})\b",
        rf"\b(?:i|we)(?:'m| am|'re| are| was| were)\s+wondering\s+(?P<act>{_WH}{unsettled('en')})\b",
        rf"^(?:(?:and|so|also|but)\s+)?(?:please\s+)?(?:advise|tell (?:me|us)|confirm)\s+(?P<act>{_WH})\b",
        # "Any update on ...?", "Has there been any progress on ...?", "Do you have any news?"
        r"^(?:(?:and|so|also|but)\s+)?(?:(?:has|have|is|are) there (?:been )?|do you have |did you get )?"
        r"(?P<act>any (?:update|news|feedback|thoughts|progress|comments|ideas?)s?)\b",
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
        r"\b(?:is there )?(?P<act>any chance (?:of|that|you could|(?:i|we) (?:could|can|might)))\b",
        r"\b(?:i|we)(?:'d| would) (?:really |greatly |very much )?appreciate (?:it )?if\s+(?P<act>\S+)",
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
        # "What about registering a booth at the fair?", "How about a call on Friday?"
        r"^(?:(?:and|so|then),?\s+)?(?P<act>(?:what|how) about\s+(?:\w+ing|a|an|we)\b)(?=[^.!]*\?)",
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
