"""A raw SMTP/LMTP client that reads every reply line, which smtplib cannot do for LMTP's DATA."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

TIMEOUT = 10.0


class Dialog:
    """A raw client that reads every reply line, which smtplib cannot do for LMTP's DATA."""

    def __init__(self, address: tuple[str, int]) -> None:
        self.sock = socket.create_connection(address, timeout=TIMEOUT)
        self.file = self.sock.makefile("rb")
        self.greeting = self.reply()

    def reply(self) -> str:
        lines = []
        while True:
            line = self.file.readline()
            if not line:
                raise ConnectionError("server closed the connection")
            lines.append(line.decode("utf-8", "replace").rstrip("\r\n"))
            if line[3:4] != b"-":
                return "\n".join(lines)

    def command(self, line: str | bytes) -> str:
        self.sock.sendall((line.encode() if isinstance(line, str) else line) + b"\r\n")
        return self.reply()

    def envelope(self, mail_from: str, recipients: list[str], hello: str = "LHLO") -> list[str]:
        assert self.command(f"{hello} client.example").startswith("250")
        assert self.command(f"MAIL FROM:<{mail_from}>").startswith("250")
        return [self.command(f"RCPT TO:<{r}>") for r in recipients]

    def data(self, raw: bytes, replies: int) -> list[str]:
        assert self.command("DATA").startswith("354")
        lines = raw.split(b"\r\n")
        stuffed = b"\r\n".join(b"." + line if line.startswith(b".") else line for line in lines)
        if not stuffed.endswith(b"\r\n"):
            stuffed += b"\r\n"
        self.sock.sendall(stuffed + b".\r\n")
        return [self.reply() for _ in range(replies)]

    def next_reply_is_for_the_next_command(self) -> bool:
        """True when nothing extra is waiting: NOOP's own answer comes next."""
        return self.command("NOOP") == "250 OK"

    def close(self) -> None:
        self.file.close()
        self.sock.close()


@contextmanager
def dialog(address: tuple[str, int]) -> Iterator[Dialog]:
    d = Dialog(address)
    try:
        yield d
    finally:
        d.close()


def lmtp_deliver(address: tuple[str, int], raw: bytes, recipients: list[str],
                 mail_from: str = "carol@client.example") -> list[str]:
    """One LMTP transaction; the DATA replies, one per accepted recipient."""
    with dialog(address) as d:
        accepted = [r for r in d.envelope(mail_from, recipients) if r.startswith("250")]
        replies = d.data(raw, len(accepted))
        assert d.next_reply_is_for_the_next_command()
        return replies
