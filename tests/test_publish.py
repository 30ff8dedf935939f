"""Publishing: atomic builds (macros/tools/build.py, site.py) and the one public address (site_url)."""

from __future__ import annotations

import hashlib
import html
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, VARIANT_URL, build_site, copy_project

from macros.core.languages import LANGS
from macros.render.qr import qr_svg
from macros.tools import build

PREVIOUS = {
    "index.html": "<!doctype html><title>previous</title>",
    "zh/index.html": "previous zh",
    "handouts/buyers.pdf": "%PDF-previous",
    "downloads/x.csv": "a,b\n",
}


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes: 'byte-identical' made comparable."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def previous_site(project: Path) -> dict[str, str]:
    """A stand-in for the last published site/ in `project`; returns its tree."""
    for rel, text in PREVIOUS.items():
        (project / "site" / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / "site" / rel).write_text(text, encoding="utf-8")
    return tree(project / "site")


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob("site*"))


# -- atomic builds ---------------------------------------------------------------------------------
def test_replace_swaps_in_the_new_folder_and_removes_the_old(tmp_path):
    out, new = tmp_path / "site", tmp_path / "site.tmp-1-x"
    (out / "a").mkdir(parents=True)
    (out / "a" / "old.txt").write_text("old")
    new.mkdir()
    (new / "new.txt").write_text("new")
    build.replace(new, out)
    assert tree(out) == {"new.txt": hashlib.sha256(b"new").hexdigest()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.slow  # a pages build in a subprocess, interrupted once it writes pages
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_build_leaves_the_previous_site_intact(tmp_path, how):
    project = copy_project(tmp_path / "project")
    before = previous_site(project)
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"]}
    proc = subprocess.Popen(
        [sys.executable, "-m", "macros", "site", "--pages-only", "--out", "site"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # Interrupt once the new build has started writing its pages (they go to site.tmp-*/site/).
        deadline = time.monotonic() + 300  # a guard against a hang, not an assertion on speed
        while not any(p.is_file() for p in project.glob("site.tmp-*/site/**/*")):
            assert proc.poll() is None, proc.communicate()[1].decode()
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.05)
        proc.send_signal(how)
        proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert tree(project / "site") == before, "the interrupted build changed site/"
    if how == signal.SIGKILL:  # no chance to clean up: the next build removes what it left
        build.remove_stale(project / "site")
    assert leftovers(project) == ["site"]


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path):
    project = copy_project(tmp_path / "project")
    before = previous_site(project)
    (project / "docs" / "en" / "about" / "extra.md").write_text("# Only in English\n", encoding="utf-8")
    result = build_site(project, project / "site", "--pages-only")
    assert result.returncode == 1, result.stderr
    assert "site/ is unchanged" in result.stderr
    assert tree(project / "site") == before
    assert leftovers(project) == ["site"]


def test_damaged_data_fails_before_building_and_leaves_the_site_intact(tmp_path):
    project = copy_project(tmp_path / "project")
    before = previous_site(project)
    data = project / "data" / "recommendations.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("priority: high", "priority: urgent", 1), encoding="utf-8")
    result = build_site(project, project / "site", "--pages-only")
    assert result.returncode == 1
    assert re.search(r"data/recommendations\.yml:\d+: ", result.stderr + result.stdout), result.stderr
    assert "Traceback" not in result.stderr
    assert tree(project / "site") == before
    assert leftovers(project) == ["site"]


def test_the_complete_site_has_every_file_the_pages_link(site):
    """What `make site` makes: pages, short links, QR codes, downloads, handout PDFs, offline zip."""
    from macros.core.offline_zip import ZIP_FILE
    from macros.tools.handouts import pdf_path

    assert (site / "index.html").is_file()
    assert (site / "zh" / "index.html").is_file()
    assert (site / "go" / "plan-buyers" / "qr.svg").is_file()
    assert (
        site / "zh" / "go" / "plan-buyers" / "qr.svg"
    ).is_file()
    assert (site / "downloads" / ZIP_FILE).stat().st_size > 1_000_000
    from macros.core.load import load

    for group in load(ROOT / "data").stakeholder_groups:
        for lang in LANGS:
            assert pdf_path(site, lang, group).read_bytes().startswith(b"%PDF-")
    assert leftovers(site.parent) == ["site"], "the build left its temporary folder behind"


# -- one public address ----------------------------------------------------------------------------
OTHER_URL = VARIANT_URL  # the pages of conftest's variant_site are built for it


@pytest.mark.parametrize("lang", LANGS)
def test_site_url_sets_every_printed_and_published_address(variant_site, lang):
    pre = "" if lang == LANGS[0] else f"{lang}/"
    url = f"{OTHER_URL}{pre}go/plan-buyers/"
    svg = (variant_site / pre / "go" / "plan-buyers" / "qr.svg").read_text(encoding="utf-8")
    label = html.unescape(re.search(r'aria-label="([^"]+)"', svg).group(1))
    assert url in label, "the QR code must encode the short link at SITE_URL"
    assert svg == qr_svg(url, label), "the QR code must encode the short link at SITE_URL"
    redirect = (variant_site / pre / "go" / "plan-buyers" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{OTHER_URL}{pre}plans/buyers/">' in redirect
    handout = (variant_site / pre / "handouts" / "buyers" / "index.html").read_text(encoding="utf-8")
    assert f">{url}</a>" in handout
    kit = (variant_site / pre / "workshop" / "kit" / "index.html").read_text(encoding="utf-8")
    assert f"<code>{url}</code>" in kit
    sitemap = (variant_site / pre / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{OTHER_URL}{pre}</loc>" in sitemap
    csv = (variant_site / "downloads" / f"recommendations-{lang}.csv").read_text(encoding="utf-8-sig")
    assert f"{OTHER_URL}{pre}recommendations/" in csv
    for path in (variant_site / pre).rglob("*"):
        if path.suffix in (".html", ".svg", ".xml", ".csv", ".json") and path.is_file():
            assert "shenzhen-ict-csr.github.io" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_pages_only_build_links_no_zip(variant_site):
    """Without the complete build there is no zip, and the kit page links none."""
    kit = (variant_site / "workshop" / "kit" / "index.html").read_text(encoding="utf-8")
    assert '<p class="kb-offline">' in kit
    assert ".zip" not in re.search(r'<p class="kb-offline">.*?</p>', kit).group(0)
    assert not list(variant_site.rglob("*.zip"))
    assert not list(variant_site.rglob("*.pdf"))
    assert os.listdir(variant_site.parent) == ["site"]
