"""Cost estimate: every price on the site from the PRICING setting, and the cost calculator.

One module per concern:
- settings.py      checks PRICING and reports mistakes plainly;
- model.py         the line-item model and its evaluation (the no-JavaScript table);
- placeholders.py  the `{price:NAME}` Markdown extension;
- widget.py        the calculator on a page, in place of a `{cost_calculator}` paragraph
                   (its template, styles and script: theme/templates/components/cost-calculator/README.md).

This module wires them to Pelican's signals.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .. import practice  # a module import: practice.loading imports our settings module
from ..problems import ContentProblems
from .model import build_model
from .placeholders import PricePlaceholderExtension, locate_unknown, placeholder_values
from .settings import validate_pricing
from .widget import insert_widgets

logger = logging.getLogger(__name__)


def _state(pelican_settings: dict) -> dict:
    return pelican_settings["_COST_ESTIMATE"]


def setup(pelican) -> None:
    """Check PRICING, build the model, and add the placeholder extension to MARKDOWN."""
    settings = pelican.settings
    practice.ensure_loaded(settings)  # PRICING comes from content/practice.toml
    problems = validate_pricing(settings.get("PRICING"))
    if problems:
        raise ContentProblems(problems)
    pricing = settings["PRICING"]
    model = build_model(pricing)
    extension = PricePlaceholderExtension(placeholder_values(pricing, model))
    markdown = settings.setdefault("MARKDOWN", {})
    # Replace (not add to) an extension of ours left by an earlier run of the
    # same process, such as `make devserver` after the settings changed.
    extensions = [e for e in markdown.get("extensions", []) if not isinstance(e, PricePlaceholderExtension)]
    markdown["extensions"] = [*extensions, extension]
    settings["_COST_ESTIMATE"] = {"pricing": pricing, "model": model, "extension": extension}
    logger.debug("Pricing checked; %s placeholder names", len(extension.values))


def place_widgets(generator) -> None:
    """Put the calculator on the pages that ask for it."""
    state = _state(generator.settings)
    content_root = Path(generator.settings["PATH"])

    def editor_path(page) -> str:
        path = Path(page.source_path)
        return (Path(content_root.name) / path.relative_to(content_root)).as_posix()

    problems = insert_widgets(generator, state["pricing"], state["model"], editor_path)
    if problems:
        raise ContentProblems(problems)


def report_unknown_placeholders(sender) -> None:
    """Stop the build if any Markdown named a price that does not exist.

    Runs after all content is read (before anything is written) and again at
    the very end, for content other plugins read late.
    """
    settings = sender.settings if hasattr(sender, "settings") else sender[0].settings
    state = _state(settings)
    extension = state["extension"]
    if not extension.unknown:
        return
    names = list(extension.unknown)
    extension.unknown.clear()
    raise ContentProblems(locate_unknown(names, Path(settings["PATH"]), sorted(extension.values)))


def register() -> None:
    """Pelican's entry point for the plugin."""
    signals.initialized.connect(setup)
    signals.page_generator_finalized.connect(place_widgets)
    signals.all_generators_finalized.connect(report_unknown_placeholders)
    signals.finalized.connect(report_unknown_placeholders)
