"""What names an organisation: its words, legal forms per country, the sender's mail and web domains."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from cleanco.termdata import terms_by_country, terms_by_type
from publicsuffixlist import PublicSuffixList

# Legal forms as companies write them, per country (ISO 3166 code; "EU" for the Societas
# Europaea). cleanco ships a similar table, but lower-cased and with two-letter words ("as",
# "da", "et") that cannot be told from prose without the case they are written in, and it
# lacks mbH, e.K., UG, S.L.U. and C.A.; this table keeps the case, and a dotted form matches
# with or without a space after each dot ("S.L." and "S. L."). Forms that are also common
# abbreviations are left out: OG (a floor), KB and MB (sizes), SC and DA, Ay and Ab (words).
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "DE": ("GmbH & Co. KG", "GmbH & Co. KGaA", "AG & Co. KG", "UG & Co. KG", "GmbH", "gGmbH",
           "mbH", "AG", "KG", "KGaA", "OHG", "oHG", "GbR", "e.K.", "e.Kfm.", "e.Kfr.", "UG",
           "eG", "e.G.", "e.V.", "PartG", "PartG mbB", "mbB", "Ges.m.b.H."),
    "AT": ("GesmbH", "Ges.m.b.H.", "KEG", "e.U."),
    "CH": ("Sagl", "Sàrl", "SA"),
    "EU": ("SE", "SCE"),
    "GB": ("Ltd", "Ltd.", "Limited", "PLC", "plc", "LLP", "LP", "CIC"),
    "US": ("Inc", "Inc.", "Incorporated", "LLC", "L.L.C.", "PLLC", "LLP", "L.L.P.", "L.P.",
           "Corp", "Corp.", "Corporation", "Co.", "Company", "P.C.", "P.A."),
    "AU": ("Pty Ltd", "Pty. Ltd.", "(Pty) Ltd", "Pty Limited", "Pty"),
    "SG": ("Pte Ltd", "Pte. Ltd."),
    "IN": ("Pvt. Ltd.", "Pvt Ltd", "Private Limited"),
    "FR": ("SA", "S.A.", "SAS", "S.A.S.", "SASU", "SARL", "S.A.R.L.", "S.à r.l.", "EURL", "SNC",
           "SCI", "SCOP", "SCP", "SELARL", "GIE"),
    "BE": ("SRL", "SPRL", "BVBA", "CVBA", "VZW", "ASBL"),
    "ES": ("S.A.", "S.L.", "SL", "S.L.U.", "SLU", "S.A.U.", "SAU", "S.L.L.", "S.Coop.",
           "S.C.", "S.L.N.E."),
    "MX": ("S.A. de C.V.", "S.A.B. de C.V.", "S. de R.L.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."),
    "VE": ("C.A.", "S.R.L."),
    "CO": ("S.A.S.", "Ltda.", "E.U."),
    "AR": ("S.R.L.", "S.A.", "S.A.S."),
    "IT": ("S.p.A.", "SpA", "S.r.l.", "Srl", "SRL", "S.r.l.s.", "Srls", "S.a.s.", "S.n.c.",
           "S.c.r.l.", "S.c.a.r.l.", "S.a.p.a."),
    "PT": ("Lda.", "Lda", "Unipessoal Lda.", "S.A.", "SGPS", "S.G.P.S."),
    "BR": ("Ltda.", "Ltda", "S/A", "S.A.", "EIRELI", "EPP"),
    "NL": ("B.V.", "BV", "N.V.", "NV", "V.O.F.", "VOF", "C.V."),
    "DK": ("A/S", "ApS", "I/S", "K/S", "P/S", "IVS", "A.m.b.a.", "a.m.b.a."),
    "SE": ("AB", "(publ)"),
    "NO": ("AS", "ASA", "ANS", "NUF"),
    "FI": ("Oy", "OY", "Oyj"),
    "PL": ("Sp. z o.o.", "sp. z o.o.", "Sp. z.o.o.", "sp. z.o.o.", "Sp.j.", "sp.j.", "Sp.k.",
           "sp.k.", "S.K.A.", "S.A.", "sp. p."),
    "CZ": ("s.r.o.", "spol. s r.o.", "a.s.", "v.o.s.", "k.s.", "z.s."),
    "SK": ("s.r.o.", "a.s."),
    "HU": ("Kft.", "Kft", "Zrt.", "Nyrt.", "Bt.", "Kkt.", "Rt.", "Kht."),
    "RO": ("S.R.L.", "SRL", "S.A."),
    "HR": ("d.o.o.", "d.d."),
    "SI": ("d.o.o.", "d.d."),
    "EE": ("OÜ", "AS"),
    "LV": ("SIA", "AS"),
    "LT": ("UAB", "AB"),
    "GR": ("Α.Ε.", "Ε.Π.Ε.", "Ο.Ε.", "Ι.Κ.Ε."),
    "TR": ("A.Ş.", "Ltd. Şti.", "Şti."),
    "RU": ("ООО", "ОАО", "ЗАО", "ПАО", "АО", "OOO", "ZAO", "OAO"),
    "UA": ("ТОВ", "ПрАТ"),
    "BG": ("ООД", "ЕООД", "АД", "ЕАД"),
    "JP": ("K.K.", "Co., Ltd.", "Co.,Ltd."),
    "MY": ("Sdn Bhd", "Sdn. Bhd.", "Bhd"),
    "IS": ("ehf.", "hf."),
    "LU": ("SICAV", "S.à r.l."),
    "MK": ("DOOEL", "d.o.o.e.l."),
    "AL": ("sh.p.k.",),
    "LB": ("SAL",),
    "EG": ("S.A.E.",),
    "OM": ("SAOG", "SAOC"),
}
# Forms that are no word of any language we read: matched in any case ("acme gmbh").
_ANY_CASE = frozenset(
    {"GmbH", "mbH", "gGmbH", "GmbH & Co. KG", "Ltd", "Ltd.", "LLC", "LLP", "PLC", "Inc.",
     "S.r.l.", "S.p.A.", "Sp. z o.o.", "s.r.o.", "spol. s r.o.", "Kft.", "Zrt.", "Nyrt.",
     "Ltda.", "ApS", "Oyj", "SARL", "S.à r.l.", "KGaA", "Pty Ltd", "S.L.U.", "S.A.S."}
)

# Free mail providers, by the label of their registrable domain ("gmx" for gmx.de and gmx.at):
# a sender's mailbox there says nothing about their employer. No maintained package lists the
# providers of the countries we read, so the large ones are named here.
FREE_MAIL = frozenset(
    {
        "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn",
        "aol", "icloud", "me", "mac", "gmx", "web", "t-online", "freenet", "arcor", "posteo",
        "mailbox", "orange", "wanadoo", "laposte", "sfr", "neuf", "free", "libero", "virgilio",
        "tiscali", "alice", "tin", "email", "wp", "o2", "onet", "interia", "op", "seznam", "centrum",
        "atlas", "freemail", "citromail", "telia", "online", "yandex", "mail", "proton", "protonmail",
        "pm", "zoho", "bluewin", "hispeed", "btinternet", "sky", "virginmedia", "comcast", "verizon",
        "att", "sbcglobal", "excite", "earthlink", "juno", "terra", "uol", "bol", "sapo", "telenet",
        "skynet", "ziggo", "kpn", "planet", "home", "hetnet", "xs4all", "chello", "a1", "aon",
        "hushmail", "fastmail", "tutanota", "tuta", "qq", "163", "126", "naver", "daum", "rambler",
        "ukr", "inbox", "lavabit"
    }
)

# Sites that signatures link to for a profile, a meeting or a short link: they name the
# platform, not the sender's organisation.
PLATFORMS = frozenset(
    {
        "linkedin", "lnkd", "xing", "twitter", "x", "facebook", "fb", "instagram", "youtube", "youtu",
        "vimeo", "tiktok", "pinterest", "flickr", "github", "gitlab", "bitbucket", "medium",
        "wordpress", "blogspot", "tumblr", "google", "goo", "microsoft", "office", "live",
        "sharepoint", "teams", "zoom", "skype", "webex", "gotomeeting", "calendly", "doodle",
        "whatsapp", "wa", "telegram", "t", "bit", "tinyurl", "ow", "linktr", "apple", "dropbox",
        "wetransfer", "mailchimp", "eepurl"
    }
)

_EMAIL_DOMAIN = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")
_WEB_DOMAIN = re.compile(r"(?:https?://|www\.)([\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_SQUEEZE = re.compile(r"[\W_]+")
# German, Scandinavian and other letters that domains spell out rather than drop.
_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "o",
                          "å": "a", "ł": "l", "đ": "d", "þ": "th", "œ": "oe"})


def legal_form_pattern() -> str:
    """A regular expression of every legal form, longest first, dotted forms spaced or not."""
    forms = sorted({form for forms in LEGAL_FORMS.values() for form in forms}, key=len, reverse=True)
    return "|".join(_pattern(form) for form in forms)


def _pattern(form: str) -> str:
    escaped = re.escape(form)
    # "S.L." also as "S. L." and "C. A.": a space may follow a dot inside the form.
    spaced = re.sub(r"\\\.(?=\w)", r"\\.\\s?", escaped).replace(r"\ ", r"\s?" if "." in form else r"\s")
    return f"(?i:{spaced})" if form in _ANY_CASE else spaced


LEGAL_FORM = legal_form_pattern()
# Organisation words in the languages we read: a line with one names an organisation.
ORG_WORDS = (
    # en
    r"company|corporation|association|university|institute|foundation|group|bank|services|"
    r"consultants|consulting|consultancy|partners|solutions|technologies|systems|software|labs|"
    r"laboratories|agency|ministry|department of|council|society|hospital|clinic|network|"
    r"international|industries|holding|holdings|enterprises|studio|worldwide|global|energy|"
    r"capital|ventures|media|communications|investments?|securities|insurance|logistics|"
    r"pipeline|resources|trading|exchange|operator|associates|academy|"
    # de
    r"universität|hochschule|institut|stiftung|gruppe|agentur|ministerium|verein|verband|"
    r"klinik|klinikum|krankenhaus|versicherung|werke|stadtwerke|verlag|kanzlei|rechtsanwälte|"
    r"steuerberatung|ingenieurbüro|genossenschaft|akademie|holding|"
    # de public bodies ("Bundesamt für ..."; "Hauptverwaltung", "Informationszentrum": ORG_ENDINGS)
    r"landeshauptstadt|bundesamt|landesamt|"
    # fr
    r"université|fondation|groupe|société|compagnie|entreprise|établissements|cabinet|"
    r"assurances|laboratoire|laboratoires|agence|associés|avocats|"
    # es, pt
    r"universidad|universidade|instituto|fundación|fundação|grupo|empresa|compañía|companhia|"
    r"seguros|laboratorio|laboratório|agencia|agência|asociados|abogados|distribuidora|"
    r"comércio|comercializadora|"
    # it
    r"università|istituto|fondazione|gruppo|società|azienda|impresa|assicurazioni|agenzia|"
    r"associati|avvocati|"
    # nl, nordic
    r"universiteit|stichting|groep|bedrijf|advocaten|verzekeringen|universitet|stiftelse|"
    r"koncern|konsern|selskab|selskap|företag|advokatfirma|advokatbyrå|"
    # pl, cs, sk, hu, fi
    r"uniwersytet|politechnika|fundacja|grupa|spółka|przedsiębiorstwo|univerzita|nadace|"
    r"společnost|skupina|egyetem|alapítvány|társaság|csoport|yliopisto|säätiö|yhtiö|"
    # public bodies, by the words only they use
    r"mairie|préfecture|ministère|centre hospitalier|stadtverwaltung|gemeindeverwaltung|"
    r"landratsamt|bezirksamt|rathaus|ayuntamiento|ajuntament|concello|diputación|ministerio|"
    r"comune di|ministero|ospedale|gemeente|ministerie|ziekenhuis|prefeitura|câmara municipal|"
    r"ministério|kommune|kommun|sygehus|sjukhus|urząd|szpital|magistrát|nemocnice|"
    r"önkormányzat|kórház"
)
# Legal forms keep the case they are written in ("AS" is a company, "as" a word); ORG words
# are matched in any case.
LEGAL = re.compile(rf"(?:^|(?<=[\s,(/-]))(?:{LEGAL_FORM})(?=$|[\s,.;)])")
# German compounds end in the word ("Hauptverwaltung", "Informationszentrum", "Atomenergiebehörde",
# "Vertriebsgesellschaft"): matched as a word's end, which is cheaper than a word of any start.
ORG_ENDINGS = r"(?i:(?:gesellschaft|verwaltung|zentrum|behörde|anstalt)\b)"
ORG = re.compile(rf"{LEGAL.pattern}|(?i:\b(?:{ORG_WORDS})\b)|{ORG_ENDINGS}")
# "Firma: Acme GmbH", "Société : ...": a labelled company line.
ORG_LABEL = re.compile(
    r"^\s*(?:company|organi[sz]ation|employer|firma|firmenname|unternehmen|arbeitgeber|société|"
    r"entreprise|empresa|compañía|azienda|società|ditta|bedrijf|organisatie|företag|virksomhed|"
    r"selskap|firma|cég|společnost|spółka|yritys)\s*:\s*",
    re.IGNORECASE,
)


# A lower-case article opens a phrase, not a name ("a Linux Foundation Collaborative Project",
# a wrapped sentence of a notice; "une société du ...", "eine Marke der ...").
_ARTICLE = re.compile(r"(?:a|an|the|ein|eine|einer|un|une|una|uno|le|la|les|il|lo|el|los|las|het|een)\s")


def opens_a_phrase(text: str) -> bool:
    """The text starts with a lower-case article: a phrase of prose, no organisation's name."""
    return _ARTICLE.match(text.strip()) is not None


# cleanco's terms that are words of the languages we read as well as legal forms.
_CLEANCO_WORDS = frozenset({"private", "vat", "sem", "sep", "etat", "ses.", "stg", "teo", "and company"})
_LAST_WORDS = 4


def ends_in_legal_form(text: str) -> bool:
    """The name ends with a legal form: ours in the case it is written ("Polmet Sp.j.", "Costa
    Hermanos, C. A."), or one of cleanco's per-country terms in any case, but only those of three
    letters or more or with a dot ("Põhjala oü" no, "acme kft." yes): two letters ("as", "da")
    are words too. For names another finder proposed, not for finding them in prose."""
    if _LEGAL_END.search(text):
        return True
    words = text.casefold().replace(",", " ").split()
    for width in range(1, min(_LAST_WORDS, len(words) - 1) + 1):
        if _squeezed(" ".join(words[-width:])) in _cleanco_terms():
            return True
    return False


_LEGAL_END = re.compile(rf"\S\s*,?\s(?:{LEGAL_FORM})\s*$")


def _squeezed(term: str) -> str:
    return re.sub(r"\.\s+", ".", term.strip())


@lru_cache(maxsize=1)
def _cleanco_terms() -> frozenset[str]:
    terms = {t for forms in [*terms_by_country.values(), *terms_by_type.values()] for t in forms}
    kept = {_squeezed(t.casefold()) for t in terms if "." in t or len(re.sub(r"\W", "", t)) >= 3}
    return frozenset(kept - _CLEANCO_WORDS)


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    """The Public Suffix List, shipped with the package: read once per process (~30 ms)."""
    return PublicSuffixList()


def domain_label(domain: str, ignored: frozenset[str] = FREE_MAIL) -> str | None:
    """The name a domain gives its owner ("acme" for mail.acme.co.uk); None for free mail."""
    registrable = _suffixes().privatesuffix(domain.strip(".").casefold())
    if not registrable:
        return None
    label = registrable.split(".")[0]
    return None if label in ignored else label


def sender_labels(email: str | None, lines: Iterable[str]) -> frozenset[str]:
    """Domain labels of the sender's own organisation: the From address, and the mail and web
    addresses the signature itself writes."""
    mail = [email.rsplit("@", 1)[1]] if email and "@" in email else []
    web: list[str] = []
    for line in lines:
        mail += _EMAIL_DOMAIN.findall(line)
        web += _WEB_DOMAIN.findall(line)
    labels = [domain_label(domain) for domain in mail]
    labels += [domain_label(domain, FREE_MAIL | PLATFORMS) for domain in web]
    return frozenset(_SQUEEZE.sub("", label) for label in labels if label)


def names_domain(text: str, labels: frozenset[str]) -> bool:
    """True when the text spells one of the domain labels: from its start ("Acme Tools Ltd" and
    acme.com or acmetools.de), by its first word inside the label ("Elektro Weber" and
    weber-elektro.de), or by its initials ("Hans Müller Haustechnik" and hmh.de)."""
    if not labels:
        return False
    for words in _spellings(text):
        squeezed = "".join(words)
        initials = "".join(w[0] for w in words if w)
        for label in labels:
            if len(label) >= 3 and (squeezed.startswith(label) or (len(label) >= 4 and label in squeezed)):
                return True
            if words and len(words[0]) >= 4 and words[0] in label:
                return True
            if len(label) >= 3 and len(words) >= 3 and initials.startswith(label):
                return True
    return False


def _spellings(text: str) -> list[list[str]]:
    """The text's words folded two ways: letters spelled out (ö -> oe) and marks dropped."""
    folded = text.casefold()
    spelled = folded.translate(_SPELLED)
    dropped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return [[_SQUEEZE.sub("", w) for w in variant.split() if _SQUEEZE.sub("", w)]
            for variant in {spelled, dropped.translate(_SPELLED)}]
