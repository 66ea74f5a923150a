"""Apache and nginx, the real servers from Debian, serving the built site with the generated configuration.

Each server runs once per test session on a free loopback port (tests/real_servers.py)
and is stopped by the fixture's finalizer. Every file of the site is asked for, with
and without compression, and what comes back is compared with what the build wrote.
"""

from __future__ import annotations

import gzip
import http.client
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
import real_servers
from conftest import load_settings
from practice_site.security_headers import security_headers
from practice_site.security_headers.caching import HASHED_ASSETS, REVALIDATE

SERVERS = ("apache", "nginx")
COMPRESSED_KINDS = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": ["text/javascript", "application/javascript"],  # both are served; RFC 9239 prefers the first
    ".svg": "image/svg+xml",
    ".xml": ["text/xml", "application/xml"],
    ".json": "application/json",
}
DECODERS = {"br": brotli.decompress, "gzip": gzip.decompress}
NOT_SERVED = {".br", ".gz"}
HOST_FILES = {"_headers", ".htaccess"}


@pytest.fixture(scope="session")
def apache_url(site):
    with real_servers.apache(site) as url:
        yield url


@pytest.fixture(scope="session")
def nginx_url(site):
    with real_servers.nginx(site) as url:
        yield url


@pytest.fixture(params=SERVERS)
def server(request) -> tuple[str, str]:
    """(name, base URL) of each real server in turn."""
    return request.param, request.getfixturevalue(f"{request.param}_url")


def get(base: str, path: str, encoding: str | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
    """GET `path` with this Accept-Encoding (or none); the status, headers and raw body."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def site_files(site: Path) -> list[Path]:
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix not in NOT_SERVED and p.name not in HOST_FILES
    ]


def expected_security() -> list[tuple[str, str]]:
    return security_headers(load_settings("publishconf.py"))


def assert_security_headers(headers: http.client.HTTPMessage, label: str) -> None:
    for name, value in expected_security():
        assert headers.get_all(name) == [value], (label, name, headers.get_all(name))


def test_apache_accepts_its_configuration_and_the_htaccess(site):
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        config = real_servers.apache_config(
            folder, real_servers.readable_copy(site, folder), 8, include_htaccess=True
        )
        result = real_servers.check_apache(config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Syntax OK" in result.stdout + result.stderr


def test_nginx_accepts_its_configuration_and_the_snippet(site):
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        config = real_servers.nginx_config(folder, real_servers.readable_copy(site, folder), 8)
        result = real_servers.check_nginx(config, folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "syntax is ok" in result.stderr


def test_a_broken_configuration_fails_the_check(site):
    """The syntax checks can fail: a misspelt directive in the .htaccess is reported."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        copy = real_servers.readable_copy(site, folder)
        (copy / ".htaccess").write_text("Header alwayz set X-Test 1\n", encoding="utf-8")
        result = real_servers.check_apache(real_servers.apache_config(folder, copy, 8, include_htaccess=True))
    assert result.returncode != 0


def test_every_file_gets_the_security_and_cache_headers(site, server):
    name, base = server
    static = load_settings("publishconf.py").get("THEME_STATIC_DIR", "theme")
    paths = ["/", *("/" + p.relative_to(site).as_posix() for p in site_files(site))]
    for path in paths:
        status, headers, _ = get(base, path)
        assert status == 200, (name, path, status)
        assert_security_headers(headers, f"{name} {path}")
        cache = HASHED_ASSETS if path.startswith(f"/{static}/") else REVALIDATE
        assert headers.get_all("Cache-Control") == [cache], (name, path)


def test_an_unknown_address_gets_the_404_page_with_the_headers(site, server):
    name, base = server
    page = (site / "404.html").read_bytes()
    for path in ("/no-such-page.html", "/theme/css/no-such.css", "/_headers"):
        status, headers, body = get(base, path)
        assert status == 404, (name, path)
        assert body == page, (name, path)
        assert_security_headers(headers, f"{name} {path}")
        assert headers.get_all("Cache-Control") == [REVALIDATE], (name, path)


def test_a_folder_address_gives_no_listing(site, server):
    name, base = server
    page = (site / "404.html").read_bytes()
    for path in ("/theme/", "/theme/css/", "/theme"):
        status, headers, body = get(base, path)
        if status == 301:  # the folder without its slash: the server adds it
            status, headers, body = get(base, urlsplit(headers["Location"]).path)
        assert status == 404, (name, path, status)
        assert body == page, (name, path)
        assert b"Index of" not in body


def test_the_host_files_are_never_served(server):
    name, base = server
    for path in ("/_headers", "/.htaccess"):
        status, _, body = get(base, path)
        assert status in (403, 404), (name, path, status)
        assert b"Header always set" not in body and b"Content-Security-Policy:" not in body


def test_compressed_copies_are_served_with_the_right_encoding_and_type(site, server):
    name, base = server
    files = [p for p in site_files(site) if p.suffix in COMPRESSED_KINDS]
    assert {p.suffix for p in files} >= {".html", ".css", ".js", ".svg", ".xml"}
    for path in files:
        url_path = "/" + path.relative_to(site).as_posix()
        original = path.read_bytes()
        types = COMPRESSED_KINDS[path.suffix]
        types = types if isinstance(types, list) else [types]
        for encoding in ("br", "gzip", None):
            status, headers, body = get(base, url_path, encoding)
            label = (name, url_path, encoding)
            assert status == 200, label
            assert headers.get_content_type() in types, (*label, headers["Content-Type"])
            assert "accept-encoding" in headers.get("Vary", "").lower(), label
            assert headers.get("Content-Encoding") == encoding, label
            decoded = DECODERS[encoding](body) if encoding else body
            assert decoded == original, label


def test_the_home_page_address_is_compressed_too(site, server):
    name, base = server
    for encoding, decode in DECODERS.items():
        status, headers, body = get(base, "/", encoding)
        assert status == 200 and headers.get("Content-Encoding") == encoding, (name, encoding)
        assert decode(body) == (site / "index.html").read_bytes()
