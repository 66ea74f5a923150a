"""Rendering: one FAQ entry shown on another page, where a paragraph is exactly {faq:SLUG}.

The accordion on the FAQ page itself is drawn by the theme (templates/faq.html and
templates/components/faq/) from the collection; this module only places single
entries into other pages, as plain content without any FAQ markup.
"""

from __future__ import annotations

import logging
import re

from markupsafe import Markup

from ..problems import Problem, first_line_with
from .collection import FaqEntry

logger = logging.getLogger(__name__)

# A paragraph that is exactly {faq:SLUG}, as Markdown renders it.
EMBED_RE = re.compile(r"<p>\s*\{faq:\s*([^}<>]*?)\s*\}\s*</p>")
EMBED_TEMPLATE = "components/faq/embed"


def edit_distance(a: str, b: str) -> int:
    """How many letters must be typed, deleted or changed to turn `a` into `b` (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


def close_slug(slug: str, slugs: list[str]) -> str | None:
    """The one link name `slug` is a slip of the keyboard away from, or None.

    Only a typo counts (a couple of letters, or two words swapped): a name that
    merely shares words with another ("is-ketamine-safe", "is-ketamine-addictive")
    is a different question, and suggesting it would put the wrong answer on a page.
    """
    allowed = 1 if len(slug) <= 8 else 2
    words = sorted(slug.split("-"))
    matches = [s for s in slugs if edit_distance(slug, s) <= allowed or sorted(s.split("-")) == words]
    return matches[0] if len(matches) == 1 else None


# A heading's start or end tag in the sanitised answer HTML (nh3 writes plain tags).
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


def raise_headings(html: str, levels: int) -> str:
    """`html` with every heading `levels` higher (h4 -> h3): an answer shown above its FAQ-page depth."""
    if not levels:
        return html
    return HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{max(1, int(m.group(2)) - levels)}", html)


def render_embed(template, entry: FaqEntry, heading_level: int, answer_offset: int = 0) -> str:
    """The entry as plain content: its question as a heading, then its answer.

    On the FAQ page with topics, questions are one level deeper than `heading_level`
    and their answers' headings were made for that (`answer_offset` = 1); on another
    page the question follows the page's own headings, so the answer's rise with it.
    """
    # The raw answer: the host page resolves {filename} links for its own location.
    # Markup: the answer is sanitised HTML (answers.prepare), right under autoescaping too.
    answer = Markup(raise_headings(entry.page._content, answer_offset))
    return template.render(entry=entry, answer=answer, heading_level=heading_level)


def replace_embeds(
    pages: list,
    entries: dict[str, FaqEntry],
    template,
    heading_level: int,
    editor_path,
    answer_offset: int = 0,
) -> list[Problem]:
    """Put the named entry in place of each {faq:SLUG} paragraph; report names that match none."""
    problems = []
    for page in pages:
        content = page._content or ""
        if "{faq:" not in content:
            continue

        def replace(match, page=page):
            slug = match.group(1)
            entry = entries.get(slug)
            if entry is not None:
                logger.debug("Showing FAQ entry %s on %s", slug, page.source_path)
                return render_embed(template, entry, heading_level, answer_offset)
            close = close_slug(slug, list(entries))
            hint = f"Did you mean {{faq:{close}}}? " if close else ""
            problems.append(
                Problem(
                    file=editor_path(page),
                    line=first_line_with(page.source_path, re.compile(rf"\{{faq:\s*{re.escape(slug)}\s*\}}")),
                    field=f"{{faq:{slug}}}",
                    what=f'"{{faq:{slug}}}" names no FAQ question: none has the link name (Slug:) "{slug}".',
                    fix=f'{hint}Use the "Slug:" of a file in the FAQ folder, or the name shown after # '
                    "in the question's link on the FAQ page.",
                )
            )
            return match.group(0)

        page._content = EMBED_RE.sub(replace, content)
    return problems
