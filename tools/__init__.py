"""Command-line helpers the Makefile runs (building, checking, publishing, previewing).

They share the plugins' modules (`practice_site.problems`, the `_headers` reader).
Both packages are installed into `.venv` in editable mode (see pyproject.toml),
so `tools` and `practice_site` import the same way everywhere: from Pelican,
from `python -m tools.build`, from the tests and from the bench.
"""
