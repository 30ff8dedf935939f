"""`make serve`: MkDocs' live preview, quiet and sturdy for people who are not developers.

- A port already in use (another preview) is one line saying which port to use instead, checked
  before MkDocs starts, not a 30-line OSError traceback.
- A build that fails (a data mistake, a wrong macro call: mkdocs-macros ends the process with
  `exit()`, which MkDocs' rebuild loop does not catch) does not end the preview: the messages stay
  on screen, and the preview starts again as soon as a file under docs/, data/, macros/ or
  overrides/ (or mkdocs.yml) changes. Ctrl+C ends it.
- Material's end-of-life banner is silenced with its own switch (NO_MKDOCS_2_WARNING); pages kept
  out of the nav on purpose are listed under `not_in_nav` in mkdocs.yml.

The language and preview settings come from the environment (the Makefile's SERVE_ENV_*).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from macros.core.messages import say
from macros.plugin.engine import ENGINE_ENV, serve_command

WATCHED = ("docs", "data", "macros", "overrides", "mkdocs.yml")
POLL_SECONDS = 1.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="the port to serve on (default 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="the address to serve on (default 127.0.0.1)")


def port_taken(host: str, port: int) -> bool:
    """True when something already listens on host:port (or the port cannot be bound)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def free_port(host: str, port: int, tries: int = 20) -> int | None:
    """The next port after `port` that is free, to suggest."""
    return next((p for p in range(port + 1, port + 1 + tries) if not port_taken(host, p)), None)


def stamp(root: Path) -> tuple[int, float]:
    """How many files the watched folders hold and their newest change: differs after any edit."""
    count, newest = 0, 0.0
    for name in WATCHED:
        path = root / name
        for item in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            try:
                newest = max(newest, item.stat().st_mtime)
            except OSError:
                continue
            count += 1
    return count, newest


def wait_for_change(root: Path, poll: float = POLL_SECONDS) -> None:
    before = stamp(root)
    while stamp(root) == before:
        time.sleep(poll)


def command(host: str, port: int) -> list[str]:
    """MkDocs' serve, strict as CI is, watching the data and the build code as well as the pages."""
    return serve_command(f"{host}:{port}")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    host, port = args.host, args.port
    if port_taken(host, port):
        other = free_port(host, port)
        print(say("serve.port_taken", port=port, other=other or port + 1), file=sys.stderr)
        return 2
    env = {**os.environ, **ENGINE_ENV}
    previous = signal.signal(signal.SIGTERM, _interrupt)  # a stopped wrapper stops MkDocs too (call() kills it)
    try:
        while True:
            code = subprocess.call(command(host, port), env=env)  # in the project folder, where make runs
            if code == 0:  # MkDocs stopped normally (Ctrl+C)
                return 0
            print(say("serve.waiting"), file=sys.stderr, flush=True)
            wait_for_change(Path.cwd())
            print(say("serve.restarting"), file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
