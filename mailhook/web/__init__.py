"""The user's own page: a Starlette app for sign-in, settings and recommended tasks, run by the
service. May use automation, store and the shared modules (config, errors, model, mailbox)."""
