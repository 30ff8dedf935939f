"""Shared fixtures: a built site (built once per session), a local server, a browser.

Tiers (pytest.ini): a test that uses the browser is marked `browser`, one that builds a whole site
or uses a built one `slow` - derived below from the fixtures it uses (SLOW_FIXTURES, BROWSER_FIXTURES),
plus an explicit mark on the few tests that build in a subprocess themselves. `make test-fast` runs
the rest: no whole-site build; a build that must fail runs in this process (helpers.build_in_process)
and stops in on_config.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import CHROMIUM, ROOT, build, build_site, make_hostile_project

from macros.tools.browser import XDG_DIRS, chromium
from macros.tools.static_server import serve

# What a browser or tool run with HOME at the repository would leave there (issue 25).
HOME_LEFTOVERS = (".config", ".cache", ".local", ".pki")


@pytest.fixture(scope="session", autouse=True)
def temporary_home(tmp_path_factory) -> Iterator[Path]:
    """HOME for the whole session, and for every build and tool the tests start: a temporary folder.

    Browsers, git and the tools then write profiles, crash reports and caches there, never under
    the repository or the user's home; the session fails if anything appeared in the repository.
    """
    home = tmp_path_factory.mktemp("home")
    before = {name for name in HOME_LEFTOVERS if (ROOT / name).exists()}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOME", str(home))
        for var in XDG_DIRS:
            env.delenv(var, raising=False)
        yield home
    appeared = sorted({name for name in HOME_LEFTOVERS if (ROOT / name).exists()} - before)
    if appeared:
        pytest.fail(f"the tests wrote {appeared} into the repository: a browser or tool ran with HOME there")


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of data/ to damage (tests/test_bad_input.py has its own, copied from a module-wide one)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture(scope="session")
def kb():
    """The validated data, loaded once for the tests that read it (a data mistake fails them, not collection)."""
    from macros.core.load import load

    return load(ROOT / "data")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The complete site as `make site` publishes it (pages, handout PDFs, offline zip, link check), built once."""
    out = tmp_path_factory.mktemp("complete") / "site"
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The pages built from the hostile corpus (tests/helpers.py make_hostile_project), once per session;
    the project's data is next to it (hostile_site.parent / "data")."""
    project = make_hostile_project(tmp_path_factory.mktemp("hostile") / "p")
    out = project / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr[-3000:]
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
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ]
    with sync_playwright() as p, chromium(p, args) as b:
        yield b


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


BROWSER_FIXTURES = {"browser", "page", "server"}
SLOW_FIXTURES = {"site", "server", "hostile_site", "offline_site", "moved_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it needs, so the tiers follow the fixtures instead of a list to keep."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (SLOW_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.slow)
