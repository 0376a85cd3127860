"""The user's own page: a Starlette app for sign-in, settings, recommended tasks, suggested updates
and what the AI filled, run by the service. May use automation, outputs, store, rules and the shared
modules (config, errors, model, mailbox)."""
