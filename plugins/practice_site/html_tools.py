"""HTML tools: the few things the build reads from or changes in HTML, on the standard library's parser.

The build used BeautifulSoup for these; importing it (with soupsieve and the
tree builders installed for the tests) and building a tree for every page and
answer cost more than the rest of our plugins together. Python-Markdown already
imports `html.parser`, so these small parsers are nearly free. They keep
BeautifulSoup's "html.parser" tree rules where they matter, so that the results
are the same as before:

- an end tag closes the most recently opened element of that name and every
  element opened inside it; an end tag with no open element of its name is dropped;
- void elements (br, img, …) have no content and no end tag;
- elements still open at the end are closed there;
- the text of script and style elements is raw text, never markup.

Used by the FAQ plugin (the answer text, rewriting ids and headings in answers)
and by the sanitiser's report of what it removed. Sanitising itself is
`sanitiser.py` (nh3); the checker of the built site (tools/site_checks.py) has
its own one-pass reader.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

# Elements without content or end tag (the HTML standard's list, and the obsolete
# ones BeautifulSoup also treats as empty).
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "menuitem",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "bgsound",
        "command",
        "frame",
        "image",
        "isindex",
        "nextid",
        "spacer",
    }
)
# Elements whose content the parser hands over as raw text (HTMLParser's CDATA_CONTENT_ELEMENTS).
RAW_TEXT_ELEMENTS = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS)
# Text that is not part of what a reader sees (BeautifulSoup's get_text leaves it out too).
NOT_TEXT_ELEMENTS = frozenset({"script", "style", "template"})


def _attributes(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    """The parser's attribute list as a dict: a bare attribute has the value "", a repeated one its last."""
    return {name: "" if value is None else value for name, value in attrs}


def start_tag(name: str, attributes: dict[str, str]) -> str:
    """`<name a="v">` with every value escaped for a double-quoted attribute."""
    text = "".join(f' {key}="{escape(value, quote=True)}"' for key, value in attributes.items())
    return f"<{name}{text}>"


class TreeParser(HTMLParser):
    """HTMLParser that keeps the stack of open elements the way BeautifulSoup's tree does.

    Subclasses override `start`, `end` and `text`; `end` is called for every
    element that closes, whether by its own end tag, by an end tag of an element
    around it, or at the end of the input.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def feed_all(self, html: str) -> None:
        self.feed(html)
        self.close()
        while self.open:
            self.end(self.open.pop())

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.start(tag, _attributes(attrs))
        if tag in VOID_ELEMENTS:
            self.end(tag)
        else:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        # `<span/>` is an empty span; `<br/>` a br.
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.open and self.open[-1] == tag:
            self.end(self.open.pop())

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return  # nothing of that name is open: a stray end tag, dropped
        while self.open:
            name = self.open.pop()
            self.end(name)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text(data, raw=bool(self.open) and self.open[-1] in RAW_TEXT_ELEMENTS)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """An element starts (void elements end right after)."""

    def end(self, tag: str) -> None:
        """An element ends."""

    def text(self, data: str, raw: bool) -> None:
        """Text, with entities decoded; `raw` inside script and style."""


class _Text(TreeParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def text(self, data: str, raw: bool) -> None:
        if not NOT_TEXT_ELEMENTS.intersection(self.open):
            self.parts.append(data)


def text_of(html: str) -> str:
    """The text a reader sees in `html`: no tags, no comments, no script or style."""
    parser = _Text()
    parser.feed_all(html)
    return "".join(parser.parts)
