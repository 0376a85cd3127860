"""What leaves the database for people and tools: CSV/JSON exports, vCard, Datasette metadata
and its guard, doctor. May use store and the shared modules."""
