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


def test_a_good_url_is_what_every_command_opens() -> None:
    """A usable url is the database every command opens (`target`); this host's own files of
    it (the run file of a serve) are named after server, port and database, never the password."""
    database = parse_config(f'[database]\nurl = "postgresql://ann:{SECRET}@db.example:5433/hook"'
                            ).database
    assert database.target == f"postgresql://ann:{SECRET}@db.example:5433/hook"
    assert database.local == Path("var/postgresql-db.example-5433-hook")
    assert DatabaseConfig(url="postgresql:///hook").local == Path("var/postgresql-socket-5432-hook")


def test_the_page_on_a_url_needs_its_secret_file() -> None:
    """With a url there is no database file to keep the page's secret beside, and every web
    instance on the database must share one: [web] secret_file is required, in one line."""
    url = f'[database]\nurl = "postgresql://ann:{SECRET}@db.example/hook"\n'
    message = refusal(url + "[web]\nenabled = true\n")
    assert message == ("mailhook.toml: with database.url, web.secret_file must name the file of the "
                       "page's secret (every web instance on the database shares it)")
    assert parse_config(url + '[web]\nenabled = true\nsecret_file = "s"\n').web.secret_file == "s"
    assert not parse_config(url).web.enabled  # no page: no secret needed


def test_a_host_id_is_a_plain_name() -> None:
    """[database] host_id names this machine among the hosts sharing a url; it is shown in
    messages and compared, so only a plain name is taken."""
    url = '[database]\nurl = "postgresql://db.example/hook"\n'
    assert parse_config(url + 'host_id = "mx-2.eu"\n').database.host == "mx-2.eu"
    assert parse_config(url).database.host is None  # the host name, at run time
    assert parse_config('[database]\nhost_id = "x"\n').database.host is None  # SQLite: one host
    message = refusal(url + 'host_id = "a b"\n')
    assert message == ("mailhook.toml: database.host_id must be a name of letters, digits, '.', "
                       "'_' and '-' (at most 48)")


def test_doctor_never_prints_the_password(tmp_path: Path) -> None:
    """`mailhook doctor` on a url no server answers on fails its database check naming the
    server with the password hidden."""
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\nurl = "postgresql://ann:{SECRET}@127.0.0.1:1/hook"\n')
    result = CliRunner().invoke(main, ["doctor", "--config", str(config)])
    assert result.exit_code == 1
    assert "postgresql://ann:***@127.0.0.1:1/hook: cannot connect" in result.output
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
