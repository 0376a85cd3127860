"""The worker's follow-ups (mailhook/worker/tasks.py) read whom a message was written to: the
sentence model's gates see its To and Cc, as the CLI's do. A real SQLite store and real MIME."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from mailhook import pipeline
from mailhook.rules.routing import INBOUND, Route
from mailhook.store import Queued, Store
from mailhook.worker.tasks import follow_ups

USER, CONTACT = "ann@us.example", "olga@partner.example"
# A question only the sentence model reads (tests/automation/test_sentence_model.py): to one
# reader it is a task; to a group (a list, a team) the gates keep the model from it.
BODY = "Hi Olga,\n\nhow is your tender for the school going?\n\nBest,\nRob\n"


def _raw(readers: list[str]) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = CONTACT, ", ".join(readers)
    message["Subject"], message["Date"] = "Tender", "Wed, 04 Mar 2026 09:00:00 +0100"
    message["Message-ID"] = "<tender@partner.example>"
    message.set_content(BODY)
    return bytes(message)


def _tasks(store: Store, raw: bytes) -> list[str]:
    route = Route(INBOUND, store.users()[USER], contact=CONTACT)
    # Received after inbox automation was turned on (a later time than the store's clock).
    item = Queued(1, raw, "<tender@partner.example>", USER, "lmtp", CONTACT, (USER,),
                  "2999-01-01 00:00:00", 0)
    return [t.title for t in follow_ups(store, item, pipeline.read_message(raw), route, "en")]


def test_the_model_gates_see_the_messages_readers(tmp_path: Path) -> None:
    store = Store(tmp_path / "mailhook.db")
    try:
        store.add_user(USER, "Ann Lee", inbox_automation=True)
        store.add_contact(CONTACT, {}, "import")
        assert _tasks(store, _raw([USER])) == ["Answer: how is your tender for the school going"]
        many = [USER, "bo@us.example", "cy@us.example", "di@us.example"]
        assert _tasks(store, _raw(many)) == []
    finally:
        store.close()


def _signed(body: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = f"Olga Berg <{CONTACT}>", USER
    message["Subject"], message["Date"] = "Logs", "Wed, 04 Mar 2026 09:00:00 +0100"
    message["Message-ID"] = "<tender@partner.example>"
    message.set_content(body)
    return bytes(message)


def test_the_worker_reads_no_task_in_a_tagline_below_the_signature(tmp_path: Path) -> None:
    store = Store(tmp_path / "mailhook.db")
    try:
        store.add_user(USER, "Ann Lee", inbox_automation=True)
        store.add_contact(CONTACT, {}, "import")
        signed = ("Hi Ann,\n\nhere are the logs of the failed boot.\n\nOlga\n\nOlga Berg\n"
                  "Network administrator\nPartner AB\n\n--\nPlease no HTML, I'm not a browser.\n")
        assert _tasks(store, _signed(signed)) == []
        postscript = signed.replace("--\nPlease no HTML, I'm not a browser.\n",
                                    "P.S. Could you send me the new firmware image by Friday?\n")
        assert _tasks(store, _signed(postscript))
    finally:
        store.close()
