"""The practice's details and prices, read from content/practice.toml into the settings.

Everything the therapist edits lives in the content folder, including the
practice's facts: `[practice]` (name, therapist, licence, contact details,
booking link, live address, where sessions happen) and `[pricing]` (every
price, length and count the cost calculator and the pages use).

At Pelican's `initialized` signal, this plugin reads the file of the content
folder being built (the PATH setting, so `tools.build --content DIR` and a bare
`pelican` both work), checks it, and sets:

- `PRACTICE`: the [practice] table (without its `unconfirmed` list);
- `PRICING`: the [pricing] table (without its `unconfirmed` list);
- `PRACTICE_PHONE_TEL`: the phone number as tel: links dial it (+1 and 10 digits);
- `SITENAME` and `AUTHOR`: the practice's name; the therapist and credentials;
- `SITEURL`: `site_url`, when the settings ask for it (`SITEURL_FROM_PRACTICE`,
  the production build) and no SITEURL is given (the environment's, in publishconf.py).

Other plugins that read these settings at `initialized` call `ensure_loaded`
first: Pelican's signals do not promise an order.

Modules: schema (the keys, declared once), values (how each kind of value is
checked; what a placeholder is), toml_lines (the line of a key), loading (read
and check the file).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from ..problems import ContentProblems
from .loading import PracticeFile, read_practice
from .values import phone_digits

logger = logging.getLogger(__name__)

__all__ = ["PracticeFile", "apply_to_settings", "ensure_loaded", "read_practice"]

_LOADED = "_PRACTICE_FILE"  # the settings key that records the file already applied


def apply_to_settings(settings: dict, practice_file: PracticeFile) -> None:
    """Put the file's values into Pelican's settings, where the theme and plugins read them."""
    practice = practice_file.practice
    settings["PRACTICE"] = practice
    settings["PRICING"] = practice_file.pricing
    settings["PRACTICE_PHONE_TEL"] = "+1" + phone_digits(practice["phone"])
    settings["SITENAME"] = practice["name"]
    settings["AUTHOR"] = f"{practice['therapist']}, {practice['credentials']}"
    if settings.get("SITEURL_FROM_PRACTICE") and not settings.get("SITEURL"):
        settings["SITEURL"] = practice["site_url"].rstrip("/")
    settings[_LOADED] = str(practice_file.path)


def ensure_loaded(settings: dict) -> None:
    """Read, check and apply practice.toml once per build; stop the build with every problem."""
    if settings.get(_LOADED):
        return
    practice_file = read_practice(Path(settings["PATH"]))
    if practice_file.problems:
        raise ContentProblems(practice_file.problems)
    apply_to_settings(settings, practice_file)
    logger.debug("Practice details read from %s", practice_file.path)


def load(pelican) -> None:
    """The `initialized` receiver."""
    ensure_loaded(pelican.settings)


def register() -> None:
    """Pelican's entry point for the plugin."""
    signals.initialized.connect(load)
