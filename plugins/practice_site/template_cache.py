"""Compiled templates kept between builds (Jinja's bytecode cache).

Pelican compiles every template of the theme on each build, and the theme's
components (the cost calculator above all) are large. Jinja can keep the
compiled code in a cache folder and reuse it while the template is unchanged
(it compares each template's checksum), so editing a template still takes
effect at once. The cache lives in the system's temporary folder, in a folder
private to the user (Jinja's default).
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache
from pelican import signals


def cache_compiled_templates(pelican) -> None:
    """Give Pelican's Jinja environment a bytecode cache, unless the settings set one."""
    environment = dict(pelican.settings.get("JINJA_ENVIRONMENT") or {})
    environment.setdefault("bytecode_cache", FileSystemBytecodeCache())
    pelican.settings["JINJA_ENVIRONMENT"] = environment


def register() -> None:
    signals.initialized.connect(cache_compiled_templates)
