"""Inbox automation: follow-up intent in the author's own words and its cues, the daily digest
and its delivery. May use pipeline, store and the shared modules."""
