"""Prometheus metrics of one running service: intake, replies, processing and the queue.

The worker runs in a process of its own: its per-attempt results (outcome, seconds) reach these
counters through the supervisor's report queue; counts, backlog and delays are read from the
database at scrape time, so they survive restarts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from mailhook.store import Store

# Reply latency is a commit away (milliseconds); processing can take seconds on big mail.
REPLY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
PROCESSING_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """The service's metrics in a registry of its own (no process-wide state)."""

    def __init__(self, db_path: Path | str) -> None:
        self.registry = CollectorRegistry()
        self.received = Counter(
            "mailhook_messages_received", "Message copies newly stored by the intake.",
            ["listener"], registry=self.registry,
        )
        self.duplicates = Counter(
            "mailhook_messages_duplicate", "Copies answered 250 because they were already stored.",
            ["listener"], registry=self.registry,
        )
        self.replies = Counter(
            "mailhook_data_replies", "Replies at the end of DATA, by listener and reply code.",
            ["listener", "code"], registry=self.registry,
        )
        self.reply_seconds = Histogram(
            "mailhook_reply_latency_seconds", "From the end of DATA to the reply.",
            ["listener"], buckets=REPLY_BUCKETS, registry=self.registry,
        )
        self.outcomes = Counter(
            "mailhook_messages_processing", "Processing attempts by result (processed, pending, failed).",
            ["result"], registry=self.registry,
        )
        self.processing_seconds = Histogram(
            "mailhook_processing_seconds", "Time to process one message.",
            buckets=PROCESSING_BUCKETS, registry=self.registry,
        )
        self.worker_restarts = Counter(
            "mailhook_worker_restarts", "Times the worker process died and was started again.",
            registry=self.registry,
        )
        self.registry.register(QueueCollector(db_path))

    def serve(self, host: str, port: int) -> tuple[WSGIServer, threading.Thread]:
        """Expose /metrics over HTTP on (host, port); port 0 picks a free one."""
        return start_http_server(port, addr=host, registry=self.registry)


class QueueCollector(Collector):
    """Counts read from the database at scrape time, so they survive restarts."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = db_path
        self._store: Store | None = None
        self._lock = threading.Lock()

    def collect(self) -> Iterator[Metric]:
        with self._lock:  # scrapes may overlap; one connection serves them in turn
            if self._store is None:
                self._store = Store(self.db_path)
            counts = self._store.counts()
            delays = sorted(self._store.processing_delays())
        by_status = GaugeMetricFamily(
            "mailhook_messages", "Stored message copies by processing status.", labels=["status"]
        )
        for status in ("received", "processed", "pending", "failed"):
            by_status.add_metric([status], counts[status])
        yield by_status
        yield GaugeMetricFamily(
            "mailhook_backlog", "Messages received and not yet processed.", value=counts["pending"]
        )
        # Read from the database because the worker runs in a process of its own.
        delay = GaugeMetricFamily(
            "mailhook_processing_delay_seconds",
            "From receipt to processing, over the last 1000 processed messages.",
            labels=["quantile"],
        )
        for quantile in (0.5, 0.99):
            if delays:
                delay.add_metric([str(quantile)], delays[min(len(delays) - 1, int(quantile * len(delays)))])
        yield delay
