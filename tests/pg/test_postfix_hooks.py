"""The topology of docs/scale.md with a real MTA: Postfix's LMTP delivers to two `serve
--no-worker` hooks on one PostgreSQL database, in the order its transport map lists them, and a
`mailhook worker` elsewhere reads what either stored."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import psycopg
from postfix import DOMAIN, NEEDS_POSTFIX, Postfix

from mailhook.store import Store
from pg.commands import READY, Command, write_config

pytestmark = NEEDS_POSTFIX
USER = f"ann@{DOMAIN}"  # a user of the shipped maps: her copies go to ann@hook.internal
CONTACT = "bob@acme.example"


def reply(number: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Bob Smith <{CONTACT}>"
    msg["To"] = USER
    msg["Subject"] = "Re: quote"
    msg["Message-ID"] = f"<hooks{number}@acme.example>"
    msg.set_content("Hi Ann,\n\nthe quote works.\n\nBest regards,\nBob Smith\nTel: +1 217 555 0123\n")
    return msg


def stored_by(url: str) -> list[tuple[str, str]]:
    """(Message-ID, recipient) of every stored copy, in the order stored."""
    with psycopg.connect(url) as db:
        return db.execute("select message_id, recipient from messages order by id").fetchall()


def test_postfix_delivers_to_the_next_hook_while_one_is_down(
        tmp_path: Path, url: str, commands: list[Command]) -> None:
    """Two listener hosts behind one Postfix (`lmtp:[A]:port, [B]:port`, Postfix 3.5's list of next
    hops): with both up, mail goes to the first; with the first stopped for maintenance, Postfix
    delivers to the second at once, nothing is deferred or bounced, and the worker on a third
    host processes every copy once."""
    store = Store(url)
    try:
        store.add_user(USER, None, inbox_automation=True)
        store.add_contact(CONTACT, {}, "import")
    finally:
        store.close()
    config = write_config(tmp_path, url)
    hooks, ports = [], []
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        hooks.append(Command("serve", "--no-worker", "--config", str(config), cwd=tmp_path / side))
        commands.append(hooks[-1])
        ports.append(int(hooks[-1].wait_for(READY.pattern).group(2)))
    worker = Command("worker", "--config", str(config))
    commands.append(worker)
    worker.wait_for("mailhook worker running")
    hops = ", ".join(f"[127.0.0.1]:{port}" for port in ports)
    mta = Postfix(f"{{ hook.internal = lmtp:{hops} }}")
    try:
        mta.send(reply(1), CONTACT, [USER])
        first = mta.wait_for_log(r"to=<ann@hook\.internal>.* status=sent \(250 2\.0\.0")
        assert f"relay=127.0.0.1[127.0.0.1]:{ports[0]}" in first[0]
        worker.wait_for(r"processed message \d+ \(<hooks1@acme\.example>\)")
        assert hooks[0].stop() == 0  # host a down for maintenance
        mta.send(reply(2), CONTACT, [USER])
        second = mta.wait_for_log(r"to=<ann@hook\.internal>.* status=sent \(250 2\.0\.0", count=2)
        assert f"relay=127.0.0.1[127.0.0.1]:{ports[1]}" in second[1]
        worker.wait_for(r"processed message \d+ \(<hooks2@acme\.example>\)")
        mta.wait_for_log(r": removed", count=2)
        assert mta.queue_is_empty()
        log = mta.log_lines.text()
        assert "status=deferred" not in log and "status=bounced" not in log
    finally:
        mta.stop()
    assert stored_by(url) == [("<hooks1@acme.example>", USER), ("<hooks2@acme.example>", USER)]
    store = Store(url)
    try:
        assert store.counts() == {"received": 2, "processed": 2, "pending": 0, "failed": 0}
        assert [e["message_id"] for e in store.contact(CONTACT)["emails"]] == [
            "<hooks1@acme.example>", "<hooks2@acme.example>"]
    finally:
        store.close()
