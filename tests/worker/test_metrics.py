"""Prometheus metrics: scraped over HTTP from a running service, and recorded by the worker."""

from __future__ import annotations

import dataclasses
import smtplib
import urllib.request
from email.message import EmailMessage

from prometheus_client.parser import text_string_to_metric_families

from mailhook.config import Config, MetricsConfig
from mailhook.store import Received, Store
from mailhook.worker.metrics import Metrics
from mailhook.worker.processing import Worker

USER = "ann@us.example"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def message(n: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Bob <bob@acme.example>"
    msg["To"] = USER
    msg["Subject"] = "hi"
    msg["Message-ID"] = f"<metrics-{n}@acme.example>"
    msg.set_content("Hello Ann,\n\nsee you Monday.\n\nBob\n")
    return msg


def test_metrics_endpoint_reports_intake_replies_and_backlog(config: Config, running_service, users) -> None:
    """With [metrics] enabled, /metrics on loopback shows received copies, reply codes and
    latencies, and the backlog read from the database."""
    users(USER, inbox_automation=True)
    config = dataclasses.replace(config, metrics=MetricsConfig(enabled=True, port=0))
    hook = running_service(config, worker=False)
    with smtplib.LMTP(*hook.lmtp) as client:
        for n in (1, 2):
            assert client.send_message(message(n), "bob@acme.example", [USER]) == {}
        assert client.send_message(message(2), "bob@acme.example", [USER]) == {}  # an MTA retry
    host, port = hook.addresses["metrics"]
    assert host == "127.0.0.1"
    with urllib.request.urlopen(f"http://{host}:{port}/metrics", timeout=10) as response:
        assert response.status == 200
        found = samples(response.read().decode())
    assert found[("mailhook_messages_received_total", (("listener", "lmtp"),))] == 2
    assert found[("mailhook_messages_duplicate_total", (("listener", "lmtp"),))] == 1
    assert found[("mailhook_data_replies_total", (("code", "250"), ("listener", "lmtp")))] == 3
    assert found[("mailhook_reply_latency_seconds_count", (("listener", "lmtp"),))] == 3
    assert found[("mailhook_backlog", ())] == 2
    assert found[("mailhook_messages", (("status", "received"),))] == 2


def test_metrics_are_off_unless_enabled(config: Config, running_service) -> None:
    """No HTTP port is opened when [metrics] is not enabled."""
    hook = running_service(config, worker=False)
    assert "metrics" not in hook.addresses


def test_worker_records_processing_outcomes(config: Config, users) -> None:
    """The worker counts outcomes and observes processing time per message."""
    users(USER, inbox_automation=True)
    store = Store(config.database.path)
    store.insert_received([Received(bytes(message(1)), "<m1@x>", USER, "lmtp", None, (USER,), None),
                           Received(b"\x00garbage", None, USER, "lmtp", None, (USER,), None)])
    metrics = Metrics(config.database.path)
    Worker(config, metrics=metrics).drain(store)
    assert metrics.registry.get_sample_value("mailhook_messages_processing_total",
                                             {"result": "processed"}) == 1
    assert metrics.registry.get_sample_value("mailhook_messages_processing_total",
                                             {"result": "failed"}) == 1
    assert metrics.registry.get_sample_value("mailhook_processing_seconds_count") == 2
    assert metrics.registry.get_sample_value("mailhook_backlog") == 0
    delay = metrics.registry.get_sample_value("mailhook_processing_delay_seconds", {"quantile": "0.5"})
    assert delay is not None and delay >= 0
