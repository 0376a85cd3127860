"""The benchmarks' load generator and baselines: pre-built messages sent over async SMTP/LMTP
sessions, the no-op aiosmtpd servers and Postfix's smtp-sink.

Every message is built before the clock starts and each session's commands are encoded once, so
the timed loop only writes bytes and reads replies: building an EmailMessage per message costs
more than a no-op server's reply, and a generator that slow holds every server to its own pace.
`ceiling` measures how fast the generator itself goes (against smtp-sink, a C server), so a
report can show that it is well above the servers it measures.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from email.message import EmailMessage

USER = "ann@us.example"
FORWARDING = "log@hook.localhost"

NOOP_SERVER = """
import asyncio, sys
from aiosmtpd.smtp import SMTP
from aiosmtpd.lmtp import LMTP

class Handler:
    async def handle_DATA(self, server, session, envelope):
        return "\\r\\n".join(["250 2.0.0 OK"] * len(envelope.rcpt_tos)) if LMTP_MODE else "250 2.0.0 OK"

LMTP_MODE = sys.argv[2] == "lmtp"
async def main():
    loop = asyncio.get_running_loop()
    cls = LMTP if LMTP_MODE else SMTP
    server = await loop.create_server(lambda: cls(Handler(), hostname="noop", loop=loop),
                                      "127.0.0.1", int(sys.argv[1]))
    print("ready", flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""

# Six lines of a UK signature (name, title, company, street, town and postcode, phone), varied
# by message so that no two replies are the same text.
FIRST = ("James", "Olivia", "Harry", "Amelia", "George", "Isla", "Oliver", "Emily")
LAST = ("Whitfield", "Ashworth", "Pemberton", "Hargreaves", "Thornton", "Blackwood")
TITLES = ("Senior Buyer", "Procurement Manager", "Head of Operations", "Finance Director")
COMPANIES = ("Harlow & Finch Ltd", "Brightwater Supplies Ltd", "Kestrel Engineering plc",
             "Moorland Foods Ltd")
PLACES = (("14 Castle Street", "Leeds LS1 4AB", "+44 113 496 0"),
          ("2 Quayside", "Newcastle upon Tyne NE1 3DX", "+44 191 498 0"),
          ("87 Deansgate", "Manchester M3 2BW", "+44 161 496 0"),
          ("5 Queen Street", "Bristol BS1 4JQ", "+44 117 496 0"))
FOLLOW_UPS = ("Could you send me the updated quote by Friday?",
              "Could you confirm the delivery date by Thursday?",
              "Please send over the revised contract before Monday.",
              "Can you let me know the final price by the end of the week?")


@dataclass
class Result:
    name: str
    messages: int
    seconds: float
    latencies: list[float]
    client_cpu: float = 0.0  # the load generator's own CPU seconds in the timed run
    rates: list[float] = field(default_factory=list)  # each round's, when there were several
    processed: int | None = None  # messages the workers finished during the load (busy rows)

    @property
    def rate(self) -> float:
        return self.messages / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def crlf(msg: EmailMessage) -> bytes:
    return bytes(msg).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def sample_message(index: int, size: int = 2048, sender: str = "bob@acme.example") -> bytes:
    """A reply of about `size` bytes: prose, then a short German signature."""
    msg = EmailMessage()
    msg["From"] = f"Bob Smith <{sender}>"
    msg["To"] = "bob@acme.example" if sender == USER else USER
    msg["Subject"] = f"Re: quote {index}"
    msg["Message-ID"] = f"<bench-{index}-{time.monotonic_ns()}@acme.example>"
    signature = "\n\nBest regards,\nBob Smith\nSales Director\nAcme GmbH\nTel: +49 30 1234567\n"
    filler = ("We looked at the proposal and have a few questions about delivery. " * 200)
    body = "Hi Ann,\n\n" + filler[: max(0, size - 400)] + signature
    msg.set_content(body)
    return crlf(msg)


def uk_reply(index: int, sender: str) -> bytes:
    """A contact's first reply: one follow-up sentence, then a six-line UK signature."""
    first, last = FIRST[index % len(FIRST)], LAST[index % len(LAST)]
    street, town, phone = PLACES[index % len(PLACES)]
    msg = EmailMessage()
    msg["From"] = f"{first} {last} <{sender}>"
    msg["To"] = f"Ann Lee <{USER}>"
    msg["Subject"] = f"Re: order {1000 + index}"
    msg["Message-ID"] = f"<uk-{index}-{time.monotonic_ns()}@bench.example>"
    msg["In-Reply-To"] = f"<ann-{index}@us.example>"
    msg.set_content(
        f"Hi Ann,\n\nThanks for the figures. {FOLLOW_UPS[index % len(FOLLOW_UPS)]}\n\n"
        f"Best regards,\n\n{first} {last}\n{TITLES[index % len(TITLES)]}\n"
        f"{COMPANIES[index % len(COMPANIES)]}\n{street}\n{town}\nTel: {phone}{index % 1000:03d}\n")
    return crlf(msg)


async def _reply(reader: asyncio.StreamReader) -> bytes:
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("server closed the connection")
        if line[3:4] != b"-":
            return line


async def _session(port: int, lmtp: bool, mails: list[tuple[bytes, bytes]], latencies: list[float],
                   recipients: list[str]) -> None:
    rcpts = [f"RCPT TO:<{r}>\r\n".encode() for r in recipients]
    replies = len(recipients) if lmtp else 1
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await _reply(reader)
    writer.write(b"LHLO bench.localhost\r\n" if lmtp else b"EHLO bench.localhost\r\n")
    await _reply(reader)
    for mail_from, data in mails:
        writer.write(mail_from)
        if not (await _reply(reader)).startswith(b"250"):
            raise RuntimeError("MAIL FROM refused")
        for rcpt in rcpts:
            writer.write(rcpt)
            if not (await _reply(reader)).startswith(b"250"):
                raise RuntimeError("RCPT TO refused")
        writer.write(b"DATA\r\n")
        if not (await _reply(reader)).startswith(b"354"):
            raise RuntimeError("DATA refused")
        writer.write(data)
        started = time.perf_counter()
        for _ in range(replies):
            reply = await _reply(reader)
            if not reply.startswith(b"250"):
                raise RuntimeError(f"unexpected reply {reply!r}")
        latencies.append(time.perf_counter() - started)
    writer.write(b"QUIT\r\n")
    await _reply(reader)
    writer.close()


def batches(mails: list[tuple[str, bytes]], connections: int) -> list[list[tuple[bytes, bytes]]]:
    """(sender, message) pairs split over `connections`, each encoded as the session sends it."""
    share = -(-len(mails) // connections)
    encoded = [(f"MAIL FROM:<{sender}>\r\n".encode(), raw + b".\r\n") for sender, raw in mails]
    return [encoded[c * share:(c + 1) * share] for c in range(connections)]


def send(port: int, lmtp: bool, prepared: list[list[tuple[bytes, bytes]]],
         recipients: list[str]) -> tuple[float, list[float], float]:
    """Send pre-built sessions at once: (seconds, reply latencies, client CPU seconds)."""
    latencies: list[float] = []

    async def run() -> float:
        started = time.perf_counter()
        await asyncio.gather(*(_session(port, lmtp, batch, latencies, recipients)
                               for batch in prepared if batch))
        return time.perf_counter() - started

    cpu = time.process_time()
    seconds = asyncio.run(run())
    return seconds, latencies, time.process_time() - cpu


def prepare(connections: int, per_connection: int, sender: str = "bob@acme.example"
            ) -> list[list[tuple[bytes, bytes]]]:
    """`connections` sessions of `per_connection` ~2 KB messages each, all from `sender`, encoded."""
    mails = [(sender, sample_message(i, sender=sender)) for i in range(connections * per_connection)]
    return batches(mails, connections)


def load(name: str, port: int, lmtp: bool, connections: int, per_connection: int,
         recipients: list[str], sender: str = "bob@acme.example",
         prepared: list[list[tuple[bytes, bytes]]] | None = None) -> Result:
    """Send `prepared` sessions (built here when not given) and time the sending alone."""
    sessions = prepared if prepared is not None else prepare(connections, per_connection, sender)
    seconds, latencies, cpu = send(port, lmtp, sessions, recipients)
    return Result(name, sum(len(batch) for batch in sessions), seconds, latencies, cpu)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_line(proc: subprocess.Popen[str], needle: str) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if needle in line:
            return
    raise RuntimeError(f"server exited before saying {needle!r}")


def start_noop(lmtp: bool) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", NOOP_SERVER, str(port), "lmtp" if lmtp else "smtp"],
                            stdout=subprocess.PIPE, text=True)
    wait_line(proc, "ready")
    return proc, port


def start_sink(lmtp: bool = False) -> tuple[subprocess.Popen[str], int] | None:
    if shutil.which("smtp-sink") is None:
        return None
    port = free_port()
    # As root smtp-sink must be told whom to run as; "nobody" is enough for a sink.
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    proc = subprocess.Popen(["smtp-sink", *user, *(["-L"] if lmtp else []), "-c",
                             f"127.0.0.1:{port}", "256"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # smtp-sink prints nothing when ready: probe the port
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port
        time.sleep(0.05)
    proc.kill()
    return None


def stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def noop_lmtp(mails: list[tuple[str, bytes]], connections: int) -> Result:
    """The baseline of a benchmark: the same pre-built mail against the no-op LMTP server."""
    proc, port = start_noop(lmtp=True)
    try:
        seconds, latencies, cpu = send(port, True, batches(mails, connections), [USER])
    finally:
        stop(proc)
    return Result("aiosmtpd no-op LMTP", len(mails), seconds, latencies, cpu)


def ceiling(connections: int, per_connection: int) -> Result | None:
    """How fast the load generator goes: the intake load against smtp-sink speaking LMTP,
    a C server that does next to nothing; None without Postfix."""
    sink = start_sink(lmtp=True)
    if sink is None:
        return None
    try:
        return load("load generator vs smtp-sink -L", sink[1], True, connections, per_connection, [USER])
    finally:
        stop(sink[0])
