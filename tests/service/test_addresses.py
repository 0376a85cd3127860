"""The listeners read plain envelope addresses themselves (protocols._Gate._getaddr): the result
must be aiosmtpd's own for every text, plain or not."""

from __future__ import annotations

import random

import pytest
from aiosmtpd.smtp import SMTP

from mailhook.service.protocols import LMTPProtocol, SMTPProtocol

CASES = [
    "<ann@us.example>", "<ann@us.example> SIZE=2048", "<ann@us.example>  BODY=8BITMIME SMTPUTF8",
    "<a.b+c@d-e.example>x", "<ann@us.example>(comment) SIZE=1", '<"ann lee"@us.example>',
    "<ann@[192.0.2.1]>", "<a..b@c.example>", "<ann@us.example.>", "<@relay.example:ann@us.example>",
    "<ANN@US.EXAMPLE> ", "<ann@us.example>\t", " <ann@us.example>", "ann@us.example", "<>", "",
    "<ann@us.example", "ann@us.example> X", "<ann@us.example>\r\n", "<ä@us.example>",
    "<a@b.example> SIZE=1 ", "<" + "x" * 70 + "@us.example>",
    # Hostile: an address hidden in a quoted local part, two at signs, a NUL, a dotless i that
    # case-folds to ASCII, two addresses, an encoded word, a bare CR.
    '<"ann@us.example"@evil.example>', "<ann@us.example@evil.example>", "<ann@us.example>\x00",
    "<ann@us.examp\u0131e>", "<ann@us.example>,<eve@evil.example>",
    "<=?utf-8?q?ann=40us.example?=@evil.example>", "<ann@us.example>\rRCPT TO:<eve@evil.example>",
]


def _read(cls: type[SMTP], text: str, limit: int = 0) -> object:
    protocol = cls.__new__(cls)
    protocol.local_part_limit = limit
    try:
        return cls._getaddr(protocol, text)
    except Exception as exc:  # noqa: BLE001 - aiosmtpd raises on some texts; the same must happen
        return type(exc)


@pytest.mark.parametrize("ours", [SMTPProtocol, LMTPProtocol])
@pytest.mark.parametrize("limit", [0, 64])
def test_envelope_addresses_read_as_aiosmtpd_reads_them(ours: type[SMTP], limit: int) -> None:
    """Hand-picked texts (plain, quoted, commented, literal, routed, over the local-part limit)
    and 20,000 generated ones, half of them address-shaped."""
    rng = random.Random(7)
    atoms = ["a", "B", "z", "0", ".", "+", "-", "!", "~", "x.example", "=?utf-8?q?", "=40", "?="]
    tails = ["", " ", "\t", "SIZE=12", " BODY=8BITMIME", "(", ")", '"', "\\", "é", "\r\n", ">", "<"]
    noise = [*atoms, "@", "<", ">", " ", "\t", "(", ")", '"', "[", "]", ":", ","]
    generated = []
    for n in range(20_000):
        if n % 2:
            local = "".join(rng.choices(atoms, k=rng.randint(1, 6)))
            domain = "".join(rng.choices(["a", "b", "-", ".", "x.example", "9"], k=rng.randint(1, 4)))
            generated.append(f"<{local}@{domain}>" + "".join(rng.choices(tails, k=rng.randint(0, 3))))
        else:
            generated.append("".join(rng.choices(noise, k=rng.randint(0, 14))))
    for text in [*CASES, *generated]:
        assert _read(ours, text, limit) == _read(SMTP, text, limit), text
