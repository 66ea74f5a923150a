"""The allow-list sanitiser for HTML the editor writes or pastes (FAQ answers, the JSON-LD answer HTML).

Built on nh3, the binding to the Ammonia library: it parses the HTML as a
browser does (html5ever) and keeps only the elements and attributes listed
here, with URLs only of the listed kinds. Everything else goes:

- elements that run code, load something or draw their own content are removed
  with what is inside them (`<script>`, `<svg>`, `<iframe>` …);
- any other element not listed is unwrapped: its words stay, its tag goes
  (Word's `<o:p>`, `<font>`, a site builder's `<span style=…>`);
- attributes not listed for their element go (`on…` handlers, `style`,
  `srcset`, `ping`, `formaction` …), and so do links whose address is not a
  web, e-mail or telephone address or one of the site's own (`javascript:`,
  however it is spelt or encoded).

What is kept is what Markdown writes (paragraphs, lists, links, emphasis, code,
quotes, headings, pictures, tables, footnotes, abbreviations, definition lists)
and valid HTML5 with it, so the page passes the Nu HTML checker.

`removed_from` tells the editor what was taken out, in their terms; it reads
the same HTML with the standard library's parser, so it is a description of
nh3's work, never the sanitiser itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

import nh3

from .html_tools import TreeParser

# What an answer may contain: what Markdown (with the site's extensions) writes, and
# the few other valid HTML5 elements people use for text.
ANSWER_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd",
        "a", "em", "strong", "b", "i", "code", "pre", "kbd", "samp", "var", "blockquote", "q", "cite",
        "abbr", "sup", "sub", "small", "mark", "del", "ins", "s",
        "img", "figure", "figcaption",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        "div",
    }
)  # fmt: skip
ANSWER_ATTRIBUTES = {
    "*": {"id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "abbr": set(),
    "q": {"cite"},
    "blockquote": {"cite"},
}
# Python-Markdown's footnote markup keeps its classes (the theme styles them).
ANSWER_CLASSES = {
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote"},
}
# Removed together with everything inside them: code, embedded documents, drawings,
# form controls, and the data blocks Word pastes (<xml>).
REMOVED_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
        "applet", "svg", "math", "textarea", "select", "title", "xml", "head",
    }
)  # fmt: skip
# Elements reported as unsafe (the rest that is not kept is formatting, unwrapped).
UNSAFE_TAGS = REMOVED_WITH_CONTENT - {"xml", "head", "title"} | {
    "form", "input", "button", "link", "meta", "base", "video", "audio", "source", "picture", "track",
}  # fmt: skip
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SIGNED_NUMBER_ATTRIBUTES = frozenset({"start", "value"})  # a list may count from 0 or below
NUMBER_ATTRIBUTES = frozenset({"width", "height", "colspan", "rowspan"})
KEYWORD_ATTRIBUTES = {"dir": {"ltr", "rtl", "auto"}, "scope": {"row", "col", "rowgroup", "colgroup"}}
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Characters a URL may hold as they are; the rest (spaces, quotes …) are %-encoded, which
# is what browsers do and what the HTML checker asks for. Braces stay for {filename}/{static}.
URL_SAFE = ":/?#[]@!$&'()*+,;=%~{}-._"

# The tags Google reads in an answer's text; every other tag is unwrapped (its text kept).
GOOGLE_ANSWER_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em"}
)

# Browsers ignore tabs and line breaks anywhere in a URL and spaces and control
# characters around it ("java&#x09;script:" is "javascript:").
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme of `value` as a browser reads it (lower case), or None for a relative URL."""
    match = _SCHEME.match(_URL_IGNORED.sub("", value).strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"))
    return match.group(1).lower() if match else None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Values nh3 keeps must also be valid HTML: whole numbers where numbers go, encoded URLs,
    the few words some attributes allow; anything else is dropped (the Nu checker would refuse it)."""
    value = value.strip()
    if attribute in SIGNED_NUMBER_ATTRIBUTES:
        return value if re.fullmatch(r"-?\d{1,9}", value) else None
    if attribute in NUMBER_ATTRIBUTES:
        return value if re.fullmatch(r"\d{1,9}", value) and int(value) > 0 else None
    if attribute in KEYWORD_ATTRIBUTES:
        return value.lower() if value.lower() in KEYWORD_ATTRIBUTES[attribute] else None
    if attribute == "lang":
        return value if LANGUAGE_TAG.fullmatch(value) else None
    if attribute in URL_ATTRIBUTES:
        return quote(value, safe=URL_SAFE)
    if attribute == "id":
        return "-".join(value.split()) or None  # an id holds no spaces
    return value


def clean_answer(html: str) -> str:
    """`html` with only the allowed elements, attributes and URLs (see the module)."""
    return nh3.clean(
        html,
        tags=set(ANSWER_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ANSWER_ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        allowed_classes={tag: set(names) for tag, names in ANSWER_CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # no added rel: links open in the same tab; no-referrer is site-wide
        strip_comments=True,
    )


def google_answer_html(html: str, base_url: str) -> str:
    """The answer's HTML with only the tags Google reads, no attributes but link targets, links absolute."""
    return nh3.clean(
        html,
        tags=set(GOOGLE_ANSWER_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={"*": set(), "a": {"href"}},
        url_schemes=set(URL_SCHEMES),
        url_relative=lambda url: urljoin(base_url, url),
        link_rel=None,
        strip_comments=True,
    ).strip()


@dataclass
class Removed:
    """What the sanitiser takes out of one piece of HTML, as the editor would name it."""

    unsafe: list[str] = field(default_factory=list)  # e.g. "<script>", 'onclick="…"', "a javascript: link"
    formatting: list[str] = field(default_factory=list)  # e.g. "<font>", 'style="…"'

    def __bool__(self) -> bool:
        return bool(self.unsafe or self.formatting)


def _is_markdown_markup(tag: str, name: str, value: str) -> bool:
    """Attributes Python-Markdown writes itself, dropped without telling the editor."""
    if name == "class" and tag == "code":
        return True  # fenced code's "language-…"
    if name == "class" and set(value.split()) <= ANSWER_CLASSES.get(tag, set()):
        return True
    return name == "style" and tag in ("th", "td") and value.replace(" ", "").startswith("text-align:")


class _Inventory(TreeParser):
    """Lists the elements and attributes the allow-list will drop (see `removed_from`)."""

    def __init__(self) -> None:
        super().__init__()
        self.removed = Removed()
        self.inside_removed = 0

    def _note(self, kind: list[str], text: str) -> None:
        if text not in kind:
            kind.append(text)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.inside_removed:
            return
        if tag in UNSAFE_TAGS:
            self._note(self.removed.unsafe, f"<{tag}>")
        elif tag not in ANSWER_TAGS:
            self._note(self.removed.formatting, f"<{tag}>")
        if tag in REMOVED_WITH_CONTENT and tag not in ("br",):
            self.inside_removed = len(self.open) + 1
            return
        allowed = ANSWER_ATTRIBUTES["*"] | ANSWER_ATTRIBUTES.get(tag, set())
        for name, value in attributes.items():
            if name.startswith("on") or name in ("formaction", "xlink:href", "srcset", "ping", "action"):
                self._note(self.removed.unsafe, f'{name}="…"')
            elif name in URL_ATTRIBUTES and url_scheme(value) not in (None, *URL_SCHEMES):
                self._note(self.removed.unsafe, f"a {url_scheme(value)}: address")
            elif tag in ANSWER_TAGS and name not in allowed and not _is_markdown_markup(tag, name, value):
                self._note(self.removed.formatting, f'{name}="…"')

    def end(self, tag: str) -> None:
        if self.inside_removed and len(self.open) < self.inside_removed:
            self.inside_removed = 0


# "<!-->" and "<!--->" end a comment at once in browsers (and in nh3's parser), but not
# in the standard library's: written out in full, both read the markup after them.
_ABRUPT_COMMENT = re.compile(r"<!--->|<!-->")


def removed_from(html: str) -> Removed:
    """What `clean_answer` takes out of `html`: unsafe markup, then pasted formatting."""
    if "<" not in html:
        return Removed()
    parser = _Inventory()
    parser.feed_all(_ABRUPT_COMMENT.sub("<!---->", html))
    return parser.removed
