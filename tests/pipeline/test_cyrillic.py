"""Signatures in Russian, Ukrainian and Bulgarian: phone labels in Cyrillic, the family name
before the given name and the patronymic, addresses that start with the postal code and the
country, and the tagger's postal codes checked against the phone numbers on their line. Every
signature here is invented for these tests."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract, load_finders
from mailhook.pipeline.address import find_address
from mailhook.pipeline.candidate import Block
from mailhook.pipeline.checks import check_span, country_of
from mailhook.pipeline.names import split_name
from mailhook.pipeline.phones import find_phones
from mailhook.pipeline.tokens import Span


@pytest.fixture(scope="module")
def finders() -> tuple[Finder, ...]:
    return load_finders()


@pytest.mark.parametrize(("line", "kinds"), [
    ("Моб.: +7 916 123-45-67", ("mobile_phone",)),
    ("Сот. 8 916 123 45 67", ("mobile_phone",)),
    ("Тел.: +7 (495) 123-45-67", ("phone",)),
    ("Факс: +7 495 123-45-68", ("fax",)),
    ("тел./факс 8 (495) 765-43-21", ("phone", "fax")),
    ("Тел. моб.: +380 67 123 4567", ("mobile_phone",)),  # uk
    ("Мобилен: +359 88 123 4567", ("mobile_phone",)),  # bg
])
def test_cyrillic_labels_decide_the_field(line: str, kinds: tuple[str, ...]) -> None:
    """Mobile, phone and fax labels of Russian, Ukrainian and Bulgarian mail."""
    found = list(find_phones(line))
    assert len(found) == 1 and found[0].kinds == kinds


@pytest.mark.parametrize(("written", "first", "last"), [
    ("Петров Иван Сергеевич", "Иван", "Петров"),
    ("Иванова Анна Петровна", "Анна", "Иванова"),
    ("Иван Сергеевич Петров", "Иван", "Петров"),
    ("Коваль Олена Іванівна", "Олена", "Коваль"),  # uk
    ("Petrov Ivan Sergeevich", "Ivan", "Petrov"),
])
def test_a_patronymic_written_last_puts_the_family_name_first(written: str, first: str, last: str) -> None:
    """Family name, given name, patronymic: the patronymic is dropped like a middle name."""
    name = split_name(0, written, "ru", None)
    assert (name.first, name.last) == (first, last)


@pytest.mark.parametrize(("line", "expected"), [
    ("123456, Россия, Москва, Ленинский проспект, 30",
     {"postal_code": "123456", "country": "Россия", "city": "Москва",
      "street_address": "Ленинский проспект, 30"}),
    ("Россия, 123456, г. Москва, ул. Тверская, 12",
     {"postal_code": "123456", "country": "Россия", "city": "Москва", "street_address": "ул. Тверская, 12"}),
    ("01001, Україна, м. Київ, вул. Хрещатик, 22",
     {"postal_code": "01001", "country": "Україна", "city": "Київ", "street_address": "вул. Хрещатик, 22"}),
])
def test_an_address_that_starts_with_its_postal_code_and_country(line: str, expected: dict[str, str]) -> None:
    """Code, country, city (after "г."/"м."), street and house number, in one line."""
    parts = find_address(["Иван Петров", line], "i.petrov@example.ru").parts
    assert {field: value for field, (_, value) in parts.items()} == expected


def test_a_code_and_a_city_after_a_comma_need_a_hinted_country() -> None:
    """Without the block or the sender hinting at the country, "12345, Berlin" is no postal line."""
    assert find_address(["Foo", "12345, Berlin"], "x@example.com").parts == {}


@pytest.mark.parametrize(("name", "code"), [
    ("Россия", "RU"), ("Україна", "UA"), ("България", "BG"), ("Србија", "RS"), ("Turkey", "TR"),
])
def test_country_names_in_cyrillic_and_the_english_name_of_turkey(name: str, code: str) -> None:
    assert country_of(name) == code


def test_a_russian_block_end_to_end(finders: tuple[Finder, ...]) -> None:
    """Name in family-first order, labels, and an address in the Russian order, with the tagger."""
    text = (
        "Здравствуйте, Анна!\n\nСпасибо за заказ, счёт во вложении.\n\nС уважением,\n"
        "Петров Иван Сергеевич\nРуководитель отдела закупок\nАО \"Пример Групп\"\n"
        "123456, Россия, Москва, Ленинский проспект, 30\nтел. 8 (495) 765-43-21 доб. 123\n"
        "Моб.: +7 916 123-45-67"
    )
    fields = extract(Part(Author("Ivan Petrov", "i.petrov@example.ru"), text, 0), finders).fields
    assert (fields["first_name"], fields["last_name"]) == ("Иван", "Петров")
    assert (fields["city"], fields["postal_code"], fields["country"]) == ("Москва", "123456", "Россия")
    assert fields["street_address"] == "Ленинский проспект, 30"
    assert fields["mobile_phone"] == "+7 916 123-45-67"


def test_digits_of_a_phone_number_are_no_postal_code() -> None:
    """A POSTCODE span inside a number on its line ("电话：021-12345678") is refuted."""
    block = Block(("王伟", "电话：021-12345678"), (), Author("王伟", "wangwei@example.cn"), "zh")
    line = block.lines[1]
    inside = Span("POSTCODE", "12345678", 1, line.index("12345678"), len(line), 0.9)
    assert check_span(inside, [inside], block) is False
    alone = Block(("王伟", "上海市 200120"), (), Author("王伟", "wangwei@example.cn"), "zh")
    code = Span("POSTCODE", "200120", 1, 4, 10, 0.9)
    assert check_span(code, [code], alone) is True


@pytest.mark.parametrize(("lines", "street", "city"), [
    (["г. Москва, ул. Тверская, д. 12, офис 5"], "ул. Тверская, д. 12, офис 5", "Москва"),
    (["ул. Ленина, д. 5, стр. 2", "г. Новосибирск"], "ул. Ленина, д. 5, стр. 2", "Новосибирск"),
    (["м. Київ, вул. Хрещатик, буд. 22, оф. 305"], "вул. Хрещатик, буд. 22, оф. 305", "Київ"),
])
def test_an_address_without_a_postal_code_read_by_the_city_mark_and_house_pieces(
        lines: list[str], street: str, city: str) -> None:
    """Russian and Ukrainian mail often writes no postal code: the city is named by its marker
    ("г.", "м.") and the street carries house, building and office pieces ("д. 12", "оф. 5")."""
    parts = {k: v for k, (_, v) in find_address(["ООО «Ромашка»", *lines]).parts.items()}
    assert (parts.get("street_address"), parts.get("city")) == (street, city)


def test_a_marked_city_must_stand_alone_or_beside_an_address() -> None:
    """"г." before a word inside other text ("отдел продаж, г. Иванов") names no city there."""
    parts = find_address(["Отдел продаж, г. Иванов, менеджер"]).parts
    assert "city" not in parts
