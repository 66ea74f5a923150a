"""Build the site the way the Makefile does, with errors a non-programmer can act on.

Pelican on its own answers a wrong setting with a Python traceback and a
content mistake with a log line, and then skips the file. This wrapper:

- checks the basics first (settings file, content folder, unfinished placeholders);
- runs Pelican with its log captured, and turns every warning and error into a
  plain problem naming the file (and line), what is wrong and how to fix it;
- checks the built pages for links to pages that do not exist, missing
  pictures and pictures without a description;
- builds into a temporary folder next to the output folder and moves it in only
  when everything succeeded (tools/output_swap.py), so a failed build leaves the
  previous site exactly as it was (`--check` builds, checks and throws the result away);
- after a production build, prints the go-live list (tools/go_live.py): what is
  not yet real, which keeps every upload command from running.

Every problem is a `Problem` (file, line, field, what, fix) from where it is found
to where it is shown: `--problems-json FILE` writes them as a JSON list (with an
empty list on success), which is how `make devserver` learns about them.

Usage: python -m tools.build [--settings FILE] [--content DIR] [--output DIR] [--check]
                             [--problems-json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tools.output_swap import clean_up_when_killed, fresh_build_folder, publish_build
from tools.pelican_log import CapturingHandler, failed_sources, translate
from tools.problems import ROOT, ContentProblems, Problem, display_path, find_field_line

# tools.go_live and tools.site_problems are imported where they are used: both import
# Pelican, which should load after the collector's thresholds are set (GC_THRESHOLDS).

logger = logging.getLogger(__name__)

# Written into development builds after a successful build; the reload script polls it.
BUILD_STAMP = "dev-build.json"

# A build is one short process that allocates much and frees little. With Python's
# default thresholds (700, 10, 10) the cycle collector ran about 100 times a build
# (12 ms, timed with gc.callbacks), mostly walking again the objects the imports made;
# with these (as mypy does) it runs only in builds with thousands of pages.
GC_THRESHOLDS = (100_000, 20, 20)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "output"))
    parser.add_argument(
        "--check", action="store_true", help="build and check into a temporary folder; leave --output alone"
    )
    parser.add_argument(
        "--problems-json", help="also write the problems found (a JSON list, empty on success) to this file"
    )
    return parser.parse_args(argv)


def preflight(settings: Path, content: Path) -> list[Problem]:
    """Problems that would make Pelican fail with a traceback, found before it runs."""
    problems = []
    if not settings.is_file():
        problems.append(
            Problem(
                file=str(settings),
                what="The settings file is missing.",
                fix="Run the command from the site's main folder, where pelicanconf.py and publishconf.py "
                "are.",
            )
        )
    if not content.is_dir():
        problems.append(
            Problem(
                file=str(content),
                what="The content folder does not exist.",
                fix="The site's pages must be in a folder called 'content' next to the Makefile; restore it "
                "or check its name.",
            )
        )
    return problems


class _BuildWatcher:
    """Listens to Pelican's signals during one build.

    It records which source file each built page comes from (so problems found
    in the HTML can name the Markdown file), replaces unknown templates with
    the normal page layout after noting the problem (Pelican would otherwise
    stop at the first one with a traceback), and drops links to pictures that
    do not exist from Pelican's copy list (Pelican would crash on them; the
    built-page check reports them instead).
    """

    def __init__(self, content: Path) -> None:
        self.content = content
        self.page_sources: dict[str, str] = {}
        self.slugs: dict[str, str] = {}  # source path -> slug, for two pages with one address
        self.problems: list[Problem] = []
        self.siteurl = ""

    def connect(self) -> list:
        from pelican import signals

        pairs = [
            (signals.article_generator_finalized, self.drop_missing_static_links),
            (signals.page_generator_finalized, self.drop_missing_static_links),
            (signals.all_generators_finalized, self.inspect_generators),
        ]
        for signal, receiver in pairs:
            signal.connect(receiver, weak=False)
        return pairs

    def drop_missing_static_links(self, generator) -> None:
        links = generator.context.get("static_links", set())
        for link in list(links):
            if not (Path(generator.path) / link).is_file():
                links.discard(link)

    def inspect_generators(self, generators) -> None:
        from pelican.generators import PelicanTemplateNotFound

        for generator in generators:
            self.siteurl = generator.settings.get("SITEURL", "") or self.siteurl
            for attribute in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
                for item in getattr(generator, attribute, None) or []:
                    if item.save_as:
                        self.page_sources[item.save_as] = item.source_path
                    self.slugs[item.source_path] = getattr(item, "slug", "") or ""
                    try:
                        generator.get_template(item.template)
                    except PelicanTemplateNotFound:
                        self.problems.append(self._template_problem(item, generator))
                        item.template = getattr(item, "default_template", "page")

    def _template_problem(self, item, generator) -> Problem:
        source = Path(item.source_path)
        theme = Path(generator.settings["THEME"]) / "templates"
        layouts = sorted(p.stem for p in theme.glob("*.html") if p.stem != "base")
        return Problem(
            file=display_path(source, self.content),
            field="Template",
            line=find_field_line(source, "Template"),
            what=f"The page asks for the layout (Template:) '{item.template}', which the theme lacks.",
            fix="Remove the 'Template:' line to use the normal page layout, or name one of these layouts: "
            + ", ".join(layouts)
            + ".",
        )


def build(
    settings: Path, content: Path, output: Path, notices: list[Problem] | None = None
) -> tuple[list[Problem], dict]:
    """Run Pelican in this process into `output` and check the result.

    Returns every problem found (empty when all went well) and Pelican's
    settings as read, so the caller can see e.g. whether this is a
    development build. Notes that do not stop the build are added to `notices`.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    from tools.site_problems import site_problems

    handler = CapturingHandler()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    watcher = _BuildWatcher(content)
    connections = watcher.connect()
    problems: list[Problem] = []
    pelican_settings: dict = {}
    completed = False
    try:
        # DEBUG makes Pelican attach the reason to "Could not process" records.
        override = {"PATH": str(content.resolve()), "OUTPUT_PATH": str(output.resolve()), "DEBUG": True}
        # Pelican prints its own summary ("Processed 0 articles …"): not for the therapist.
        with contextlib.redirect_stdout(io.StringIO()):
            pelican_settings = read_settings(str(settings), override=override)
            Pelican(pelican_settings).run()
        completed = True
    except ContentProblems as error:
        problems.extend(error.problems)
    except Exception as error:  # noqa: BLE001 - every failure becomes a plain message
        problems.append(
            Problem(
                file="the site's build",
                what=f"The build stopped early: {error}.",
                fix="This is often caused by the problems listed above it; fix those first, then build "
                "again.",
            )
        )
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        for signal, receiver in connections:
            signal.disconnect(receiver)

    translated = translate(handler.records, content, watcher.slugs)
    if notices is not None:
        notices.extend(dict.fromkeys(translated.notices))
    problems = [*translated.problems, *watcher.problems, *problems]
    covered: set[str] = set()
    if completed:
        failed = failed_sources(handler.records, content)
        found, covered = site_problems(output, content, watcher.page_sources, watcher.siteurl, failed)
        problems.extend(found)
    else:
        problems.extend(translated.alt_problems)
    failed_names = {p.name for p in failed_sources(handler.records, content)}
    for target, problem in translated.link_problems:
        base = target.split("#")[0]
        if target in covered or base in covered or Path(base).name in failed_names:
            continue
        problems.append(problem)
    return _in_file_order(problems), pelican_settings


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats, by file, then line, so the therapist can work through them in order."""

    def key(problem: Problem):
        # The build's own problems ("the site's build") come last: they often follow from the others.
        return (problem.file == "the site's build", problem.file, problem.line or 0)

    unique = {str(problem): problem for problem in problems}  # one line per mistake
    return sorted(unique.values(), key=key)


def _fresh_folder(output: Path, check: bool) -> Path:
    """An empty folder for the new build: beside `output` (so it can be swapped in), or anywhere."""
    if check:
        return Path(tempfile.mkdtemp(prefix="site-check-"))
    return fresh_build_folder(output)


def _random_hex(size: int) -> str:
    """`size` random bytes as hex: a unique name or stamp (not `uuid`, which imports `platform`, ~5 ms)."""
    return os.urandom(size).hex()


def replace_output(new: Path, output: Path) -> None:
    """Put the finished build `new` in place of `output`; `output` is never missing (tools/output_swap.py)."""
    publish_build(new, output)


def write_build_stamp(folder: Path, notes: list[Problem]) -> None:
    """Mark a successful development build, so that open pages reload themselves, with the
    notes of the build (what was taken out of an answer), which they show."""
    stamp = {"status": "ok", "build": _random_hex(16), "notes": [note.as_dict() for note in notes]}
    (folder / BUILD_STAMP).write_text(json.dumps(stamp), encoding="utf-8")


def _shown(folder: Path) -> str:
    """`folder` as the editor knows it: `output/` when it is in the current folder."""
    try:
        return folder.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(folder)


def write_problems_json(path: str | None, problems: list[Problem]) -> None:
    """The problems as data, for a program that shows them (the preview server)."""
    if path:
        Path(path).write_text(json.dumps([p.as_dict() for p in problems]), encoding="utf-8")


def report(problems: list[Problem], output: Path, check: bool) -> None:
    """Print the problems, numbered, and what happened to the output folder."""
    shown = _shown(output)
    count = len(problems)
    heading = "this problem" if count == 1 else f"these {count} problems"
    print(f"The site was NOT built. Please fix {heading}:", file=sys.stderr)
    for number, problem in enumerate(problems, 1):
        print(f"  {number}. {problem}", file=sys.stderr)
    if check:
        print(f"(Only a check: {shown} was not touched.)", file=sys.stderr)
    elif output.exists():
        print(
            f"Nothing was changed: {shown} is exactly as it was before, and nothing was uploaded.",
            file=sys.stderr,
        )
    else:
        print(f"Nothing was written to {shown}, and nothing was uploaded.", file=sys.stderr)


def print_reading_grades(folder: Path) -> None:
    """`make check` only: each page's reading grade, as advice (tools/readability.py)."""
    from tools.readability import page_grades, report  # imports textstat: only when checking

    print("\n".join(report(page_grades(folder))))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings, content, output = Path(args.settings), Path(args.content), Path(args.output).absolute()
    problems = preflight(settings, content)
    write_problems_json(args.problems_json, problems)
    if problems:
        report(problems, output, args.check)
        return 1
    clean_up_when_killed()
    folder = _fresh_folder(output, args.check)
    try:
        notices: list[Problem] = []
        found, pelican_settings = build(settings, content, folder, notices)
        problems = _in_file_order(found)
        write_problems_json(args.problems_json, problems)
        for notice in notices:
            print(f"Note: {notice}", file=sys.stderr if problems else sys.stdout)
        if problems:
            report(problems, output, args.check)
            return 1
        if args.check:
            print_reading_grades(folder)
            print(f"All checks passed: the site can be published. ({_shown(output)} was not touched.)")
        else:
            if pelican_settings.get("DEV_RELOAD"):
                write_build_stamp(folder, notices)
            replace_output(folder, output)
            print(f"The site was built in {_shown(output)}.")
    finally:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
    if pelican_settings.get("GO_LIVE_CHECK"):
        from tools.go_live import go_live_list, print_go_live_list

        print_go_live_list(go_live_list(content), _shown(output), built=not args.check)
    return 0


if __name__ == "__main__":
    gc.set_threshold(*GC_THRESHOLDS)  # only when the build is a process of its own
    sys.exit(main())
