"""Answers: each answer's HTML made safe, valid and at home on the page that shows it.

`prepare` runs once per FAQ file, right after Pelican's Markdown reader:

1. the allow-list sanitiser (`practice_site.sanitiser`, nh3) keeps what Markdown
   writes and removes code and pasted formatting; what it removed is returned,
   for a warning that names the file;
2. headings inside the answer nest under the question: the first becomes one
   level below the question's heading, and none skips a level;
3. every id in the answer (headings, footnotes) starts with the entry's slug,
   `<slug>--`, and the answer's own `#links` follow, so two answers with
   footnotes, or a heading called like a question, never share an id;
4. what cannot be cleaned is refused in plain words: pictures from other
   sites (the site's privacy policy blocks them in every browser) and pasted
   markup whose structure browsers would repair in different ways.

Entry slugs are unique and never contain "--" (Slug: allows single hyphens
only; Pelican's slugify collapses runs), so the prefix keeps ids unique on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from ..html_tools import VOID_ELEMENTS, TreeParser, start_tag
from ..problems import Problem, first_line_with
from ..sanitiser import Removed, clean_answer, removed_from, url_scheme

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Where these elements may stand; anything else in a list, or a list item elsewhere,
# is markup that only pasting produces, and that browsers repair differently.
LIST_PARENTS = {"li": ("ul", "ol"), "dt": ("dl", "div"), "dd": ("dl", "div"), "figcaption": ("figure",)}
ONLY_CHILDREN = {"ul": ("li",), "ol": ("li",), "dl": ("dt", "dd", "div")}
# Text-level elements: a paragraph, list or heading inside one is invalid HTML.
PHRASING = frozenset(
    {
        "em",
        "strong",
        "b",
        "i",
        "code",
        "kbd",
        "samp",
        "var",
        "q",
        "cite",
        "abbr",
        "sup",
        "sub",
        "small",
        "mark",
        "s",
    }
)
BLOCKS = frozenset({"p", "div", "ul", "ol", "dl", "blockquote", "pre", "table", "hr", "figure", *HEADINGS})
NAMES = {
    "p": "a paragraph (<p>)",
    "ul": "a list (<ul>)",
    "ol": "a numbered list (<ol>)",
    "li": "a list item (<li>)",
    "dl": "a list of terms (<dl>)",
    "b": "bold text (<b>)",
    "strong": "bold text (<strong>)",
    "i": "italic text (<i>)",
    "em": "italic text (<em>)",
}
ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
HOW_TO_FIX_PASTED = (
    "This usually comes from text pasted from a word processor or another website. Write this part "
    "in Markdown instead (a blank line between paragraphs, '- ' before each list item, **bold**), "
    "or delete the HTML tags (the words in <angle brackets>) around it."
)


def _name(tag: str) -> str:
    return NAMES.get(tag, f"<{tag}>")


@dataclass
class PreparedAnswer:
    """One answer after `prepare`: the HTML to publish, what was removed, and what is refused."""

    html: str
    removed: Removed
    problems: list[Problem] = field(default_factory=list)


class _Ids(TreeParser):
    """Every id in the answer, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if "id" in attributes:
            self.ids.append(attributes["id"])


class _Rewriter(TreeParser):
    """Writes the answer again with shifted headings and prefixed ids; notes what cannot stay."""

    def __init__(self, new_ids: list[str], id_map: dict[str, str], question_level: int) -> None:
        super().__init__()
        self.new_ids = iter(new_ids)
        self.id_map = id_map
        self.question_level = question_level
        self.previous_level = question_level
        self.top_level: int | None = None  # the answer's highest heading level as written
        self.headings: list[str] = []  # the open headings' new tags
        self.out: list[str] = []
        self.structure: list[str] = []  # descriptions of markup that cannot stay
        self.structure_tag: str | None = None  # the element the first of them is about, to find its line
        self.foreign_pictures: list[str] = []

    def set_top_level(self, level: int | None) -> None:
        self.top_level = level

    def _heading(self, tag: str) -> str:
        written = int(tag[1])
        wanted = self.question_level + 1 + written - (self.top_level or written)
        level = max(self.question_level + 1, min(wanted, self.previous_level + 1, 6))
        self.previous_level = level
        return f"h{level}"

    def _check_place(self, tag: str) -> None:
        parent = self.open[-1] if self.open else None
        allowed_parents = LIST_PARENTS.get(tag)
        if allowed_parents and parent not in allowed_parents:
            where = f"inside {_name(parent)}" if parent else "outside a list"
            self._structure(f"{_name(tag)} {where}", parent or tag)
        elif parent in ONLY_CHILDREN and tag not in ONLY_CHILDREN[parent]:
            self._structure(f"{_name(tag)} directly inside {_name(parent)}, outside any list item", parent)
        elif tag in BLOCKS and PHRASING.intersection(self.open):
            inline = next(name for name in reversed(self.open) if name in PHRASING)
            self._structure(f"{_name(tag)} inside {_name(inline)}", inline)

    def _structure(self, text: str, tag: str) -> None:
        if text not in self.structure:
            self.structure.append(text)
            self.structure_tag = self.structure_tag or tag

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self._check_place(tag)
        if "id" in attributes:
            attributes["id"] = next(self.new_ids)
        href = attributes.get("href", "")
        if href.startswith("#") and href[1:] in self.id_map:
            attributes["href"] = "#" + self.id_map[href[1:]]
        src = attributes.get("src", "")
        if tag == "img" and (url_scheme(src) in ("http", "https") or src.startswith("//")):
            self.foreign_pictures.append(src)
        if tag in HEADINGS:
            tag = self._heading(tag)
            self.headings.append(tag)
        self.out.append(start_tag(tag, attributes))

    def end(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if tag in HEADINGS and self.headings:
            tag = self.headings.pop()
        self.out.append(f"</{tag}>")

    def text(self, data: str, raw: bool) -> None:
        parent = self.open[-1] if self.open else None
        if data.strip() and parent in ONLY_CHILDREN:
            self._structure(f"text directly inside {_name(parent)}, outside any list item", parent)
        self.out.append(escape(data, quote=False))


def _page_unique_ids(ids: list[str], slug: str) -> tuple[list[str], dict[str, str]]:
    """The new id for each id in order, and where a link to an old id now goes (its first holder)."""
    used: set[str] = set()
    new_ids: list[str] = []
    id_map: dict[str, str] = {}
    for old in ids:
        base = f"{slug}--{ID_UNSAFE.sub('-', old).strip('-') or 'part'}"
        new, count = base, 1
        while new in used:
            count += 1
            new = f"{base}-{count}"
        used.add(new)
        new_ids.append(new)
        id_map.setdefault(old, new)
    return new_ids, id_map


_HEADING_TAG = re.compile(r"<h([1-6])\b")

# Elements between whose tags white space shows nothing: the blocks, and the parts of
# lists, tables and figures. ("<pre>" is left out as an opening tag: a line break right
# after it is the code's first line.)
_SPACE_FREE = sorted(BLOCKS | {"li", "dt", "dd", "figcaption", "thead", "tbody", "tfoot", "tr", "th", "td"})
_SPACE_FREE_TAG = "|".join(_SPACE_FREE)
_SPACE_FREE_OPENING = "|".join(name for name in _SPACE_FREE if name != "pre")
_BREAK_BETWEEN_BLOCKS = re.compile(
    rf"(<(?:/(?:{_SPACE_FREE_TAG})|(?:{_SPACE_FREE_OPENING}))\b[^>]*>)\s+(?=</?(?:{_SPACE_FREE_TAG})\b)"
)


def without_breaks_between_blocks(html: str) -> str:
    """`html` without the line breaks Markdown writes between block tags ("</p>\\n<p>").

    They show nothing, and in the JSON-LD they become "\\n", so the answer there would
    differ from the page's own copy at every paragraph: without them the two are the
    same bytes, and the second costs a few bytes of brotli instead of one per paragraph.
    """
    return _BREAK_BETWEEN_BLOCKS.sub(r"\1", html)


def prepare(html: str, slug: str, question_level: int, source: str, path=None) -> PreparedAnswer:
    """The answer's HTML as the page shows it, for the entry `slug` under an <h`question_level`>
    (`source` names the file to the editor; `path`, where given, finds a problem's line)."""
    removed = removed_from(html)
    cleaned = clean_answer(html)
    ids = _Ids()
    ids.feed_all(cleaned)
    new_ids, id_map = _page_unique_ids(ids.ids, slug)
    rewriter = _Rewriter(new_ids, id_map, question_level)
    levels = [int(level) for level in _HEADING_TAG.findall(cleaned)]
    rewriter.set_top_level(min(levels) if levels else None)
    rewriter.feed_all(cleaned)
    problems = [
        Problem(
            file=source,
            field="answer",
            line=first_line_with(path, src),
            what=f"The picture '{src}' is on another website. The site only shows pictures it holds "
            "itself (so that no other website learns who reads it), so every browser would show a "
            "broken picture here.",
            fix="Save the picture into the folder content/images/ and write it as "
            "![what the picture shows]({static}/images/NAME), with NAME the picture's file name.",
        )
        for src in dict.fromkeys(rewriter.foreign_pictures)
    ]
    if rewriter.structure:
        problems.append(
            Problem(
                file=source,
                field="answer",
                # The pasted element's first opening tag in the file: Markdown never writes these.
                line=first_line_with(path, re.compile(rf"<{rewriter.structure_tag}\b", re.IGNORECASE)),
                what="The answer has HTML that browsers cannot show reliably: "
                + "; ".join(rewriter.structure)
                + ".",
                fix=HOW_TO_FIX_PASTED,
            )
        )
    html = without_breaks_between_blocks("".join(rewriter.out))
    return PreparedAnswer(html=html, removed=removed, problems=problems)
