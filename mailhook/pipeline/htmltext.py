"""HTML mail parts to plain text with their lines kept, with or without the quoted material."""

from __future__ import annotations

import html
import re

from inscriptis import Inscriptis
from inscriptis.model.config import ParserConfig
from lxml import etree
from lxml import html as lxml_html

from mailhook.pipeline.quotes import is_header_line

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
# A layout table (a signature set out in columns: name and title left, phones and address right)
# has few rows, few cells and short lines; a data table has more rows, header cells, or one line
# per cell, and keeps its rows.
_LAYOUT_ROWS = 4
_LAYOUT_CELLS = 4
_LAYOUT_CELL_LINES = 10
_LAYOUT_LINE_CHARS = 70
_MOST_LAYOUT_CELLS = 8  # cells of a row, empty spacer cells included
_LAYOUT_CELL_NODES = 200
_BREAKS = frozenset({
    "address", "article", "br", "dd", "div", "dl", "dt", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "tr", "ul",
})
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
    _unfold_layout_tables(tree)
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
    for node in tree.xpath(_QUOTE_XPATH):
        _drop_from(node)
    for node in tree.xpath(_OUTLOOK_BORDER):
        # Outlook wraps its header block in a div of its own and sets the original below that
        # wrapper, not inside it: after a header ("From: ..."), everything later in the document
        # is the original.
        _drop_from(node, to_the_end=is_header_line(" ".join(node.text_content().split())))


# Containers a client marks as its user's own signature (Gmail, Thunderbird, Outlook on the web):
# below a quote when the author writes under it, and never part of the quoted mail.
_OWN_SIGNATURE = re.compile(r"\b(?:gmail_signature|moz-signature)\b|^(?:x_)?Signature$")


def _drop_from(node: etree._Element, *, to_the_end: bool = False) -> None:
    """Remove node and every later sibling (the quote runs to the end of its container), and with
    `to_the_end` all that follows it in the document, but what the client marked as its user's
    signature."""
    parent = node.getparent()
    if parent is None:
        return
    if to_the_end:
        inner = parent
        for ancestor in parent.iterancestors():
            inner.tail = None  # text right after the wrapper is the original's too
            for later in list(inner.itersiblings()):
                if not _own_signature(later):
                    ancestor.remove(later)
            inner = ancestor
    for sibling in list(node.itersiblings()):
        if not _own_signature(sibling):
            parent.remove(sibling)
    parent.remove(node)


def _own_signature(node: etree._Element) -> bool:
    marks = (str(node.get("class") or ""), str(node.get("id") or ""), str(node.get("data-smartmail") or ""))
    return isinstance(node.tag, str) and any(_OWN_SIGNATURE.search(mark) for mark in marks)


def _unfold_layout_tables(tree: etree._Element) -> None:
    """Lay out each layout table's cells one below the other (row by row, left to right).

    Inscriptis sets a table's cells side by side, so a two-column signature becomes lines that
    each hold a bit of both columns ("Jonas Weber    Tel. +49 ..."). Inner tables go first: a
    cell holding an unfolded table then holds its lines."""
    for table in reversed(list(tree.iter("table"))):
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        if _is_layout(rows):
            _unfold(table, [cell for row in rows for cell in row.xpath("./td | ./th")])


def _is_layout(rows: list[etree._Element]) -> bool:
    if not rows or len(rows) > _LAYOUT_ROWS:
        return False
    side_by_side = False
    for row in rows:
        cells = row.xpath("./td | ./th")
        if len(cells) > _MOST_LAYOUT_CELLS or any(cell.tag == "th" for cell in cells):
            return False
        shown = [_cell_lines(cell) for cell in cells]
        texts = [lines for lines in shown if lines]
        if None in shown:
            return False
        if len(texts) > _LAYOUT_CELLS:
            return False
        if any(len(lines) > _LAYOUT_CELL_LINES for lines in texts):
            return False
        if any(len(line) > _LAYOUT_LINE_CHARS for lines in texts for line in lines):
            return False
        side_by_side = side_by_side or (len(cells) >= 2 and any(len(lines) >= 2 for lines in texts))
    return side_by_side


def _cell_lines(cell: etree._Element) -> list[str] | None:
    """The non-blank lines a cell shows: text broken at <br> and block elements; None for a cell
    of more elements than a layout cell has (read no further: nested tables would be read again
    at every level)."""
    pieces: list[str] = []
    for count, node in enumerate(cell.iter()):
        if count > _LAYOUT_CELL_NODES:
            return None
        if node is not cell and isinstance(node.tag, str) and node.tag in _BREAKS:
            pieces.append("\n")
        if isinstance(node.tag, str) and node.text and node.tag not in ("script", "style"):
            pieces.append(node.text)
        if node is not cell and node.tail:
            pieces.append(node.tail)
    return [line for line in (" ".join(p.split()) for p in "".join(pieces).split("\n")) if line]


def _unfold(table: etree._Element, cells: list[etree._Element]) -> None:
    """Turn the table into a block holding a block per cell, the cells' content moved over as it
    is (in place, so that a table at the document's root is unfolded too)."""
    blocks = []
    for cell in cells:
        block = etree.Element("div")
        block.text = cell.text
        block.extend(list(cell))
        blocks.append(block)
    for child in list(table):
        table.remove(child)
    table.attrib.clear()
    table.tag, table.text = "div", None
    table.extend(blocks)
