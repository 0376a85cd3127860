"""Compose a user's daily digest mail: new recommended tasks, what the AI filled and the suggested
updates waiting for a decision, as text and HTML; with the page's address, each task and
suggestion links to it (signed, expiring links: automation.links)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from mailhook.automation.links import LINK_DAYS, DigestLinks
from mailhook.store.suggestions import Suggestion
from mailhook.store.tasks import Fill, Task

_FONT = "font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif"


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str | None


def compose_digest(
    recipient: Recipient,
    day: date,
    tasks: Sequence[Task],
    fills: Sequence[Fill],
    *,
    sender: str,
    suggestions: Sequence[Suggestion] = (),
    now: datetime | None = None,
    links: DigestLinks | None = None,
) -> EmailMessage | None:
    """One mail listing the day's tasks, fills and suggestions; None when nothing is new. With
    `links`, each task and suggestion links to the page's confirmation page for each decision."""
    if not tasks and not fills and not suggestions:
        return None
    message = EmailMessage()
    message["From"] = formataddr(("mailhook", sender))
    message["To"] = formataddr((recipient.name or "", recipient.email))
    message["Subject"] = _subject(day, len(tasks), len(fills), len(suggestions))
    message["Date"] = format_datetime(now or datetime.now(UTC))
    message["Message-ID"] = make_msgid("digest", domain=sender.rpartition("@")[2] or None)
    # Marks the digest as machine-made (RFC 3834): if it ever reaches mailhook itself, it makes
    # no tasks, and well-behaved auto-responders do not answer it.
    message["Auto-Submitted"] = "auto-generated"
    decide = _Decisions(recipient.email, links)
    message.set_content(plain_text(day, tasks, fills, suggestions, decide))
    message.add_alternative(html_text(day, tasks, fills, suggestions, decide), subtype="html")
    return message


def text_part(message: EmailMessage) -> str:
    """The digest's text/plain part, decoded (what `digest --print` shows)."""
    part = message.get_body(("plain",))
    return "" if part is None else str(part.get_content())


def html_page(message: EmailMessage) -> str | None:
    """The digest's text/html part as a page a browser opens with the right characters (its own
    UTF-8 declaration, the subject as title); None when the mail has no HTML part."""
    part = message.get_body(("html",))
    if part is None:
        return None
    title = html.escape(str(message["Subject"] or ""))
    return (f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>\n{part.get_content()}</body></html>\n")


def _subject(day: date, tasks: int, fills: int, suggestions: int = 0) -> str:
    parts = []
    if tasks:
        parts.append(f"{tasks} follow-up{'s' if tasks != 1 else ''}")
    if fills:
        parts.append(f"{fills} contact detail{'s' if fills != 1 else ''} filled")
    if suggestions:
        parts.append(f"{suggestions} suggested update{'s' if suggestions != 1 else ''}")
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f"Your mailhook digest for {day.isoformat()}: {listed}"


def _contact(task: Task) -> str:
    if task.contact_email and task.contact_name:
        return f"{task.contact_name} <{task.contact_email}>"
    return task.contact_email or "(no contact)"


def _message_ref(task: Task) -> str:
    subject = task.subject or "(no subject)"
    when = (task.message_date or "")[:10]
    return f"\"{subject}\"{f' of {when}' if when else ''}, Message-ID {task.message_id or '-'}"


@dataclass(frozen=True)
class _Decisions:
    """How the digest offers a decision: links to the page where it runs, the CLI's commands."""

    user: str
    links: DigestLinks | None = None

    def urls(self, kind: str, number: int) -> tuple[str, str] | None:
        """(accept, dismiss) addresses of the page, or None without it."""
        if self.links is None:
            return None
        accept, dismiss = (self.links.url(kind, number, a, self.user) for a in ("accept", "dismiss"))
        return accept, dismiss

    def text(self, kind: str, number: int) -> list[str]:
        cli = f"mailhook {kind}s accept {number}  |  mailhook {kind}s dismiss {number}"
        urls = self.urls(kind, number)
        if urls is None:
            return [f"   Decide:   {cli}"]
        return [f"   Accept:   {urls[0]}", f"   Dismiss:  {urls[1]}", f"   Admin:    {cli}"]

    def html(self, kind: str, number: int) -> str:
        urls = self.urls(kind, number)
        if urls is None:
            return f"mailhook {kind}s accept {number} &middot; mailhook {kind}s dismiss {number}"
        e = html.escape
        return (f'<a href="{e(urls[0])}" style="color:#2b6cb0;font-weight:600">Accept</a> &middot; '
                f'<a href="{e(urls[1])}" style="color:#2b6cb0">Dismiss</a>')

    def footer(self) -> str:
        if self.links is None:
            return ""
        return (f"Accept and Dismiss open your mailhook page, which asks you to confirm; the links "
                f"work for {LINK_DAYS} days.")


def _change(suggestion: Suggestion) -> tuple[str, str, str]:
    """(property, held value, suggested value) as a person reads them."""
    held = suggestion.current_value if suggestion.current_value is not None else "(empty)"
    return suggestion.property.replace("_", " "), held, suggestion.value


def plain_text(
    day: date, tasks: Sequence[Task], fills: Sequence[Fill], suggestions: Sequence[Suggestion] = (),
    decide: _Decisions | None = None,
) -> str:
    decide = decide or _Decisions("")
    lines = [f"Your mailhook digest for {day.strftime('%A, %d %B %Y')}", ""]
    if tasks:
        lines += [f"Recommended follow-ups ({len(tasks)})", ""]
        for number, task in enumerate(tasks, 1):
            lines += [
                f"{number}. {task.title}",
                f"   Contact:  {_contact(task)}",
                f"   Due:      {task.due or 'no date given'}",
                f"   Said:     \"{task.sentence}\"",
                f"   Message:  {_message_ref(task)}",
                *decide.text("task", task.id),
                "",
            ]
    if fills:
        lines += [f"Contact details filled by mailhook AI ({len(fills)})", ""]
        for contact, group in _by_contact(fills):
            lines.append(contact)
            lines += [f"   {f.property.replace('_', ' '):15} {f.value or '(cleared)'}" for f in group]
            lines.append("")
    if suggestions:
        lines += [f"Suggested updates ({len(suggestions)}): a signature says something new", ""]
        for suggestion in suggestions:
            prop, held, new = _change(suggestion)
            lines += [
                f"#{suggestion.id} {suggestion.contact_email}: {prop} {held!r} -> {new!r}",
                *decide.text("suggestion", suggestion.id),
                "",
            ]
    lines += [line for line in (decide.footer(),) if line]
    lines.append("Find a message in your mail client by its Message-ID or subject.")
    return "\n".join(lines) + "\n"


def html_text(
    day: date, tasks: Sequence[Task], fills: Sequence[Fill], suggestions: Sequence[Suggestion] = (),
    decide: _Decisions | None = None,
) -> str:
    decide = decide or _Decisions("")
    e = html.escape
    parts = [
        f'<div style="{_FONT};max-width:640px;margin:0 auto;color:#222;line-height:1.45">',
        f'<h1 style="font-size:20px;margin:0 0 16px">Your mailhook digest for '
        f"{e(day.strftime('%A, %d %B %Y'))}</h1>",
    ]
    if tasks:
        parts.append(f'<h2 style="font-size:16px;margin:24px 0 8px">Recommended follow-ups '
                     f"({len(tasks)})</h2>")
        for task in tasks:
            parts.append(
                '<div style="border-left:3px solid #2b6cb0;padding:4px 12px;margin:0 0 14px">'
                f'<div style="font-weight:600">{e(task.title)}</div>'
                f'<div style="color:#555">{e(_contact(task))} &middot; due {e(task.due or "no date given")}'
                "</div>"
                f'<blockquote style="margin:6px 0;color:#333;font-style:italic">{e(task.sentence)}'
                "</blockquote>"
                f'<div style="font-size:12px;color:#777">{e(_message_ref(task))}<br>'
                f"{decide.html('task', task.id)}</div>"
                "</div>"
            )
    if fills:
        parts.append(f'<h2 style="font-size:16px;margin:24px 0 8px">Contact details filled by '
                     f"mailhook AI ({len(fills)})</h2>")
        for contact, group in _by_contact(fills):
            rows = "".join(
                f'<tr><td style="padding:2px 12px 2px 0;color:#555">{e(f.property.replace("_", " "))}'
                f"</td><td>{e(f.value or '(cleared)')}</td></tr>"
                for f in group
            )
            parts.append(f'<div style="font-weight:600;margin-top:8px">{e(contact)}</div>'
                         f'<table style="border-collapse:collapse;font-size:14px">{rows}</table>')
    if suggestions:
        parts.append(_html_suggestions(suggestions, decide))
    parts.append(f'<p style="font-size:12px;color:#777;margin-top:24px">{e(decide.footer())} Find a '
                 "message in your mail client by its Message-ID or subject.</p></div>")
    return "\n".join(parts) + "\n"


def _by_contact(fills: Sequence[Fill]) -> list[tuple[str, list[Fill]]]:
    grouped: dict[str, list[Fill]] = {}
    for fill in fills:
        grouped.setdefault(fill.contact_email, []).append(fill)
    return list(grouped.items())


def _html_suggestions(suggestions: Sequence[Suggestion], decide: _Decisions) -> str:
    e = html.escape
    rows = []
    for suggestion in suggestions:
        prop, held, new = _change(suggestion)
        rows.append(
            f'<tr><td style="padding:2px 12px 2px 0">{e(suggestion.contact_email)}</td>'
            f'<td style="padding:2px 12px 2px 0;color:#555">{e(prop)}</td>'
            f'<td style="padding:2px 12px 2px 0"><s>{e(held)}</s> &rarr; <b>{e(new)}</b></td>'
            f'<td style="font-size:12px;color:#777">{decide.html("suggestion", suggestion.id)}</td></tr>'
        )
    return (f'<h2 style="font-size:16px;margin:24px 0 8px">Suggested updates ({len(suggestions)})'
            f'</h2><table style="border-collapse:collapse;font-size:14px">{"".join(rows)}</table>')
