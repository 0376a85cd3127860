"""The user's page's sessions that were signed out before their cookie expired."""

from __future__ import annotations

from mailhook.store.base import Base, utc_now


class SessionStore(Base):
    """A signed cookie is the whole session, so signing out must be remembered to refuse a copy
    of the cookie; here, so a restart does not forget it."""

    def end_web_session(self, session_id: str, valid_until: float) -> None:
        """Remember the session as ended until `valid_until` (epoch seconds: when its cookie
        could no longer be valid anyway); those past it are forgotten now."""
        with self._tx() as c:
            c.execute("DELETE FROM web_sessions_ended WHERE valid_until < ?", (utc_now(),))
            c.execute("INSERT OR IGNORE INTO web_sessions_ended (session_id, valid_until) VALUES (?, ?)",
                      (session_id, utc_now(valid_until)))

    def web_session_ended(self, session_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM web_sessions_ended WHERE session_id = ?",
                                (session_id,)).fetchone()
        return row is not None
