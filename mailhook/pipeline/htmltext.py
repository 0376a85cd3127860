"""HTML mail parts to plain text with their lines kept, with or without the quoted material."""

from __future__ import annotations

import html
import re

from inscriptis import Inscriptis
from inscriptis.model.config import ParserConfig
from lxml import etree
from lxml import html as lxml_html

# Where common clients put the message being replied to or forwarded. Everything from such an
# element on is someone else's text, so the element and its later siblings are dropped.
_QUOTE_XPATH = (
    "//blockquote"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' gmail_quote ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' gmail_attr ')]"
    " | //*[@id='divRplyFwdMsg']"
    " | //*[@id='appendonsend']"
    " | //*[contains(@class, 'moz-cite-prefix')]"
    " | //*[contains(@class, 'yahoo_quoted')]"
    " | //*[@name='messageReplySection']"
    " | //*[@type='cite']"
)
# Outlook's separator before its header block: a top border on a plain div.
_OUTLOOK_BORDER = "//div[contains(@style, 'border-top') and contains(@style, 'solid')]"
# Parsing, the quote XPath and Inscriptis's layout cost tens of microseconds per element, more
# in tables. A document with more tags than this is a newsletter or hostile: its tags are
# stripped instead, a line per block, and the quote runs from its first mark to the end.
_MOST_TAGS = 5_000
_HIDDEN = re.compile(r"<(?:script|style|title)\b[^>]*>[^<]*", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"<(?:/?(?:address|article|blockquote|br|dd|div|dl|dt|footer|h[1-6]|header|hr|li|ol|p|pre|"
    r"section|table|td|th|tr|ul))\b[^<>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^<>]*>")
_QUOTE_MARK = re.compile(
    r"<blockquote\b|<[^<>]*(?:gmail_quote|gmail_attr|divRplyFwdMsg|appendonsend|moz-cite-prefix|"
    r"yahoo_quoted|messageReplySection|type=.?cite)",
    re.IGNORECASE,
)


def html_to_text(markup: str, *, drop_quotes: bool = False) -> str:
    """Convert HTML to text keeping the line layout; optionally drop quoted/forwarded elements."""
    if markup.count("<") > _MOST_TAGS:
        return _stripped_text(markup, drop_quotes=drop_quotes)
    tree = _parse(markup)
    if tree is None:
        return ""
    if drop_quotes:
        _drop_quoted(tree)
    text = Inscriptis(tree, ParserConfig(display_links=False)).get_text()
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _stripped_text(markup: str, *, drop_quotes: bool) -> str:
    if drop_quotes and (mark := _QUOTE_MARK.search(markup)):
        markup = markup[: mark.start()]
    text = html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", _HIDDEN.sub("", markup))))
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _parse(markup: str) -> etree._Element | None:
    # lxml refuses empty input and strings with an XML encoding declaration, so it gets bytes;
    # the text is already decoded, so the parser must not guess another charset from a meta tag.
    stripped = markup.strip()
    if not stripped:
        return None
    parser = lxml_html.HTMLParser(encoding="utf-8")
    try:
        return lxml_html.fromstring(stripped.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _drop_quoted(tree: etree._Element) -> None:
    for node in tree.xpath(_QUOTE_XPATH) + tree.xpath(_OUTLOOK_BORDER):
        _drop_from(node)


def _drop_from(node: etree._Element) -> None:
    """Remove node and every later sibling: the quote runs to the end of its container."""
    parent = node.getparent()
    if parent is None:
        return
    for sibling in list(node.itersiblings()):
        parent.remove(sibling)
    parent.remove(node)
