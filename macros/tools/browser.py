"""Debian's Chromium for the tools (handouts, search relevance, Lighthouse) and the tests.

Whatever profile Playwright gives it, Chromium writes crash reports, a certificate store and font
caches under $HOME (~/.config/chromium, ~/.pki, ~/.cache); with HOME at the repository (as `make
site` may run), `git add -A` would commit them. Every launch here gets a temporary HOME instead,
removed afterwards, so nothing is written to the repository or to the user's home.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM = "/usr/bin/chromium"
XDG_DIRS = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@contextmanager
def private_home() -> Iterator[dict[str, str]]:
    """This process's environment with HOME in a temporary folder (the XDG folders default under it)."""
    with tempfile.TemporaryDirectory(prefix="kb-browser-home-") as home:
        env = {k: v for k, v in os.environ.items() if k not in XDG_DIRS}
        env["HOME"] = home
        yield env


@contextmanager
def chromium(playwright: Any, args: list[str]) -> Iterator[Any]:
    """A headless Chromium launched by `playwright` (sync API) under a private HOME; closed on exit."""
    with private_home() as env:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, env=env)
        try:
            yield browser
        finally:
            browser.close()
