"""Processing: claims stored messages, runs reading, trust and the rules, and applies each
message's outcome in one transaction; its supervised process, replay, the time budget and the
metrics. May use automation, pipeline, store, rules, trust and the shared modules."""
