"""Follow-up cues of German."""

from __future__ import annotations

from mailhook.automation.cues_settled import unsettled
from mailhook.automation.lexicon import lexicon, softened, words

# Hand-written because no maintained library detects follow-up intent in German without a trained
# model; each pattern names where the task title starts in a group `act`.

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
        # Not "komme ich gut damit klar / zurecht / nicht weiter": getting on, not coming.
        r"\b(?P<act>melde|rufe|schicke|sende|komme(?![^.?!]*\b(?:klar|zurecht|weiter|nicht)\b))\s+(?:ich|wir)\b",
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
        rf"fragen|nachfragen),?\s+(?P<act>{_DE_WH}{unsettled('de')})\b",
        rf"\b(?:können|könnten|würden|kannst|könntest|würdest)\s+{_DE_YOU}\s+(?:\S+\s+){{0,4}}?(?:sagen|"
        rf"erklären|"
        rf"mitteilen|erläutern|zeigen|beschreiben|verraten),?\s+(?P<act>{_DE_WH})\b",
        r"\b(?P<act>(?:ist|wäre) es (?:\S+\s+)?möglich)\b",
        r"\b(?P<act>gibt es (?:eine |die )?möglichkeit)\b",
        r"\b(?P<act>(?:wer|wie|wann|was|wo|welche\w*)\s+(?:würde|könnte|sollte|kann|muss|soll|müssen|sollen|"
        r"können|dürfen|darf)\b)[^.!]*\?",
        # Not "weißt du noch, wie ...": remembering together, no question to answer.
        rf"\b(?:weißt du|wissen Sie|wisst ihr)(?!\s+noch\b)\s+(?:\S+\s+){{0,2}}?(?P<act>{_DE_WH})\b",
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
        # Sentence-initial, so capitalised: "Schicken Sie mir ..." (polite imperative); or after a
        # fronted clause ("Damit wir planen können, senden Sie uns bitte ..."), "Sie" capitalised,
        # with a "bitte" in it: without one the same order is a statement ("Wie Sie sehen, leiten Sie
        # die Anfragen bisher ... weiter").
        r"(?:^|,\s+(?=[^.?!]*\bbitte\b))(?:bitte\s+)?(?P<act>(?:schicken|senden|rufen|melden|geben|bestätigen|prüfen|leiten)"
        r"\s+(?-i:Sie))\b",
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
