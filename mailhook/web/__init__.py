"""The user's own page: a Starlette app for sign-in, settings, recommended tasks, suggested updates,
what the AI filled, contacts and the digest's links, run by the service. May use automation,
outputs, store, rules and the shared modules (config, errors, model, mailbox)."""
