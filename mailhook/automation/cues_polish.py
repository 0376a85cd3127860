"""Follow-up cues of Polish."""

from __future__ import annotations

from mailhook.automation.lexicon import lexicon, softened, words

# Hand-written because no maintained library detects follow-up intent in these languages without
# a trained model; each pattern names where the task title starts in a group `act`.

_PL_WH = words("jak", "czy", "kiedy", "gdzie", "co", "który", "która", "które", "dlaczego", "ile")
_PL_YOU = words("Pan", "Pani", "Państwo", "pan", "pani")
_PL_TO_YOU = (
    r"(?:Panu|Pani|Państwu|Ci|Tobie|Wam|do Pana|do Pani|do Państwa|do Ciebie|do Was|z Panem|z Panią|"
    r"z Państwem|"
    r"z Tobą|z Wami)"
)
_PL_THIRD = (
    r"(?:wyśle|wyślą|prześle|prześlą|zadzwoni|zadzwonią|oddzwoni|oddzwonią|odezwie się|odezwą się|"
    r"skontaktuje się|skontaktują się|odpowie|odpowiedzą|potwierdzi|potwierdzą|przekaże|przekażą|napisze|"
    r"napiszą|poinformuje|poinformują|da (?:\S+ )?znać|dadzą (?:\S+ )?znać|dostarczy|dostarczą|podeśle|"
    r"podeślą)"
)
PL = lexicon(
    r"\bw razie (?:jakichkolwiek |dodatkowych |ewentualnych )?(?:pytań|wątpliwości|problemów)|"
    r"(?:pozostaję|pozostajemy|jestem|jesteśmy) do (?:Pana |Pani |Państwa |Twojej )?dyspozycji|\bnie wahaj|"
    r"\badresat|\bgdyby(?:ś|ście)?\s+(?:czegoś|coś)\b|\b(?:prosz[ęe]|prosimy) o kontakt z\b|\b(?:jeśli|"
    r"jeżeli|gdyby) (?:\S+\s+){0,2}?(?:pytania|"
    r"pytań|wątpliwości)|wiadomość (?:\S+\s+)?(?:przez pomyłkę|omyłkowo)",
    commit=[
        r"(?<!nie )\b(?P<act>zadzwonię|zadzwonimy|wyślę|wyślemy|prześlę|prześlemy|podeślę|podeślemy|"
        r"odezwę się|"
        r"odezwiemy się|"
        r"dam znać|damy znać|odpowiem|odpowiemy|potwierdzę|potwierdzimy|skontaktuję się|skontaktujemy się|"
        r"przekażę|przekażemy|napiszę|napiszemy|poinformuję|poinformujemy|wrócę do|wrócimy do)(?!\w)",
        # Someone on the author's side promises the reader ("nasz dział serwisu wyśle Panu ...").
        rf"\b(?P<who>(?:nasz\w*|moj\w*|mój)\s+(?:(?!nie\b)\S+\s+){{0,8}}?)"
        rf"(?P<act>{_PL_THIRD})(?!\w)",
        # Any order: "ostateczne liczby prześle Panu nasz kontroler", "ktoś z naszego działu wyśle Ci ...".
        rf"(?<!nie )\b(?P<act>{_PL_THIRD})\s+{_PL_TO_YOU}(?!\w)",
        # What the reader will get ("dostaniesz je w czwartek").
        r"(?<!nie )\b(?P<act>dostaniesz|dostanie Pan|dostanie Pani|dostaniecie|dostaną Państwo|otrzymasz|"
        r"otrzyma Pan|otrzyma Pani|otrzymacie|otrzymają Państwo)(?!\w)",
        r"(?<!nie )\b(?P<act>(?:będę|będziemy)\s+(?:czekać|czekał|czekała|czekali)\s+na\s+(?:Ciebie|Was|"
        r"Pana|Panią|Państwa)|"
        r"oprowadzę\s+(?:Cię|Was|Pana|Panią|Państwa))(?!\w)",
        r"\b(?P<act>będ(?:ę|ziemy)\s+(?:Pana|Panią|Pani|Państwa|cię|ciebie|was)\s+informowa\w*)",
        r"\b(?P<act>odezwiemy się|skontaktujemy się)\b",
        r"\b(?P<act>zajmę się tym|zajmiemy się tym|przyjrzę się temu|przyjrzymy się temu|załatwię to|"
        r"to załatwię|"
        r"załatwimy to|sprawdzę to|naprawię to|naprawimy to)\b",
    ],
    ask=[
        rf"\b(?:chciał(?:a)?bym|chcielibyśmy|chciałybyśmy)\s+(?:\S+\s+)?(?:wiedzieć|zapytać|się dowiedzieć|"
        rf"dowiedzieć się),?\s+(?P<act>{_PL_WH})\b",
        rf"\b(?:prosimy|proszę|prosiłbym|prosiłabym)\s+o\s+(?:informację|odpowiedź|wyjaśnienie|"
        rf"informacje),?\s+"
        rf"(?P<act>{_PL_WH})\b",
        r"\b(?P<act>czy (?:jest|byłoby|będzie) (?:to )?możliwe)",
        r"\b(?P<act>jak (?:mogę|możemy|mam|mamy|należy|można|powinienem|powinnam|powinniśmy))(?!\w)",
        r"\b(?P<act>co\s+(?:muszę|musimy|mam|mamy|powinienem|powinnam|powinniśmy|należy|"
        r"trzeba)\s+zrobić)(?!\w)",
        rf"\b(?:wiesz|wiecie|wie {_PL_YOU}|"
        rf"wiedzą Państwo)\s*(?:może\s*)?,?\s+(?P<act>{_PL_WH})\b(?=[^.!]*\?)",
        r"\b(?P<act>(?:jakie|jaki|jaka|które|który|kiedy)\b(?:\s+\S+){0,5}?)\s+(?:pasuje|pasują|pasowałby|"
        r"pasowałaby|pasowałoby|pasowałyby|odpowiada|odpowiadają|odpowiadałby|odpowiadałaby|odpowiadałoby|"
        r"odpowiadałyby)(?!\w)(?=[^.!]*\?)",
        r"\b(?P<act>(?:z kim|do kogo|kogo|u kogo|gdzie)\s+(?:powinienem|powinnam|powinniśmy|mam|mamy|możemy|"
        r"mogę|"
        r"muszę|musimy|należy))(?!\w)",
        r"\b(?P<act>co (?:sądzisz|sądzicie|sądzi Pan|sądzi Pani|sądzą Państwo|myślisz|myślicie))(?!\w)",
        r"\b(?P<act>kiedy\s+(?:możemy|mogę)\s+(?:się\s+)?(?:spodziewać|oczekiwać)\w*)",
        r"\b(?P<act>(?:czy\s+)?(?:są|jest)\s+(?:jakieś\s+|już\s+)?(?:wieści|nowości|"
        r"informacje)\s+(?:w sprawie|o|na temat|"
        r"odnośnie))\b(?=[^.!]*\?)",
        r"\b(?P<act>czy\s+(?:mogę|można|mógłbym|mogłabym))\b(?![^.!?]*\b(?:pomóc|wyobrazić)\b)(?=[^.!]*\?)",
        r"(?<!\bpo )\b(?P<act>(?:jak|gdzie|co)\s+(?!słychać\b)(?:\w+ć|\w+ę|mogę|można))\b(?=[^.!]*\?)",
    ],
    request=[
        # A softened imperative, the verb first ("Przyślij proszę raport").
        softened(r"proszę", words("dziękuję", "dzięki", "tak", "nie", "bardzo", "dzień", "ja", "my"),
                 negation="nie"),
        rf"\bczy\s+(?:mógłby|mogłaby|mogliby|mogłyby|moglibyście|może|możesz|mógłbyś|mogłabyś|mogą|możecie|"
        rf"zechciałby|zechciałaby|zechcieliby|zechcesz|zgodziłby|zgodziłaby|zgodziliby|zgodzilibyście|"
        rf"zgodzisz|"
        rf"zgodzi)\s+(?:się\s+)?(?:{_PL_YOU}\s+)?(?P<act>\w+)",
        # A question in statement order ("Możesz go załatwić?").
        rf"\b(?:możesz|możecie|mógłbyś|mogłabyś|moglibyście|(?:może|mógłby|mogłaby) {_PL_YOU}|mogą Państwo|"
        rf"mogliby Państwo)\s+(?:\S+\s+)?(?P<act>\w+)(?=[^.!]*\?)",
        r"\b(?:uprzejmie\s+)?(?:prosz[ęe]|prosimy|prosiłbym|prosiłabym|prosilibyśmy)\s+"
        r"(?!(?:\S+\s+){0,2}?nie\b)(?:o\s+)?(?P<act>\w+)",
        # Imperatives to the reader ("daj znać do czwartku", "dajcie znać", "prześlij").
        r"(?<!nie )\b(?P<act>daj(?:cie)?(?:\s+(?:mi|nam))?\s+znać|napisz(?:cie)?|zadzwoń(?:cie)?|"
        r"przyślij(?:cie)?|"
        r"prześlij(?:cie)?|wyślij(?:cie)?|potwierdź(?:cie)?|sprawdź(?:cie)?|odpisz(?:cie)?|"
        r"odezwij(?:cie)? się|"
        r"podeślij(?:cie)?)(?!\w)",
        r"\bwdzięczn\w*,?\s+(?:gdyby|jeśli|jeżeli)\s+(?:(?:mógł|mogła|mogli|mogły|mógłby|mogłaby|mogliby|"
        r"mogłyby)\s+)?(?:(?:Pan|Pani|Państwo)\s+)?(?P<act>\S+)",
        r"\b(?P<act>czy da(?:łoby)? się)\s+",
        # The formal request: "zwracamy się (do Państwa) z prośbą o ...", "mam prośbę o ...".
        rf"\b(?:zwracam|zwracamy)\s+się\s+(?:do\s+{_PL_YOU}\w*\s+)?z\s+(?:uprzejmą\s+|serdeczną\s+)?prośbą\s+"
        r"(?:o\s+)?(?P<act>\w+)",
        r"\b(?:mam|mamy)\s+(?:jeszcze\s+)?(?:jedną\s+|małą\s+|ogromną\s+)?prośbę\s+(?:o\s+)?(?P<act>\w+)",
        # "Chciałabym prosić o ...", "Poproszę o fakturę": asking in the conditional or perfective future.
        # ("Poproszę kolegę o sprawdzenie" is the author asking a colleague: "poproszę" needs its "o".)
        r"\b(?:(?:chciał(?:a)?bym|chcielibyśmy|chciałybyśmy)\s+(?:Pana\s+|Panią\s+|Państwa\s+)?prosić\s+(?:o\s+)?"
        r"|(?:poproszę|poprosimy)\s+o\s+)(?P<act>\w+)",
        r"\bczy\s+(?:możemy|moglibyśmy|mogę|mógłbym|mogłabym)\s+(?:\S+\s+)?(?P<act>otrzymać|dostać|"
        r"prosić)(?!\w)",
        r"(?:^|,\s*)(?P<act>powiedz(?:cie)?|proszę powiedzieć),?\s+(?:który|która|które|którą|czy|kiedy|jak|"
        r"co|gdzie)\b",
        r"\b(?:liczyłem|liczyłam|liczyliśmy|miałem nadzieję|miałam nadzieję|"
        r"mieliśmy nadzieję),?\s+że\s+(?P<act>\w+)\s+"
        r"(?:\S+\s+){0,2}?(?:Pan|Pani|Państwo)\b",
        r"\bczy\s+ktoś\s+(?:z|ze)\s+(?:Pana|Pani|Państwa|twojej|waszej)\s+(?:strony|firmy|działu|zespołu)\s+"
        r"(?:może|mógłby|mogłaby)\s+(?P<act>\w+)",
        r"\bczy\s+(?:miał|miała|mieli|mieliście)\s+(?:Pan|Pani|Państwo)?\s*(?:okazję|czas)\s+(?P<act>\w+)",
        r"\bczy\s+udało\s+się\s+(?:Panu|Pani|Państwu|ci|wam)\s+(?P<act>\w+)",
        r"\b(?:(?:chciałbym|chciałabym|chcielibyśmy|chciałybyśmy|chcę|chcemy))\s+(?P<act>(?:zwrócić|"
        r"zrezygnować|anulować|wymienić|zamówić|zarezerwować|przedłużyć|zmienić (?:mój|moją|moje|nasz|"
        r"naszą|nasze)|przejść|kupić|"
        r"wypowiedzieć|odwołać|przełożyć|przesunąć|zapisać się|wypisać się|otrzymać|dostać|uzyskać))\b",
    ],
    need=[
        # The reader's answer wished for impersonally ("your comments would be welcome").
        r"\b(?P<act>(?:Pana|Pani|Państwa|twoje|twoja|twój|wasze|wasza|wasz)\s+(?:\w+\s+)?(?:uwagi|odpowiedź|"
        r"opinia|potwierdzenie|pomoc|komentarze|informacja zwrotna)\b)(?=[^.?!]*\b(?:byłaby|byłyby|byłby)\s+"
        r"(?:\w+\s+)?(?:pomocn\w+|mile widzian\w+|cenn\w+)\b)",
        r"\b(?:będę|będziemy|byłbym|byłabym|bylibyśmy|byłybyśmy)\s+(?:bardzo\s+)?wdzięczn\w+\s+za\s+"
        r"(?P<act>(?:\w+\s+)?(?:odpowiedź|informację|uwagi|potwierdzenie|pomoc|kontakt|opinię|(?!zrozumienie|wyrozumiałość|cierpliwość|współprac)\w+[nc]ie))\b",
        r"(?<!nie )\b(?:potrzebuję|potrzebujemy|potrzebowałbym|potrzebowałabym|potrzebowalibyśmy)"
        r"\s+(?P<act>\w)",
        r"\b(?:bardzo\s+)?by (?:mi|nam) (?:bardzo\s+)?pomogło,?\s+(?P<act>gdyby\w*|jeśli|żeby\w*)(?!\w)",
        r"\b(?:muszę|musimy)\s+(?P<act>otrzymać|dostać|mieć)(?!\w)(?=[^.?!]*\b(?:do|najpóźniej|przed)\b)",
        r"\b(?:nadal|wciąż|ciągle|dalej)\s+(?:czekamy|czekam)\s+na\s+(?P<act>\S+)",
        # What the author cares to receive, as a verbal noun ("zależy nam na otrzymaniu oferty do piątku").
        # (not what it values: "zależy nam na utrzymaniu dobrej współpracy")
        r"\bzależy\s+(?:nam|mi)\s+na\s+(?:\w+\s+)?(?!utrzymaniu|zachowaniu|rozwoju|współprac)(?P<act>\w+[nc]iu)\b",
    ],
    propose=[
        rf"\bczy\s+(?:znalazłby|znalazłaby|znajdzie|znajdziesz|ma|masz|mają|macie)\s+(?:{_PL_YOU}\s+)?"
        rf"(?P<act>(?:\S+\s+)?czas)",
        r"\b(?P<act>(?:umówmy|spotkajmy|zdzwońmy|zdzwonimy) się)",
        r"\bczy\s+(?:\S+\s+)?(?P<act>pasuje|odpowiada)\b",
        r"\b(?:proponuję|proponujemy|sugeruję|sugerujemy),?\s+(?P<act>(?:żeby|żebyśmy|abyśmy|aby|spotkanie|"
        r"rozmowę|termin|we|w)\b)",
        r"\b(?:może|to może)\s+(?P<act>(?:\S+\s+){0,2}?(?:rozmowa|rozmowę|spotkanie|telefon|call|"
        r"wideokonferencja|wideokonferencję|kawa|kawę|spotkamy|zdzwonimy|porozmawiamy|"
        r"umówimy))(?!\w)(?=[^.!]*\?)",
        rf"\b(?P<act>(?:masz|macie|ma {_PL_YOU}|mają Państwo)\s+ochotę)(?!\w)",
        r"\bczy\s+(?P<act>mam|mamy)\s+\w+(?=[^.!]*\?)",
        r"^(?P<act>umówmy\s+się)\b",
        r"^(?P<act>(?:umawiamy|spotykamy)\s+się)\b(?=[^.!]*\?)",
        r"\b(?:możemy|moglibyśmy)\s+(?P<act>(?:przesunąć|przełożyć|przenieść)\s+\S+)(?=[^.!]*\?)",
        r"\bczy\s+(?P<act>(?:\S+\s+){1,4}?(?:Panu|Pani|Państwu|ci|wam)\s+(?:odpowiada|pasuje|"
        r"odpowiadałby|pasowałby|"
        r"odpowiadałaby|pasowałaby))\b",
        r"^(?P<act>widzimy się)\b(?=[^.?!]*\b(?:w|we|jutro|o|na)\b)",
    ],
)
