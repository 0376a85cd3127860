"""The running service: aiosmtpd listeners (RCPT policy, DATA into the durable intake, replies),
SMTP AUTH and passwords, start and stop (the user's page included). May use web, worker,
automation, trust, store and the shared modules (config, errors, model, mailbox, safe_text)."""
