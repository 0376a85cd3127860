"""A plain part that a system filled with its HTML's line breaks ("Bonjour,<br/ ><br/ >En notre
qualité ..."): the tags are the lines they stand for, so the sign-off and block are found; prose
that names one tag keeps it."""

from __future__ import annotations

from email.message import EmailMessage

from mailhook.pipeline import extract, read_message


def _plain(body: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Claire Martin <claire.martin@syndic.example>"
    message["To"], message["Subject"] = "artisan@plomberie.example", "Ordre de service"
    message.set_content(body)
    return bytes(message)


def test_break_tags_in_a_plain_part_are_line_breaks() -> None:
    body = ("Bonjour,<br/ ><br/ >Merci de nous confirmer la bonne exécution des travaux.<br />"
            "<br>Cordialement,<BR>Claire Martin<br/>Gestionnaire de copropriété<br/>Syndic Garonne SAS"
            "<br/>Tél. 05 61 22 33 44\n")
    reading = read_message(_plain(body))
    assert "<br" not in reading.body.casefold()
    lines = reading.body.split("\n")
    assert lines[:3] == ["Bonjour,", "", "Merci de nous confirmer la bonne exécution des travaux."]
    found = extract(reading.own)
    assert found.fields["first_name"] == "Claire" and found.fields["company"] == "Syndic Garonne SAS"
    assert found.fields["phone"] == "05 61 22 33 44"


def test_one_tag_named_in_prose_stays() -> None:
    body = "Hi,\n\nthe template needs a <br> after the logo.\n\nThanks\nClaire\n"
    assert "a <br> after" in read_message(_plain(body)).body
