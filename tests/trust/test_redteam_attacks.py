"""Red team: an attacker who controls evil.example (its DNS served by a real server on loopback)
tries to make mailhook fill or log on a contact of another domain. Real MIME, real signatures,
real key lookups (aiodns to the stub server), the real worker on a real SQLite file."""

from __future__ import annotations

import base64
import dataclasses
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate
from pathlib import Path
from typing import Any

import dkim
import dkim.crypto
import pytest
from dialog import lmtp_deliver
from dkim.canonicalization import CanonicalizationPolicy
from dkimstub import Key, Records, key_name, new_key, serving, signed
from mails import deliver, run_worker, worker_config

from mailhook.config import Config, DkimConfig
from mailhook.model import SOURCE_AI, Author
from mailhook.service.listeners import REPLY_STORED
from mailhook.store import Store
from mailhook.trust.authorship import forward_in_doubt
from mailhook.trust.verifier import verdict

ANN, BOB = "ann@us.example", "bob@us.example"
VICTIM, ATTACKER = "victim@corp.example", "attacker@evil.example"
FORWARDING = "log@hook.example"  # tests/mails.py's forwarding address
HOMOGLYPH = "xn--crp-sed.example"  # "cоrp.example" with a Cyrillic о, registered by the attacker
DOMAINS = ("evil.example", "corp.example", "us.example", "lists.example",
           "corp.example.evil.example", HOMOGLYPH)
FORGED = "Thanks, that works for us.\n\nBest regards,\nVic Forged\nChief Executive Officer\n" \
         "Corp Ltd\nTel: +1 212 555 0199\n"


@pytest.fixture(scope="module")
def keys() -> dict[str, Key]:
    return {domain: new_key() for domain in DOMAINS}


@pytest.fixture
def records(keys: dict[str, Key]) -> Records:
    return {key_name(domain): key.record for domain, key in keys.items()}


@pytest.fixture
def dns(records: Records) -> Iterator[str]:
    with serving(records) as address:
        yield address


@pytest.fixture
def hook(tmp_path: Path, dns: str) -> Iterator[Callable[..., tuple[Config, Store]]]:
    """A store with users ann and bob and an empty contact for the victim, and the worker's
    config under `[dkim] policy = "require"`, key lookups going to the stub server."""
    opened: list[Store] = []

    def make(**dkim_options: Any) -> tuple[Config, Store]:
        base = worker_config(tmp_path)
        config = dataclasses.replace(
            base, dkim=DkimConfig(policy="require", dns_timeout=2.0, nameservers=(dns,), **dkim_options))
        store = Store(config.database.target)
        opened.append(store)
        for user in (ANN, BOB):
            store.add_user(user, None, inbox_automation=True)
        store.add_contact(VICTIM, {}, "import")
        return config, store

    yield make
    for store in opened:
        store.close()


def mail(from_field: bytes | str, body: str = FORGED, *, to: str = ANN, subject: str = "Re: offer",
         msgid: str = "<m1@mail.example>", extra: bytes = b"") -> bytes:
    """A real message whose From field is written as given (bytes go on the wire as they are)."""
    msg = EmailMessage()
    msg["To"], msg["Subject"], msg["Message-ID"] = to, subject, msgid
    msg["Date"] = formatdate(time.time())
    msg.set_content(body)
    field = from_field if isinstance(from_field, bytes) else from_field.encode()
    return extra + b"From: " + field + b"\r\n" + msg.as_bytes(policy=SMTP_POLICY)


def signed_with(raw: bytes, key: Key, domain: str, tags: dict[bytes, bytes],
                algorithm: bytes = b"rsa-sha256") -> bytes:
    """A real signature carrying extra tags (x=, t=) or another algorithm, made with dkimpy's own
    signing steps, as any signer could make it."""
    signer = dkim.DKIM(raw)
    signer.signature_algorithm = algorithm
    signer.hasher = dkim.HASH_ALGORITHMS[algorithm]
    policy = CanonicalizationPolicy.from_c_value(b"relaxed/simple")
    include = (b"from", b"to", b"subject", b"date", b"message-id")
    body_hash = base64.b64encode(signer.hasher(policy.canonicalize_body(signer.body)).digest())
    fields = [(b"v", b"1"), (b"a", algorithm), (b"c", b"relaxed/simple"), (b"d", domain.encode()),
              (b"s", b"sel"), *tags.items(), (b"h", b" : ".join(include)), (b"bh", body_hash),
              (b"b", b"0" * 60)]
    private = dkim.crypto.parse_pem_private_key(key.private)
    return b"DKIM-Signature: " + signer.gen_header(fields, include, policy, b"DKIM-Signature", private) + raw


def filled_by_ai(store: Store, contact: str = VICTIM) -> dict[str, str]:
    shown = store.contact(contact)["properties"]
    return {name: p["value"] for name, p in shown.items() if p["source"] == SOURCE_AI and p["value"]}


def logged(store: Store, contact: str = VICTIM) -> list[dict[str, Any]]:
    return list(store.contact(contact)["emails"])


def assert_untouched(store: Store, *, may_log_unverified: bool = False) -> None:
    """Nothing filled on the victim, no task; an entry on the victim's log only where the From
    plainly names the victim, never with a passing verdict."""
    assert filled_by_ai(store) == {}
    assert list(store.query("select * from tasks")) == []
    entries = logged(store)
    if not may_log_unverified:
        assert entries == []
    assert all(e["dkim_verdict"] != "pass" for e in entries), entries


def process(config: Config, store: Store, *raws: bytes, listener: str = "lmtp",
            recipient: str = ANN, mail_from: str | None = ATTACKER) -> list[dict[str, Any]]:
    for raw in raws:
        deliver(store, raw, listener=listener, recipient=recipient, mail_from=mail_from)
    run_worker(config, store)
    return list(store.query("select * from messages order by id"))


def test_the_victims_own_signed_reply_fills(hook: Callable[..., Any], keys: dict[str, Key]) -> None:
    """The control: the victim's genuine reply, signed by corp.example, fills. Every attack
    below sends the same text, so an attack that worked would fill the same properties."""
    config, store = hook()
    raw = signed(mail(f"Victim <{VICTIM}>"), keys["corp.example"], "corp.example")
    [row] = process(config, store, raw, mail_from=VICTIM)
    assert row["dkim_verdict"] == "pass"
    assert filled_by_ai(store)["phone"] == "+12125550199"


# From fields that name the victim somewhere, each signed by the attacker's own domain. The
# author is in doubt (nothing logged at all) or is the attacker (the victim is not the author).
IN_DOUBT = {
    "two From fields": b"Victim <victim@corp.example>\r\nFrom: <attacker@evil.example>",
    "two From fields, odd case": b"<attacker@evil.example>\r\nfROM: Victim <victim@corp.example>",
    "two mailboxes": b"victim@corp.example, attacker@evil.example",
    "group": b"Friends: victim@corp.example;",
    "group holding the attacker": b"victim@corp.example: attacker@evil.example;",
    "quoted address as the name": b'"victim@corp.example" <attacker@evil.example>',
    "address in a comment": b"attacker@evil.example (victim@corp.example)",
    "encoded word": b"=?utf-8?b?PHZpY3RpbUBjb3JwLmV4YW1wbGU+?= <attacker@evil.example>",
    "encoded word, q": b"=?utf-8?q?victim=40corp=2Eexample?= <attacker@evil.example>",
    "bare CR hides a From": b"Eve <attacker@evil.example>\rFrom: Victim <victim@corp.example>",
    "NUL": b"Victim <victim@corp.example>\x00<attacker@evil.example>",
    "latin-1 byte": b"Vict\xefm <victim@corp.example>, <attacker@evil.example>",
    "space before the colon": b"<attacker@evil.example>\r\nFrom : Victim <victim@corp.example>",
    "continuation first": b"<attacker@evil.example>",
}


@pytest.mark.parametrize("name", list(IN_DOUBT))
def test_a_from_naming_the_victim_beside_the_attacker_fills_and_logs_nothing(
    hook: Callable[..., Any], keys: dict[str, Key], name: str
) -> None:
    """LMTP copy, signed by evil.example (a valid signature of the attacker's own domain)."""
    config, store = hook()
    raw = signed(mail(IN_DOUBT[name]), keys["evil.example"], "evil.example")
    if name == "continuation first":  # above the signature: dkimpy's signer refuses such mail
        raw = b" Victim <victim@corp.example>\r\n" + raw
    [row] = process(config, store, raw)
    assert row["status"] == "processed", row  # read to the end, never a crash retried later
    assert row["contact_email"] in (None, ATTACKER), row
    assert row["dkim_verdict"] != "pass" or row["contact_email"] == ATTACKER
    assert_untouched(store)


OTHER_FIELDS = {
    "Sender": b"Sender: Victim <victim@corp.example>\r\n",
    "Reply-To": b"Reply-To: Victim <victim@corp.example>\r\n",
    "Resent-From": b"Resent-From: Victim <victim@corp.example>\r\n"
                   b"Resent-Date: Mon, 1 Dec 2026 10:00:00 +0000\r\n",
    "Return-Path": b"Return-Path: <victim@corp.example>\r\n",
    "Authentication-Results of another id":
        b"Authentication-Results: evil.example; dkim=pass header.d=corp.example\r\n",
}


@pytest.mark.parametrize("name", list(OTHER_FIELDS))
def test_fields_other_than_from_never_make_the_victim_the_author(
    hook: Callable[..., Any], keys: dict[str, Key], name: str
) -> None:
    """The attacker's own signed mail with the victim in Sender, Reply-To, Resent-From or
    Return-Path, the envelope sender the victim too: the author is the attacker."""
    config, store = hook()
    raw = signed(mail(f"Eve <{ATTACKER}>", extra=OTHER_FIELDS[name]), keys["evil.example"], "evil.example")
    [row] = process(config, store, raw, mail_from=VICTIM)
    assert (row["contact_email"], row["dkim_verdict"]) == (ATTACKER, "pass")
    assert_untouched(store)


def test_a_from_inside_a_mime_part_is_not_the_author(hook: Callable[..., Any], keys: dict[str, Key]) -> None:
    """A multipart whose text part carries its own From: victim: part headers name nobody."""
    config, store = hook()
    outer = EmailMessage()
    outer["To"], outer["Subject"], outer["Message-ID"] = ANN, "Re: offer", "<part@evil.example>"
    outer["From"] = f"Eve <{ATTACKER}>"
    outer.set_content(FORGED)
    outer.add_alternative("<p>hi</p>", subtype="html")
    outer.get_payload()[0]["From"] = f"Victim <{VICTIM}>"
    raw = signed(outer.as_bytes(policy=SMTP_POLICY), keys["evil.example"], "evil.example")
    [row] = process(config, store, raw)
    assert row["contact_email"] == ATTACKER
    assert_untouched(store)


def test_the_victims_address_as_envelope_sender_or_from_alone_proves_nothing(
    hook: Callable[..., Any], keys: dict[str, Key]
) -> None:
    """LMTP copies: MAIL FROM the victim with the attacker's From (the attacker is the author),
    and the reverse, an unsigned From of the victim from the attacker's envelope: logged on the
    victim with its verdict, as README says for unsigned mail, and never filled."""
    config, store = hook()
    theirs = signed(mail(f"Eve <{ATTACKER}>", msgid="<a@evil.example>"), keys["evil.example"], "evil.example")
    process(config, store, theirs, mail_from=VICTIM)
    assert_untouched(store)
    spoof = mail(f"Victim <{VICTIM}>", msgid="<b@evil.example>")
    rows = process(config, store, spoof, mail_from=ATTACKER)
    assert (rows[-1]["dkim_verdict"], rows[-1]["skip_reason"]) == ("none", "dkim:none")
    assert_untouched(store, may_log_unverified=True)


def _signature(name: str, keys: dict[str, Key], raw: bytes) -> bytes:
    now = int(time.time())
    if name == "attacker's domain":
        return signed(raw, keys["evil.example"], "evil.example")
    if name == "look-alike parent":
        return signed(raw, keys["corp.example.evil.example"], "corp.example.evil.example")
    if name == "trailing dot":
        return signed(raw, keys["evil.example"], "corp.example.")
    if name == "upper case":
        return signed(raw, keys["evil.example"], "CORP.EXAMPLE")
    if name == "expired x=":
        tags = {b"t": str(now - 86_400 * 30).encode(), b"x": str(now - 86_400).encode()}
        return signed_with(raw, keys["corp.example"], "corp.example", tags)
    if name == "t= in the future":
        return signed_with(raw, keys["corp.example"], "corp.example", {b"t": str(now + 86_400 * 30).encode()})
    if name == "rsa-sha1":
        return signed_with(raw, keys["corp.example"], "corp.example", {}, algorithm=b"rsa-sha1")
    return signed(raw, keys["corp.example"], "corp.example")  # with the key record changed below


SIGNATURES = ["attacker's domain", "look-alike parent", "trailing dot", "upper case", "expired x=",
              "t= in the future", "rsa-sha1", "testing key t=y", "revoked key", "key for web only"]
KEY_RECORDS = {"testing key t=y": b"v=DKIM1; t=y; k=rsa; p=", "revoked key": b"v=DKIM1; k=rsa; p=",
               "key for web only": b"v=DKIM1; s=tlsrpt; k=rsa; p="}


@pytest.mark.parametrize("name", SIGNATURES)
def test_a_signature_that_does_not_show_the_victim_wrote_it_fills_nothing(
    hook: Callable[..., Any], keys: dict[str, Key], records: Records, name: str
) -> None:
    """From: the victim, plainly. The signature is the attacker's own domain, a look-alike of
    the victim's, a d= written oddly over the attacker's key, or the victim's own key in a state
    that RFC 6376/8301 say proves nothing: expired, dated in the future, rsa-sha1 (RFC 8301:
    never valid), a key in testing mode (t=y: treat as unsigned), a revoked key (empty p=), a
    key for another service."""
    if name in KEY_RECORDS:
        public = records[key_name("corp.example")].split(b"p=", 1)[1]
        records[key_name("corp.example")] = KEY_RECORDS[name] + (b"" if name == "revoked key" else public)
    config, store = hook()
    raw = _signature(name, keys, mail(f"Victim <{VICTIM}>"))
    [row] = process(config, store, raw)
    assert row["dkim_verdict"] in ("fail", "none"), row
    assert_untouched(store, may_log_unverified=True)


@pytest.mark.parametrize("domain", [HOMOGLYPH, "c\u043erp.example"])
def test_a_homoglyph_domain_signed_by_its_owner_is_not_the_victims(
    hook: Callable[..., Any], keys: dict[str, Key], domain: str
) -> None:
    """The attacker owns the look-alike of corp.example and signs for it: the mail passes, but
    it is the look-alike's, written as punycode or as Unicode, and the victim's contact is
    neither filled nor logged."""
    config, store = hook()
    raw = signed(mail(f"Victim <victim@{domain}>".encode()), keys[HOMOGLYPH], HOMOGLYPH)
    [row] = process(config, store, raw)
    assert row["contact_email"] == f"victim@{domain}"
    assert_untouched(store)


def test_a_dns_server_that_never_answers_ends_in_temperror_and_fills_nothing(
    tmp_path: Path, keys: dict[str, Key]
) -> None:
    """The victim's genuine signature, but the key lookup times out at every attempt: after
    the last attempt the message is kept with temperror, nothing filled."""
    with serving({}, silent=lambda name: True) as silent:
        base = worker_config(tmp_path)
        config = dataclasses.replace(
            base, dkim=DkimConfig(policy="require", dns_timeout=0.3, nameservers=(silent,)),
            worker=dataclasses.replace(base.worker, max_attempts=1))
        store = Store(config.database.target)
        try:
            store.add_user(ANN, None, inbox_automation=True)
            store.add_contact(VICTIM, {}, "import")
            raw = signed(mail(f"Victim <{VICTIM}>"), keys["corp.example"], "corp.example")
            [row] = process(config, store, raw, mail_from=VICTIM)
            assert row["dkim_verdict"] == "temperror"
            assert row["skip_reason"] == "dkim:temperror after 1 attempt"
            assert_untouched(store, may_log_unverified=True)
        finally:
            store.close()


def _aar(domain: str) -> bytes:
    return f"Authentication-Results: lists.example; dkim=pass header.d={domain}\r\n".encode()


def test_forged_arc_chains_vouch_for_nothing(hook: Callable[..., Any], keys: dict[str, Key]) -> None:
    """lists.example is a trusted sealer. The attacker seals as evil.example claiming the
    victim's pass; seals with its own key under lists.example's name; an honest list seals the
    attacker's pass for evil.example over a From of the victim; and a chain of three honest seals
    with the middle one cut out (instances 1 and 3): none of them passes. The control, the
    honest list's chain recording the victim's pass, does."""
    config, store = hook(trusted_arc_sealers=("lists.example",))
    lists, evil = keys["lists.example"].private, keys["evil.example"].private

    def base(number: int, recorded: str = "corp.example") -> bytes:
        return _aar(recorded) + mail(f"Victim <{VICTIM}>", msgid=f"<arc{number}@mail.example>")

    def sealed(raw: bytes, domain: bytes, private: bytes) -> bytes:
        return b"".join(dkim.arc_sign(raw, b"sel", domain, private, b"lists.example")) + raw

    message, chain, sets = mail(f"Victim <{VICTIM}>", msgid="<arc3@mail.example>"), b"", []
    for hop in range(3):  # each hop records its own check, then the chain it found valid
        recorded = ("" if hop == 0 else "arc=pass; ") + "dkim=pass header.d=corp.example"
        above = f"Authentication-Results: lists.example; {recorded}\r\n".encode()
        sets.append(b"".join(dkim.arc_sign(above + chain + message, b"sel", b"lists.example", lists,
                                           b"lists.example")))
        chain = sets[-1] + chain
    assert sets[2].startswith(b"ARC-Seal: i=3")
    raws = [sealed(base(0), b"evil.example", evil), sealed(base(1), b"lists.example", evil),
            sealed(base(2, "evil.example"), b"lists.example", lists), sets[2] + sets[0] + message,
            sealed(base(4), b"lists.example", lists)]
    for raw in raws:
        deliver(store, raw, mail_from=ATTACKER)
    run_worker(config, store)
    rows = list(store.query("select dkim_verdict from messages order by id"))
    assert [r["dkim_verdict"] for r in rows] == ["none"] * 4 + ["pass"]
    assert store.contact(VICTIM)["properties"]["phone"]["message_id"] == "<arc4@mail.example>"


def forward(note: str, *, subject: str = "Fwd: offer", msgid: str = "<fwd@us.example>") -> bytes:
    return mail(f"Ann <{ANN}>", note, to=FORWARDING, subject=subject, msgid=msgid)


def forward_block(author: str, text: str = FORGED) -> str:
    return f"---------- Forwarded message ---------\nFrom: {author}\nSubject: offer\n\n{text}"


def forwarded(config: Config, store: Store, *raws: bytes) -> list[dict[str, Any]]:
    return process(config, store, *raws, listener="smtp", recipient=FORWARDING, mail_from=ANN)


def test_mail_to_the_forwarding_address_that_only_claims_to_be_a_users_fills_nothing(
    hook: Callable[..., Any], keys: dict[str, Key]
) -> None:
    """A non-user sends "ann's" forward of "the victim's" mail: unsigned, signed by the
    attacker's own domain, or with an Authentication-Results of another authserv-id recording
    ann's login. None shows ann sent it: nothing logged, nothing filled."""
    config, store = hook(trusted_authserv_ids=("mx.us.example",))
    note = "FYI\n\n" + forward_block(f"Victim <{VICTIM}>")
    login = b"Authentication-Results: mx.us.example.evil.example; auth=pass smtp.auth=ann@us.example\r\n"
    raws = [forward(note, msgid="<f1@evil.example>"),
            signed(forward(note, msgid="<f2@evil.example>"), keys["evil.example"], "evil.example"),
            login + forward(note, msgid="<f3@evil.example>")]
    rows = forwarded(config, store, *raws)
    assert [r["skip_reason"] for r in rows] == ["sender not shown to be the user (dkim:none)",
                                                "sender not shown to be the user (dkim:fail)",
                                                "sender not shown to be the user (dkim:none)"]
    assert_untouched(store)


def test_a_users_signed_forward_is_believed_on_the_users_word(
    hook: Callable[..., Any], keys: dict[str, Key]
) -> None:
    """What docs/dkim.md says of forwards: ann's genuine (signed) forward of a mail whose From
    line names the victim fills the victim from the original's text. The original's own
    signature is not checked (an inline original cannot be): ann vouches for what she forwards."""
    config, store = hook()
    raw = signed(forward("FYI\n\n" + forward_block(f"Victim <{VICTIM}>")), keys["us.example"], "us.example")
    [row] = forwarded(config, store, raw)
    assert (row["direction"], row["contact_email"], row["dkim_verdict"]) == ("forwarded", VICTIM, "pass")
    assert filled_by_ai(store)["phone"] == "+12125550199"


def test_a_forward_nested_in_a_forward_is_the_outer_originals(
    hook: Callable[..., Any], keys: dict[str, Key]
) -> None:
    """ann forwards eve's mail, which itself "forwards" the victim's (written by eve), inline or
    as an attached message that carries the victim's as its own attachment: the original is
    eve's, and the victim is neither filled nor logged."""
    config, store = hook()
    inline = forward("FYI\n\n" + forward_block(f"Eve <{ATTACKER}>", "see below\n\n" +
                                              forward_block(f"Victim <{VICTIM}>")), msgid="<n1@us.example>")
    victims = EmailMessage()
    victims["From"], victims["To"], victims["Subject"] = f"Victim <{VICTIM}>", ANN, "offer"
    victims.set_content(FORGED)
    eves = EmailMessage()
    eves["From"], eves["To"], eves["Subject"] = f"Eve <{ATTACKER}>", ANN, "offer"
    eves.set_content("see attached")
    eves.add_attachment(victims)
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = f"Ann <{ANN}>", FORWARDING, "Fwd: offer"
    outer["Message-ID"], outer["Date"] = "<n2@us.example>", formatdate(time.time())
    outer.set_content("FYI")
    outer.add_attachment(eves)
    raws = [signed(r, keys["us.example"], "us.example") for r in (inline, outer.as_bytes(policy=SMTP_POLICY))]
    rows = forwarded(config, store, *raws)
    assert [r["contact_email"] for r in rows] == [ATTACKER, ATTACKER]
    assert_untouched(store)


# ann genuinely forwards eve's mail; eve's text holds a forward block "from" the victim. ann's
# own client wrote a block the quote rules do not read as one, so the first block they find is
# eve's fake one.
HIDDEN_BEHIND = {
    "mutt's separator line": "----- Forwarded message from Eve <attacker@evil.example> -----\n\n",
    "a foreign block naming a bare address": "差出人: attacker@evil.example\n件名: offer\n\n",
    "a reply quoting the fake forward": "On Mon, 1 Dec 2026, Eve <attacker@evil.example> wrote:\n",
}


@pytest.mark.parametrize("name", list(HIDDEN_BEHIND))
def test_a_fake_forward_block_inside_a_forwarded_mail_is_not_the_original(
    hook: Callable[..., Any], keys: dict[str, Key], name: str
) -> None:
    """The victim must be neither filled nor logged: the block that names the victim sits below
    a line of ann's forward that names eve."""
    config, store = hook()
    inner = forward_block(f"Victim <{VICTIM}>")
    if name == "a reply quoting the fake forward":
        inner = "\n".join("> " + line for line in inner.split("\n"))
    raw = signed(forward("FYI\n\n" + HIDDEN_BEHIND[name] + inner), keys["us.example"], "us.example")
    forwarded(config, store, raw)
    assert_untouched(store)


@pytest.mark.parametrize(("above", "doubt"), [
    (["FYI", "----- Forwarded message from Eve <attacker@evil.example> -----"], True),
    (["FYI", "差出人: attacker@evil.example"], True),
    (["On Mon, 1 Dec 2026, Eve <attacker@evil.example> wrote:"], True),
    (["FYI", "Ann Lee | ann@us.example | sales@us.example", "---------- Forwarded message ---------"], False),
    (["Please add victim@corp.example to the CRM.", "---------- Forwarded message ---------"], False),
    (["FYI", "-----Original Message-----"], False),
])
def test_another_address_above_a_forwarded_original_puts_its_author_in_doubt(
    above: list[str], doubt: bool
) -> None:
    """The rule the reader of forwards is to apply (trust.authorship.forward_in_doubt): an
    outside address above the original's From line, other than the original's own and the
    forwarder's domain, means the From line may be one written inside the original."""
    problem = forward_in_doubt(above, Author("Victim", VICTIM), Author("Ann", ANN))
    assert (problem is not None) == doubt


# The victim's genuine reply, top-posted over the attacker's mail as Outlook quotes it: the
# attacker's text unprefixed, a MIME boundary and a part of its own choosing in it.
TOP_POSTED = ("Thanks, we will look at it.\n\nVic Tim\n\nFrom: Eve <attacker@evil.example>\n"
              "Sent: Monday, 1 December 2026 10:00\nSubject: offer\n\n--XYZ\n"
              "Content-Type: text/plain\n\n" + FORGED + "--XYZ--\n")


# The victim's genuine reply, bottom-posted under the attacker's mail quoted with "> ": the
# attacker's quoted line holds newlines written as UTF-7 ("+AAo-") or quoted-printable ("=0A").
BOTTOM_POSTED = ("On Mon, 1 Dec 2026, Eve <attacker@evil.example> wrote:\n> Our offer.{nl}{nl}"
                 "Best regards,{nl}Vic Forged{nl}Chief Executive Officer{nl}Tel: {plus}1 212 555 0199{nl}"
                 "\n\nThanks, we will look at it.\n\nVic Tim\n")


@pytest.mark.parametrize("field", ["Content-Type", "Content-Transfer-Encoding", "charset", "encoding"])
def test_a_field_that_decides_how_the_body_reads_must_be_signed(
    hook: Callable[..., Any], keys: dict[str, Key], field: str
) -> None:
    """The victim's domain signs h=from:to:subject:date:message-id only (RFC 6376 needs just
    From). The attacker replaces the unsigned Content-Type with a multipart whose boundary is in
    its own quoted text, or the transfer encoding, and sends the victim's reply on: the signature
    still verifies, but the body would read as the attacker's part. It must not pass."""
    config, store = hook()
    body = TOP_POSTED
    if field in ("charset", "encoding"):
        body = BOTTOM_POSTED.format(nl="+AAo-" if field == "charset" else "=0A",
                                    plus="+-" if field == "charset" else "+")
    message = mail(f"Victim <{VICTIM}>", body)
    if field == "encoding":  # sent as 7bit, so that "=0A" is the quoted text's own characters
        head, _, _ = message.partition(b"\r\n\r\n")
        head = head.replace(b"Content-Transfer-Encoding: quoted-printable",
                            b"Content-Transfer-Encoding: 7bit")
        message = head + b"\r\n\r\n" + body.replace("\n", "\r\n").encode()
    raw = signed(message, keys["corp.example"], "corp.example",
                 include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    if field == "charset":
        raw = raw.replace(b'charset="utf-8"', b'charset="utf-7"')
    elif field == "encoding":
        raw = raw.replace(b"Content-Transfer-Encoding: 7bit", b"Content-Transfer-Encoding: quoted-printable")
    elif field == "Content-Type":
        raw = raw.replace(b'Content-Type: text/plain; charset="utf-8"',
                          b'Content-Type: multipart/mixed; boundary="XYZ"')
    else:
        raw = raw.replace(b"Content-Transfer-Encoding: 7bit", b"Content-Transfer-Encoding: quoted-printable")
    [row] = process(config, store, raw, mail_from=VICTIM)
    if field == "Content-Transfer-Encoding":
        # Quoted-printable over a body with no escape in it reads as the signed 7bit body did:
        # harmless, so it may pass; the attacker's block above an Outlook header stays quoted.
        assert "+12125550199" not in filled_by_ai(store).values()
        return
    assert filled_by_ai(store) == {}
    assert row["dkim_verdict"] != "pass"
    assert_untouched(store, may_log_unverified=True)


def test_the_from_tricks_through_the_real_lmtp_listener_fill_and_log_nothing(
    config_factory: Callable[..., Config], users: Callable[..., Any], running_service: Callable[..., Any],
    db_path: Path, dns: str, keys: dict[str, Key]
) -> None:
    """Every From trick above, as bytes on the wire to the running service's LMTP listener
    (dot-stuffing, line endings and 8-bit bytes as the listener receives them): once the worker
    has read them all, the victim is neither filled nor logged."""
    config = config_factory(dkim=DkimConfig(policy="require", dns_timeout=2.0, nameservers=(dns,)))
    users(ANN, inbox_automation=True)
    store = Store(db_path)
    try:
        store.add_contact(VICTIM, {}, "import")
        service = running_service(config)
        for number, (name, field) in enumerate(IN_DOUBT.items()):
            raw = signed(mail(field, msgid=f"<wire{number}@evil.example>"), keys["evil.example"],
                         "evil.example")
            if name == "continuation first":
                raw = b" Victim <victim@corp.example>\r\n" + raw
            assert lmtp_deliver(service.lmtp, raw, [ANN], mail_from=ATTACKER) == [REPLY_STORED]
        deadline = time.monotonic() + 60
        while store.counts()["processed"] + store.counts()["failed"] < len(IN_DOUBT):
            assert time.monotonic() < deadline, store.counts()
            time.sleep(0.05)
        assert store.counts()["failed"] == 0
        assert_untouched(store)
    finally:
        store.close()


@pytest.mark.parametrize("name", ["rsa-sha1", "testing key t=y"])
def test_the_inline_verdict_refuses_sha1_and_testing_keys_too(
    keys: dict[str, Key], records: Records, name: str
) -> None:
    """`verdict()` (inline, dkimpy's synchronous verifier) holds the same rules as the worker's
    background verifier: the victim's own key, rsa-sha1 or in testing mode, is no pass."""
    if name in KEY_RECORDS:
        public = records[key_name("corp.example")].split(b"p=", 1)[1]
        records[key_name("corp.example")] = KEY_RECORDS[name] + public
    raw = _signature(name, keys, mail(f"Victim <{VICTIM}>"))
    config = DkimConfig(policy="require", dns_timeout=2.0)

    def lookup(name: bytes, timeout: float = 5) -> bytes | None:
        return records.get(name)

    sha1 = name == "rsa-sha1"
    assert verdict(raw, "corp.example", config, dnsfunc=lookup) == ("fail" if sha1 else "none")
    sha256 = signed(mail(f"Victim <{VICTIM}>"), keys["corp.example"], "corp.example")
    assert verdict(sha256, "corp.example", config, dnsfunc=lookup) == ("pass" if sha1 else "none")


def test_an_unsigned_subject_never_titles_the_victims_mail(
    hook: Callable[..., Any], keys: dict[str, Key]
) -> None:
    """The victim's genuine request, signed without its Subject; the attacker replaces the
    Subject and sends it on. The digest names a task by its mail's Subject, so a pass would show
    the attacker's words as the victim's: such a signature does not pass, no task is made."""
    config, store = hook()
    body = "Hi Ann,\n\nCould you send me the signed contract by Friday?\n\nBest regards,\nVic Tim\n"
    raw = signed(mail(f"Victim <{VICTIM}>", body, subject="contract"), keys["corp.example"], "corp.example",
                 include_headers=[b"from", b"to", b"date", b"message-id", b"content-type"])
    raw = raw.replace(b"Subject: contract", b"Subject: Urgent: new bank account for all payments")
    [row] = process(config, store, raw, mail_from=VICTIM)
    assert list(store.query("select * from tasks")) == []
    assert row["dkim_verdict"] != "pass"


def test_a_field_the_trusted_sealer_left_unsigned_cannot_be_replaced(
    hook: Callable[..., Any], keys: dict[str, Key]
) -> None:
    """The trusted list seals the victim's post (recording the victim's pass) with an AMS that
    leaves Subject and Content-Type out; a subscriber replaces them and sends the post on to ann.
    The chain still validates, but the latest AMS does not sign what we read: no pass."""
    config, store = hook(trusted_arc_sealers=("lists.example",))
    message = mail(f"Victim <{VICTIM}>", TOP_POSTED, msgid="<list@corp.example>")
    seal = dkim.arc_sign(_aar("corp.example") + message, b"sel", b"lists.example",
                         keys["lists.example"].private, b"lists.example",
                         include_headers=[b"from", b"to", b"date", b"message-id"])
    sealed = b"".join(seal) + message
    changed = sealed.replace(b'Content-Type: text/plain; charset="utf-8"',
                             b'Content-Type: multipart/mixed; boundary="XYZ"')
    assert dkim.arc_verify(changed, dnsfunc=lambda name, timeout=5: {
        key_name("lists.example"): keys["lists.example"].record}.get(name))[0] == dkim.CV_Pass
    [row] = process(config, store, changed)
    assert row["dkim_verdict"] == "none"
    assert_untouched(store, may_log_unverified=True)


# Gmail and Google Workspace sign multipart mail with h=to:subject:message-id:date:from:mime-version
# (and the same names again, oversigned): Content-Type and Content-Transfer-Encoding left out.
GMAIL_HEADERS = [b"to", b"subject", b"message-id", b"date", b"from", b"mime-version",
                 b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"reply-to"]
GENUINE = "Thanks, that works for us.\n\nBest regards,\nVic Tim\nHead of Sales\nCorp Ltd\n" \
          "Tel: +1 212 555 0100\n"


def gmail_mail(body: str = GENUINE, *, quoted: str = "", html: bool = True, cte: str | None = None) -> bytes:
    """The victim's reply as Gmail writes it: multipart/alternative (text and HTML), or one
    text part, with the attacker's earlier mail quoted below."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"Vic Tim <{VICTIM}>", ANN, "Re: offer"
    msg["Message-ID"], msg["Date"] = "<g1@mail.gmail.example>", formatdate(time.time())
    text = body + ("\nOn Mon, 1 Dec 2026, Eve <attacker@evil.example> wrote:\n" + quoted if quoted else "")
    msg.set_content(text, cte=cte) if cte else msg.set_content(text)
    if html:
        msg.add_alternative("<div>" + body.replace("\n", "<br>") + "</div>", subtype="html")
    return msg.as_bytes(policy=SMTP_POLICY)


def gmail_signed(raw: bytes, keys: dict[str, Key]) -> bytes:
    return signed(raw, keys["corp.example"], "corp.example", include_headers=GMAIL_HEADERS)


@pytest.mark.parametrize("shape", ["multipart", "quoted-printable text", "latin-1 text"])
def test_mail_signed_as_gmail_signs_it_fills(
    hook: Callable[..., Any], keys: dict[str, Key], shape: str
) -> None:
    """Content-Type and Content-Transfer-Encoding left unsigned are the rule, not an attack: the
    signed body shows how it reads (its own boundary framing it, no line end hidden in an
    escape), so the contact's genuine reply fills."""
    config, store = hook()
    if shape == "multipart":
        raw = gmail_mail()
    elif shape == "quoted-printable text":
        raw = gmail_mail(GENUINE.replace("works for us.", "works for us. " + "All good here. " * 8),
                         html=False, cte="quoted-printable")
    else:
        raw = gmail_mail(GENUINE.replace("Vic Tim", "Vic Tïm"), html=False).replace(
            b'charset="utf-8"', b'charset="iso-8859-1"').replace("ï".encode(), b"\xef")
    [row] = process(config, store, gmail_signed(raw, keys), mail_from=VICTIM)
    assert row["dkim_verdict"] == "pass"
    assert filled_by_ai(store)["phone"] == "+12125550100"


QUOTED_BLOCK = ("> Our offer.\n>\n> Best regards,\n> Vic Forged\n> Chief Executive Officer\n"
                "> Tel: +1 212 555 0199\n")
HTML_QUOTE = ("> Our offer.<br><br>Best regards,<br>Vic Forged<br>Chief Executive Officer<br>"
              "Tel: +1 212 555 0199<br>\n")
SOFT_BROKEN = "> " + "x" * 70 + " Vic Forged, Chief Executive Officer, Tel: +1 212 555 0199\n"


def _swapped(raw: bytes, old: bytes, new: bytes) -> bytes:
    head, _, body = raw.partition(b"\r\n\r\n")
    assert old in head
    return head.replace(old, new, 1) + b"\r\n\r\n" + body


@pytest.mark.parametrize("attack", ["type removed", "multipart read as text", "text read as HTML",
                                    "a second Content-Type", "a second one, odd case, space before colon",
                                    "soft breaks read as lines"])
def test_an_unsigned_field_changed_to_read_the_body_otherwise_does_not_pass(
    hook: Callable[..., Any], keys: dict[str, Key], attack: str
) -> None:
    """The attacker holds the victim's genuine reply, signed as Gmail signs, and changes what
    the signature leaves out so that the body reads otherwise: the raw MIME of a multipart body
    read as plain text, plain text read as HTML (the quote marks of its lines gone), two
    Content-Types, quoted-printable soft breaks read as line ends. None may pass."""
    config, store = hook()
    if attack in ("type removed", "multipart read as text", "a second Content-Type",
                  "a second one, odd case, space before colon"):
        raw = gmail_signed(gmail_mail(quoted=QUOTED_BLOCK), keys)
        boundary = raw.split(b'boundary="', 1)[1].split(b'"', 1)[0]
        field = b'Content-Type: multipart/alternative;\r\n boundary="' + boundary + b'"'
        if field not in raw:
            field = b'Content-Type: multipart/alternative; boundary="' + boundary + b'"'
        raw = _swapped(raw, field, {"type removed": b"X-Removed: 1",
                                    "multipart read as text": b"Content-Type: text/plain",
                                    "a second Content-Type": b"Content-Type: text/plain\r\n" + field,
                                    "a second one, odd case, space before colon":
                                        b"cONTENT-tYPE : text/plain\r\n" + field}[attack])
    elif attack == "text read as HTML":
        raw = gmail_signed(gmail_mail(quoted=HTML_QUOTE, html=False), keys)
        raw = _swapped(raw, b"Content-Type: text/plain", b"Content-Type: text/html")
    else:
        raw = gmail_signed(gmail_mail(quoted=SOFT_BROKEN, html=False, cte="quoted-printable"), keys)
        raw = _swapped(raw, b"Content-Transfer-Encoding: quoted-printable",
                       b"Content-Transfer-Encoding: 7bit")
    [row] = process(config, store, raw, mail_from=VICTIM)
    assert row["dkim_verdict"] != "pass"
    assert "+12125550199" not in filled_by_ai(store).values()
    assert_untouched(store, may_log_unverified=True)
