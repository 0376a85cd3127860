"""Trust verdicts on real signed mail: DKIM inline and async, the background Verifier, and ARC."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage

import dkim
import pytest
from dkimstub import Key, Records, new_key, serving

from mailhook.config import DkimConfig
from mailhook.trust.dkim import (
    FAIL,
    NONE,
    PASS,
    TEMPERROR,
    AiodnsResolver,
    DnsFunc,
    Resolver,
    dkim_verdict,
    dkim_verdict_async,
)
from mailhook.trust.verifier import Verifier, verdict, verdict_async

AUTHOR_KEY = b"sel._domainkey.acme.example."
LIST_KEY = b"list._domainkey.lists.example."
FORWARDER_KEY = b"fwd._domainkey.forwarder.example."
ATTACKER_KEY = b"evil._domainkey.evil.example."  # a key the attacker publishes for its own domain
ORIGINAL_AAR = "dkim=pass header.d=acme.example header.s=sel"


Keys = dict[bytes, Key]  # key name -> the key


@pytest.fixture(scope="module")
def keys() -> Keys:
    return {name: new_key() for name in (AUTHOR_KEY, LIST_KEY, FORWARDER_KEY, ATTACKER_KEY)}


@pytest.fixture
def records(keys: Keys) -> Records:
    """The local DNS every test answers key lookups from."""
    return {name: key.record for name, key in keys.items()}


def message(sender: str = "bob@acme.example") -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Bob Smith <{sender}>"
    msg["To"] = "sales@lists.example"
    msg["Subject"] = "Quote"
    msg["Date"] = "Mon, 01 Jan 2024 10:00:00 +0000"
    msg["Message-ID"] = "<q1@acme.example>"
    msg.set_content("Thanks, see you next week.\n\nBob Smith\nTel: +49 30 1234567\n")
    return msg.as_bytes(policy=policy.SMTP)


def signed(raw: bytes, key: Key, domain: bytes = b"acme.example", selector: bytes = b"sel") -> bytes:
    return dkim.sign(raw, selector, domain, key.private) + raw


def through_list(raw: bytes, key: Key, recorded: str = ORIGINAL_AAR) -> bytes:
    """As a mailing list forwards: records its DKIM check, tags the subject, adds a footer (which
    breaks the author's signature), then seals the result with ARC."""
    received = f"Authentication-Results: lists.example; {recorded}\r\n".encode() + raw
    changed = received.replace(b"Subject: Quote", b"Subject: [sales] Quote") + b"-- \r\nsales list\r\n"
    seal = dkim.arc_sign(changed, b"list", b"lists.example", key.private, b"lists.example")
    return b"".join(seal) + changed


def through_forwarder(raw: bytes, key: Key) -> bytes:
    """A second hop that checked the list's chain (arc=pass) and seals on top of it."""
    received = b"Authentication-Results: forwarder.example; arc=pass; dkim=fail header.d=acme.example\r\n"
    received += raw
    seal = dkim.arc_sign(received, b"fwd", b"forwarder.example", key.private, b"forwarder.example")
    return b"".join(seal) + received


def sealed_by(raw: bytes, key: Key, domain: bytes, selector: bytes, recorded: str) -> bytes:
    """A hop of `domain` that records `recorded` as its own results (with `arc=...` on a chain that
    is already sealed) and seals the mail with ARC, changing nothing else."""
    received = f"Authentication-Results: {domain.decode()}; {recorded}\r\n".encode() + raw
    seal = dkim.arc_sign(received, selector, domain, key.private, domain)
    return b"".join(seal) + received


def answering(records: Records, asked: list[bytes] | None = None) -> Resolver:
    async def resolve(name: bytes, timeout: float) -> bytes | None:
        if asked is not None:
            asked.append(name)
        return records.get(name)

    return resolve


def looking_up(records: Records) -> DnsFunc:
    return lambda name, timeout=5: records.get(name)


async def never_answering(name: bytes, timeout: float) -> bytes | None:
    await asyncio.Event().wait()  # nobody sets it: only the timeout ends this lookup
    return None


def config(sealers: tuple[str, ...] = (), timeout: float = 5.0, **kwargs: object) -> DkimConfig:
    return DkimConfig(policy="require", dns_timeout=timeout, trusted_arc_sealers=sealers, **kwargs)  # type: ignore[arg-type]


def judged(raw: bytes, from_domain: str, dkim_config: DkimConfig, records: Records) -> str | None:
    """The verdict inline and from a Verifier, which must agree."""
    inline = verdict(raw, from_domain, dkim_config, dnsfunc=looking_up(records))
    with Verifier(dkim_config, resolver=answering(records)) as verifier:
        background = verifier.submit(raw, from_domain).result(timeout=30)
    assert inline == background
    return inline


Judge = Callable[[bytes, str, Records], str]


def inline_dkim(raw: bytes, from_domain: str, records: Records) -> str:
    return dkim_verdict(raw, from_domain, timeout=1.0, dnsfunc=looking_up(records))


def async_dkim(raw: bytes, from_domain: str, records: Records) -> str:
    return asyncio.run(dkim_verdict_async(raw, from_domain, timeout=1.0, resolver=answering(records)))


@pytest.fixture(params=[inline_dkim, async_dkim], ids=["inline", "async"])
def judge(request: pytest.FixtureRequest) -> Judge:
    judge: Judge = request.param
    return judge


def test_signature_of_the_from_domain_passes(judge: Judge, keys: Keys, records: Records) -> None:
    """A signature by the From domain, or by a parent of it (relaxed alignment), passes."""
    assert judge(signed(message(), keys[AUTHOR_KEY]), "acme.example", records) == PASS
    raw = signed(message("bob@mail.acme.example"), keys[AUTHOR_KEY])
    assert judge(raw, "mail.acme.example", records) == PASS


def test_tampered_body_fails(judge: Judge, keys: Keys, records: Records) -> None:
    """A body changed after signing fails."""
    raw = signed(message(), keys[AUTHOR_KEY]).replace(b"next week", b"next year")
    assert judge(raw, "acme.example", records) == FAIL


def test_unsigned_mail_is_none(judge: Judge, records: Records) -> None:
    """Mail without any DKIM-Signature is `none`."""
    assert judge(message(), "acme.example", records) == NONE


def test_signer_not_aligned_with_from_fails(judge: Judge, keys: Keys, records: Records) -> None:
    """A good signature by another domain than the From domain fails."""
    raw = signed(message(), keys[LIST_KEY], b"lists.example", b"list")
    assert judge(raw, "acme.example", records) == FAIL


def test_missing_or_garbled_key_fails(judge: Judge, keys: Keys) -> None:
    """No key record, or one that does not decode, fails rather than crashing."""
    raw = signed(message(), keys[AUTHOR_KEY])
    assert judge(raw, "acme.example", {}) == FAIL
    assert judge(raw, "acme.example", {AUTHOR_KEY: b"v=DKIM1; k=rsa; p=%%%"}) == FAIL


def test_async_lookup_that_never_answers_is_temperror_within_the_timeout(keys: Keys) -> None:
    """A resolver that never answers is cut off after `timeout`: `temperror`, not a hang."""
    raw = signed(message(), keys[AUTHOR_KEY])
    found = asyncio.run(dkim_verdict_async(raw, "acme.example", timeout=0.05, resolver=never_answering))
    assert found == TEMPERROR


def test_inline_lookup_timeout_is_temperror_not_fail(keys: Keys) -> None:
    """dkimpy swallows its own DnsTimeoutError into a failed signature; we report `temperror`."""

    def timing_out(name: bytes, timeout: float = 5) -> bytes | None:
        raise dkim.DnsTimeoutError("no answer")

    raw = signed(message(), keys[AUTHOR_KEY])
    assert dkim_verdict(raw, "acme.example", timeout=1.0, dnsfunc=timing_out) == TEMPERROR


@pytest.fixture
def dns_server(records: Records) -> Iterator[str]:
    """A real DNS server on a loopback UDP port; yields its "address:port"."""
    with serving(records) as address:
        yield address


def test_aiodns_resolver_reads_keys_from_a_real_dns_server(keys: Keys, dns_server: str) -> None:
    """The default resolver (aiodns) joins a multi-string TXT record and verifies with it; a
    name the server does not know fails."""
    raw = signed(message(), keys[AUTHOR_KEY])
    unknown = signed(message(), keys[AUTHOR_KEY], selector=b"gone")

    async def check() -> tuple[str, str]:
        async with AiodnsResolver([dns_server]) as resolver:
            known = await dkim_verdict_async(raw, "acme.example", timeout=2.0, resolver=resolver)
            missing = await dkim_verdict_async(unknown, "acme.example", timeout=2.0, resolver=resolver)
            return known, missing

    assert asyncio.run(check()) == (PASS, FAIL)


def test_aiodns_resolver_on_a_silent_server_is_temperror(keys: Keys) -> None:
    """A DNS server that never replies makes `temperror` within the timeout."""
    raw = signed(message(), keys[AUTHOR_KEY])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))

        async def check() -> str:
            async with AiodnsResolver([f"127.0.0.1:{silent.getsockname()[1]}"]) as resolver:
                return await dkim_verdict_async(raw, "acme.example", timeout=0.2, resolver=resolver)

        assert asyncio.run(check()) == TEMPERROR


def test_verifier_runs_submissions_concurrently_up_to_its_bound(keys: Keys, records: Records) -> None:
    """Key lookups are answered only once 4 wait together, which a serial verifier never reaches;
    with max_in_flight=4, 8 submissions (each naming a key of its own: lookups of one name are
    shared) all pass and no more than 4 ever wait at once."""
    gate = asyncio.Barrier(4)
    waiting = peak = 0

    async def gated(name: bytes, timeout: float) -> bytes | None:
        nonlocal waiting, peak
        waiting += 1
        peak = max(peak, waiting)
        await gate.wait()
        waiting -= 1
        return records[AUTHOR_KEY]

    raws = [signed(message(), keys[AUTHOR_KEY], selector=f"s{n}".encode()) for n in range(8)]
    with Verifier(config(timeout=10.0), resolver=gated, max_in_flight=4) as verifier:
        futures = [verifier.submit(raw, "acme.example") for raw in raws]
        assert [future.result(timeout=60) for future in futures] == [PASS] * 8
    assert peak == 4


def test_verifier_takes_the_workers_synchronous_dnsfunc(keys: Keys, records: Records) -> None:
    """A `dnsfunc(name, timeout=5)` as the worker's seam passes; its exception reaches the caller."""

    def broken(name: bytes, timeout: float = 5) -> bytes | None:
        raise RuntimeError("resolver crashed")

    raw = signed(message(), keys[AUTHOR_KEY])
    with Verifier(config(), dnsfunc=looking_up(records)) as verifier:
        assert verifier.submit(raw, "acme.example").result(timeout=30) == PASS
    with Verifier(config(), dnsfunc=broken) as verifier, pytest.raises(RuntimeError, match="crashed"):
        verifier.submit(raw, "acme.example").result(timeout=30)


def test_verifier_deadline_makes_a_slow_message_temperror(keys: Keys) -> None:
    """The per-message deadline ends a verification even when each lookup may take longer."""
    raw = signed(message(), keys[AUTHOR_KEY])
    with Verifier(config(timeout=60.0), resolver=never_answering, deadline=0.05) as verifier:
        assert verifier.submit(raw, "acme.example").result(timeout=30) == TEMPERROR


def test_verifier_close_cancels_in_flight_work_and_stops_its_thread(keys: Keys) -> None:
    """close() cancels what is still waiting, ends the loop's thread, and refuses new work."""
    verifier = Verifier(config(timeout=60.0), resolver=never_answering)
    assert "mailhook-verifier" in [thread.name for thread in threading.enumerate()]
    pending = verifier.submit(signed(message(), keys[AUTHOR_KEY]), "acme.example")
    verifier.close()
    assert pending.cancelled()
    assert "mailhook-verifier" not in [thread.name for thread in threading.enumerate()]
    with pytest.raises(RuntimeError, match="closed"):
        verifier.submit(message(), "acme.example")
    verifier.close()  # a second close is harmless


def test_policy_off_gives_no_verdict(keys: Keys, records: Records) -> None:
    """With [dkim] policy = "off" nothing is checked and the verdict is None."""
    raw = signed(message(), keys[AUTHOR_KEY])
    assert judged(raw, "acme.example", DkimConfig(policy="off"), records) is None


def test_trusted_authentication_results_decide_without_dns(records: Records) -> None:
    """Our own MTA's recorded pass stands in for verification: no key is looked up."""
    raw = b"Authentication-Results: mx.us.example; dkim=pass header.d=acme.example\r\n" + message()
    asked: list[bytes] = []
    trusting = config(trusted_authserv_ids=("mx.us.example",))
    assert asyncio.run(verdict_async(raw, "acme.example", trusting, resolver=answering({}, asked))) == PASS
    assert judged(raw, "acme.example", trusting, records) == PASS
    assert asked == []


def test_arc_of_a_trusted_list_passes_mail_the_list_changed(keys: Keys, records: Records) -> None:
    """The list's footer breaks the author's signature; its valid ARC chain, recording the
    author's aligned DKIM pass at the first hop, makes it `pass` when the list is trusted."""
    raw = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY])
    assert judged(raw, "acme.example", config(), records) == FAIL
    assert judged(raw, "acme.example", config(("lists.example",)), records) == PASS


def test_arc_of_an_untrusted_sealer_is_ignored_without_lookups(keys: Keys, records: Records) -> None:
    """A chain sealed by a domain not in trusted_arc_sealers changes nothing, and its keys are
    never looked up."""
    raw = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY])
    asked: list[bytes] = []
    other = config(("other-list.example",))
    assert asyncio.run(verdict_async(raw, "acme.example", other, resolver=answering(records, asked))) == FAIL
    assert asked == [AUTHOR_KEY]
    assert judged(raw, "acme.example", other, records) == FAIL


def test_broken_arc_chain_fails(keys: Keys, records: Records) -> None:
    """Mail changed after the trusted list sealed it fails."""
    raw = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY])
    tampered = raw.replace(b"next week", b"next year")
    assert judged(tampered, "acme.example", config(("lists.example",)), records) == FAIL


@pytest.mark.parametrize(
    "recorded",
    [
        "dkim=fail header.d=acme.example",
        "dkim=pass header.d=lists.example",
        "spf=pass smtp.mailfrom=acme.example",
    ],
)
def test_arc_needs_an_aligned_dkim_pass_at_the_first_hop(recorded: str, keys: Keys, records: dict) -> None:
    """A trusted list vouches only for what it recorded: a failed, unaligned or missing DKIM
    result at instance 1 leaves the verdict `fail`."""
    raw = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY], recorded)
    assert judged(raw, "acme.example", config(("lists.example",)), records) == FAIL


def test_only_the_latest_sealer_is_trusted(keys: Keys, records: Records) -> None:
    """Behind a second hop, trusting the list is not enough: the latest seal is the forwarder's.
    Trusting only the forwarder is not enough either: it recorded dkim=fail, and the list's record
    of the author's pass is the word of a sealer not trusted. Trusting both passes."""
    listed = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY])
    raw = through_forwarder(listed, keys[FORWARDER_KEY])
    assert judged(raw, "acme.example", config(("lists.example",)), records) == FAIL
    assert judged(raw, "acme.example", config(("forwarder.example",)), records) == FAIL
    assert judged(raw, "acme.example", config(("lists.example", "forwarder.example")), records) == PASS


def test_forged_first_hop_under_a_trusted_list_is_not_believed(keys: Keys, records: Records) -> None:
    """An attacker signs mail "from" acme.example with its own key, seals i=1 with its own domain
    claiming an aligned dkim=pass; the trusted list seals i=2 honestly with what it saw (dkim=fail).
    The chain validates, but only the list's own record counts: not `pass`."""
    forged = signed(message(), keys[ATTACKER_KEY], b"evil.example", b"evil")
    claimed = sealed_by(forged, keys[ATTACKER_KEY], b"evil.example", b"evil", ORIGINAL_AAR)
    raw = through_list(claimed, keys[LIST_KEY], "arc=pass; dkim=fail header.d=evil.example")
    assert dkim.arc_verify(raw, dnsfunc=looking_up(records))[0] == dkim.CV_Pass
    assert judged(raw, "acme.example", config(("lists.example",)), records) == FAIL


def test_untrusted_hop_between_trusted_sealers_breaks_their_word(keys: Keys, records: Records) -> None:
    """The trusted list recorded the author's pass at i=1, an untrusted hop sealed i=2 and a
    trusted forwarder i=3: the untrusted hop may have changed anything the list saw, so the list's
    record no longer counts and the forwarder's own (dkim=fail) decides: not `pass`."""
    listed = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY])
    middle = sealed_by(listed, keys[ATTACKER_KEY], b"evil.example", b"evil", "arc=pass")
    raw = through_forwarder(middle, keys[FORWARDER_KEY])
    assert dkim.arc_verify(raw, dnsfunc=looking_up(records))[0] == dkim.CV_Pass
    trusting = config(("lists.example", "forwarder.example"))
    assert judged(raw, "acme.example", trusting, records) == FAIL


def test_arc_key_lookup_that_never_answers_is_temperror(keys: Keys, records: Records) -> None:
    """When the trusted sealer's key cannot be fetched in time, the verdict may change on retry:
    `temperror`, not `fail`."""

    async def list_key_silent(name: bytes, timeout: float) -> bytes | None:
        if name == LIST_KEY:
            return await never_answering(name, timeout)
        return records.get(name)

    raw = through_list(signed(message(), keys[AUTHOR_KEY]), keys[LIST_KEY])
    trusting = config(("lists.example",), timeout=0.05)
    assert asyncio.run(verdict_async(raw, "acme.example", trusting, resolver=list_key_silent)) == TEMPERROR


def twice_signed(key: Key) -> bytes:
    """Two signatures naming the same key (AUTHOR_KEY): one broken by a changed subject."""
    raw = signed(message(), key)
    return signed(raw, key).replace(b"Subject: Quote", b"Subject: Quote!", 1)


def test_one_key_name_is_looked_up_once_for_every_check_naming_it(keys: Keys, records: Records) -> None:
    """Five messages checked together, each with two signatures naming one key: one lookup in
    all, and each verdict is as if looked up alone."""
    asked: list[bytes] = []
    raws = [twice_signed(keys[AUTHOR_KEY]) for _ in range(5)]
    with Verifier(config(), resolver=answering(records, asked)) as verifier:
        futures = [verifier.submit(raw, "acme.example") for raw in raws]
        assert [future.result(timeout=30) for future in futures] == [FAIL] * 5
        assert verifier.submit(signed(message(), keys[AUTHOR_KEY]), "acme.example").result(30) == PASS
    assert asked == [AUTHOR_KEY]


def test_only_a_dns_failure_is_remembered_and_only_for_failure_ttl(keys: Keys, records: Records) -> None:
    """A key lookup that timed out is not asked again within failure_ttl (later messages are
    temperror at once); with failure_ttl=0 every message asks again. A resolver that raised
    anything else re-raises for its message and is asked again by the next one."""
    raw = signed(message(), keys[AUTHOR_KEY])
    for failure_ttl, lookups in ((3600.0, 1), (0.0, 3)):
        asked: list[bytes] = []

        async def silent(name: bytes, timeout: float, asked: list[bytes] = asked) -> bytes | None:
            asked.append(name)
            return await never_answering(name, timeout)

        with Verifier(config(timeout=0.05), resolver=silent, failure_ttl=failure_ttl) as verifier:
            for _ in range(3):
                assert verifier.submit(raw, "acme.example").result(timeout=30) == TEMPERROR
        assert asked == [AUTHOR_KEY] * lookups

    crashes: list[bytes] = []

    async def crashing_once(name: bytes, timeout: float) -> bytes | None:
        crashes.append(name)
        if len(crashes) == 1:
            raise RuntimeError("resolver crashed")
        return records.get(name)

    with Verifier(config(), resolver=crashing_once, failure_ttl=3600.0) as verifier:
        with pytest.raises(RuntimeError, match="crashed"):
            verifier.submit(raw, "acme.example").result(timeout=30)
        assert verifier.submit(raw, "acme.example").result(timeout=30) == PASS
    assert crashes == [AUTHOR_KEY] * 2


@pytest.mark.parametrize(("suffix", "sender"), [
    ("example", "bob@acme.example"), ("co.uk", "bob@acme.co.uk"), ("com", "bob@bigcorp.com"),
])
def test_a_signature_by_a_public_suffix_aligns_with_no_one(
    judge: Judge, keys: Keys, records: Records, suffix: str, sender: str
) -> None:
    """Whoever holds a key under a public suffix's _domainkey (d=co.uk) signs for no one's mail:
    relaxed alignment stops at the Public Suffix List (RFC 7489 3.2)."""
    key = keys[AUTHOR_KEY]
    records = {**records, f"sel._domainkey.{suffix}.".encode(): key.record}
    raw = signed(message(sender), key, domain=suffix.encode())
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: records.get(name))  # the signature holds
    assert judge(raw, sender.rpartition("@")[2], records) == FAIL
