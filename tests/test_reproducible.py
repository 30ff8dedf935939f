"""Two builds of the same commit are byte-identical: sitemaps, gzip, search indexes, 404 pages, all.

The second build is of the hostile corpus (conftest's hostile_site, built once per run): the whole
site with every text field holding markup, template syntax and non-ASCII text. It runs from its own
copy of the project, in another wall-clock second, with another hash seed, into another folder; only
SOURCE_DATE_EPOCH is shared (as `make build` exports it).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from helpers import EPOCH, build


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(hostile_site, tmp_path):
    first = hostile_site
    project = tmp_path / "b"
    shutil.copytree(first.parent, project, ignore=shutil.ignore_patterns(first.name, "__pycache__"))
    second = tmp_path / "two"
    time.sleep(1.1)  # a different wall-clock second from the first build, whatever the build time
    result = build(project, second, env={"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "2"})
    assert result.returncode == 0, result.stderr[-3000:]
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
