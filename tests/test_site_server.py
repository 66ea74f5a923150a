"""`make serve` (tools/site_server.py): the built site served as its host will serve it."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request

from conftest import ROOT


def test_serve_sends_the_headers_file_and_the_404_page(site):
    server = subprocess.Popen(
        [sys.executable, "-m", "tools.site_server", str(site), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", first_line).group(0)
        with urllib.request.urlopen(url + "faq.html") as response:
            assert response.status == 200
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
            assert response.headers["Referrer-Policy"] == "no-referrer"
        try:
            urllib.request.urlopen(url + "no-such-page.html")
            raise AssertionError("a missing page was served")
        except urllib.error.HTTPError as missing:
            assert missing.code == 404
            assert "Page not found" in missing.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_without_a_built_site_says_what_to_do(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tools.site_server", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Run 'make html' or 'make publish' first" in result.stdout
