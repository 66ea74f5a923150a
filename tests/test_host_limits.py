"""`make github` and `make s3_upload` say what those hosts cannot do, before uploading."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def host_limits(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.host_limits", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_each_host_without_headers_gets_a_plain_warning_that_points_to_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for host in ("github", "s3"):
        result = host_limits(host)
        assert result.returncode == 0
        assert "security headers" in result.stdout and "Content-Security-Policy" in result.stdout
        assert '"Choosing a host" in README.md' in result.stdout
    assert "## Choosing a host" in readme


def test_the_warning_comes_before_the_upload_and_s3_leaves_the_compressed_copies_out():
    for target, upload in (("github", "ghp-import"), ("s3_upload", "aws s3 sync")):
        plan = subprocess.run(
            ["make", "-n", target, "S3_BUCKET=test-bucket"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        assert plan.index("tools.host_limits") < plan.index(upload), target
    assert '--exclude "*.br" --exclude "*.gz"' in plan


def test_an_unknown_host_is_refused():
    assert host_limits("netlify").returncode == 2
