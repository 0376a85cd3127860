"""HTML mail parts to plain text with their lines kept, with or without the quoted material."""

from __future__ import annotations

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


def html_to_text(markup: str, *, drop_quotes: bool = False) -> str:
    """Convert HTML to text keeping the line layout; optionally drop quoted/forwarded elements."""
    tree = _parse(markup)
    if tree is None:
        return ""
    if drop_quotes:
        _drop_quoted(tree)
    text = Inscriptis(tree, ParserConfig(display_links=False)).get_text()
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
