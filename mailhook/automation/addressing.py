"""Whether a sentence speaks to its reader, and whether a mail speaks to one reader: the gates the
sentence model runs behind (docs/intent.md). The cues need none: each of their patterns already
names who acts. The model reads any sentence, and in mail to many people (list answers,
newsletters, reports) it took questions put to nobody and plans of the author's side for
follow-ups; a sentence must show its reader (a second-person word, a verb form of the second
person, a polite "please") for the model to be asked."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Per language: words that show the sentence speaks to its reader. Pronouns and possessives of
# the second person (formal and familiar), verb forms of the second person where the pronoun is
# usually left out (es, it, pt, pl), the polite words that open a request, the author as an
# object ("send me", "envíame", "mandarmi", "enviar-me", "giv mig": something is to be done for
# the author), and passive asks ("is it possible to ...", "er det muligt at ..."). German, Italian
# and Danish formal pronouns are capitalised: matched in that case only.
_ANY_CASE = {
    "en": r"you|your|yours|yourself|yourselves|please|kindly|let's|let us|me|us"
    r"|is it possible|would it be possible",
    "de": r"du|dich|dir|dein\w*|euch|euer|eure\w*|bitte|lass uns|lasst uns|kannst|könntest|würdest"
    r"|hast|weißt|magst|möchtest|schau|schick|ihr|seid|habt|könnt|wollt|mir|mich|uns"
    r"|ist es möglich|wäre es möglich",
    "fr": r"vous|votre|vos|tu|te|t'|toi|ton|ta|tes|merci de|veuillez|svp|s'il vous plaît|s'il te plaît"
    r"|moi|me|m'|est-il possible|serait-il possible",
    "es": r"tú|tu|tus|te|ti|contigo|usted|ustedes|os|vosotr[oa]s|vuestr[oa]s?|por favor|puedes|podrías"
    r"|podéis|podríais|quieres|querrías|sabes|sabéis|tienes|tenéis|necesitas|\w+(?:[aei]rme|[aei]rnos)|me|nos"
    r"|es posible|sería posible",
    "it": r"tu|te|ti|tuo|tua|tuoi|tue|voi|vi|vostr[oaie]|per favore|per cortesia|puoi|potresti|potete"
    r"|potreste|sai|sapete|hai|avete|vuoi|volete|riesci|riuscite|\w+(?:[aei]rmi|[aei]rci)|mi"
    r"|glielo|gliela|glieli|gliele|è possibile|sarebbe possibile",
    "pt": r"tu|te|ti|teu|tua|teus|tuas|você|vocês|o senhor|a senhora|lhe|lhes|vos|voss[oa]s?|por favor"
    r"|podes|poderias|consegues|sabes|tens|queres|precisas|\w+-(?:me|nos|lho|lha)|me|é possível"
    r"|seria possível",
    "nl": r"je|jij|jou|jouw|jullie|u|uw|graag|alsjeblieft|alstublieft|a\.u\.b\.|svp|me|mij|ons"
    r"|is het mogelijk",
    "da": r"du|dig|din|dit|dine|jer|jeres|venligst|gerne|mig|os|husk|er det muligt",
    "sv": r"du|dig|din|ditt|dina|ni|er|era|ert|snälla|vänligen|gärna|mig|oss|kom ihåg|är det möjligt",
    "no": r"du|deg|din|ditt|dine|dere|deres|vennligst|gjerne|meg|oss|husk|er det mulig",
    "pl": r"ty|ciebie|cię|ci|tobie|twój|twoja|twoje|twoich|twoim|wy|was|wam|wasz\w*|proszę|prosimy"
    r"|pan|pani|panu|panią|pana|państwo|państwa|państwu|\w+(?:esz|isz|ysz|asz|cie)|mi|mnie|nam|nas|czy można"
    r"|czy (?:jest|byłoby) możliwe",
}
_CASED = {
    "de": r"Sie|Ihnen|Ihr|Ihre\w*",
    "it": r"Lei|La|Le|Suo|Sua|Suoi|Sue",
    "da": r"I|De|Dem|Deres",
}
# A statement in the first person singular may be the author's promise ("I'll forward them as
# soon as I have them"); the author's side in the plural is as often news ("next week we move").
# Pro-drop languages show the reader in the promise ("te mando", "glielo mando") or not at all.
_FIRST_PERSON = {
    "en": r"I|I'll|I'd|I'm", "de": r"ich", "fr": r"je|j'", "nl": r"ik", "da": r"jeg", "sv": r"jag",
    "no": r"jeg", "pl": r"ja",
}
FIRST_PERSON = {lang: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE if lang != "en" else 0)
                for lang, words in _FIRST_PERSON.items()}
ADDRESSED = {
    lang: re.compile(
        rf"(?<!\w)(?i:{words})(?!\w)" + (rf"|(?<!\w)(?:{_CASED[lang]})(?!\w)" if lang in _CASED else "")
    )
    for lang, words in _ANY_CASE.items()
}

# A greeting to a group opens mail to many: a list, a team, members, customers. Its first line.
_GROUP = (
    r"all|everyone|everybody|team|folks|colleagues|members|customers|friends"
    r"|zusammen|alle|allerseits|team|kolleginnen|kollegen|mitglieder|kundinnen|kunden"
    r"|à tous|à toutes|tous|chers clients|chers adhérents|chers collègues|l'équipe"
    r"|a todos|a todas|equipo|queridos socios|estimados clientes|compañeros"
    r"|a tutti|tutti|cari clienti|cari soci|colleghi"
    r"|allemaal|iedereen|beste klanten|beste leden|collega's"
    r"|a todos|equipa|caros clientes|caros sócios|colegas"
    r"|alle|alla|alle sammen|allihop|teamet|gruppen|kære kunder|kære medlemmer|kära kunder"
    r"|kära medlemmar|kjære kunder|kjære medlemmer|kollegaer|kolleger"
    r"|wszystkim|zespole|drodzy klienci|drodzy członkowie|drodzy państwo"
)
# The whole line is the greeting: a word or two, the group, a word or two ("Liebe Kundinnen und Kunden,").
GROUP_GREETING = re.compile(rf"^\W*(?:\w+\s+){{0,2}}?(?:{_GROUP})(?:\s+\w+){{0,2}}\W*$", re.IGNORECASE)
_GREETING_LINE = 60  # a greeting is a short first line
# But a greeting to a supplier's service desk or to a company as a whole ("Hello support team",
# "Liebes Support-Team", "Dear accounts team", "Hi all at Northdesk", "Hallo zusammen bei
# Datavista") opens a request from outside: one reader, the desk, is to act on it.
_SERVICE = (
    r"support|supportteam|help\s*desk|service\s*desk|customer\s+(?:service|care|success)|sales|billing|accounts?"
    r"|accounting|finance|invoicing|orders?|kundenservice|kundendienst|vertrieb|buchhaltung|service\s+client"
    r"|comptabilité|facturation|soporte|atención\s+al\s+cliente|facturación|ventas|contabilidad|assistenza"
    r"|supporto|vendite|amministrazione|klantenservice|verkoop|boekhouding|administratie|kundeservice"
    r"|brukerstøtte|kundtjänst|kundservice|fakturering|wsparcia|obsługi\s+klienta|sprzedaży|księgowości"
    r"|suporte|atendimento|faturação|vendas"
)
SERVICE_GREETING = re.compile(
    rf"(?<!\w)(?:{_SERVICE})(?!\w)"
    # A company's name after the preposition: capitalised even under IGNORECASE ("at work" is none).
    rf"|(?<!\w)(?:{_GROUP})\s+(?:at|bei|chez|en|di|presso|bij|van|hos|på|vid|w|z)\s+(?-i:[A-ZÀ-ÞĄĆĘŁŃÓŚŹŻ])",
    re.IGNORECASE,
)


# A recipient address named like a mailing list or an alias for a whole group: the list's own words
# ("users", "dev", "announce", "-l"), "all", "members", "customers" per language, and list hosts.
_GROUP_LOCAL = (
    r"users|dev|devel|developers|discuss|discussion|announce|general|community|commits|issues|bugs"
    r"|lists?|newsletters?|news|all|everyone|everybody|staff|members|customers"
    r"|benutzer|anwender|alle|mitglieder|kunden|utilisateurs|tous|membres|clients|usuarios|todos|socios"
    r"|clientes|utenti|tutti|soci|clienti|gebruikers|iedereen|leden|klanten|utilizadores|brugere"
    r"|medlemmer|kunder|anvandare|användare|alla|medlemmar|brukere|uzytkownicy|użytkownicy|wszyscy"
    r"|czlonkowie|członkowie|klienci"
)
_GROUP_ADDRESS = re.compile(
    rf"^(?:(?:{_GROUP_LOCAL})(?:[._-]\w+)?|\w[\w.-]*[._-](?:l|list|{_GROUP_LOCAL}))@"
    r"|@(?:lists?|listserv|listes|groups)\.|@googlegroups\.com$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Audience:
    """Whom a mail was written to, as its headers say: the sentence model reads only mail to one
    reader. A discussion among several people, a post to a list or to a whole group, and a reply
    deep in a thread hold questions to nobody in particular and news of the author's side, which
    the model took for follow-ups."""

    readers: int = 1  # addresses in To and Cc
    earlier: int = 0  # messages before it in its thread (References, else In-Reply-To)
    to_a_group: bool = False  # a recipient is a list or an alias for a whole group
    # Came through a mailing list (List-Id ...): a way out in the text is the list's footer.
    via_list: bool = False


def group_address(address: str) -> bool:
    """Whether an address is named like a mailing list or an alias for a group ("users@lists...",
    "dev@project.example", "alle@firma.example", "sales-l@"): not one person's."""
    return bool(_GROUP_ADDRESS.search(address.strip()))


def addressed(sentence: str, language: str) -> bool:
    """Whether the sentence speaks to its reader in its language (or in English, mixed in)."""
    languages = dict.fromkeys((language, "en"))
    return any(ADDRESSED[lang].search(sentence) for lang in languages if lang in ADDRESSED)


def promising(sentence: str, language: str) -> bool:
    """Whether a statement has the author as its subject, in the first person singular."""
    languages = dict.fromkeys((language, "en"))
    return any(FIRST_PERSON[lang].search(sentence) for lang in languages if lang in FIRST_PERSON)


def to_a_group(text: str) -> bool:
    """Whether the mail opens with a greeting to many ("Hi all,", "Hallo zusammen", "Bonjour à
    tous", "Kära kunder"): a list post, a newsletter, a report to a team; not to a service desk."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > _GREETING_LINE or SERVICE_GREETING.search(first):
        return False
    return bool(GROUP_GREETING.match(first))


# How an author answers his own question in the next sentence ("What do we gain by keeping them?
# Not much, I think."): yes or no alone, a negated amount, "honestly", "most of it"; per language.
# Words that also open a remark after a request ("No rush", "Nothing urgent") count only when
# punctuation follows them.
_ANSWER_OPENERS = {
    "en": r"(?:yes|no|nope|yep|nothing|nobody|none)[.,!;:]|not (?:really|much|necessarily|at all|quite)\b"
          r"|hardly\b|honestly\b|frankly\b|mostly\b|most of (?:it|them)\b|probably not\b|i doubt it\b",
    "de": r"(?:ja|nein|jein|nichts|niemand)[.,!;:]|nicht (?:unbedingt|wirklich|viel|ganz)\b|kaum\b"
          r"|ehrlich gesagt\b|offen gesagt\b|eher nicht\b|wohl kaum\b|vermutlich nicht\b|größtenteils\b",
    "fr": r"(?:oui|non|rien|personne)[.,!;:]|pas (?:vraiment|forcément|grand-chose|tellement|du tout)\b"
          r"|franchement\b|honnêtement\b|sincèrement\b|guère\b|probablement pas\b|pour l'essentiel\b",
    "es": r"(?:sí|no|nada|nadie)[.,!;:]|no (?:mucho|realmente|necesariamente|del todo)\b|sinceramente\b"
          r"|francamente\b|honestamente\b|apenas\b|probablemente no\b|en su mayor parte\b",
    "it": r"(?:sì|no|niente|nulla|nessuno)[.,!;:]|non (?:molto|proprio|necessariamente|del tutto)\b"
          r"|sinceramente\b|francamente\b|onestamente\b|probabilmente no\b|per lo più\b",
    "nl": r"(?:ja|nee|niets|niemand)[.,!;:]|niet (?:echt|per se|veel|noodzakelijk|helemaal)\b"
          r"|eerlijk gezegd\b|nauwelijks\b|grotendeels\b|waarschijnlijk niet\b",
    "pt": r"(?:sim|não|nada|ninguém)[.,!;:]|não (?:muito|necessariamente|realmente)\b|sinceramente\b"
          r"|francamente\b|honestamente\b|provavelmente não\b|na maior parte\b",
    "da": r"(?:ja|nej|ingen|intet|ingenting)[.,!;:]|ikke (?:rigtig|nødvendigvis|meget|helt)\b|ærligt talt\b"
          r"|næppe\b|sandsynligvis ikke\b|for det meste\b",
    "sv": r"(?:ja|nej|ingen|inget|ingenting)[.,!;:]|inte (?:riktigt|nödvändigtvis|mycket|direkt|helt)\b"
          r"|ärligt talat\b|knappast\b|förmodligen inte\b|mestadels\b",
    "no": r"(?:ja|nei|ingen|ingenting)[.,!;:]|ikke (?:egentlig|nødvendigvis|mye|helt)\b|ærlig talt\b|neppe\b"
          r"|sannsynligvis ikke\b|for det meste\b",
    "pl": r"(?:tak|nie|nic|nikt)[.,!;:]|niekoniecznie\b|raczej nie\b|szczerze\b|chyba nie\b|w większości\b",
}
ANSWER_OPENER = {
    lang: re.compile(rf"^\W*(?:{words})", re.IGNORECASE) for lang, words in _ANSWER_OPENERS.items()
}


def answers_itself(question: str, following: str | None, language: str | None) -> bool:
    """Whether a question is answered by its own author in the next sentence of its paragraph
    (`following`, None at a paragraph's end): a rhetorical or a list question, not one for the reader."""
    if following is None or not question.rstrip().endswith("?"):
        return False
    languages = dict.fromkeys((language, "en")) if language in ANSWER_OPENER else ANSWER_OPENER
    return any(ANSWER_OPENER[lang].match(following) for lang in languages)
