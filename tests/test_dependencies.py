"""Dependencies are declared as ranges in pyproject.toml and installed from a lock with hashes;
Dependabot watches every ecosystem; browsers write nothing under the repository (issue 25)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCKS = ("requirements.txt", "requirements-properdocs.txt")


def pins(lock: str) -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)} of a pip-compile lock; fails on any line that is not a pin."""
    text = (ROOT / lock).read_text(encoding="utf-8").replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)", line)
        assert match, f"{lock}: not an exact pin with hashes: {line[:80]}"
        found[canonicalize_name(match[1])] = (match[2], re.findall(r"sha256:([0-9a-f]{64})", match[3]))
    return found


def declared(*extras: str) -> list[Requirement]:
    """The project's dependencies and those of the given extras, from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    listed = project["dependencies"] + [r for e in extras for r in project["optional-dependencies"][e]]
    return [Requirement(r) for r in listed]


@pytest.mark.parametrize("lock", LOCKS)
def test_every_locked_package_is_an_exact_version_with_its_hashes(lock):
    locked = pins(lock)
    assert locked
    assert all(hashes for _, hashes in locked.values())


@pytest.mark.parametrize(
    ("lock", "extra"), [("requirements.txt", "dev"), ("requirements-properdocs.txt", "properdocs")]
)
def test_the_lock_holds_every_declared_dependency_within_its_range(lock, extra):
    locked = pins(lock)
    for req in declared(extra):
        assert req.specifier, f"{req.name}: give a range in pyproject.toml"
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is declared but not locked: run `make lock`"
        assert req.specifier.contains(locked[name][0]), f"{req.name}=={locked[name][0]} is outside {req.specifier}"


def test_the_properdocs_lock_uses_the_versions_of_the_main_lock():
    main, properdocs = pins("requirements.txt"), pins("requirements-properdocs.txt")
    assert "properdocs" in properdocs
    assert {n: v for n, (v, _) in properdocs.items() if n in main and main[n][0] != v} == {}


def test_make_installs_from_the_locks_with_hashes_and_make_lock_compiles_them():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\$\(STAMP\): requirements\.txt pyproject\.toml$", makefile, re.MULTILINE)
    installs = re.findall(r"^\t.*pip install.*$", makefile, re.MULTILINE)
    assert installs
    # Every dependency from a hashed lock; the project itself (the `kb` plugin's entry point) editable, with none.
    assert all(
        "$(PIP_INSTALL)" in line or "pip-tools==" in line or line.rstrip().endswith("--no-deps -e .")
        for line in installs
    )
    assert any(line.rstrip().endswith("--no-deps -e .") for line in installs)
    assert re.search(r"^PIP_INSTALL := .*pip install .*--require-hashes", makefile, re.MULTILINE)
    lock = makefile[makefile.index("\nlock:") :].split("\n\n")[0]
    assert "--generate-hashes" in makefile
    assert "--extra dev --output-file requirements.txt pyproject.toml" in lock
    properdocs = "--extra properdocs --constraint requirements.txt --output-file requirements-properdocs.txt"
    assert f"{properdocs} pyproject.toml" in lock


def test_ci_installs_only_through_make():
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        assert "pip install" not in path.read_text(encoding="utf-8"), path.name


def test_dependabot_watches_python_node_and_the_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"github-actions", "pip", "npm"}
    assert all(u["directory"] == "/" and u["schedule"]["interval"] == "weekly" for u in ecosystems.values())


def test_the_properdocs_build_runs_in_ci_without_blocking():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["properdocs"]
    assert job["continue-on-error"] is True
    assert any(s.get("run") == "make build-properdocs" for s in job["steps"])


def test_the_tests_run_with_a_temporary_home(temporary_home):
    home = Path(os.environ["HOME"])
    assert home == temporary_home
    assert not home.is_relative_to(ROOT)


@pytest.mark.browser
def test_chromium_from_the_tools_writes_nothing_to_the_home_it_was_started_in(tmp_path):
    """As `make site` runs the handouts with HOME at the repository (or the user's home): a PDF
    printed there leaves no profile, crash report or cache behind (`git add -A` would commit them)."""
    home = tmp_path / "home"
    home.mkdir()
    script = (
        "from playwright.sync_api import sync_playwright\n"
        "from macros.tools.browser import chromium\n"
        "with sync_playwright() as p, chromium(p, ['--no-sandbox', '--disable-gpu']) as b:\n"
        "    page = b.new_page()\n"
        "    page.set_content('<p lang=zh>深圳 Shenzhen</p>')\n"
        f"    page.pdf(path={str(tmp_path / 'out.pdf')!r})\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes()[:5] == b"%PDF-"
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []
