"""Live preview: serve the development site, rebuild on every change, and let open pages reload.

`make devserver` runs this. It builds once, serves the preview folder on
http://127.0.0.1:8000/ (PORT and BIND can be changed), and watches content/,
theme/, plugins/ and the settings files. After each change it rebuilds in a
fresh Python process: Pelican does not watch plugin folders and keeps plugin
modules loaded, so an in-process rebuild would show stale plugin code.

A failed rebuild leaves the last good site in place (tools/build.py swaps a
build in only on success). The build hands its problems over as data (a JSON
list of problems, `--problems-json`); they are printed here and written to
dev-build.json, which the page's reload script (theme/static/js/dev-reload.js)
shows at the top of the page. A good build's notes (what was taken out of an
answer) travel the same way, in the stamp the build writes, and show there too.

Usage: python -m tools.devserver [--settings FILE] [--content DIR] [--output DIR]
                                 [--port N] [--bind ADDRESS] [--no-serve]
"""

from __future__ import annotations

import argparse
import functools
import json
import signal
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import watchfiles

from tools.build import BUILD_STAMP
from tools.problems import ROOT, Problem
from tools.site_server import SiteRequestHandler


class PreviewHandler(SiteRequestHandler):
    """Serves the output folder like the host will (headers, 404 page), never cached."""

    def end_headers(self):
        # The preview changes all the time: the browser must always ask again.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "preview"))
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--no-serve", action="store_true", help="only rebuild on changes")
    return parser.parse_args(argv)


def say(text: str) -> None:
    print(text, flush=True)


def rebuild(settings: Path, content: Path, output: Path) -> bool:
    """Build in a fresh process; on failure, tell the terminal and the open pages why."""
    with tempfile.TemporaryDirectory(prefix="preview-") as folder:
        problems_file = Path(folder) / "problems.json"
        command = [sys.executable, "-m", "tools.build", "--settings", str(settings)]
        command += ["--content", str(content), "--output", str(output), "--problems-json", str(problems_file)]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        problems = _problems_from(problems_file, result)
    if result.returncode == 0:
        for note in _notes_from(output):
            say(f"Note: {note}")  # what was removed from an answer: the build went on
        say("Preview updated: the open page reloads by itself.")
        return True
    say(
        "The site was NOT rebuilt. Please fix "
        + ("this problem:" if len(problems) == 1 else "these problems:")
    )
    for number, problem in enumerate(problems, 1):
        say(f"  {number}. {problem}")
    say("The preview still shows the last good version. Fix the problems above and save again.")
    write_failure_stamp(output, problems)
    return False


def _problems_from(problems_file: Path, result: subprocess.CompletedProcess) -> list[Problem]:
    """The build's problems as it wrote them; if it could not (it crashed), what it printed."""
    try:
        return [Problem.from_dict(item) for item in json.loads(problems_file.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        if result.returncode == 0:
            return []
        printed = (result.stderr or result.stdout).strip() or f"it stopped with exit code {result.returncode}"
        return [
            Problem(
                file="the site's build",
                what=f"The build failed before it could list its problems: {printed}",
                fix="Undo your last change to the theme, the plugins or the settings, and save again.",
            )
        ]


def _notes_from(output: Path) -> list[Problem]:
    """The notes of the build now shown, as it wrote them into its stamp (dev-build.json)."""
    try:
        stamp = json.loads((output / BUILD_STAMP).read_text(encoding="utf-8"))
        return [Problem.from_dict(item) for item in stamp.get("notes", [])]
    except (OSError, ValueError, TypeError, AttributeError):
        return []


def write_failure_stamp(output: Path, problems: list[Problem]) -> None:
    """Record a failed build in the served folder, keeping the id of the build it still shows."""
    output.mkdir(parents=True, exist_ok=True)
    stamp_file = output / BUILD_STAMP
    try:
        shown = json.loads(stamp_file.read_text(encoding="utf-8")).get("build")
    except (OSError, ValueError):
        shown = None
    stamp = {"status": "failed", "build": shown, "problems": [problem.as_dict() for problem in problems]}
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    if not (output / "index.html").exists():
        (output / "index.html").write_text(
            "<!doctype html><html lang='en'><title>Preview</title><h1>The site could not be built yet</h1>"
            "<p>See the problems in the terminal, fix them and save, then refresh this page.</p></html>",
            encoding="utf-8",
        )


def watched_paths(settings: Path, content: Path) -> list[Path]:
    """Everything a change to which changes the site."""
    paths = {content.resolve(), (ROOT / "theme").resolve(), (ROOT / "plugins").resolve()}
    paths |= {(ROOT / "pelicanconf.py").resolve(), (ROOT / "publishconf.py").resolve(), settings.resolve()}
    return sorted(p for p in paths if p.exists())


def fingerprint(paths: list[Path]) -> tuple:
    """Name, size and modification time of every watched file: equal means nothing changed."""
    entries = []
    for path in paths:
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            try:
                info = file.stat()
            except OSError:
                continue  # deleted while we looked
            entries.append((str(file), info.st_size, info.st_mtime_ns))
    return tuple(sorted(entries))


def serve(output: Path, bind: str, port: int) -> ThreadingHTTPServer:
    """Start serving `output` in a background thread and return the server."""
    output.mkdir(parents=True, exist_ok=True)
    # The handler looks the folder up by name on every request, so a build swapped in is served at once.
    handler = functools.partial(PreviewHandler, directory=str(output))
    server = ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _shown(path: str, content: Path) -> str:
    """A changed file as the editor knows it (`content/pages/home.md`, `theme/...`)."""
    for base in (ROOT, content.parent):
        try:
            return Path(path).relative_to(base).as_posix()
        except ValueError:
            continue
    return path


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings, content = Path(args.settings).absolute(), Path(args.content).absolute()
    output = Path(args.output).absolute()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    say("Building the preview …")
    paths = watched_paths(settings, content)
    built = fingerprint(paths)
    rebuild(settings, content, output)
    server = None
    if not args.no_serve:
        server = serve(output, args.bind, args.port)
        host, port = server.server_address[:2]
        say(f"Preview at http://{host}:{port}/ - leave this window open; press Ctrl+C to stop.")
    say("Watching content/, theme/, plugins/ and the settings for changes.")
    try:
        while not stop.is_set():
            # A new watcher each round: editors that save by replacing a file
            # would otherwise leave a watch on the old, deleted file. The watcher
            # also wakes every second, and the files are compared with the last
            # build, so a save made during a rebuild (or before the watcher
            # started) is never lost.
            for changes in watchfiles.watch(
                *watched_paths(settings, content), stop_event=stop, rust_timeout=1000, yield_on_timeout=True
            ):
                current = fingerprint(watched_paths(settings, content))
                if current == built:
                    continue
                built = current
                names = sorted({_shown(path, content) for _, path in changes}) or ["files"]
                say(f"Changed: {', '.join(names)} - rebuilding …")
                rebuild(settings, content, output)
                break
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
    say("Preview stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
