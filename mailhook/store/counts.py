"""What `status`, metrics and doctor count: messages by status, DKIM verdict and skip reason."""

from __future__ import annotations

from typing import Any

from mailhook.store import claims
from mailhook.store.base import Base


class CountStore(Base):
    """Read-only counts over the messages table."""

    def counts(self) -> dict[str, int]:
        rows = self._rows("SELECT status, count(*) AS n FROM messages GROUP BY status")
        by_status = {r["status"]: r["n"] for r in rows}
        pending = by_status.get("pending", 0) + by_status.get("processing", 0)
        return {
            "received": sum(by_status.values()),
            "processed": by_status.get("processed", 0),
            "pending": pending,
            "failed": by_status.get("failed", 0),
        }

    def processing_here(self) -> int:
        """Live messages being processed by this host's processes (another host's claims are
        its own workers' to finish: it reads on, however long, or its lease runs out)."""
        row = self.conn.execute(
            f"SELECT count(*) FROM messages WHERE status = 'processing' AND {claims.LIVE} "
            f"AND {claims.OWN}", (self.host,)).fetchone()
        return int(row[0])

    def processing_delays(self, limit: int = 1000) -> list[float]:
        """Seconds from receipt to processing of the last `limit` processed messages."""
        seconds = self._seconds.format(later="processed_at", earlier="received_at")
        rows = self.conn.execute(
            f"""SELECT {seconds}
               FROM messages WHERE status = 'processed' AND processed_at IS NOT NULL
               ORDER BY id DESC LIMIT ?""",
            (limit,),
        ).fetchall()
        return [max(0.0, float(r[0])) for r in rows if r[0] is not None]

    def verdicts(self) -> dict[str, int]:
        """Processed messages by DKIM verdict ("unchecked" where the policy was off)."""
        rows = self._rows(
            """SELECT coalesce(dkim_verdict, 'unchecked') AS verdict, count(*) AS n
               FROM messages WHERE status = 'processed' GROUP BY 1 ORDER BY 1"""
        )
        return {r["verdict"]: r["n"] for r in rows}

    def not_read(self) -> dict[str, int]:
        """Processed messages not read for contact details, by their skip_reason, most first."""
        return dict(self.conn.execute(
            """SELECT coalesce(skip_reason, 'no reason recorded'), count(*) FROM messages
               WHERE status = 'processed' AND scanned = 0 GROUP BY 1 ORDER BY 2 DESC, 1"""))

    def failed_messages(self) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT id, message_id, recipient, received_at, attempts, last_error
               FROM messages WHERE status = 'failed' ORDER BY id"""
        )
