"""Shared fixtures: a built site (built once per session), a local server, a browser.

Tiers (pytest.ini): a test that uses the browser is marked `browser`, one that builds a whole site
or uses a built one `slow` - derived below from the fixtures it uses (SLOW_FIXTURES, BROWSER_FIXTURES),
plus an explicit mark on the few tests that build in a subprocess themselves. `make test-fast` runs
the rest: no whole-site build; a build that must fail runs in this process (helpers.build_in_process)
and stops in on_config.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from helpers import (
    CHROMIUM,
    EPOCH,
    PROJECT_PARTS,
    ROOT,
    VARIANT_URL,
    build,
    build_site,
    copy_project,
    make_hostile_project,
    project_kb,
)

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
    return project_kb()


def built_once(tmp_path_factory, name: str, make: Callable[[Path], Path]) -> Path:
    """What `make(folder)` builds, made once for the whole run: `make test` runs the tests on two
    workers (pytest-xdist), which share the run's temporary root; the first to ask builds under a
    file lock, the other waits and reuses it. Without workers, an ordinary temporary folder."""
    root = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        root = root.parent  # the run's root, above each worker's own
    folder = root / f"shared-{name}"
    with FileLock(root / f"shared-{name}.lock"):
        done = folder / ".built"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            result = make(folder)
            done.write_text(str(result))
    return Path(done.read_text())


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The complete site as `make site` publishes it (pages, handout PDFs, offline zip, link check), built once."""

    def make(folder: Path) -> Path:
        result = build_site(ROOT, folder / "site")
        assert result.returncode == 0, result.stderr
        return folder / "site"

    return built_once(tmp_path_factory, "complete", make)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The pages built from the hostile corpus (tests/helpers.py make_hostile_project), once per run;
    the project's data is next to it (hostile_site.parent / "data"). Dated EPOCH, with hash seed 1:
    tests/test_reproducible.py builds it again and compares."""

    def make(folder: Path) -> Path:
        project = make_hostile_project(folder / "p")
        result = build(project, project / "out", env={"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "1"})
        assert result.returncode == 0, result.stderr[-3000:]
        return project / "out"

    return built_once(tmp_path_factory, "hostile", make)


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory) -> Path:
    """The pages (`make build`) built once for three checks that each need a build unlike the real one:
    in a shallow clone, as CI checks out (git dates must still work: dated before the last commit, so
    a fallback to the build date shows); with the working tree on top and
    the English about page changed after its translation (the Chinese page shows the outdated notice);
    for another public address, SITE_URL = VARIANT_URL (every printed and published address follows it)."""

    def make(folder: Path) -> Path:
        clone = folder / "clone"
        git = ["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)]
        subprocess.run(git, check=True, capture_output=True)
        shallow = ["git", "rev-parse", "--is-shallow-repository"]
        assert subprocess.run(shallow, cwd=clone, capture_output=True, text=True).stdout.strip() == "true"
        for part in PROJECT_PARTS:  # the working tree on top, so uncommitted changes are tested too
            target = clone / part
            shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
        copy_project(clone)
        english = clone / "docs" / "en" / "about" / "index.md"
        added = "\nA sentence added after the translation.\n"
        english.write_text(english.read_text(encoding="utf-8") + added, encoding="utf-8")
        out = folder / "out" / "site"
        # dated two days before the last commit: a date the git-date plugin fell back to (the build
        # date) then differs from the git date it should show (test_contributor.py checks which)
        stamp = subprocess.run(["git", "log", "-1", "--format=%at"], cwd=clone, capture_output=True, text=True)
        epoch = str(int(stamp.stdout) - 2 * 86400)
        result = build_site(clone, out, "--pages-only", env={"SITE_URL": VARIANT_URL, "SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stderr[-3000:]
        return out

    return built_once(tmp_path_factory, "variant", make)


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
SLOW_FIXTURES = {"site", "server", "hostile_site", "offline_site", "variant_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it needs, so the tiers follow the fixtures instead of a list to keep."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (SLOW_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.slow)
    items[:] = _shared_builds_first(items)


SHARED_SITES = ("site", "hostile_site", "variant_site")  # each built once per run (built_once)


def _shared_builds_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """Order the test files for two workers (xdist hands out files in turn, two each to begin with):
    the site's builder first (the longest build), the hostile site's second, one more file third, the
    variant site's fourth (after the hostile site, on the same worker), so that the three shared sites
    are built side by side from the start; then the other slow files; the quick files last, to even
    out the end. For each shared site, a file that needs no other shared site is preferred."""
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)

    def fixtures(name: str) -> set[str]:
        return {f for i in files[name] for f in getattr(i, "fixturenames", ())}

    def builder(site: str) -> str | None:
        users = [f for f in files if site in fixtures(f)]
        alone = [f for f in users if not fixtures(f) & (set(SHARED_SITES) - {site})]
        return (alone or users or [None])[0]

    slow = [f for f in files if any(i.get_closest_marker("slow") for i in files[f])]
    site, hostile, variant = (builder(s) for s in SHARED_SITES)
    order = [f for f in (site, hostile) if f]
    order += [f for f in slow if f not in (site, hostile, variant)][:1]
    order += [f for f in (variant,) if f]
    order = list(dict.fromkeys(order))
    order += [f for f in slow if f not in order]
    order += [f for f in files if f not in order]
    return [item for name in order for item in files[name]]
