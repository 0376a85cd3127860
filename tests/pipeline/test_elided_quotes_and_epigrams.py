"""A reply that opens with its attribution and an elision mark ("On ..., Ann wrote:" / "..." or
"[...]" / the quote) is an answer between quotes: the author's words and box below are read. A
quotation with its author closing the text ("Be careful what you wish for." / "   - Terry
Pratchett, _Soul Music_") is a tagline: the box above it is still the block."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract, read_message

BOX = (
    "-- \nBeispiel e.K.                              |                             |\n"
    "Steuerwalder Str. 21                       | http://www.beispiel.example/ |\n"
    "31137 Hildesheim, Germany                  | Phone: +49-5121-206917-0    |\n"
    "Amtsgericht Hildesheim, HRA 2686           | Fax:   +49-5121-206917-5555 |\n"
)


@pytest.mark.parametrize("elision", ["...", "[...]", "<snip>", "[snip]", "…"])
def test_an_elision_under_the_attribution_keeps_the_answer(elision: str) -> None:
    body = (f"On Fri, Aug 22, 2025 at 02:35:19PM +0300, Ann Lee wrote:\n{elision}\n"
            "> > +The MAC sends PAUSE frames.\n> > +Its capabilities define the limit.\n>\n"
            "> Is there any tuning needed?\n\n"
            f"Do you mean how such tuning could be exposed to user space?\n\n{BOX}")
    raw = ("From: Oleks Remp <o.remp@beispiel.example>\nTo: Ann Lee <ann@nxp.example>\nSubject: Re: doc\n"
           f"Content-Type: text/plain; charset=utf-8\n\n{body}").encode()
    reading = read_message(raw)
    assert "Do you mean how such tuning" in reading.own.text
    fields = extract(reading.own).fields
    assert (fields["postal_code"], fields["city"]) == ("31137", "Hildesheim")
    assert fields["phone"] == "+49-5121-206917-0"


@pytest.mark.parametrize("epigram", [
    "Be careful what you wish for. You never know who will be listening.\n"
    "                                      - Terry Pratchett, _Soul Music_\n",
    "\"The best way to predict the future is to invent it.\"\n        -- Alan Kay\n",
    "Wer nichts weiß, muss alles glauben.\n-- Marie von Ebner-Eschenbach, Aphorismen\n",
])
def test_a_closing_quotation_with_its_author_is_no_block_line(
    epigram: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Wolfgang Dunk", "wd@denx.example")
    text = ("Hi,\n\nthe check is slow on large arrays.\n\nBest regards,\n\nWolfgang Dunk\n\n-- \n"
            "DENX Software Engineering GmbH,      Managing Director: Wolfgang Dunk\n"
            "HRB 165235 Munich, Office: Kirchenstr.5, D-82194 Groebenzell, Germany\n"
            f"Phone: (+49)-8142-66989-10 Fax: (+49)-8142-66989-80 Email: wd@denx.example\n{epigram}")
    fields = extract(Part(author, text, 0, None, "utf-8"), finders).fields
    assert (fields["postal_code"], fields["city"]) == ("82194", "Groebenzell")
    assert fields["fax"] == "(+49)-8142-66989-80"


def test_a_sign_off_under_a_sentence_is_no_epigram() -> None:
    author = Author("John Roe", "john@roe.example")
    text = "Hi,\n\nThanks for the help, I will send it tomorrow.\n-John\nRoe Tools Ltd\nTel. +44 20 7946 0000"
    assert extract(Part(author, text, 0, None, "utf-8")).fields["phone"] == "+44 20 7946 0000"
