"""Reading a list post written to a person: the list's address is no second reader, the footer
the list appends is no newsletter's way out, and the language is read above the signature (an
English mail signed in Japanese is read)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.intent import audience, detection_record

GOOGLE_FOOTER = (
    "--\nYou received this message because you are subscribed to the Google Groups \"Board\" group.\n"
    "To unsubscribe from this group and stop receiving emails from it, send an email to "
    "board+unsubscribe@groups.example.\n"
)
MAILMAN_FOOTER = (
    "_______________________________________________\nboard mailing list\nboard@lists.example.org\n"
    "https://lists.example.org/mailman/listinfo/board\nTo unsubscribe: board-leave@lists.example.org\n"
)


def _post(body: str, to: str, cc: str | None = None, *, listed: bool = True) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "Ines Rocha <ines@vendor.example>", to, "Re: boot"
    if cc:
        message["Cc"] = cc
    if listed:
        message["List-Id"] = "<board.lists.example.org>"
        message["List-Post"] = "<mailto:board@lists.example.org>"
        message["Precedence"] = "list"
    message.set_content(body)
    return bytes(message)


@pytest.mark.parametrize("footer", [GOOGLE_FOOTER, MAILMAN_FOOTER])
@pytest.mark.parametrize("body", [
    "Hi,\n\nWhat does the board's self-test report on your unit?\n\nInes\n\n",
    "Hallo Herr Brandt,\n\nkönnten Sie mir bitte das Protokoll des Selbsttests schicken?\n\nInes\n\n",
    "Bonjour,\n\npourriez-vous m'envoyer le journal du test de démarrage ?\n\nInes\n\n",
])
def test_a_post_written_to_a_person_keeps_its_request_under_the_list_footer(body: str, footer: str) -> None:
    raw = _post(body + footer, "Jonas Brandt <jonas@customer.example>", "board@lists.example.org")
    assert audience(raw).readers == 1
    assert not audience(raw).to_a_group
    assert [t["sentence"] for t in detection_record("post.eml", raw)["tasks"]]


def test_the_footer_still_marks_a_newsletter_without_list_headers() -> None:
    body = "Hi,\n\nCould you rate our new release?\n\n" + MAILMAN_FOOTER
    raw = _post(body, "Jonas Brandt <jonas@customer.example>", listed=False)
    assert detection_record("news.eml", raw)["tasks"] == []


def test_the_lists_address_is_no_reader_but_two_people_are_two() -> None:
    raw = _post("Hi,\n\nthanks.\n", "Jonas <jonas@customer.example>, Eva <eva@customer.example>",
                "board@lists.example.org")
    assert audience(raw).readers == 2
    unlisted = _post("Hi,\n\nthanks.\n", "Jonas <jonas@customer.example>", "board@lists.example.org",
                     listed=False)
    assert audience(unlisted).readers == 2 and audience(unlisted).to_a_group


SIGNED_IN_JAPANESE = (
    "Dear Ms Rocha,\n\nThank you for your support.\n\n"
    "Could you please let us know whether version 4.2 of the firmware runs on the new boards?\n\n"
    "We would appreciate your confirmation.\n\nSincerely,\nSato\nDevelopment Department 2\n"
    "Example Industries Co., Ltd.\n////////////////////////////////////////\n"
    "本メールには機密情報が含まれている場合があります。取扱いには十分ご注意ください。\n"
    "株式会社エグザンプル工業　開発第2部\n佐藤　健\nTEL：052-000-0000\n"
)


def _from_sato() -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"] = "Sato <sato@example.co.jp>", "ines@vendor.example"
    message["Subject"] = "Firmware"
    return message


def test_an_english_mail_signed_in_japanese_is_read_in_english() -> None:
    message = _from_sato()
    message.set_content(SIGNED_IN_JAPANESE)
    record = detection_record("sato.eml", bytes(message))
    assert record["language"] == "en"
    assert any("let us know whether version 4.2" in t["sentence"] for t in record["tasks"])


def test_a_japanese_mail_stays_japanese() -> None:
    message = _from_sato()
    message.set_content("ローザ様\n\nいつもお世話になっております。\n見積書を金曜日までに送っていただけますか。\n\n"
                        "よろしくお願いいたします。\n佐藤\n")
    assert detection_record("ja.eml", bytes(message))["language"] == "ja"
