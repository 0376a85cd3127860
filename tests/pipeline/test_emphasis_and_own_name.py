"""Two readings of a block's lines: emphasis marks around parts of a line ("*Richard Lindhout* |
*Eigenaar*") are no part of the values, and a line that writes the From name word for word is the
sender's name however its words are cased ("Colm O hEigeartaigh"); a tagged "name" that is a
sentence is none."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Part, extract, read_message
from mailhook.pipeline.names import split_name
from mailhook.pipeline.normalise import normalise_line


@pytest.mark.parametrize(("line", "read"), [
    ("*Richard Lindhout* | *Eigenaar*", "Richard Lindhout | Eigenaar"),
    ("Tel. *+31 6 2222 2222*", "Tel. +31 6 2222 2222"),
    ("**Acme B.V.** – *Sales*", "Acme B.V. – Sales"),
    ("5*3*2 = 30", "5*3*2 = 30"),
    ("Rating: *** stars", "Rating: *** stars"),
    ("a * b * c", "a * b * c"),
])
def test_emphasis_around_parts_of_a_line_is_dropped(line: str, read: str) -> None:
    assert normalise_line(line) == read


def test_an_emphasised_title_is_read_without_its_marks() -> None:
    author = Author("Richard Lindhout", "richard@webridge.example")
    text = "Hoi,\n\nprima.\n\nGroet,\n\n*Richard Lindhout* | *Eigenaar*\n*Bel mij +31 6 2222 2222*\n"
    fields = extract(Part(author, text, 0, None, "utf-8")).fields
    assert fields["job_title"] == "Eigenaar" and fields["last_name"] == "Lindhout"


@pytest.mark.parametrize(("display", "first"), [
    ("Colm O hEigeartaigh", "Colm"), ("Seán Mac an tSaoir", "Seán"), ("anna de la vega", "anna"),
])
def test_a_line_writing_the_from_name_word_for_word_is_the_name(display: str, first: str) -> None:
    author = Author(display, "sender@example.org")
    text = f"Hi,\n\nthe patch looks fine.\n\n-- \n{display}\n\nhttp://blog.example.org/\n"
    assert extract(Part(author, text, 0, None, "utf-8")).fields["first_name"] == first


def test_a_sentence_the_tagger_calls_a_name_gives_no_name() -> None:
    author = Author("Ольга Петрова", "olga.petrova@example.ru")
    raw = ("From: =?utf-8?b?0J7Qu9GM0LPQsCDQn9C10YLRgNC+0LLQsA==?= <olga.petrova@example.ru>\n"
           "To: team@example.ru\nSubject: Fwd: graphic\nContent-Type: text/plain; charset=utf-8\n\n"
           "Коллеги, пересылаю для информации. Ольга\n\n-------- Пересылаемое сообщение --------\n"
           "От: Отдел кадров <hr@example.ru>\nТема: График отпусков\n\nГрафик утверждён.\n")
    reading = read_message(raw.encode())
    assert reading.sender == author
    fields = extract(reading.own).fields
    assert fields["first_name"] in (None, "Ольга") and fields["last_name"] is None


@pytest.mark.parametrize(("name", "mailbox", "last"), [
    ("Francesca Lo Russo", "francesca.lorusso", "Lo Russo"), ("Noor El Amrani", "noor.elamrani", "El Amrani"),
    ("Anna Maria Berg", "anna.berg", "Berg"),
])
def test_a_mailbox_writing_the_surnames_as_one_word_says_where_the_surname_starts(
    name: str, mailbox: str, last: str
) -> None:
    assert split_name(0, name, None, Author(name, f"{mailbox}@example.org")).last == last
