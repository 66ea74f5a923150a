"""The collection the theme receives: the checked entries, in the order visitors see them."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup
from pelican.contents import Page


@dataclass(frozen=True)
class FaqEntry:
    """One question and its answer, checked and ready to show."""

    question: str
    slug: str  # the entry's anchor: faq.html#<slug>
    order: int | None
    source: str  # the file as the editor knows it
    page: Page  # Pelican's content object, which resolves {filename} links per output page
    aliases: tuple[str, ...] = ()  # old link names that still lead here (Aliases:)

    @property
    def answer(self) -> Markup:
        """The answer's HTML, with links made right for the page being written."""
        return Markup(self.page.content)

    def answer_for(self, siteurl: str) -> str:
        """The answer's HTML with intrasite links resolved against `siteurl`."""
        return self.page.get_content(siteurl)


def sort_key(entry: FaqEntry) -> tuple:
    """Numbered entries first, by number; then the rest alphabetically by question."""
    question = entry.question.casefold()
    if entry.order is None:
        return (1, 0, question)
    return (0, entry.order, question)


@dataclass
class FaqCollection:
    """What templates see as `faq`: entries in order, the JSON-LD block and display settings."""

    entries: list[FaqEntry]
    question_heading_level: int = 2
    page_url: str = ""  # the FAQ page's canonical URL
    jsonld: Markup = field(default_factory=Markup)

    def by_slug(self) -> dict[str, FaqEntry]:
        return {entry.slug: entry for entry in self.entries}
