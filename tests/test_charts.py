"""The pictures built from data (issue 16): the drawing module, the six figures, their pages, the browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import expect

from macros.core.languages import LANGS
from macros.core.load import load
from macros.core.yaml_source import DataErrors
from macros.render import MACROS, Page, PageContext, svg
from macros.render.html import esc_attr

SVG_NS = "{http://www.w3.org/2000/svg}"
CHARTS = {  # macro -> (chart id, page path)
    "stakeholder_map": ("map", "plans/"),
    "root_cause_graph": ("causes", "findings/root-causes/"),
    "timeline_chart": ("timeline", "about/"),
    "minimum_wage_chart": ("wage", "context/legal-framework/"),
    "recommendation_matrix": ("matrix", "recommendations/"),
    "checklist_chart": ("self", "guides/self-assessment/"),
}
HOSTILE = "A | B <script>alert('x')</script> {{ 7*7 }} & </text></svg>"


def page(kb, lang: str, location: str = "") -> Page:
    return Page(
        kb, PageContext(lang=lang, location=location or ("" if lang == "en" else f"{lang}/"), docs_dir=ROOT / "docs")
    )


def pictures(html: str) -> list[ET.Element]:
    """Every <svg> of a rendered figure, parsed as XML (so each must be well-formed)."""
    return [ET.fromstring(s) for s in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)]


def picture(html: str) -> ET.Element:
    """The picture itself: the SVG with role=img (not the layer of links over it)."""
    (img,) = [s for s in pictures(html) if s.get("role") == "img"]
    return img


def svg_text(el: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in el.iter(f"{SVG_NS}text"))


@pytest.fixture(scope="module")
def kb():
    return load(ROOT / "data")


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the drawing module ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Invest in suppliers' capabilities, not only in audits",
        "投入资源提升供应商能力，而不仅是开展审核（包括“培训”与指导）。GeSI 与电子行业公民联盟",
        "Supercalifragilisticexpialidocious-and-then-some",
    ],
)
def test_wrap_keeps_lines_inside_the_width_and_punctuation_in_place(text):
    lines = svg.wrap(text, 120, 12)
    assert all(svg.text_width(line, 12) <= 120 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert not any(line[0] in "，。、；：）”" for line in lines)  # no line starts with closing punctuation
    assert not any(line[-1] in "（“" for line in lines)  # none ends with opening punctuation


def test_order_columns_cuts_crossings_and_is_deterministic():
    columns = [["a", "b", "c"], ["x", "y", "z"]]
    edges = [("a", "z"), ("b", "y"), ("c", "x")]
    ordered = svg.order_columns(columns, edges)
    assert svg.crossings(columns, edges) == 3
    assert svg.crossings(ordered, edges) == 0
    assert ordered == svg.order_columns(columns, edges)
    # blocks keep their order: y may not move above x
    assert svg.order_columns(columns, edges, blocks={"x": 0, "y": 1, "z": 1})[1][0] == "x"


def test_root_cause_layout_has_fewer_crossings_than_the_data_order(kb):
    from macros.core.model import Level

    causes = [c for level in Level for c in kb.root_causes.values() if c.level is level]
    columns = [
        [f"f:{f}" for f in kb.findings],
        [f"c:{c.id}" for c in causes],
        [f"r:{r}" for r, rec in kb.recommendations.items() if rec.root_causes],
    ]
    edges = [(f"f:{f}", f"c:{c.id}") for c in causes for f in c.findings]
    edges += [(f"c:{c}", f"r:{r.id}") for r in kb.recommendations.values() for c in r.root_causes]
    blocks = {f"c:{c.id}": list(Level).index(c.level) for c in causes}
    ordered = svg.order_columns(columns, edges, blocks=blocks)
    print(f"\ncrossings: {svg.crossings(columns, edges)} in data order, {svg.crossings(ordered, edges)} laid out")
    assert svg.crossings(ordered, edges) < svg.crossings(columns, edges) * 0.7


# -- the six figures ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("macro", list(CHARTS))
def test_every_picture_is_a_named_described_image_with_its_table(kb, macro, lang):
    chart, _ = CHARTS[macro]
    out = MACROS[macro](page(kb, lang))
    img = picture(out)
    title, desc = img.find(f"{SVG_NS}title"), img.find(f"{SVG_NS}desc")
    assert (
        img.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}" == f"chart-{chart}-title chart-{chart}-desc"
    )
    assert title.text.strip()
    assert desc.text.strip()
    assert bool(re.search(r"[\u4e00-\u9fff]", title.text + desc.text)) == (lang == "zh")  # in the page's language
    assert re.search(r"<details class=\"kb-chart-data\"[^>]*><summary>.+?</summary><div class=\"kb-table-wrap\"", out)
    assert "<figcaption>" in out
    assert "</figcaption></figure>" in out
    if macro != "checklist_chart":
        assert 'class="kb-cite"' in out  # cites its sources
    for layer in pictures(out):  # links only in the layer over the image: named, reachable by keyboard and tap
        links = list(layer.iter(f"{SVG_NS}a"))
        if layer.get("role") == "img":
            assert not links
        else:
            assert layer.get("aria-hidden") is None
            assert layer.get("aria-labelledby") == f"chart-{chart}-title"
            assert links
            assert all(a.get("tabindex") is None and a.get("aria-label", "").strip() for a in links)


# Every chart in every language, drawn in a fresh interpreter, as JSON:
# {"hash": hash("kb"), "drawn": {macro: {lang: html}}}.
DRAW = """
import json, sys
from pathlib import Path
from macros.core.languages import LANGS, prefix
from macros.core.load import load
from macros.render import MACROS, Page, PageContext
root = Path(sys.argv[1])
kb = load(root / "data")
drawn = {
    macro: {lang: MACROS[macro](Page(kb, PageContext(lang=lang, location=prefix(lang), docs_dir=root / "docs")))
            for lang in LANGS}
    for macro in sys.argv[2:]
}
print(json.dumps({"hash": hash("kb"), "drawn": drawn}))
"""


@pytest.fixture(scope="module")
def drawn_in_another_process() -> dict:
    """The charts drawn by an interpreter whose string hashes differ from this one's (PYTHONHASHSEED),
    as two builds' do: set and dict orders of strings differ between them, never within one process."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-c", DRAW, str(ROOT), *CHARTS]
    result = json.loads(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, check=True).stdout)
    assert result["hash"] != hash("kb"), "the other process hashes strings as this one does"
    return result["drawn"]


@pytest.mark.parametrize("macro", list(CHARTS))
def test_pictures_are_deterministic(kb, drawn_in_another_process, macro):
    """Two builds draw the same picture: same data, same SVG, whatever the process's hash seed."""
    assert set(drawn_in_another_process[macro]) == set(LANGS)
    for lang in LANGS:
        assert MACROS[macro](page(kb, lang)) == drawn_in_another_process[macro][lang], (macro, lang)


def test_hostile_group_name_stays_text_in_the_map(data_copy):
    quoted = HOSTILE.replace('"', '\\"')
    edit(data_copy / "stakeholder_groups.yml", "name: {en: Government and labour bureaus,", f'name: {{en: "{quoted}",')
    out = MACROS["stakeholder_map"](page(load(data_copy), "en"))
    assert "<script>" not in out
    assert "{{" not in out
    img = picture(out)  # still well-formed: the text did not close the SVG
    assert "<script>alert('x')</script>" in svg_text(img).replace(" ", "").replace("A|B", "")
    assert "alert" not in "".join(e.tag for e in img.iter())


def test_a_hostile_number_label_stays_text_in_the_wage_table_and_the_worksheet(data_copy):
    # the thousands grouping is a label (chart.number), filled with p.plain: every HTML use escapes it
    edit(data_copy / "i18n" / "en.yml", 'number: "{thousands},{units}"', 'number: "{thousands},{units}<meta x=y>"')
    kb = load(data_copy)
    for macro, args in (("minimum_wage_chart", ()), ("minimum_wage_now", ()), ("worksheet_warning", ("wage",))):
        out = MACROS[macro](page(kb, "en", "context/legal-framework/"), *args)
        assert "<meta" not in out, macro
        assert "&#60;meta x=y&#62;" in out or "&lt;meta x=y&gt;" in out, macro


def test_changing_a_number_in_the_data_changes_the_picture(kb, data_copy):
    def inside_steps(img):
        return [p.get("d") for p in img.iter(f"{SVG_NS}path") if p.get("class") == "kb-chart-wage kb-chart-wage-inside"]

    before = picture(MACROS["minimum_wage_chart"](page(kb, "en")))
    edit(data_copy / "minimum_wage.yml", "inside_zone: 690", "inside_zone: 745")
    after = picture(MACROS["minimum_wage_chart"](page(load(data_copy), "en")))
    assert " 690 " in svg_text(before)
    assert " 745 " in svg_text(after)
    assert " 690 " not in svg_text(after)
    # the first step of the inside line moved up (smaller y); [0] is the legend, [2] rises from the first step
    old, new = inside_steps(before), inside_steps(after)
    y = lambda d: float(re.match(r"M[\d.]+ ([\d.]+)", d).group(1))
    assert y(new[1]) < y(old[1])
    assert old[0] == new[0]
    assert old[3:] == new[3:]


def test_matrix_counts_follow_the_recommendations(kb, data_copy):
    rec = kb.recommendations["coordinate-monitoring"]
    assert rec.area.value == "monitoring"
    assert "workers" not in rec.owners + rec.partners
    before = MACROS["recommendation_matrix"](page(kb, "en"))
    assert "title>Workers and the trade union, Monitoring" not in before  # no cell: a dash
    edit(
        data_copy / "recommendations.yml",
        "  partners: [associations, operators, suppliers]\n",
        "  partners: [associations, operators, suppliers, workers]\n",
    )
    after = MACROS["recommendation_matrix"](page(load(data_copy), "en"))
    assert "?group=workers&amp;area=monitoring" in after
    assert re.search(r"<title>Workers and the trade union, Monitoring[^<]*: 1 recommendation", after)


def test_unconfirmed_wage_level_is_a_labelled_band_with_no_line(kb):
    for lang, label in (("en", "Not confirmed"), ("zh", "未能核实")):
        out = MACROS["minimum_wage_chart"](page(kb, lang))
        img = picture(out)
        band = next(
            r
            for r in img.iter(f"{SVG_NS}rect")
            if r.get("class") == "kb-chart-unconfirmed" and float(r.get("height")) > 50
        )
        x0, x1 = float(band.get("x")), float(band.get("x")) + float(band.get("width"))
        assert label in svg_text(img).replace(" ", "") or label in svg_text(img)
        assert band.get("fill") == "url(#chart-wage-hatch)"  # a pattern, not colour alone
        for p in img.iter(f"{SVG_NS}path"):  # no wage line runs through the unconfirmed span
            if "kb-chart-wage " in p.get("class", "") + " " and p.get("d", "").count("H"):
                xs = [float(v) for v in re.findall(r"[MH](-?[\d.]+)", p.get("d"))]
                if xs[0] > 10:  # not a legend sample
                    assert not (min(xs) < x1 - 0.5 and max(xs) > x0 + 0.5), p.get("d")
        assert "810" in out
        assert 'id="wage-2007"' in out


def test_minimum_wage_model_rejects_inconsistent_levels(data_copy):
    edit(data_copy / "minimum_wage.yml", "  confirmed: false\n", "  confirmed: false\n  citywide: 900\n")
    with pytest.raises(DataErrors) as exc:
        load(data_copy)
    assert re.search(
        r"data/minimum_wage\.yml:\d+: record '2007': .*unconfirmed level has no amounts", "\n".join(exc.value.lines())
    )


def test_graph_and_map_link_every_node_to_its_record(kb):
    """Every box links where its record is shown (wherever the page map puts it), every line to its row."""
    pg = page(kb, "en", "findings/root-causes/")
    out = MACROS["root_cause_graph"](pg)
    wanted = [pg.to("findings", f) for f in kb.findings] + [pg.to("root_causes", c) for c in kb.root_causes]
    wanted += [pg.to("recommendations", r.id) for r in kb.recommendations.values() if r.root_causes]
    assert not [href for href in wanted if f'href="{esc_attr(href)}" aria-label="' not in out]
    pg = page(kb, "zh", "zh/plans/")
    out = MACROS["stakeholder_map"](pg)
    assert all(f'href="{esc_attr(pg.plan_link(g))}" aria-label="' in out for g in kb.stakeholder_groups)
    lines = re.findall(r'href="#map-([a-z]+)-([a-z]+)"', out)
    assert lines
    assert all(f'id="map-{lead}-{partner}"' in out for lead, partner in lines)


# -- the built site -------------------------------------------------------------------------------
@pytest.mark.parametrize("macro", list(CHARTS))
def test_pictures_are_on_their_pages_in_both_languages(site, macro):
    chart, path = CHARTS[macro]
    titles = []
    for prefix in ("", "zh/"):
        html = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        assert html.count(f'id="chart-{chart}"') == 1
        titles.append(picture(html[html.index(f'id="chart-{chart}"') :]).find(f"{SVG_NS}title").text)
    assert titles[0] != titles[1]


# -- in the browser -------------------------------------------------------------------------------
# The other chart pages (root causes, recommendations, self-assessment) are checked by axe with the
# other page types, at 390 and 1280 px (tests/test_reader.py, tests/test_doing_a11y.py).
AXE_ELSEWHERE = {"root_cause_graph", "recommendation_matrix", "checklist_chart"}


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("macro", [m for m in CHARTS if m not in AXE_ELSEWHERE])
def test_chart_pages_pass_axe(page, server, prefix, macro):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/{prefix}{CHARTS[macro][1]}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.console_errors == []


CHART_TEXT = """svg => Array.from(svg.querySelectorAll("text")).filter(t => t.textContent.trim()).map(t => {
  const m = t.getScreenCTM();
  return parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
})"""


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("macro", list(CHARTS))
def test_pictures_read_at_390_px(browser, server, prefix, macro):
    """No picture wider than the screen (a wide one gives way to its table), no text under 11 px as drawn."""
    chart, path = CHARTS[macro]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(f"{server}/{prefix}{path}")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    figure = pg.locator(f"#chart-{chart}")
    if macro == "checklist_chart":
        pg.locator("input[name=hours-records][value=yes]").check()
    picture = figure.locator(".kb-chart-svg")
    if figure.get_attribute("data-kb-wide") is not None:  # too wide for a phone: its table in its place, folded
        assert picture.is_hidden()
        assert figure.locator(".kb-chart-phone-note").is_visible()
        assert figure.locator("details.kb-chart-data").get_attribute("open") is None  # issue 32
        figure.locator("details.kb-chart-data > summary").click()
        assert figure.locator("details.kb-chart-data table tbody tr").first.is_visible()
    else:
        assert picture.is_visible()
        assert picture.evaluate("e => e.getBoundingClientRect().right") <= 390
        assert round(min(picture.evaluate(CHART_TEXT)), 1) >= 11  # as drawn, to a tenth of a pixel
    context.close()


@pytest.mark.parametrize("macro", ["stakeholder_map", "recommendation_matrix", "root_cause_graph"])
def test_wide_pictures_text_and_scroll_cue_on_a_tablet(browser, server, macro):
    chart, path = CHARTS[macro]
    context = browser.new_context(viewport={"width": 700, "height": 1000})
    pg = context.new_page()
    pg.goto(f"{server}/{path}")
    picture = pg.locator(f"#chart-{chart} .kb-chart-svg")
    assert picture.is_visible()
    assert round(min(picture.evaluate(CHART_TEXT)), 1) >= 11
    scroll = pg.locator(f"#chart-{chart} .kb-chart-scroll")
    if scroll.evaluate("e => e.scrollWidth > e.clientWidth"):  # it scrolls: a shadow at the edge says so
        assert "radial-gradient" in scroll.evaluate("e => getComputedStyle(e).backgroundImage")
        assert scroll.get_attribute("tabindex") == "0"
        assert scroll.get_attribute("role") == "region"
    context.close()


def test_a_line_of_the_map_works_by_tap_and_by_keyboard(browser, server):
    context = browser.new_context(viewport={"width": 900, "height": 1000}, has_touch=True)
    pg = context.new_page()
    pg.goto(f"{server}/plans/")
    line = pg.locator("#chart-map .kb-chart-links a[href^='#map-']").first
    href = line.get_attribute("href")
    line.scroll_into_view_if_needed()
    box = line.locator("path").bounding_box()
    # a point on the curve: its middle, where the S-curve crosses its box's centre (lines cross there too:
    # the tap may land on another line, which leads to its own row)
    pg.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(pg).to_have_url(re.compile(r".*/plans/#map-[a-z]+-[a-z]+$"))
    assert pg.locator(pg.evaluate("location.hash")).is_visible()  # its row in the table below
    pg.goto(f"{server}/plans/")
    line.focus()
    assert pg.evaluate("document.activeElement.getAttribute('href')") == href
    pg.keyboard.press("Enter")
    expect(pg).to_have_url(re.compile(f".*/plans/{href}$"))
    context.close()


def test_pictures_fit_an_a4_page_in_print(browser, server):
    context = browser.new_context(viewport={"width": 720, "height": 1000})  # A4 minus 15 mm margins, at 96 dpi
    pg = context.new_page()
    for path in ("zh/findings/root-causes/", "recommendations/", "plans/"):
        pg.goto(f"{server}/{path}")
        pg.emulate_media(media="print")
        for svg_el in pg.locator(".kb-chart-svg").all():
            assert svg_el.evaluate("e => e.getBoundingClientRect().right") <= 720
        assert not pg.locator(".kb-chart-links").first.is_visible()
        pdf = pg.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    context.close()


def test_pictures_need_no_script_but_the_answers_picture_does(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    for macro, (chart, path) in CHARTS.items():
        pg.goto(f"{server}/zh/{path}")
        svg_el = pg.locator(f"#chart-{chart} .kb-chart-svg")
        if macro == "checklist_chart":  # no script, no answers to draw: hidden, not empty
            assert not pg.locator(f"#chart-{chart}").is_visible()
        else:
            assert svg_el.is_visible()
            assert svg_el.evaluate("e => e.getBoundingClientRect().height") > 100
    context.close()


def test_a_box_in_the_map_is_a_link_for_the_pointer(page, server):
    page.goto(f"{server}/plans/")
    node = page.locator("#chart-map .kb-chart-svg rect.kb-chart-node").nth(
        4
    )  # buyers, as a lead (each group: left, right)
    node.scroll_into_view_if_needed()
    box = node.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/plans/buyers/")


def test_self_assessment_picture_follows_the_answers(page, server):
    page.goto(f"{server}/zh/guides/self-assessment/")
    chart = page.locator("[data-kb-checklist-chart]")
    assert chart.is_visible()  # shown by the script (hidden without it)
    section = page.locator("#chart-self g[data-section=hours]")
    bar = float(section.locator("rect.kb-chart-bar").get_attribute("width"))
    total = int(section.get_attribute("data-total"))
    assert float(section.locator("rect[data-answer=open]").get_attribute("width")) == pytest.approx(bar, abs=0.2)

    page.locator("input[name=hours-records][value=yes]").check()
    page.locator("input[name=hours-rest-day][value=yes]").check()
    page.locator("input[name=hours-sixty-cap][value=no]").check()
    yes = float(section.locator("rect[data-answer=yes]").get_attribute("width"))
    assert yes == pytest.approx(bar * 2 / total, abs=0.2)
    assert float(section.locator("rect[data-answer=no]").get_attribute("x")) == pytest.approx(
        float(section.locator("rect[data-answer=yes]").get_attribute("x")) + yes, abs=0.2
    )
    assert "是 2" in section.locator("text[data-counts]").text_content()
    assert page.locator("#chart-self span[data-section=hours][data-answer=no]").text_content() == "1"
    assert page.locator("#chart-self span[data-section=wages][data-answer=yes]").text_content() == "0"

    page.once("dialog", lambda dialog: dialog.accept())  # the reset asks first (checklist.js)
    page.locator("form[data-kb-checklist] button[type=reset]").click()
    # a locator assertion, not a string predicate: the page's CSP forbids eval
    expect(page.locator("#chart-self span[data-section=hours][data-answer=yes]")).to_have_text("0")
    assert float(section.locator("rect[data-answer=yes]").get_attribute("width")) == 0
    assert page.console_errors == []
