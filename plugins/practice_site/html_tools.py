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

Used by the FAQ plugin (sanitising answers, the JSON-LD answer HTML, the answer
text). The checker of the built site (tools/site_checks.py) has its own one-pass reader.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin

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

# Elements that would run code, load something or change the page's styles. The
# site's Content-Security-Policy would block them anyway; dropping them keeps the
# page valid and the answer free of anything a visitor cannot read.
UNSAFE_ELEMENTS = ("script", "style", "iframe", "object", "embed", "template", "link", "meta", "base", "form")
# Checked on the attribute's value after the parser has decoded its entities, so that
# "&#106;avascript:" is caught too.
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action")

# The tags Google reads in an answer's text; every other tag is unwrapped (its text kept).
GOOGLE_ANSWER_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em"}
)


def _attributes(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    """The parser's attribute list as a dict: a bare attribute has the value "", a repeated one its last."""
    return {name: "" if value is None else value for name, value in attrs}


def start_tag(name: str, attributes: dict[str, str]) -> str:
    """`<name a="v">` with every value escaped for a double-quoted attribute."""
    text = "".join(f' {key}="{escape(value, quote=True)}"' for key, value in attributes.items())
    return f"<{name}{text}>"


class _TreeParser(HTMLParser):
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


class _Sanitiser(_TreeParser):
    """Drops unsafe elements with their content, event handlers, styles and script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []
        self.removed_elements: list[str] = []
        self.removed_attributes: list[str] = []
        self.skip_depth: int | None = None  # len(self.open) when the removed element started

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag in UNSAFE_ELEMENTS:
            # Nested unsafe elements are listed too, as removing the outer one removes them.
            self.removed_elements.append(f"<{tag}>")
            if self.skip_depth is None and tag not in VOID_ELEMENTS:
                self.skip_depth = len(self.open)
            return
        if self.skip_depth is not None:
            return
        kept = {}
        for name, value in attributes.items():
            if name.startswith("on") or name == "style":
                self.removed_attributes.append(f'{name}="…"')
            elif name in URL_ATTRIBUTES and UNSAFE_URL.match(value):
                self.removed_attributes.append(f'{name}="{value}"')
            else:
                kept[name] = value
        self.out.append(start_tag(tag, kept))

    def end(self, tag: str) -> None:
        if self.skip_depth is None:
            if tag not in VOID_ELEMENTS:
                self.out.append(f"</{tag}>")
        elif len(self.open) == self.skip_depth:
            self.skip_depth = None  # the removed element itself has ended

    def text(self, data: str, raw: bool) -> None:
        if self.skip_depth is None:
            self.out.append(data if raw else escape(data, quote=False))

    # Comments, doctypes and the like stay as they were, unless inside a removed element.
    def handle_comment(self, data: str) -> None:
        if self.skip_depth is None:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        if self.skip_depth is None:
            self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        if self.skip_depth is None:
            self.out.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        if self.skip_depth is None:
            self.out.append(f"<?{data}>")


def make_safe(html: str) -> tuple[str, list[str]]:
    """Remove elements and attributes that could run code; return the HTML and what was removed.

    What was removed is listed as `<script>`, `onclick="…"` or `href="javascript:…"`:
    first the elements, then the attributes, each in the order of the page. When
    nothing is removed the HTML is returned exactly as it was.
    """
    if not html or "<" not in html:
        return html, []
    parser = _Sanitiser()
    parser.feed_all(html)
    removed = parser.removed_elements + parser.removed_attributes
    return ("".join(parser.out), removed) if removed else (html, [])


class _GoogleAnswer(_TreeParser):
    """Keeps the tags Google reads (no attributes but link targets), the text of all others."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url
        self.out: list[str] = []

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag not in GOOGLE_ANSWER_TAGS:
            return
        href = attributes.get("href") if tag == "a" else None
        self.out.append(start_tag(tag, {"href": urljoin(self.base_url, href)} if href else {}))

    def end(self, tag: str) -> None:
        if tag in GOOGLE_ANSWER_TAGS and tag not in VOID_ELEMENTS:
            self.out.append(f"</{tag}>")

    def text(self, data: str, raw: bool) -> None:
        self.out.append(escape(data, quote=False))

    # Comments, doctypes and processing instructions are left out (the default handlers do nothing).


def google_answer_html(html: str, base_url: str) -> str:
    """The answer's HTML with only the tags Google reads, no attributes but link targets, links absolute."""
    parser = _GoogleAnswer(base_url)
    parser.feed_all(html)
    return "".join(parser.out).strip()


class _Text(_TreeParser):
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
