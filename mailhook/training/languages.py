"""Words of the languages the first lexicon lacked, per-country legal forms, and street shapes.

`lexicon` merges the per-language tables here into its own, so every generator language has
greetings and legal forms; labels in more languages are added to the shared label tuples.
"""

from __future__ import annotations

VALEDICTIONS: dict[str, tuple[str, ...]] = {
    "bg": ("С уважение,", "Поздрави,", "Благодаря,"),
    "mk": ("Со почит,", "Поздрав,", "Ви благодарам,"),
    "uk": ("З повагою,", "Дякую,", "З найкращими побажаннями,"),
    "lt": ("Pagarbiai,", "Su pagarba,", "Linkėjimai,", "Ačiū,"),
    "lv": ("Ar cieņu,", "Sveicieni,", "Paldies,"),
    "et": ("Lugupidamisega", "Parimate soovidega", "Tervitades", "Tänan,"),
    "is": ("Kær kveðja,", "Bestu kveðjur,", "Með kveðju,"),
    "az": ("Hörmətlə,", "Təşəkkürlər,"),
    "ka": ("პატივისცემით,", "მადლობა,"),
    "hy": ("Հարգանքով,", "Շնորհակալություն,"),
    "he": ("בברכה,", "תודה,", "בכבוד רב,"),
    "fa": ("با احترام،", "با سپاس،"),
    "ar": ("مع التحية،", "مع خالص التحيات،", "شكراً،"),
    "hi": ("धन्यवाद,", "सादर,", "शुभकामनाओं सहित,"),
    "th": ("ขอแสดงความนับถือ", "ขอบคุณครับ", "ขอบคุณค่ะ"),
    "vi": ("Trân trọng,", "Thân ái,", "Cảm ơn,"),
    "id": ("Salam,", "Hormat saya,", "Terima kasih,", "Salam hangat,"),
    "zh": ("此致敬礼", "谢谢！", "祝好", "顺颂商祺"),
    "ko": ("감사합니다.", "감사합니다,", "드림"),
}

LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "bg": ("ООД", "ЕООД", "АД", "ЕАД", "Ltd."), "mk": ("ДООЕЛ", "ДОО", "АД"),
    "uk": ("ТОВ", "ПрАТ", "LLC"), "lt": ("UAB", "AB", "MB"), "lv": ("SIA", "AS"),
    "et": ("OÜ", "AS"), "is": ("ehf.", "hf.", "slf."), "az": ("MMC", "ASC"), "ka": ("შპს", "LLC"),
    "hy": ("ՍՊԸ", "ՓԲԸ", "LLC"), "he": ('בע"מ', "Ltd."), "fa": ("سهامی خاص", "Co."),
    "ar": ("ش.ذ.م.م", "LLC", "S.A.R.L."), "hi": ("Pvt. Ltd.", "Private Limited", "Ltd."),
    "th": ("จำกัด", "Co., Ltd.", "Co.,Ltd."), "vi": ("TNHH", "JSC", "Co., Ltd."),
    "id": ("Tbk", "CV"), "zh": ("有限公司", "股份有限公司", "Co., Ltd."),
    "ko": ("주식회사", "Co., Ltd.", "Inc."),
}
# Forms written before the name: "PT Maju Jaya", "(주) 보람", "Công ty TNHH An Phát".
PREFIX_FORMS: dict[str, tuple[str, ...]] = {
    "id": ("PT", "CV"), "ko": ("(주)", "주식회사"), "vi": ("Công ty TNHH", "Công ty Cổ phần"),
    "th": ("บริษัท",), "uk": ("ТОВ",), "ru": ("ООО", "АО"), "lt": ("UAB",), "lv": ("SIA",),
    "fr": ("Société", "Cabinet"), "es": ("Grupo",), "it": ("Studio",),
}
# The forms a country's own companies carry, beside those of its language.
COUNTRY_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "US": ("Inc.", "LLC", "Corp.", "Co.", "L.P.", "PLLC"), "GB": ("Ltd", "Limited", "plc", "LLP"),
    "IE": ("Ltd", "Limited", "DAC", "plc"), "AU": ("Pty Ltd", "Pty. Ltd.", "Ltd"),
    "NZ": ("Limited", "Ltd"), "ZA": ("(Pty) Ltd", "Pty Ltd"), "IN": ("Pvt. Ltd.", "Private Limited"),
    "CA": ("Inc.", "Ltd.", "Ltée", "inc."), "AT": ("GmbH", "AG", "KG", "GesmbH", "OG"),
    "CH": ("AG", "GmbH", "SA", "Sàrl", "Sagl"), "LI": ("AG", "Anstalt", "GmbH"),
    "LU": ("S.à r.l.", "S.A.", "SARL"), "BE": ("BV", "NV", "SRL", "SA", "BVBA", "SPRL", "CVBA"),
    "FR": ("SAS", "S.A.S.", "SARL", "SA", "SASU", "EURL", "SCI"), "ES": ("S.L.", "S.A.", "S.L.U."),
    "MX": ("S.A. de C.V.", "S. de R.L. de C.V.", "S.C."), "AR": ("S.A.", "S.R.L.", "S.A.S."),
    "CL": ("SpA", "Ltda.", "S.A."), "CO": ("S.A.S.", "Ltda.", "S.A."), "BR": ("Ltda.", "S.A.", "ME"),
    "PT": ("Lda.", "S.A.", "Unipessoal Lda."), "IT": ("S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "Srls"),
    "PL": ("Sp. z o.o.", "S.A.", "sp.j.", "sp.k."), "CZ": ("s.r.o.", "a.s."), "SK": ("s.r.o.", "a.s."),
    "HU": ("Kft.", "Zrt.", "Bt."), "DK": ("ApS", "A/S", "I/S"), "SE": ("AB", "HB"),
    "NO": ("AS", "ASA"), "FI": ("Oy", "Oyj", "Ab"), "NL": ("B.V.", "BV", "N.V.", "VOF"),
    "DZ": ("SARL", "SPA", "EURL"), "VE": ("C.A.", "C. A."), "TR": ("A.Ş.", "Ltd. Şti."),
}

# Company names spelled out in full, the way registries write them ({last}, {city}).
LONG_ORGS: dict[str, tuple[str, ...]] = {
    "de": ("{last} Vertriebsgesellschaft für Haustechnik mbH", "{last} Verwaltungs-GmbH",
           "{last} Handelsgesellschaft mbH", "Stadtwerke {city} GmbH",
           "{last} Maschinenbau GmbH & Co. KG", "{last} & Söhne Bauunternehmung GmbH"),
    "fr": ("Établissements {last} SAS", "{last} et Fils SARL", "Cabinet {last} & Associés",
           "Société {last} Industries S.A.S."),
    "es": ("{last} y Asociados, S.L.", "Industrias {last}, S.A.", "Comercial {last} Hermanos, S.L.",
           "Construcciones {last}, C. A.", "Distribuidora {last} de {city}, S.A. de C.V."),
    "it": ("{last} & Figli S.r.l.", "Officine Meccaniche {last} S.p.A.", "Studio Associato {last}",
           "{last} Impianti Elettrici S.n.c."),
    "pt": ("{last} & Filhos, Lda.", "Transportes {last}, S.A.", "{last} Comércio e Serviços Ltda."),
    "nl": ("{last} en Zonen B.V.", "Installatiebedrijf {last} B.V.", "{last} Holding N.V."),
    "pl": ("Przedsiębiorstwo Handlowe {last} Sp. z o.o.", "Zakład Usługowy {last}"),
    "cs": ("{last} a syn, s.r.o.", "Stavební firma {last} a.s."),
    "hu": ("{last} és Társa Kft.", "{last} Építőipari Zrt."),
    "en": ("{last} Brothers Ltd", "{last} & Sons Manufacturing, Inc.", "{city} Regional Council",
           "{last} Engineering Services Pty Ltd"),
}

# Street shapes for locales whose Faker addresses are only the en_US fallback ({name}, {n}).
STREET_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": ("{n} {name} Street", "{n} {name} Road", "Plot {n}, {name} Avenue", "{n} {name} Close"),
    "de": ("{name}strasse {n}", "Landstrasse {n}", "{name}weg {n}", "Route de {name} {n}"),
    "fr": ("Rue {name} {n}", "Avenue {name} {n}", "{n}, rue de la Gare", "Chaussée de {name} {n}"),
    "es": ("Calle {name} {n}", "Avda. {name} {n}"),
    "is": ("{name}gata {n}", "{name}vegur {n}"),
    "bg": ("ул. {name} {n}", "бул. {name} {n}"),
    "tr": ("{name} Sok. No: {n}", "{name} Cad. No:{n}", "{name} Mah. {name} Sk. No {n}"),
    "lt": ("{name} g. {n}", "{name} pr. {n}"),
    "lv": ("{name} iela {n}", "{name} gatve {n}"),
    "et": ("{name} tn {n}", "{name} mnt {n}", "{name} {n}"),
}

# Labels in more languages, added to the shared label tuples.
PHONE_LABELS: tuple[str, ...] = (
    "Oficina", "Standard", "Ligne directe", "Centralino", "Tel. fijo", "Teléfono fijo", "Fixo",
    "Telefone fixo", "Tel. stac.", "Telefonszám", "Puhelin", "Sími", "Tfn", "Tlf.", "Telefonas",
    "Tālr.", "Tālrunis", "Телефон", "Тел.", "Telefono fisso", "Diretto", "Tel. direct", "Direkt",
    "Vaihde", "Växel", "Centrala", "Ústředna", "Điện thoại",
    "Telepon", "Τηλέφωνο", "Telefoon", "Recepción",
)
MOBILE_LABELS: tuple[str, ...] = (
    "Cell.", "Cel.", "Cel", "Tel. móvil", "Móvil.", "Portable", "Port.", "Tel. kom.", "Kom.",
    "Komórka", "Mobilní", "Mobil:", "Mobilný", "Matkap.", "Farsími", "Mobilais", "Mob. tel.",
    "Моб.", "Мобільний", "GSM", "Cellulare", "Cell", "WhatsApp", "Di động", "HP",
)
FAX_LABELS: tuple[str, ...] = ("Télécopieur", "Faksi", "Telefaks", "Факс:")
EMAIL_LABELS: tuple[str, ...] = ("Correo electrónico", "E-posta", "E-pasts", "El. paštas", "E-mail:",
                                 "Ел. поща", "Пошта", "Posta elettronica")
WEB_LABELS: tuple[str, ...] = ("Sitio web", "Sito", "Webseite", "Strona", "Weboldal", "Verkkosivut",
                               "Сайт", "Website:", "Site web")
ADDRESS_LABELS: tuple[str, ...] = ("Domicilio", "Siedziba", "Sídlo", "Székhely", "Adresas",
                                   "Adrese", "Aadress", "Heimilisfang", "Адрес", "Адреса",
                                   "Địa chỉ", "Alamat", "Besöksadress", "Postadres")
DISCLAIMERS: tuple[str, ...] = (
    "Ez az e-mail bizalmas információkat tartalmazhat.",
    "Tato zpráva je důvěrná a je určena pouze adresátovi.",
    "Tämä viesti voi sisältää luottamuksellista tietoa.",
    "Acest mesaj este confidențial și destinat exclusiv destinatarului.",
    "Bu e-posta gizli bilgi içerebilir.",
    "Это сообщение может содержать конфиденциальную информацию.",
    "Aviso legal: este mensaje y sus anexos pueden contener información confidencial.",
    "AVVERTENZE AI SENSI DEL D.LGS. 196/2003: le informazioni contenute in questo messaggio sono "
    "riservate.",
    "Conformément au RGPD, vous disposez d'un droit d'accès et de rectification de vos données.",
)
