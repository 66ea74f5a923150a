"""Build the site the way the Makefile does, with errors a non-programmer can act on.

Pelican on its own answers a wrong setting with a Python traceback. This
wrapper checks the basics first and turns any failure into a short message
that names the file or setting, says what is wrong and how to fix it.

Usage: python -m tools.build [--settings FILE] [--content DIR] [--output DIR]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _content_problems_class():
    """Our plugins' exception class, imported the way Pelican imports plugins."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from content_problems import ContentProblems

    return ContentProblems


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "output"))
    return parser.parse_args(argv)


def preflight(settings: Path, content: Path) -> list[str]:
    """Problems that would make Pelican fail with a traceback, found before it runs."""
    problems = []
    if not settings.is_file():
        problems.append(
            f"{settings}: the settings file is missing. How to fix it: run the command from the site's main "
            "folder, where pelicanconf.py and publishconf.py are."
        )
    if not content.is_dir():
        problems.append(
            f"{content}: the content folder does not exist. How to fix it: the site's pages must be in a "
            "folder called 'content' next to the Makefile; restore it or check its name."
        )
    return problems


def build(settings: Path, content: Path, output: Path) -> list[str]:
    """Run Pelican in this process; return the problems found (empty when all went well)."""
    import pelican

    content_problems = _content_problems_class()

    args = pelican.parse_arguments([str(content), "-o", str(output), "-s", str(settings), "-q"])
    pelican.init_logging(level=logging.WARNING, name="pelican")
    try:
        instance, _ = pelican.get_instance(args)
        instance.run()
    except content_problems as error:
        return [str(p) for p in error.problems]
    except Exception as error:  # noqa: BLE001 - every failure becomes a plain message
        return [f"The site could not be built: {error}"]
    return []


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings, content, output = Path(args.settings), Path(args.content), Path(args.output)
    problems = preflight(settings, content)
    if not problems:
        problems = build(settings, content, output)
    if problems:
        print("The site was NOT built. Please fix the following:", file=sys.stderr)
        for number, problem in enumerate(problems, 1):
            print(f"  {number}. {problem}", file=sys.stderr)
        return 1
    print(f"The site was built in {output}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
