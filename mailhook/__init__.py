"""mailhook: a self-hosted mail hook that fills contact properties from mail, never overwriting people.

Mail flows service -> store (queue) -> worker -> pipeline -> rules -> store. One folder per stage,
top to bottom, each importing only the ones below it: cli, service, worker, automation, outputs,
training, pipeline, store, rules, trust; config, errors, model, mailbox and safe_text are shared.
"""

__version__ = "0.1.0"
