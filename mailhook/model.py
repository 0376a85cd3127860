"""Value types and names shared by the pipeline, the merge rules and the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

# Contact properties the hook may fill, in the order the contacts table holds them.
PROPERTIES: tuple[str, ...] = (
    "first_name",
    "last_name",
    "phone",
    "mobile_phone",
    "fax",
    "job_title",
    "street_address",
    "city",
    "state",
    "postal_code",
    "country",
)

# What a contact holds that people and imports may set: the properties plus the company, which
# the AI never fills but may suggest (HubSpot's fill feature leaves the company alone too).
CONTACT_FIELDS: tuple[str, ...] = (*PROPERTIES, "company")

# What extraction reports: the properties plus the company line (not a contact property yet).
FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "job_title",
    "company",
    "phone",
    "mobile_phone",
    "fax",
    "street_address",
    "city",
    "state",
    "postal_code",
    "country",
)

PHONE_FIELDS: frozenset[str] = frozenset({"phone", "mobile_phone", "fax"})

SOURCE_IMPORT = "import"
SOURCE_USER = "user"
SOURCE_AI = "mailhook AI"


@dataclass(frozen=True)
class User:
    """A mailhook user and their settings, with when each was last turned on."""

    email: str
    name: str | None
    fill_contact_details: bool
    fill_contact_details_since: str | None
    inbox_automation: bool
    inbox_automation_since: str | None


@dataclass(frozen=True)
class Author:
    """A person named in a header: display name and lower-cased address (either may be missing)."""

    name: str | None
    email: str | None


@dataclass(frozen=True)
class Evidence:
    """Why a field has its value: the line it came from, who found it, and how sure it is."""

    line: str
    extractor: str
    confidence: float
    original: str | None = None  # as written, when the value was normalised (phones: E.164)


@dataclass(frozen=True)
class Extraction:
    """What the pipeline read from one author's own words."""

    language: str | None
    skipped: str | None  # None, or a reason such as "language:ja"
    has_signature: bool
    signature: str | None
    signature_lines: tuple[int, int] | None  # 0-based, inclusive, in the body text
    fields: dict[str, str | None] = field(default_factory=dict)  # as written
    values: dict[str, str] = field(default_factory=dict)  # normalised for storage (phones E.164)
    evidence: dict[str, Evidence] = field(default_factory=dict)


class Flag(Protocol):
    """What a threading.Event and a multiprocessing Event both offer (stop and wake signals)."""

    def is_set(self) -> bool: ...

    def set(self) -> None: ...

    def clear(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...
