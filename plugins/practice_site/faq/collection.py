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
    topic: str = ""  # the `Topic:` the question is grouped under ("" when it has none)
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


# The heading of the questions that have no `Topic:` when others have one.
OTHER_TOPIC = "Other questions"


@dataclass(frozen=True)
class FaqTopic:
    """One topic heading on the FAQ page and its questions, in order."""

    name: str
    id: str  # the section's anchor: faq.html#topic-<slug of the name>
    entries: list[FaqEntry]


def group_by_topic(entries: list[FaqEntry], slugify) -> list[FaqTopic]:
    """Topics in the order their first question comes; questions without a topic last.

    Empty when no question has a topic: the page then shows one list, as before.
    """
    if not any(entry.topic for entry in entries):
        return []
    # "Safety" and "safety " are one topic, shown as first written.
    names: dict[str, str] = {}
    groups: dict[str, list[FaqEntry]] = {}
    for entry in entries:
        if entry.topic:
            key = " ".join(entry.topic.casefold().split())
            names.setdefault(key, entry.topic)
            groups.setdefault(key, []).append(entry)
    untopiced = [entry for entry in entries if not entry.topic]
    if untopiced:
        key = OTHER_TOPIC.casefold()
        names.setdefault(key, OTHER_TOPIC)
        groups.setdefault(key, []).extend(untopiced)
    topics, ids = [], set()
    for key, group in groups.items():
        base = f"topic-{slugify(names[key]) or len(topics) + 1}"
        anchor, number = base, 1
        while anchor in ids:  # two names with one slug ("Costs", "Costs!") still get their own anchors
            number += 1
            anchor = f"{base}-{number}"
        ids.add(anchor)
        topics.append(FaqTopic(name=names[key], id=anchor, entries=group))
    return topics


@dataclass
class FaqCollection:
    """What templates see as `faq`: entries in order, topics, the JSON-LD block and display settings.

    With topics, `entries` is in the order the page shows them (topic by topic), the
    topics take the question heading level and the questions the level below.
    """

    entries: list[FaqEntry]
    question_heading_level: int = 2
    page_url: str = ""  # the FAQ page's canonical URL
    jsonld: Markup = field(default_factory=Markup)
    topics: list[FaqTopic] = field(default_factory=list)
    topic_heading_level: int = 2

    def by_slug(self) -> dict[str, FaqEntry]:
        return {entry.slug: entry for entry in self.entries}
