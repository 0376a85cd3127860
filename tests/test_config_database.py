"""[database]: an SQLite path or a PostgreSQL url, exactly one, and the password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mailhook.cli import main
from mailhook.config import parse_config
from mailhook.database_url import DatabaseConfig, redact, url_problem
from mailhook.errors import ConfigError

SECRET = "Sw0rdf1sh-x"


def refusal(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, source="mailhook.toml")
    return str(caught.value)


def test_path_alone_is_the_sqlite_default() -> None:
    """Without a url the database is the SQLite file, as before, and what the store opens."""
    database = parse_config('[database]\npath = "x.db"').database
    assert database == DatabaseConfig(path=Path("x.db")) and database.target == Path("x.db")
    assert parse_config("").database.url == ""
    assert DatabaseConfig(url="postgresql:///hook").target == "postgresql:///hook"


def test_path_and_url_together_are_one_line_naming_both() -> None:
    """Both keys is an error in one line that says to choose one, without the password."""
    message = refusal(f'[database]\npath = "x.db"\nurl = "postgresql://ann:{SECRET}@db.example/hook"')
    assert "either path (SQLite) or url (PostgreSQL), not both" in message
    assert SECRET not in message and "\n" not in message


@pytest.mark.parametrize(("url", "says"), [
    (f"mysql://ann:{SECRET}@db.example/hook", "must start with postgresql://, not mysql://"),
    (f"postgresql://ann:{SECRET}@db.example:99999/hook", "is not a valid url"),
    (f"postgresql://ann:{SECRET}@db.example:port/hook", "is not a valid url"),
    (f"postgresql://ann:{SECRET}@db.example/", "must name the database"),
    (f"ann:{SECRET}@db.example/hook", "must start with postgresql://"),
])
def test_a_bad_url_is_one_line_without_the_password(url: str, says: str) -> None:
    """Each unusable url is refused in one line naming database.url and what is wrong, never
    quoting the url (its password)."""
    message = refusal(f'[database]\nurl = "{url}"')
    assert f"database.url {says}" in message
    assert SECRET not in message and "\n" not in message


def test_a_url_that_is_not_a_string_is_refused_without_quoting_it() -> None:
    """The generic bad-value message quotes the value; the url's own check does not."""
    message = refusal(f'[database]\nurl = ["postgresql://ann:{SECRET}@db.example/hook"]')
    assert "database.url must be a string" in message and SECRET not in message


def test_a_good_url_is_refused_until_postgresql_is_supported() -> None:
    """No command may start half-working on PostgreSQL: a usable url says, in one line, that it
    is not supported yet, without the password."""
    message = refusal(f'[database]\nurl = "postgresql://ann:{SECRET}@db.example:5433/hook"')
    assert message == ("mailhook.toml: database.url: PostgreSQL is not supported yet (issue 17); "
                       "use database.path (SQLite) for now")


def test_doctor_never_prints_the_password(tmp_path: Path) -> None:
    """`mailhook doctor` reports the config it cannot use without the url's password."""
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\nurl = "postgresql://ann:{SECRET}@db.example/hook"\n')
    result = CliRunner().invoke(main, ["doctor", "--config", str(config)])
    assert result.exit_code == 1
    assert "not supported yet" in result.output
    assert SECRET not in result.output


def test_the_config_repr_leaves_the_url_out() -> None:
    """A logged or printed config never shows the url, which may hold the password."""
    database = DatabaseConfig(url=f"postgresql://ann:{SECRET}@db.example/hook")
    assert SECRET not in repr(database)
    assert database.shown == "postgresql://ann:***@db.example/hook"


@pytest.mark.parametrize(("url", "shown"), [
    (f"postgresql://ann:{SECRET}@db.example:5433/hook", "postgresql://ann:***@db.example:5433/hook"),
    (f"postgresql://ann@db.example/hook?password={SECRET}&sslmode=require",
     "postgresql://ann@db.example/hook?password=***&sslmode=require"),
    ("postgresql://ann@db.example/hook", "postgresql://ann@db.example/hook"),
    ("postgresql:///hook?host=/run/postgresql", "postgresql:///hook?host=/run/postgresql"),
])
def test_redact_hides_only_the_password(url: str, shown: str) -> None:
    """The user, host, port, database and other parameters stay readable."""
    assert redact(url) == shown


def test_a_socket_url_without_host_is_usable() -> None:
    """libpq's default host (its socket) and a host= parameter are both fine."""
    assert url_problem("postgresql:///hook") is None
    assert url_problem("postgresql://ann@/hook?host=/run/postgresql") is None
