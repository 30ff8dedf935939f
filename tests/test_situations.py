"""'What to do if…' (issue 30): the situations and channels data validate with file:line errors;
each situation page gives the law from data/rules.yml, evidence, ordered steps with tel: links,
time limits and costs, and sources with check dates, in both languages; each has a card (short
link and QR code); the home page's first screen at 390 px shows where each reader starts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, errors_for

from macros.core.pages import record_pages
from macros.core.rule_levels import build_date, current
from macros.core.shortlinks import resolve, short_links
from macros.render import MACROS, Page, PageContext
from macros.render.situations import situation_page

SITUATIONS = (
    "overtime-unpaid", "wages-owed", "no-contract", "work-injury", "dismissal", "pregnancy",
    "minor-worker", "dispatch-worker", "social-insurance", "excessive-hours", "resigning",
)


def page(kb, lang: str, location: str = "situations/x/") -> Page:
    return Page(kb, PageContext(lang=lang, location=("" if lang == "en" else f"{lang}/") + location,
                                docs_dir=ROOT / "docs", generated=frozenset(record_pages(kb))))


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the data ---------------------------------------------------------------------------------------


def test_the_eleven_situations_of_the_issue_are_there(kb):
    assert set(SITUATIONS) <= set(kb.situations)


def test_a_step_naming_an_unknown_channel_is_refused_at_its_line(data):
    edit(data / "situations.yml", "{channel: court}", "{channel: courts}")
    line = line_of(data / "situations.yml", "{channel: courts}")
    assert any(e.startswith(f"data/situations.yml:{line}:") and "courts" in e for e in errors_for(data))


def test_a_figure_placeholder_not_listed_in_rules_is_refused(data):
    edit(data / "channels.yml", "  rules: [arbitration-time-limit]\n", "")
    line = line_of(data / "channels.yml", "- id: arbitration")
    errors = errors_for(data)
    assert any(e.startswith(f"data/channels.yml:{line}: record 'arbitration'") and "arbitration-time-limit" in e
               for e in errors), errors


def test_a_placeholder_naming_no_rule_is_refused(data):
    edit(data / "channels.yml", "  rules: [arbitration-time-limit]\n", "  rules: [arbitration-limit]\n")
    path = data / "channels.yml"
    text = path.read_text(encoding="utf-8").replace("{rule:arbitration-time-limit}", "{rule:arbitration-limit}")
    path.write_text(text, encoding="utf-8")
    assert any(e.startswith("data/channels.yml:") and "arbitration-limit" in e for e in errors_for(data))


def test_a_phone_number_with_letters_is_refused(data):
    edit(data / "channels.yml", 'phone: "12333"', 'phone: "1-2333 (free)"')
    line = line_of(data / "channels.yml", 'phone: "1-2333 (free)"')
    assert any(e.startswith(f"data/channels.yml:{line}:") for e in errors_for(data))


def test_a_situation_without_law_is_refused(data):
    edit(data / "situations.yml", "  rules: [social-insurance-registration]\n  law:\n", "  law: []\n  x_law:\n")
    assert any(e.startswith("data/situations.yml:") for e in errors_for(data))


def test_a_step_twice_is_refused(data):
    edit(data / "situations.yml", "    - {channel: court}\n", "    - {channel: court}\n    - {channel: court}\n")
    assert any("more than once" in e for e in errors_for(data))


def test_every_phone_number_has_a_source_and_12348_its_own(kb):
    phones = {c.id: c.phone for c in kb.channels.values() if c.phone}
    assert phones == {"hotline-12333": "12333", "legal-aid": "12348"}
    assert "hotline-12348" in kb.channels["legal-aid"].sources
    src = kb.sources["hotline-12348"]
    assert src.checked
    assert "12348" in src.supports.en
    assert "12348" in src.supports.zh


# -- the pages --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("sid", SITUATIONS)
def test_a_situation_page_has_law_evidence_steps_and_sources(kb, lang, sid):
    p = page(kb, lang)
    s = kb.situations[sid]
    html = situation_page(p, s)
    for section in ("law", "evidence", "steps", "sources"):
        assert f'<h2 id="{section}">' in html
    law = html.split('<h2 id="law">')[1].split("<h2")[0]
    for rid in s.rules:  # the figure in force, from data/rules.yml
        assert p.figure(current(kb, rid, build_date())) in law, rid
    for e in s.evidence:
        assert e(lang).replace("“", "").split("（")[0][:10] in html.replace("&quot;", '"').replace("“", "")
    steps = re.findall(r'<li id="step-([a-z0-9-]+)">(.*?)</li>', html.split('<h2 id="steps">')[1], re.DOTALL)
    assert [c for c, _ in steps] == [step.channel for step in s.steps]  # in the data's order
    for channel, body in steps:
        assert p.label("situation.time_limit") in body
        assert p.label("situation.cost") in body
        assert "{rule:" not in body
        if kb.channels[channel].phone:
            assert f'href="tel:{kb.channels[channel].phone}"' in body
    sources = html.split('<h2 id="sources">')[1]
    assert sources.count("<li>") >= len(s.sources)
    checked = p.date(kb.sources[s.sources[0]].checked or "")
    assert checked in sources


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hotlines_are_tel_links_on_situation_pages(kb, lang):
    html = situation_page(page(kb, lang), kb.situations["overtime-unpaid"])
    assert 'href="tel:12333"' in html
    assert 'href="tel:12348"' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_situation_has_a_card_with_its_short_link_and_qr_code(kb, lang):
    links = {link.id: link for link in short_links(kb, ROOT / "docs" / lang)}
    for sid in SITUATIONS:
        assert links[sid].page == f"situations/{sid}.md"
        assert resolve(kb, sid).kind == "situation"
        html = situation_page(page(kb, lang), kb.situations[sid])
        assert f"go/{sid}/qr.svg" in html
        assert 'class="kb-qr-print"' in html  # printed on the card
        assert f"/go/{sid}/" in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workers_plan_lists_the_channels_from_data(kb, lang):
    text = (ROOT / "docs" / lang / "plans" / "workers.md").read_text(encoding="utf-8")
    assert "{{ channels() }}" in text
    assert "12333" not in text.split("{ #outside }")[1].split("\n## ")[0]
    html = MACROS["channels"](page(kb, lang, "plans/workers/"))
    assert re.findall(r'<li id="step-([a-z0-9-]+)">', html) == list(kb.channels)
    assert 'href="tel:12348"' in html
    opening = text.split("\n## ")[0]  # before the first section
    assert "(#rights)" in opening
    assert "(#outside)" in opening
    assert "situations/index.md" in opening


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_situations_index_links_every_situation(kb, lang):
    html = MACROS["situations"](page(kb, lang, "situations/"))
    for sid in kb.situations:
        assert f'href="{sid}/"' in html


# -- the first screen ---------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_home_first_screen_shows_where_each_reader_starts(browser, server, prefix):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(f"{server}/{prefix}")
    for target in ("situations/", "plans/workers/", "guides/self-assessment/", "plans/suppliers/",
                   "plans/buyers/", "workshop/kit/"):
        box = pg.locator(f'#start ~ ul a[href$="{target}"]').first.bounding_box()
        assert box is not None, (prefix, target)
        assert box["y"] + box["height"] <= 844, (prefix, target, box)
    context.close()


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_every_situation_prints_as_one_a4_card_with_its_qr_code(browser, server, prefix):
    """The card is the page's print view: one A4 page (the handouts' margins), QR code shown."""
    import io

    from pypdf import PdfReader

    from macros.tools.handouts import MARGIN

    context = browser.new_context()
    pg = context.new_page()
    for sid in SITUATIONS:
        pg.goto(f"{server}/{prefix}situations/{sid}/")
        pg.emulate_media(media="print")
        assert pg.locator(".kb-situation .kb-qr-print img.kb-qr").is_visible(), sid
        pdf = pg.pdf(format="A4", margin=MARGIN, print_background=True)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, (prefix, sid)
        pg.emulate_media(media="screen")
    context.close()
