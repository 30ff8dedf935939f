"""Serve a built site as a real host would: under its site_url path, gzip, cache headers.

Used by the browser tests, the handouts, the offline check and Lighthouse, so that what
they measure (transfer sizes, caching) matches a production static host.
"""

from __future__ import annotations

import functools
import gzip
import io
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

BASE_PATH = "/knowledge-base"  # the path of the default site_url in mkdocs.yml (GitHub Pages project site)
_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class _Handler(SimpleHTTPRequestHandler):
    base_path = BASE_PATH

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.base_path + "/"):
            return "/nonexistent"
        return super().translate_path(path[len(self.base_path) :])

    def send_head(self) -> Any:
        fs_path = Path(self.translate_path(self.path))
        if fs_path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirects to the URL with a slash
            fs_path /= "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and fs_path.is_file() and fs_path.suffix in _COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(fs_path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(fs_path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # As GitHub Pages and most hosts do: the site root's 404.html for every missing address.
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        # Fingerprinted theme assets can be cached for good; pages must be revalidated.
        immutable = "/assets/" in self.path
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        super().end_headers()

    def log_message(self, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection early (navigation, test teardown) is not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def site_base_path(site: Path) -> str:
    """The path of the URL a site was built for, read from its home page's canonical link."""
    home = site / "index.html"
    match = (
        re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text(encoding="utf-8")) if home.is_file() else None
    )
    return urlparse(match.group(1)).path.rstrip("/") if match else BASE_PATH


def serve(directory: Path, port: int = 0) -> tuple[str, ThreadingHTTPServer]:
    """Serve `directory` on 127.0.0.1 in a background thread; returns (base URL, server)."""
    prefix = site_base_path(directory)
    handler = type("Handler", (_Handler,), {"base_path": prefix})
    httpd = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}", httpd

