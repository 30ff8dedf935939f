"""How long a one-page edit takes to show in the browser under `mkdocs serve`: `python -m macros live-reload`.

Starts `mkdocs serve` (with the options given, e.g. those of `make serve`) on a local port,
opens a page in Debian's Chromium (Playwright, private HOME), then N times: appends a line with a
fresh token to the page's Markdown, reloads the page until it shows the token (see _shows), and restores the
file (waiting for the reload that removes it). Prints each time and the median. The Markdown file
is restored even when the run fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from typing import Any
from urllib.parse import urlparse

from macros.core.languages import SOURCE
from macros.core.paths import ROOT
from macros.tools.browser import chromium

WAIT_MS = 180_000  # a guard against a hang, not a target


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--page", default=f"docs/{SOURCE}/about/index.md", help="the Markdown file to edit")
    parser.add_argument("--url", default="about/", help="its address under the server's root")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve-args", default="", help="extra `mkdocs serve` options, e.g. '--dirty'")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment of the server, e.g. KB_FAST=1 (repeatable)")


def _root() -> str:
    """The path mkdocs serve serves the site under: site_url's (SITE_URL, or mkdocs.yml's default)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', config, re.MULTILINE)
    return urlparse(os.environ.get("SITE_URL") or (default.group(1) if default else "/")).path.rstrip("/") + "/"


def _wait_for_server(url: str, server: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"live-reload: mkdocs serve ended (exit {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("live-reload: the server did not answer")


def _shows(page: Any, token: str, present: bool) -> None:
    """Reload the page until its text has (or no longer has) `token`. Under `make serve` the page also
    reloads itself (KB_PREVIEW leaves out the policy that would block MkDocs' live-reload script);
    reloading here every 0.2 s times the same thing whatever the browser does: edit -> rebuilt page."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        try:
            page.reload(wait_until="domcontentloaded")
            shown = token in page.inner_text("body")
        except Exception:  # noqa: BLE001 - the server swaps the site while rebuilding: try again
            shown = not present
        if shown == present:
            return
        time.sleep(0.2)
    raise SystemExit(f"live-reload: the edit was not {'shown' if present else 'undone'} in time")


def run(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    source = ROOT / args.page
    original = source.read_bytes()
    url = f"http://127.0.0.1:{args.port}{_root()}{args.url}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **dict(e.split("=", 1) for e in args.env))
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{args.port}",
               "-w", "data", "-w", "macros", *shlex.split(args.serve_args)]
    start = time.perf_counter()
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times: list[float] = []
    try:
        _wait_for_server(url, server)
        print(f"live-reload: first build served after {time.perf_counter() - start:.1f} s", file=sys.stderr)
        with sync_playwright() as p, chromium(p, ["--no-sandbox"]) as browser:
            page = browser.new_page()
            page.goto(url)
            for i in range(args.runs):
                token = f"live-reload-{uuid.uuid4().hex[:12]}"
                edited = time.perf_counter()
                source.write_bytes(original + f"\n\n{token}\n".encode())
                _shows(page, token, True)
                times.append(time.perf_counter() - edited)
                print(f"  edit {i + 1}: shown after {times[-1]:.2f} s", file=sys.stderr, flush=True)
                source.write_bytes(original)
                _shows(page, token, False)
    finally:
        source.write_bytes(original)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"one-page edit shown after {statistics.median(times):.2f} s (median of {len(times)}: "
          f"{', '.join(f'{t:.2f}' for t in times)}); serve {' '.join(command[3:])}; "
          f"env {' '.join(args.env) or '-'}; load average {load}")
    return 0
