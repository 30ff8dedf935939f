"""Two builds of the same commit are byte-identical: sitemaps, gzip, search indexes, 404 pages, all.

Each build runs from its own copy of the project, in another wall-clock second, with another
hash seed, into another folder; only SOURCE_DATE_EPOCH is shared (as `make build` exports it).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import copy_project

EPOCH = "1700000000"  # 2023-11-14: any fixed value; the Makefile uses the last commit's time

pytestmark = pytest.mark.slow  # full builds in subprocesses: full tier only


def _build(project: Path, out: Path, seed: str) -> None:
    env = {
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ["HOME"],
        "SOURCE_DATE_EPOCH": EPOCH,
        "PYTHONHASHSEED": seed,
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    _build(copy_project(tmp_path / "a"), first, seed="1")
    time.sleep(1.1)  # a different wall-clock second, whatever the build time
    _build(copy_project(tmp_path / "b"), second, seed="2")
    a, b = _digests(first), _digests(second)
    differing = sorted(f for f in a.keys() & b.keys() if a[f] != b[f])
    only = sorted(a.keys() ^ b.keys())
    assert not differing, f"differing: {differing}; in one build only: {only}"
    assert not only, f"differing: {differing}; in one build only: {only}"
    for name in (
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "zh/search/search_index.json",
        "404.html",
        "zh/404.html",
    ):
        assert name in a, f"{name} was not built, so not compared"
    assert "<lastmod>2023-11-14</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")
