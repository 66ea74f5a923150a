"""Real Apache and nginx from Debian's packages, each serving a built site on a loopback port.

scripts/ensure-system-packages installs them when missing (`make test` and `.ci/run`
call it). Each server is a throwaway instance: its own configuration, pid file,
error log, lock and temporary files in a temporary folder, listening on
127.0.0.1 only, on a free port, stopped when the tests are done. It runs as root
(like the tests) and serves through the www-data user, as Debian does, so the
site is copied into a folder that user can read.

What the servers are given is exactly what the build makes: the site's own
`.htaccess` for Apache, and the snippet `make nginx-config` prints for nginx.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT

APACHE = "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
NGINX = "/usr/sbin/nginx"
NGINX_BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SERVING_USER = "www-data"
STARTUP_SECONDS = 15

# What a Debian Apache on a shared host has switched on, by module file name.
APACHE_MODULE_NAMES = {
    "mpm_event_module": "mod_mpm_event.so",
    "authz_core_module": "mod_authz_core.so",
    "alias_module": "mod_alias.so",
    "dir_module": "mod_dir.so",
    "env_module": "mod_env.so",
    "filter_module": "mod_filter.so",
    "deflate_module": "mod_deflate.so",
    "headers_module": "mod_headers.so",
    "mime_module": "mod_mime.so",
    "rewrite_module": "mod_rewrite.so",
    "setenvif_module": "mod_setenvif.so",
    "autoindex_module": "mod_autoindex.so",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def readable_copy(site: Path, folder: Path) -> Path:
    """A copy of `site` in `folder` that the serving user can read (pytest's folders are private)."""
    folder.chmod(0o755)
    copy = folder / "site"
    shutil.copytree(site, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return copy


def apache_config(folder: Path, site: Path, port: int, *, include_htaccess: bool = False) -> Path:
    """A self-contained Apache configuration: no Debian APACHE_* variables, nothing outside `folder`.

    `include_htaccess` puts the site's `.htaccess` inside the configuration itself, so
    that `apache2 -t` checks its syntax too (Apache reads `.htaccess` only per request).
    """
    modules = [f"LoadModule {name} {APACHE_MODULES / file}" for name, file in APACHE_MODULE_NAMES.items()]
    directory_body = f'  Include "{site}/.htaccess"' if include_htaccess else "  AllowOverride All"
    text = "\n".join(
        [
            f'ServerRoot "{folder}"',
            f'PidFile "{folder}/apache.pid"',
            f'ErrorLog "{folder}/error.log"',
            f'DefaultRuntimeDir "{folder}"',
            f"Mutex file:{folder} default",
            "LogLevel warn",
            f"Listen 127.0.0.1:{port}",
            "ServerName 127.0.0.1",
            f"User {SERVING_USER}",
            f"Group {SERVING_USER}",
            *modules,
            "TypesConfig /etc/mime.types",
            # Debian's default: compress these on the fly (the .htaccess must not let it double up).
            "AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css application/javascript "
            "text/javascript application/json image/svg+xml",
            f'DocumentRoot "{site}"',
            "<Directory />",
            "  AllowOverride None",
            "  Require all denied",
            "</Directory>",
            f'<Directory "{site}">',
            "  Require all granted",
            directory_body,
            "</Directory>",
            # Debian's apache2.conf: never serve .htaccess.
            '<FilesMatch "^\\.ht">',
            "  Require all denied",
            "</FilesMatch>",
        ]
    )
    path = folder / ("apache-check.conf" if include_htaccess else "apache.conf")
    path.write_text(text + "\n", encoding="utf-8")
    return path


def nginx_snippet() -> str:
    """The snippet exactly as `make nginx-config` prints it."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.nginx_config", "--settings", str(ROOT / "publishconf.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def nginx_config(folder: Path, site: Path, port: int) -> Path:
    """A self-contained nginx configuration that includes the generated snippet."""
    snippet = folder / "site.conf"
    snippet.write_text(nginx_snippet(), encoding="utf-8")
    temp_paths = " ".join(["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    text = "\n".join(
        [
            f"load_module {NGINX_BROTLI_STATIC};",
            f"user {SERVING_USER};",
            "worker_processes 1;",
            f"pid {folder}/nginx.pid;",
            f"lock_file {folder}/nginx.lock;",
            f"error_log {folder}/error.log warn;",
            "events { worker_connections 64; }",
            "http {",
            "  include /etc/nginx/mime.types;",
            "  default_type application/octet-stream;",
            "  access_log off;",
            *(f"  {kind}_temp_path {folder}/{kind};" for kind in temp_paths.split()),
            "  server {",
            f"    listen 127.0.0.1:{port};",
            "    server_name localhost;",
            f"    root {site};",
            f"    include {snippet};",
            "  }",
            "}",
        ]
    )
    path = folder / "nginx.conf"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def check_apache(config: Path) -> subprocess.CompletedProcess:
    """Apache's own syntax check of `config` (`apache2 -t`)."""
    return subprocess.run([APACHE, "-t", "-f", str(config)], capture_output=True, text=True)


def check_nginx(config: Path, folder: Path) -> subprocess.CompletedProcess:
    """nginx's own syntax check of `config` (`nginx -t`)."""
    return subprocess.run(
        [NGINX, "-t", "-c", str(config), "-p", str(folder), "-e", str(folder / "error.log")],
        capture_output=True,
        text=True,
    )


def _wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    errors = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else "(no error log)"
    raise RuntimeError(f"the server did not start on 127.0.0.1:{port}:\n{errors}")


@contextmanager
def _running(command: list[str], port: int, folder: Path):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ)
    try:
        _wait_until_listening(process, port, folder / "error.log")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def apache(site: Path):
    """Yield the base URL of a throwaway Apache serving a copy of `site` with its `.htaccess`."""
    with tempfile.TemporaryDirectory(prefix="apache-") as temp:
        folder = Path(temp)
        port = free_port()
        config = apache_config(folder, readable_copy(site, folder), port)
        with _running([APACHE, "-f", str(config), "-DFOREGROUND"], port, folder) as url:
            yield url


@contextmanager
def nginx(site: Path):
    """Yield the base URL of a throwaway nginx serving a copy of `site` with the generated snippet."""
    with tempfile.TemporaryDirectory(prefix="nginx-") as temp:
        folder = Path(temp)
        port = free_port()
        config = nginx_config(folder, readable_copy(site, folder), port)
        command = [NGINX, "-c", str(config), "-p", str(folder), "-e", str(folder / "error.log")]
        with _running([*command, "-g", "daemon off;"], port, folder) as url:
            yield url
