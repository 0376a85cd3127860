"""List mail and follow-ups: a discussion list's post written in To to a person, the list in
copy, is that person's mail; a newsletter (to its subscriber alone), a post to the list only and
a post written to someone else stay list mail."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.intent import excluded_reason


def _raw(to: str, cc: str | None, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "Agathe Porte <agathe@nokia.example>", to, "[PATCH]"
    if cc:
        message["Cc"] = cc
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Please enlighten me if there are any downsides to this change.")
    return bytes(message)


KERNEL = {"List_Id": "<linux-hwmon.vger.kernel.org>", "Precedence": "bulk"}
MAILMAN = {"List_Id": "Bridging <bridge.lists.example.org>", "List_Post": "<mailto:bridge@lists.example.org>",
           "Precedence": "list"}


@pytest.mark.parametrize(("to", "cc", "headers"), [
    ("Guenter Roeck <linux@roeck.example>", "linux-hwmon@vger.kernel.org", KERNEL),
    ("Nikolay <nikolay@nvidia.example>, bridge@lists.example.org", None, MAILMAN),
    ("rkossler@nd.example", "'USRP list' <usrp-users@lists.example.com>",
     {"X_Mailing_List": "usrp-users@lists.example.com", "List_Unsubscribe": "<mailto:leave@x.example>"}),
])
def test_a_list_post_written_to_a_person_is_personal_mail(
    to: str, cc: str | None, headers: dict[str, str]
) -> None:
    raw = _raw(to, cc, **headers)
    assert excluded_reason(raw) is None
    person = to.split("<")[-1].split(">")[0].split(",")[0].strip()
    assert excluded_reason(raw, person) is None
    assert excluded_reason(raw, "someone.else@subscriber.example") is not None


@pytest.mark.parametrize(("to", "cc", "headers", "reason"), [
    # a newsletter goes to its subscriber alone: the list's address is not among the recipients
    ("ann@us.example", None, {"List_Id": "<a1b2c3.list-id.mailer.example>",
                              "List_Unsubscribe": "<mailto:u@mailer.example>", "Precedence": "bulk"},
     "precedence: bulk"),
    ("linux-hwmon@vger.kernel.org", None, KERNEL, "precedence: bulk"),
    ("ann@us.example", None, {"Precedence": "bulk"}, "precedence: bulk"),
])
def test_newsletters_and_posts_to_the_list_only_stay_list_mail(
    to: str, cc: str | None, headers: dict[str, str], reason: str
) -> None:
    assert excluded_reason(_raw(to, cc, **headers)) == reason
