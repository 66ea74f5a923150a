"""FAQ collection: one Markdown file per question in content/faq/, shown as an accordion.

The plugin reads the FAQ folder as a collection of its own (never as pages or
articles), checks it, and hands it to the theme as `faq`: the entries in order,
the FAQPage JSON-LD and display settings. A paragraph that is exactly
`{faq:SLUG}` on any other page shows that one entry there, as plain content.

Everything is rebuilt on each run from the generators Pelican passes in: nothing
is kept between runs, so `make devserver` never shows a deleted question.

Modules: settings (FAQ_COLLECTION), reading, answers (each answer sanitised,
headings nested, ids unique, what cannot be cleaned refused), validation,
collection (what the theme gets, topics), jsonld, rendering ({faq:SLUG}).

The files are read when the pages are (`page_generator_finalized`), so that the
pictures answers show are copied like the pages' pictures; everything else
happens once every generator has read its content (`all_generators_finalized`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import PagesGenerator
from pelican.utils import slugify

from ..problems import ContentProblems, Problem, warn
from . import jsonld, reading, rendering, validation
from .collection import FaqCollection, group_by_topic
from .settings import read_settings

logger = logging.getLogger(__name__)


def _settings_or_raise(settings: dict):
    faq_settings, problems = read_settings(settings)
    if problems:
        raise ContentProblems(problems)
    return faq_settings


def keep_faq_files_to_ourselves(pelican) -> None:
    """Check the settings and stop Pelican from publishing FAQ files as pages, articles or files."""
    faq_settings = _settings_or_raise(pelican.settings)
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excludes = list(pelican.settings.get(key) or [])
        if faq_settings.path not in excludes:
            pelican.settings[key] = [*excludes, faq_settings.path]


# Where the FAQ files read by `read_collection` wait for `build_collection` (one build's context).
FILES_KEY = "_faq_files"


def read_collection(pages_generator) -> None:
    """Read the FAQ files once the pages are read, before Pelican collects the static files.

    Pictures an answer shows (`{static}/images/...`) join the pages' pictures in
    Pelican's list of files to copy, as a page's do. Pictures that do not exist
    are left to the link checks, which name the file and line.
    """
    if not isinstance(pages_generator, PagesGenerator):
        return
    settings = pages_generator.settings
    faq_settings = _settings_or_raise(settings)
    files = reading.read_faq_files(
        pages_generator.readers,
        settings,
        faq_settings.path,
        pages_generator.context,
        faq_settings.question_heading_level,
    )
    static_links = pages_generator.context.setdefault("static_links", set())
    for file in files:
        for link in file.page.get_static_links():
            if (Path(settings["PATH"]) / link).is_file():
                static_links.add(link)
    pages_generator.context[FILES_KEY] = files


def build_collection(generators) -> None:
    """Check the FAQ, place {faq:SLUG} entries, and give the theme the collection."""
    pages_generator = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if pages_generator is None:
        return
    settings = pages_generator.settings
    faq_settings = _settings_or_raise(settings)
    content_root = settings["PATH"]

    def editor_path(content) -> str:
        return reading.editor_path(content_root, Path(content.source_path))

    files = pages_generator.context.pop(FILES_KEY, [])
    entries, problems = validation.validate(files)
    topics = group_by_topic(
        entries, lambda name: slugify(name, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    )
    question_level = faq_settings.question_heading_level + (1 if topics else 0)
    if topics:
        entries = [entry for topic in topics for entry in topic.entries]  # the order the page shows

    all_pages = [*pages_generator.pages, *pages_generator.hidden_pages, *pages_generator.draft_pages]
    faq_pages = [p for p in all_pages if getattr(p, "template", None) == faq_settings.page_template]
    problems += validation.check_faq_pages(faq_pages, faq_settings.page_template, editor_path)
    if not problems:
        problems += rendering.replace_embeds(
            all_pages,
            {entry.slug: entry for entry in entries},
            pages_generator.get_template(rendering.EMBED_TEMPLATE),
            # On another page a question follows that page's headings, topics or not.
            faq_settings.question_heading_level,
            editor_path,
            answer_offset=question_level - faq_settings.question_heading_level,
        )
    if problems:
        raise ContentProblems(problems)

    collection = FaqCollection(
        entries=entries,
        question_heading_level=question_level,
        topics=topics,
        topic_heading_level=faq_settings.question_heading_level,
    )
    if faq_pages:
        siteurl = settings["SITEURL"]
        collection.page_url = f"{siteurl}/{faq_pages[0].url}"
        collection.jsonld = jsonld.serialise(jsonld.faq_page(entries, collection.page_url, siteurl))
    elif entries:
        warn(
            logger,
            Problem(
                file=f"{Path(content_root).name}/pages",
                field="Template",
                what=f"No page says 'Template: {faq_settings.page_template}', so the {len(entries)} FAQ "
                "questions are not shown as a list anywhere.",
                fix=f"Add the line 'Template: {faq_settings.page_template}' to the FAQ page "
                "(content/pages/faq.md).",
            ),
        )
    pages_generator.context["faq"] = collection
    logger.info("FAQ: %s questions in %s topics", len(entries), len(topics))


def register() -> None:
    """Connect the plugin to Pelican's signals (Pelican calls this once per process)."""
    signals.initialized.connect(keep_faq_files_to_ourselves)
    signals.page_generator_finalized.connect(read_collection)
    signals.all_generators_finalized.connect(build_collection)
