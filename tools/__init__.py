"""Command-line helpers the Makefile runs (building, checking, publishing).

They share our plugins' modules (content_problems, the _headers reader), so the
plugins folder goes on sys.path here, once, the way pelicanconf.py puts it there
for Pelican.
"""

import sys
from pathlib import Path

_PLUGINS_DIR = str(Path(__file__).resolve().parent.parent / "plugins")
if _PLUGINS_DIR not in sys.path:
    sys.path.insert(0, _PLUGINS_DIR)
