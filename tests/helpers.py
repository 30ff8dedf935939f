"""Helpers the tests share: the project's root, copies of the project, builds in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")
CHROMIUM = "/usr/bin/chromium"  # the same as macros.tools.browser.CHROMIUM


def _group_ids() -> list[str]:
    """The stakeholder groups' ids, read without validation, to parametrize tests by group."""
    import yaml

    try:
        records = yaml.safe_load((ROOT / "data" / "stakeholder_groups.yml").read_text(encoding="utf-8")) or []
        return [r["id"] for r in records if isinstance(r, dict) and "id" in r]
    except (OSError, yaml.YAMLError):  # the data tests report the mistake with its file and line
        return []


GROUP_IDS = _group_ids()


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
    """A strict build of `project` into `out`, in a fresh interpreter, as `make build` runs it."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"]}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-q", "-d", str(out), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def build_site(project: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m macros site` (what `make site` runs): the complete site, swapped into `out` when done."""
    environ = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros", "site", "--out", str(out), *extra],
        cwd=project, capture_output=True, text=True, env=environ, timeout=900,
    )


def errors_for(data: Path) -> list[str]:
    """The `file:line: message` of every problem loading `data` reports (it must report some)."""
    import pytest

    from macros.core.load import load
    from macros.core.yaml_source import DataErrors

    with pytest.raises(DataErrors) as info:
        load(data)
    return [str(e) for e in info.value.errors]
