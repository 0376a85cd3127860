"""Trust as an attacker tries it: real signatures by the attacker's own domain, keys served by a
real DNS server on loopback, mail through the running service's real SMTP and LMTP listeners."""

from __future__ import annotations

import smtplib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate
from typing import Any

import dkim
import pytest
from dialog import dialog, lmtp_deliver
from dkimstub import Key, Records, key_name, new_key, serving, signed, signed_leaving_out_from

from mailhook.config import AddressesConfig, Config, DkimConfig, LoggingConfig
from mailhook.model import SOURCE_AI
from mailhook.service.listeners import REPLY_FROM_IN_DOUBT, REPLY_STORED
from mailhook.store import Store
from mailhook.trust.dkim import PASS, authenticated_submitter, authentication_results_verdict
from mailhook.trust.verifier import Verifier

ANN, BOB = "ann@us.example", "bob@us.example"
VICTIM, CAROL, ATTACKER = "victim@corp.example", "carol@target.example", "attacker@evil.example"
FORWARDING = "log@hook.localhost"
DOMAINS = ("evil.example", "corp.example", "target.example", "us.example")
TIMEOUT = 30.0
SIGNATURE = "Best regards,\n{name}\nSales Director\nTarget Ltd\nTel: +49 30 1234567\n"
Start = Callable[..., Any]


@pytest.fixture(scope="module")
def keys() -> dict[str, Key]:
    return {domain: new_key() for domain in DOMAINS}


@pytest.fixture
def dns(keys: dict[str, Key]) -> Iterator[str]:
    records: Records = {key_name(domain): key.record for domain, key in keys.items()}
    with serving(records) as address:
        yield address


@pytest.fixture
def hook(config_factory: Callable[..., Config], dns: str, users: Callable[..., Any],
         running_service: Start, db_path: Any) -> Callable[..., Any]:
    """Start the service under `[dkim] policy = "require"`, key lookups going to our DNS server;
    ann and bob are users, the victim and carol are (empty) contacts."""

    def start(**dkim: Any) -> Any:
        config = config_factory(
            dkim=DkimConfig(policy="require", dns_timeout=2.0, nameservers=(dns,), **dkim),
            addresses=AddressesConfig(forwarding=(FORWARDING,)),
            logging=LoggingConfig(max_new_contacts=2),
        )
        users(ANN, BOB, inbox_automation=True)
        store = Store(db_path)
        for contact in (VICTIM, CAROL):
            store.add_contact(contact, {}, "import")
        store.close()
        return running_service(config)

    return start


def mail(from_field: str, body: str, *, to: str = ANN, msgid: str = "<m1@mail.example>",
         subject: str = "Re: your offer") -> bytes:
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(time.time())
    msg["Message-ID"] = msgid
    msg.set_content(body)
    del msg["From"]
    raw = msg.as_bytes(policy=SMTP_POLICY)
    return b"From: " + from_field.encode() + b"\r\n" + raw


def reply_body(name: str = "Carol Smith", phone: str = "+49 30 1234567") -> str:
    return "Thanks, that works for us.\n\n" + SIGNATURE.format(name=name).replace("+49 30 1234567", phone)


def settled(db_path: Any, count: int) -> list[dict[str, Any]]:
    """The stored messages once `count` of them are out of the queue (bounded wait)."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        with closing(sqlite3.connect(db_path)) as conn:
            conn.row_factory = sqlite3.Row
            rows = [dict(r) for r in conn.execute("SELECT * FROM messages ORDER BY id")]
        done = [r for r in rows if r["status"] not in ("pending", "processing")]
        if len(done) >= count or time.monotonic() > deadline:
            assert len(done) >= count, rows
            return rows
        time.sleep(0.05)


def filled_by_ai(db_path: Any, contact: str) -> dict[str, str]:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.row_factory = sqlite3.Row
        contact_row = conn.execute("SELECT * FROM contacts WHERE email = ?", (contact,)).fetchone()
        rows = conn.execute(
            "SELECT property FROM contact_properties WHERE contact_email = ? AND source = ?",
            (contact, SOURCE_AI),
        ).fetchall()
    return {r["property"]: contact_row[r["property"]] for r in rows}


def contacts(db_path: Any) -> set[str]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {r[0] for r in conn.execute("SELECT email FROM contacts")}


def test_encoded_address_in_the_display_name_fills_nothing_and_spares_the_victims_reply(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """LMTP to two users: a From whose encoded words decode to the victim's address, signed by the
    attacker's own domain. No reader takes it for the victim's: nothing is filled, and the
    victim's real first reply (signed by the victim's domain) still fills."""
    service = hook()
    hostile = "=?utf-8?q?=3Cvictim=40corp=2Eexample=3E_=28?= <attacker@evil.example>)"
    raw = signed(mail(hostile, reply_body("Eve Forger", "+49 30 9999999")), keys["evil.example"],
                 "evil.example")
    assert lmtp_deliver(service.lmtp, raw, [ANN, BOB], mail_from=ATTACKER) == [REPLY_STORED] * 2
    rows = settled(db_path, 2)
    assert filled_by_ai(db_path, VICTIM) == {}
    assert {r["skip_reason"] for r in rows} == {"author in doubt: a malformed From field"}

    real = signed(mail(f"Victim <{VICTIM}>", reply_body("Vic Tim"), msgid="<real@corp.example>"),
                  keys["corp.example"], "corp.example")
    assert lmtp_deliver(service.lmtp, real, [ANN], mail_from=VICTIM) == [REPLY_STORED]
    settled(db_path, 3)
    assert filled_by_ai(db_path, VICTIM)["phone"] == "+49301234567"


def test_a_from_read_as_two_addresses_by_one_reader_is_refused_on_the_forwarding_port(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """SMTP, no auth: a From that one reader sees as attacker-plus-user and another as the attacker
    alone, signed by the attacker, carrying a forward "from" carol: refused at DATA, nothing
    stored, carol untouched."""
    service = hook()
    hostile = "<attacker@evil.example>, =?utf-8?q?=28?= <ann@us.example> =?utf-8?q?=29?="
    body = ("FYI\n\n---------- Forwarded message ---------\nFrom: Carol Smith <carol@target.example>\n"
            "Subject: offer\n\n" + reply_body("Carol Forged", "+49 30 6666666"))
    raw = signed(mail(hostile, body, to=FORWARDING, subject="Fwd: offer"), keys["evil.example"],
                 "evil.example")
    with dialog(service.smtp) as d:
        d.envelope(ANN, [FORWARDING], hello="EHLO")
        assert d.data(raw, 1) == [REPLY_FROM_IN_DOUBT]
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    assert filled_by_ai(db_path, CAROL) == {}


def test_text_beyond_a_signed_body_length_is_not_the_authors(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """A signature with l= covers only the first bytes; a signature block appended after them is
    anybody's, so the signature does not authenticate the mail and nothing is filled."""
    service = hook()
    raw = signed(mail(f"Carol <{CAROL}>", "Thanks, that works for us.\n"), keys["target.example"],
                 "target.example", length=True)
    raw += b"\r\n" + SIGNATURE.format(name="Carol Forged").replace("+49 30 1234567", "+1 212 555 0100") \
        .replace("\n", "\r\n").encode()
    assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=CAROL) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["dkim_verdict"] == "fail"
    assert filled_by_ai(db_path, CAROL) == {}


def test_a_signature_that_does_not_sign_from_authenticates_nobody(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """dkimpy verifies a signature whose h= leaves From out; the From is then anybody's claim."""
    service = hook()
    raw = signed_leaving_out_from(mail(f"Carol <{CAROL}>", reply_body()), keys["target.example"],
                                  "target.example")
    assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=CAROL) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["dkim_verdict"] == "fail"
    assert filled_by_ai(db_path, CAROL) == {}


def test_authentication_results_hidden_behind_a_bare_cr_are_not_believed(
    hook: Start, db_path: Any
) -> None:
    """Python's parser breaks a header at a bare CR, dkimpy does not: a trusted-looking
    Authentication-Results smuggled that way vouches for nothing."""
    service = hook(trusted_authserv_ids=("mx.us.example",))
    smuggled = b"X-Note: hi\rAuthentication-Results: mx.us.example; dkim=pass header.d=target.example\r\n"
    raw = smuggled + mail(f"Carol <{CAROL}>", reply_body())
    assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=CAROL) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["skip_reason"] == "author in doubt: a bare CR in the header block"
    assert filled_by_ai(db_path, CAROL) == {}


def test_a_from_longer_than_any_real_one_is_not_believed(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """Readers with a length cut-off would see another list beyond it: such a From is in doubt."""
    service = hook()
    padded = "Carol (" + "\r\n ".join(["x" * 70] * 45) + f") <{CAROL}>"  # folded: lines stay short
    raw = signed(mail(padded, reply_body()), keys["target.example"], "target.example")
    assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=CAROL) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["skip_reason"] == "author in doubt: a From field too long to read"
    assert filled_by_ai(db_path, CAROL) == {}


@pytest.mark.parametrize("shape", ["inline", "attached"])
def test_a_forwarded_original_with_two_authors_fills_nothing(
    hook: Start, keys: dict[str, Key], db_path: Any, shape: str
) -> None:
    """The user's forward is authentic (signed by the user's domain), but the original's From names
    two people: the original obeys the same one-author rules, so nobody is filled."""
    service = hook()
    two = "carol@target.example, eve@evil.example"
    original = reply_body("Carol Forged", "+49 30 6666666")
    if shape == "inline":
        body = f"FYI\n\n---------- Forwarded message ---------\nFrom: {two}\nSubject: offer\n\n{original}"
        raw = mail(f"Ann <{ANN}>", body, to=FORWARDING, subject="Fwd: offer")
    else:
        outer = EmailMessage()
        outer["From"], outer["To"], outer["Subject"] = f"Ann <{ANN}>", FORWARDING, "Fwd: offer"
        outer["Message-ID"], outer["Date"] = "<fwd@us.example>", formatdate(time.time())
        outer.set_content("FYI")
        inner = EmailMessage()
        inner["From"], inner["To"], inner["Subject"] = two, ANN, "offer"
        inner.set_content(original)
        outer.add_attachment(inner)
        raw = outer.as_bytes(policy=SMTP_POLICY)
    raw = signed(raw, keys["us.example"], "us.example")
    with smtplib.SMTP(*service.smtp, timeout=TIMEOUT) as client:
        client.sendmail(ANN, [FORWARDING], raw)
    [row] = settled(db_path, 1)
    assert row["direction"] == "forwarded"
    assert row["skip_reason"].startswith("original author in doubt:")
    assert filled_by_ai(db_path, CAROL) == {}


def test_unsigned_mail_claiming_to_be_a_users_logs_and_creates_nothing(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """An LMTP copy "from ann" with no proof it is ann's is not taken for her outbound mail; the
    same mail signed by her domain logs, creating at most [logging] max_new_contacts contacts."""
    service = hook()
    recipients = ", ".join(f"p{i}@them.example" for i in range(5))
    forged = mail(f"Ann <{ANN}>", "Hello all", to=recipients, msgid="<forged@us.example>")
    assert lmtp_deliver(service.lmtp, forged, [BOB], mail_from=ANN) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["skip_reason"] == "sender not shown to be the user (dkim:none)"
    assert contacts(db_path) == {VICTIM, CAROL}

    real = signed(mail(f"Ann <{ANN}>", "Hello all", to=recipients, msgid="<real@us.example>"),
                  keys["us.example"], "us.example")
    assert lmtp_deliver(service.lmtp, real, [BOB], mail_from=ANN) == [REPLY_STORED]
    settled(db_path, 2)
    assert contacts(db_path) == {VICTIM, CAROL, "p0@them.example", "p1@them.example"}


def test_a_users_dkim_pass_proves_outbound_mail_only_for_that_user(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """A pass of the attacker's own domain proves the attacker wrote it, never that a user did:
    mail from the attacker to a user is inbound, and creates no contacts."""
    service = hook()
    raw = signed(mail(f"<{ATTACKER}>", "Hello", to="x1@them.example, x2@them.example"),
                 keys["evil.example"], "evil.example")
    assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=ATTACKER) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["direction"] == "inbound"
    assert contacts(db_path) == {VICTIM, CAROL}


def test_own_addresses_written_oddly_never_become_contacts(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """`"ann"@us.example`, `ann@us.example.` and `LOG@hook.localhost.` are ann and the forwarding
    address: one canonical form everywhere, so only the real outsider becomes a contact."""
    service = hook()
    to = '"ann"@us.example, bob@us.example., LOG@hook.localhost., Dee <dee@them.example>'
    raw = signed(mail(f"Ann <{ANN}>", "Hello all", to=to, msgid="<odd@us.example>"),
                 keys["us.example"], "us.example")
    assert lmtp_deliver(service.lmtp, raw, [BOB], mail_from=ANN) == [REPLY_STORED]
    settled(db_path, 1)
    assert contacts(db_path) == {VICTIM, CAROL, "dee@them.example"}


def test_a_selector_with_a_nul_byte_cannot_borrow_the_attackers_key(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """`s=sel._domainkey.evil.example\\x00` with `d=target.example`: c-ares reads names as C strings
    and would fetch the attacker's key for target.example. Such a name is never looked up."""
    service = hook()
    raw = signed(mail(f"Carol <{CAROL}>", reply_body("Carol Forged")), keys["evil.example"],
                 "target.example", selector="sel._domainkey.evil.example\x00")
    assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=CAROL) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["dkim_verdict"] == "fail"
    assert filled_by_ai(db_path, CAROL) == {}


def test_an_arc_seal_with_a_nul_byte_in_its_selector_vouches_for_nothing(
    keys: dict[str, Key], dns: str
) -> None:
    """The same trick on a trusted list's ARC seal: no lookup, no pass, with real DNS (aiodns)."""
    raw = mail(f"Carol <{CAROL}>", reply_body("Carol Forged"))
    recorded = b"Authentication-Results: lists.example; dkim=pass header.d=target.example\r\n" + raw
    seal = dkim.arc_sign(recorded, b"sel._domainkey.evil.example\x00", b"lists.example",
                         keys["evil.example"].private, b"lists.example")
    sealed = b"".join(seal) + recorded
    config = DkimConfig(policy="require", dns_timeout=2.0, nameservers=(dns,),
                        trusted_arc_sealers=("lists.example",))
    with Verifier(config) as verifier:
        assert verifier.submit(sealed, "target.example").result(timeout=TIMEOUT) != PASS


def test_a_field_added_on_top_of_a_signed_message_puts_it_in_doubt(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """dkimpy verifies the bottom copy of a field, Python reads the top one: a To added on top of
    ann's genuine signed mail, or a Content-Type on top of carol's signed reply, is read by us
    and signed by nobody. Such mail creates, logs and fills nothing."""
    service = hook()
    genuine = signed(mail(f"Ann <{ANN}>", "Hello", to="dee@them.example", msgid="<g@us.example>"),
                     keys["us.example"], "us.example")
    added_to = b"To: Victim One <v1@victims.example>, v2@victims.example\r\n" + genuine
    assert lmtp_deliver(service.lmtp, added_to, [BOB], mail_from=ANN) == [REPLY_STORED]
    reply = signed(mail(f"Carol <{CAROL}>", reply_body("Carol Forged")), keys["target.example"],
                   "target.example")
    added_type = b'Content-Type: multipart/mixed; boundary="XYZ"\r\n' + reply
    assert lmtp_deliver(service.lmtp, added_type, [ANN], mail_from=CAROL) == [REPLY_STORED]
    rows = settled(db_path, 2)
    assert [r["skip_reason"] for r in rows] == [
        "author in doubt: more than one to field", "author in doubt: more than one content-type field"]
    assert contacts(db_path) == {VICTIM, CAROL}
    assert filled_by_ai(db_path, CAROL) == {}


def test_a_message_attached_to_a_forwarded_original_is_not_the_original(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """The attacker mails ann with a message "from carol" attached; ann forwards it inline, as mail
    clients do, keeping the attachment. Her forward block names the attacker: the attachment is
    the attacker's attachment, and carol is not filled from it."""
    service = hook()
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = f"Ann <{ANN}>", FORWARDING, "Fwd: new lead"
    outer["Message-ID"], outer["Date"] = "<fwd2@us.example>", formatdate(time.time())
    outer.set_content("FYI\n\n---------- Forwarded message ---------\nFrom: Eve <attacker@evil.example>\n"
                      "Subject: new lead\n\nSee the attached note.\n")
    inner = EmailMessage()
    inner["From"], inner["To"], inner["Subject"] = f"Carol Smith <{CAROL}>", ANN, "note"
    inner.set_content(reply_body("Carol Forged", "+1 212 555 0177"))
    outer.add_attachment(inner)
    raw = signed(outer.as_bytes(policy=SMTP_POLICY), keys["us.example"], "us.example")
    with smtplib.SMTP(*service.smtp, timeout=TIMEOUT) as client:
        client.sendmail(ANN, [FORWARDING], raw)
    [row] = settled(db_path, 1)
    assert (row["direction"], row["contact_email"]) == ("forwarded", ATTACKER)
    assert filled_by_ai(db_path, CAROL) == {}


SPOOFED_RESULTS = [
    'mx.us.example; spf=pass (mx.us.example: domain of "x;auth=pass smtp.auth=ann@us.example"'
    '@evil.example designates 192.0.2.1) smtp.mailfrom="x;auth=pass smtp.auth=ann@us.example"@evil.example',
    'mx.us.example; spf=pass smtp.mailfrom="a;dkim=pass header.d=us.example"@evil.example',
    "mx.us.example; none (auth=pass smtp.auth=ann@us.example)",
]


@pytest.mark.parametrize("recorded", SPOOFED_RESULTS)
def test_results_inside_comments_or_quoted_strings_prove_nothing(recorded: str) -> None:
    """RFC 8601 allows ";" inside comments and quoted strings, where an MTA copies the envelope:
    parsed as structure (authres), such text is never a result of our MTA's."""
    raw = f"Authentication-Results: {recorded}\r\n".encode() + mail(f"Ann <{ANN}>", "Hello")
    trusted = ("mx.us.example",)
    assert authenticated_submitter(raw, trusted) is None
    assert authentication_results_verdict(raw, "us.example", trusted) != PASS


def test_our_mtas_recorded_login_proves_the_users_mail_and_a_spoofed_one_does_not(
    hook: Start, db_path: Any
) -> None:
    """A trusted `auth=pass smtp.auth=ann@us.example` shows unsigned mail is ann's: it logs and
    creates; the same words inside a quoted envelope address show nothing."""
    service = hook(trusted_authserv_ids=("mx.us.example",))
    spoofed = f"Authentication-Results: {SPOOFED_RESULTS[0]}\r\n".encode() + mail(
        f"Ann <{ANN}>", "Hello", to="q1@them.example", msgid="<spoof@us.example>")
    real = b"Authentication-Results: mx.us.example; auth=pass smtp.auth=ann@us.example\r\n" + mail(
        f"Ann <{ANN}>", "Hello", to="q2@them.example", msgid="<auth@us.example>")
    for raw in (spoofed, real):
        assert lmtp_deliver(service.lmtp, raw, [BOB], mail_from=ANN) == [REPLY_STORED]
    settled(db_path, 2)
    assert contacts(db_path) == {VICTIM, CAROL, "q2@them.example"}


def test_a_cc_added_to_a_users_genuine_signed_mail_creates_nothing(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """ann's genuine signed mail (no Cc when signed) replayed with a Cc of the attacker's choice:
    the signature does not sign that Cc, so it does not show ann logged the mail on it."""
    service = hook()
    genuine = signed(mail(f"Ann <{ANN}>", "Hello", to=ATTACKER, msgid="<orig2@us.example>"),
                     keys["us.example"], "us.example")
    replay = b"Cc: w1@victims.example\r\n" + genuine
    with smtplib.SMTP(*service.smtp, timeout=TIMEOUT) as client:
        client.sendmail(ANN, [FORWARDING], replay)
    [row] = settled(db_path, 1)
    assert row["skip_reason"] == "sender not shown to be the user (dkim:fail)"
    assert contacts(db_path) == {VICTIM, CAROL}


@pytest.mark.parametrize("shape", ["no-space-after-colon", "unknown-fields-first"])
def test_fields_added_above_a_signed_reply_are_never_read_as_its_text(
    hook: Start, keys: dict[str, Key], db_path: Any, shape: str
) -> None:
    """Unsigned fields on top of carol's genuine one-line signed reply, shaped so that a guess at
    "headers or a bare body" would take the whole message for text: the one header reader decides,
    so the fields stay fields and carol's reply fills nothing new."""
    service = hook()
    reply = signed(mail(f"Carol <{CAROL}>", "Thanks, that works for us."), keys["target.example"],
                   "target.example")
    forged = (b"X-Sig: x\r\n Best regards,\r\n Carol Forged\r\n Chief Executive Officer\r\n"
              b" Tel: +1 212 555 0199\r\n")
    first = b"X-A:b\r\n" if shape == "no-space-after-colon" else b"".join(
        b"Pad%d: %s\r\n" % (i, b"a" * 60) for i in range(70))
    assert lmtp_deliver(service.lmtp, first + forged + reply, [ANN], mail_from=CAROL) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["dkim_verdict"] == "pass"
    assert "phone" not in filled_by_ai(db_path, CAROL)
    assert "job_title" not in filled_by_ai(db_path, CAROL)


def test_a_recorded_pass_does_not_vouch_for_a_cc_added_to_a_users_mail(
    hook: Start, keys: dict[str, Key], db_path: Any
) -> None:
    """Our MTA honestly records dkim=pass for ann's genuine mail with a Cc added on top (dkimpy
    verifies it: the Cc is not signed). A recorded pass says nothing of h=, so it does not show
    that ann logged the mail on that Cc: our own check, which must sign To and Cc, decides."""
    service = hook(trusted_authserv_ids=("mx.us.example",))
    genuine = signed(mail(f"Ann <{ANN}>", "Hello", to=ATTACKER, msgid="<rec@us.example>"),
                     keys["us.example"], "us.example")
    recorded = b"Authentication-Results: mx.us.example; dkim=pass header.d=us.example\r\n"
    raw = recorded + b"Cc: w1@victims.example\r\n" + genuine
    assert lmtp_deliver(service.lmtp, raw, [BOB], mail_from=ANN) == [REPLY_STORED]
    [row] = settled(db_path, 1)
    assert row["skip_reason"] == "sender not shown to be the user (dkim:fail)"
    assert contacts(db_path) == {VICTIM, CAROL}


FOREIGN_BLOCK = ("________________________________\n差出人: Eve <attacker@evil.example>\n"
                 "送信日時: 2026年12月1日 10:00\n宛先: Ann <ann@us.example>\n件名: new lead\n\n")


@pytest.mark.parametrize("shape", ["foreign-block-and-attachment", "unreadable-author-and-attachment",
                                   "foreign-block-above-a-readable-one"])
def test_a_forward_block_the_reader_cannot_use_never_falls_back_to_another_original(
    hook: Start, keys: dict[str, Key], db_path: Any, shape: str
) -> None:
    """ann forwards the attacker's mail, genuinely signed by her domain. When her client's block is
    in a language the reader does not know, or names an author in doubt, neither a message
    attached to that mail nor a forward block written inside it is taken for the original."""
    service = hook()
    forged = reply_body("Carol Forged", "+1 212 555 0177")
    if shape == "unreadable-author-and-attachment":
        block = ("---------- Forwarded message ---------\nFrom: " + "x" * 2100 +
                 " <attacker@evil.example>\nSubject: new lead\n\n")
    else:
        block = FOREIGN_BLOCK
    note = "FYI\n\n" + block + "See the note.\n"
    if shape == "foreign-block-above-a-readable-one":
        note += (f"\n---------- Forwarded message ---------\nFrom: Carol Smith <{CAROL}>\n"
                 f"Subject: x\n\n{forged}")
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = f"Ann <{ANN}>", FORWARDING, "FW: new lead"
    outer["Message-ID"], outer["Date"] = f"<fwd-{shape}@us.example>", formatdate(time.time())
    outer.set_content(note)
    if shape != "foreign-block-above-a-readable-one":
        inner = EmailMessage()
        inner["From"], inner["To"], inner["Subject"] = f"Carol Smith <{CAROL}>", ANN, "note"
        inner.set_content(forged)
        outer.add_attachment(inner)
    raw = signed(outer.as_bytes(policy=SMTP_POLICY), keys["us.example"], "us.example")
    with smtplib.SMTP(*service.smtp, timeout=TIMEOUT) as client:
        client.sendmail(ANN, [FORWARDING], raw)
    settled(db_path, 1)
    assert filled_by_ai(db_path, CAROL) == {}
