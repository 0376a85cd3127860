"""A discussion list's post written to the user (To: the user, Cc: the list) is their mail: its
request makes a task; the same post written to someone else, which reaches the user through the
list, makes none."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from mails import CONTACT, CONTACT_SIGNATURE, USER, deliver, mail, run_worker, worker_config

from mailhook.config import Config, DatabaseConfig
from mailhook.store import Store

LIST = "dev@lists.project.example"


@pytest.fixture
def config(tmp_path: Path, target: Path | str) -> Config:
    base = worker_config(tmp_path)
    if isinstance(target, str):
        return dataclasses.replace(base, database=DatabaseConfig(url=target))
    return dataclasses.replace(base, database=DatabaseConfig(path=target))


@pytest.fixture
def store(config: Config) -> Iterator[Store]:
    store = Store(config.database.target)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    yield store
    store.close()


def _post(to: str, message_id: str) -> bytes:
    body = "Hi,\n\ncould you please review the second version of the patch by Friday?\n\n" + CONTACT_SIGNATURE
    message = mail(CONTACT, to, body, message_id=message_id, subject="[PATCH v2] fix the importer")
    message["Cc"] = LIST
    message["List-Id"] = "<dev.lists.project.example>"
    message["List-Post"] = f"<mailto:{LIST}>"
    message["Precedence"] = "bulk"
    return bytes(message)


def test_a_list_post_written_to_the_user_makes_a_task(config: Config, store: Store) -> None:
    deliver(store, _post(f"Ann Lee <{USER}>", "<post-1@acme.example>"))
    run_worker(config, store)
    (task,) = store.query("select message_id, sentence from tasks")
    assert task["message_id"] == "<post-1@acme.example>" and "review" in task["sentence"]


def test_a_list_post_written_to_someone_else_makes_none(config: Config, store: Store) -> None:
    deliver(store, _post("Guenter Roe <guenter@kernel.example>", "<post-2@acme.example>"))
    run_worker(config, store)
    assert list(store.query("select * from tasks")) == []
