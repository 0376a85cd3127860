"""Real DKIM keys and signatures, and a real DNS server on loopback that serves their records."""

from __future__ import annotations

import base64
import socketserver
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import dkim
import dkim.crypto
import dns.message
import dns.rcode
import dns.rrset
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from dkim.canonicalization import CanonicalizationPolicy

Records = dict[bytes, bytes]  # key name ("sel._domainkey.acme.example.") -> TXT record


@dataclass(frozen=True)
class Key:
    private: bytes
    record: bytes


def new_key() -> Key:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return Key(private, b"v=DKIM1; k=rsa; p=" + base64.b64encode(public))


def key_name(domain: str, selector: str = "sel") -> bytes:
    return f"{selector}._domainkey.{domain}.".encode()


def signed(raw: bytes, key: Key, domain: str, selector: str = "sel", **options: object) -> bytes:
    """`raw` with a DKIM-Signature by `domain` on top (dkimpy's own signer)."""
    return dkim.sign(raw, selector.encode(), domain.encode(), key.private, **options) + raw  # type: ignore[arg-type]


def signed_leaving_out_from(raw: bytes, key: Key, domain: str, selector: str = "sel") -> bytes:
    """A real signature whose h= does not list From. dkimpy's signer refuses to make one (RFC 6376
    says From MUST be signed) but its verifier accepts one, so dkimpy's own signing steps are run
    here without that check, as an attacker's signer would."""
    signer = dkim.DKIM(raw)
    signer.hasher = dkim.HASH_ALGORITHMS[b"rsa-sha256"]
    policy = CanonicalizationPolicy.from_c_value(b"relaxed/simple")
    include = (b"subject", b"date", b"message-id")
    body_hash = base64.b64encode(signer.hasher(policy.canonicalize_body(signer.body)).digest())
    fields = [(b"v", b"1"), (b"a", b"rsa-sha256"), (b"c", b"relaxed/simple"), (b"d", domain.encode()),
              (b"s", selector.encode()), (b"h", b" : ".join(include)), (b"bh", body_hash),
              (b"b", b"0" * 60)]
    private = dkim.crypto.parse_pem_private_key(key.private)
    return b"DKIM-Signature: " + signer.gen_header(fields, include, policy, b"DKIM-Signature", private) + raw


class _KeyServer(socketserver.BaseRequestHandler):
    """Answers TXT queries from the server's `records`; NXDOMAIN for anything else. Each query's
    name goes to the server's `asked` list; one that `silent(name)` holds is read and dropped."""

    def handle(self) -> None:
        data, sock = self.request
        query = dns.message.from_wire(data)
        reply = dns.message.make_response(query)
        question = query.question[0]
        name = question.name.to_text().encode()
        self.server.asked.append(name)  # type: ignore[attr-defined]
        if self.server.silent(name):  # type: ignore[attr-defined]
            return
        record = self.server.records.get(name)  # type: ignore[attr-defined]
        if record is None:
            reply.set_rcode(dns.rcode.NXDOMAIN)
        else:  # split like real DKIM records, into strings of at most 255 bytes
            strings = " ".join(f'"{record[i : i + 200].decode()}"' for i in range(0, len(record), 200))
            reply.answer.append(dns.rrset.from_text(question.name, 60, "IN", "TXT", strings))
        sock.sendto(reply.to_wire(), self.client_address)


def never(name: bytes) -> bool:
    return False


@contextmanager
def serving(
    records: Records, *, asked: list[bytes] | None = None, silent: Callable[[bytes], bool] = never
) -> Iterator[str]:
    """A real DNS server on a loopback UDP port answering from `records` (read at each query,
    so a test may add keys later); yields its "address:port". The name of every query it
    receives is appended to `asked`; a query for which `silent(name)` is true gets no reply at
    all, as from a server that is down (`silent=lambda name: True`: one that never answers)."""
    server = socketserver.ThreadingUDPServer(("127.0.0.1", 0), _KeyServer)
    server.daemon_threads = True
    server.records = records  # type: ignore[attr-defined]
    server.asked = [] if asked is None else asked  # type: ignore[attr-defined]
    server.silent = silent  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
