"""Every internal link and anchor of the built site resolves, in both languages (macros/tools/links.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.__main__ import main
from macros.tools.links import check, site_url_of

# The `site` fixture is the complete site (`python -m macros site`): nothing is written later.
LATER: tuple[str, ...] = ()
CLI_LATER: list[str] = []


@pytest.fixture(scope="module")
def site_checked(site) -> tuple[list[str], int]:
    """The real site's check (every page read and every link followed), made once for the tests that read it."""
    return check(site, site_url_of(site), LATER)


def test_real_site_has_no_broken_or_cross_language_links(site, site_checked, capsys):
    assert main(["check-links", str(site)]) == 0, capsys.readouterr().out
    problems, checked = site_checked
    assert not problems
    assert checked > 1000, "the checker found links to check"


def test_links_to_pdfs_and_the_zip_are_checked(site, tmp_path):
    """A page linking a file that no build step made (a handout PDF, the offline zip) fails the check."""
    kit = (site / "workshop" / "kit" / "index.html").read_text(encoding="utf-8")
    assert 'handouts/buyers.pdf"' in kit
    assert 'downloads/shenzhen-ict-csr-offline.zip"' in kit
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "zh" / "handouts" / "buyers.pdf").unlink()
    (copy / "downloads" / "shenzhen-ict-csr-offline.zip").unlink()
    problems, _ = check(copy, site_url_of(copy))
    text = "\n".join(problems)
    assert "broken link -> ../../zh/handouts/buyers.pdf (no such file: zh/handouts/buyers.pdf)" in text, text
    assert "(no such file: downloads/shenzhen-ict-csr-offline.zip)" in text, text
    assert all("buyers.pdf" in p or "offline.zip" in p for p in problems), text


def test_planted_problems_are_reported(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "zh" / "plans" / "buyers" / "index.html"
    planted = (
        '<a href="../no-such-page/">x</a>'  # broken link
        '<a href="../../../plans/ngos/">y</a>'  # Chinese page -> English page, the Chinese one exists
        '<a href="../../findings/#no-such-anchor">z</a>'  # broken anchor
        '<img src="/knowledge-base/assets/no-such.png" alt="">'
    )  # broken src, absolute under the site path
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", planted + "</article>", 1), encoding="utf-8")
    problems, _ = check(copy, site_url_of(copy), LATER)
    text = "\n".join(problems)
    assert "zh/plans/buyers/index.html: broken link -> ../no-such-page/ (no such file" in text, text
    assert "zh/plans/buyers/index.html: broken link -> ../../../plans/ngos/ (cross-language" in text, text
    assert "zh/plans/ngos/index.html exists" in text
    assert "-> ../../findings/#no-such-anchor (no id 'no-such-anchor' in zh/findings/index.html)" in text, text
    assert "-> /knowledge-base/assets/no-such.png (no such file" in text, text
    assert len(problems) == 4, text
    assert main(["check-links", str(copy), *CLI_LATER]) == 1


def test_language_switch_links_are_not_cross_language(site, site_checked):
    """The language selector (hreflang) links zh -> en on purpose; it must not be flagged."""
    page = (site / "zh" / "plans" / "buyers" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in page
    problems, _ = site_checked
    assert not [p for p in problems if "cross-language" in p]


def test_not_a_site(tmp_path: Path, capsys):
    assert main(["check-links", str(tmp_path)]) == 1
