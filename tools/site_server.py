"""Serve a built site the way its host will: the `_headers` headers and the 404 page.

Used by the live preview (tools/devserver.py), the tests and the benchmark, always
on loopback.
"""

from __future__ import annotations

import functools
import sys
import threading
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The one reader of the `_headers` file, shared with the plugin that writes it.
from practice_site.security_headers.headers_file import headers_for_path, parse

HEADERS_FILE = "_headers"


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves files quietly, with the 404 page for unknown paths like a real host."""

    def __init__(self, *args, request_log: list[str] | None = None, **kwargs):
        self.request_log = request_log
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def parse_request(self) -> bool:
        """Note each request's path when asked to (the tests and the bench count them)."""
        parsed = super().parse_request()
        if parsed and self.request_log is not None:
            self.request_log.append(unquote(urlsplit(self.path).path))
        return parsed

    def end_headers(self):
        """Send the headers that `_headers` gives for this path, as Netlify and Cloudflare do."""
        headers_file = Path(self.directory) / HEADERS_FILE
        if headers_file.is_file():
            path = unquote(urlsplit(self.path).path)
            for name, value in headers_for_path(parse(headers_file.read_text(encoding="utf-8")), path):
                self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        # Hosts read `_headers` but never serve it.
        if unquote(urlsplit(self.path).path) == "/" + HEADERS_FILE:
            self.send_error(404)
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code == 404 and not_found_page.is_file():
            body = not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextmanager
def serve(directory: Path, request_log: list[str] | None = None):
    """Yield the base URL (http://127.0.0.1:PORT) of a server for `directory`.

    With `request_log`, the path of every request is appended to it.
    """
    handler = functools.partial(SiteRequestHandler, directory=str(directory), request_log=request_log)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    """`make serve`: serve a built folder until Ctrl+C, as the host would."""
    import argparse

    parser = argparse.ArgumentParser(description="Serve the built site, as its host would.")
    parser.add_argument("directory", nargs="?", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not Path(args.directory, "index.html").is_file():
        print(f"There is no built site in {args.directory}/ yet. Run 'make html' or 'make publish' first.")
        return 1
    handler = functools.partial(SiteRequestHandler, directory=args.directory)
    with ThreadingHTTPServer((args.bind, args.port), handler) as server:
        url = f"http://{args.bind}:{server.server_address[1]}/"
        print(f"Serving {args.directory}/ at {url} (Ctrl+C stops).", flush=True)
        with suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
