"""Shared fixtures: the complete built site (built once per session), a local server, a browser."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.tools.static_server import BASE_PATH, serve  # noqa: F401 - re-exported for tests

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")
CHROMIUM = "/usr/bin/chromium"


def copy_project(dest: Path) -> Path:
    """A copy of the buildable project, for tests that damage data or config."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(project)}
    return subprocess.run(MKDOCS + ["build", "--strict", "-q", "-d", str(out), *extra],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)


def build_site(project: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m macros site` (what `make site` runs): the complete site, swapped into `out` when done."""
    environ = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(project), **(env or {})}
    return subprocess.run([sys.executable, "-m", "macros", "site", "--out", str(out), *extra],
                          cwd=project, capture_output=True, text=True, env=environ, timeout=900)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The complete site as `make site` publishes it (pages, handout PDFs, offline zip, link check), built once."""
    out = tmp_path_factory.mktemp("complete") / "site"
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def server(site) -> str:
    url, httpd = serve(site)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (Debian package chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A page that records console errors and every request it makes."""
    context = browser.new_context()
    pg = context.new_page()
    pg.console_errors = []
    pg.requests = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()
