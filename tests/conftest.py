"""Shared fixtures: build the real site once per test session, as `make publish` does."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
SITEURL = "https://www.example.com"


def build_site(
    output: Path,
    *,
    content: Path | None = None,
    settings: str = "publishconf.py",
    extra_env: dict[str, str] | None = None,
    extra_args: list[str] | None = None,
) -> subprocess.CompletedProcess:
    """Run the build as `make publish` does and return the finished process.

    `content` defaults to the real `content/` folder; tests that need broken
    content pass a copy of their own.
    """
    env = {**os.environ, "SITEURL": SITEURL, **(extra_env or {})}
    cmd = [
        sys.executable,
        "-m",
        "tools.build",
        "--content",
        str(content or ROOT / "content"),
        "--output",
        str(output),
        "--settings",
        str(ROOT / settings),
        *(extra_args or []),
    ]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def load_settings(name: str = "pelicanconf.py") -> dict:
    """The settings a file of the project defines, read by its path (as Pelican reads them)."""
    return {key: value for key, value in runpy.run_path(str(ROOT / name)).items() if key.isupper()}


def write_settings(path: Path, *lines: str, base: str = "publishconf.py") -> Path:
    """A settings file at `path` that starts from the project's `base` settings, then runs `lines`."""
    header = [
        '"""Test settings: the project\'s own, then the overrides below."""',
        "import runpy",
        f"globals().update((k, v) for k, v in runpy.run_path({str(ROOT / base)!r}).items() if k.isupper())",
        # Relative paths in a settings file are read from its own folder.
        f"THEME = {str(ROOT / 'theme')!r}",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The production site, built once into a temporary folder."""
    output = tmp_path_factory.mktemp("site")
    result = build_site(output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def html_pages(site) -> dict[str, Path]:
    """Every HTML page of the built site, keyed by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="session")
def soups(html_pages) -> dict[str, BeautifulSoup]:
    """Every HTML page parsed, keyed like `html_pages`."""
    return {
        name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for name, path in html_pages.items()
    }


# --- Browser tests -----------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium (pytest-playwright's own fixture, overridden)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@contextmanager
def served_build(output: Path, content: Path | None = None):
    """Build the production site for a loopback server that serves it; yield the server's URL.

    The production build writes absolute URLs, so the server starts first (on a free
    port) and the site is built with SITEURL set to its address.
    """
    from tools.site_server import serve

    output.mkdir(parents=True, exist_ok=True)
    with serve(output) as url:
        result = build_site(output, content=content, extra_env={"SITEURL": url})
        assert result.returncode == 0, result.stdout + result.stderr
        yield url


@pytest.fixture(scope="session")
def site_url(site):
    """Base URL of the loopback server that serves the production build, with its `_headers`.

    Browsers open pages at their production address (SITEURL); `browser_site.route_to_site`
    answers those requests from this server.
    """
    from tools.site_server import serve

    with serve(site) as url:
        yield url


@pytest.fixture
def context(context, site_url):
    """pytest-playwright's browser context, with SITEURL served from the loopback server."""
    from browser_site import route_to_site

    route_to_site(context, site_url)
    yield context
    # A request still in flight (a favicon, say) must not fail the next test.
    context.unroute_all(behavior="ignoreErrors")
