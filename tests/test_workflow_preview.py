"""Live preview: the reload script is only in development builds, and the preview server follows edits."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from urllib.error import URLError

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, load_settings
from support import content_copy, edit, make

RELOAD_SCRIPT = "dev-reload.js"


def test_development_build_carries_the_reload_script(tmp_path):
    output = tmp_path / "dev"
    result = build_site(output, settings="pelicanconf.py")
    assert result.returncode == 0, result.stderr
    assert (output / "theme" / "js" / RELOAD_SCRIPT).is_file()
    assert json.loads((output / "dev-build.json").read_text(encoding="utf-8"))["status"] == "ok"
    for page in output.glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        scripts = [s for s in soup.find_all("script", src=True) if s["src"].endswith(RELOAD_SCRIPT)]
        assert len(scripts) == 1, page.name
        assert scripts[0].has_attr("defer") and scripts[0]["data-build-stamp"].endswith("dev-build.json")


def test_publish_build_has_no_trace_of_the_reload_script(site):
    files = [p for p in site.rglob("*") if p.is_file()]
    assert files
    assert not any(p.name in (RELOAD_SCRIPT, "dev-build.json") for p in files)
    for path in files:
        assert b"dev-reload" not in path.read_bytes(), path
        assert b"dev-build" not in path.read_bytes(), path


class Preview:
    """tools/devserver.py running on a free loopback port, for a temporary content folder."""

    def __init__(self, content, output):
        command = [sys.executable, "-u", "-m", "tools.devserver", "--content", str(content)]
        command += ["--output", str(output), "--port", "0", "--bind", "127.0.0.1"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self._wait_for_url()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)

    def _wait_for_url(self) -> str:
        for _ in range(600):  # bounded: the first build takes a few seconds
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, "".join(self.log)
                continue
            self.log.append(line)
            if "Preview at http://" in line:
                return line.split("Preview at ", 1)[1].split()[0].rstrip("/")
        raise AssertionError("the preview server did not start:\n" + "".join(self.log))

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def wait_until(self, path: str, condition) -> str:
        body = ""
        for _ in range(240):  # bounded polling, no timing assertion
            try:
                body = self.get(path)
            except URLError:
                body = ""
            if condition(body):
                return body
            time.sleep(0.25)
        while not self.lines.empty():
            self.log.append(self.lines.get())
        raise AssertionError(f"{path} never matched; server said:\n" + "".join(self.log))

    def wait_for_line(self, text: str) -> str:
        """The first line the server prints that holds `text` (bounded wait, no timing assertion)."""
        for _ in range(240):
            try:
                line = self.lines.get(timeout=0.25)
            except queue.Empty:
                continue
            self.log.append(line)
            if text in line:
                return line
        raise AssertionError(f"the server never printed {text!r}:\n" + "".join(self.log))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def preview(tmp_path):
    content = content_copy(tmp_path)
    server = Preview(content, tmp_path / "output")
    yield server, content
    server.stop()


def test_devserver_picks_up_a_changed_markdown_file(preview):
    server, content = preview
    assert "standard therapy intake" in server.get("/process.html")
    edit(content / "pages" / "process.md", "a standard therapy intake", "a NEWLY EDITED therapy intake")
    body = server.wait_until("/process.html", lambda text: "NEWLY EDITED" in text)
    assert "standard therapy intake" not in body


def test_devserver_shows_problems_and_keeps_the_last_good_page(preview):
    server, content = preview
    edit(content / "pages" / "process.md", "Title: The KAP process, step by step\n", "")
    stamp = server.wait_until("/dev-build.json", lambda text: '"failed"' in text)
    problems = json.loads(stamp)["problems"]  # as data: file, line, field, what, fix
    assert any(
        p["file"] == "content/pages/process.md" and p["what"].startswith("The page has no title")
        for p in problems
    ), problems
    assert "standard therapy intake" in server.get("/process.html")  # the last good version is still served


def test_open_page_reloads_itself_after_a_rebuild(preview, page):
    server, content = preview
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(server.url + "/process.html")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate("() => { window.notReloadedYet = true; }")
    edit(content / "pages" / "process.md", "a standard therapy intake", "a RELOADED therapy intake")
    page.wait_for_function("() => document.body.innerText.includes('RELOADED')", timeout=60_000)
    assert page.evaluate("() => window.notReloadedYet === undefined")  # a real reload, not a patch
    edit(content / "pages" / "process.md", "Title: The KAP process, step by step\n", "")
    panel = page.locator(".dev-build-problems[role=alert]")
    panel.wait_for(timeout=60_000)
    assert "content/pages/process.md: The page has no title" in panel.inner_text()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_preview_shows_what_was_taken_out_of_an_answer_until_it_is_gone(preview, page):
    # A note is not a stop: the page is rebuilt, and the editor sees in the preview,
    # not only in the terminal, which file had what taken out.
    server, content = preview
    answer = content / "faq" / "is-ketamine-addictive.md"
    clean = answer.read_text(encoding="utf-8")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(server.url + "/faq.html")
    page.wait_for_function("() => document.readyState === 'complete'")
    answer.write_text(clean + '\nSee <b onclick="steal()">this</b>.\n', encoding="utf-8")
    stamp = json.loads(server.wait_until("/dev-build.json", lambda text: '"notes": [{' in text))
    assert stamp["status"] == "ok"
    [note] = stamp["notes"]
    assert note["file"] == "content/faq/is-ketamine-addictive.md" and "onclick" in note["what"]
    panel = page.locator(".dev-build-notes[role=status]")
    panel.wait_for(timeout=60_000)
    assert "content/faq/is-ketamine-addictive.md: removed" in panel.inner_text()
    assert "onclick" in panel.inner_text()
    assert "onclick" not in server.get("/faq.html")  # the page went on without it
    assert "onclick" in server.wait_for_line("Note: content/faq/is-ketamine-addictive.md")

    answer.write_text(clean, encoding="utf-8")
    panel.wait_for(state="detached", timeout=60_000)
    assert json.loads(server.get("/dev-build.json"))["notes"] == []
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_preview_builds_never_touch_output(tmp_path):
    """`make html` writes to preview/; output/ only ever holds a production build."""
    content = content_copy(tmp_path)
    preview, output = tmp_path / "preview", tmp_path / "output"
    result = make("html", f"INPUTDIR={content}", f"PREVIEWDIR={preview}", f"OUTPUTDIR={output}")
    assert result.returncode == 0, result.stderr
    assert (preview / "dev-build.json").is_file() and (preview / "index.html").is_file()
    assert not output.exists()
    for target in ("html", "devserver", "regenerate"):
        planned = make("-n", target).stdout
        assert f'--output "{ROOT / "preview"}"' in planned, target
        assert f'"{ROOT / "output"}"' not in planned, target
    assert load_settings("pelicanconf.py")["OUTPUT_PATH"] == "preview"  # a bare `pelican` too
    assert load_settings("publishconf.py")["OUTPUT_PATH"] == "output"
