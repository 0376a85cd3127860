"""The text pipeline: read a message, find the author's own words and signature, extract fields."""

from mailhook.errors import MalformedMessage
from mailhook.pipeline.extract import extract
from mailhook.pipeline.reading import Part, Reading, read_message
from mailhook.pipeline.record import extraction_record

__all__ = ["MalformedMessage", "Part", "Reading", "extract", "extraction_record", "read_message"]
