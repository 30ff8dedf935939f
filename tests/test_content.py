"""The content is complete: every section, every group's plan, every recommendation where it belongs."""

from __future__ import annotations

import re

import pytest
from helpers import GROUP_IDS, ROOT

from macros.core.model import Timeframe

DOCS = ROOT / "docs"

# The twelve sections of the site map (content brief §4), by their index page.
SECTIONS = [
    "index.md",
    "about/index.md",
    "context/index.md",
    "findings/index.md",
    "recommendations/index.md",
    "plans/index.md",
    "guides/index.md",
    "pilot/index.md",
    "workshop/index.md",
    "further/index.md",
    "resources/index.md",
    "contributing/index.md",
]
GUIDES = [
    "worker-engagement",
    "management-systems",
    "monitoring-coordination",
    "collaboration",
    "self-assessment",
    "cost-benefit-worksheet",
]
PLACEHOLDERS = re.compile(
    r"\b(TODO|TBD|FIXME|lorem ipsum|coming soon|placeholder)\b|待补充|即将推出|敬请期待|待定", re.IGNORECASE
)
ALL_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "path", SECTIONS + [f"guides/{g}.md" for g in GUIDES] + ["findings/root-causes.md", "findings/cost-benefit.md"]
)
def test_section_exists(lang, path):
    assert (DOCS / lang / path).is_file()


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_placeholder_and_not_empty(path):
    text = (DOCS / path).read_text(encoding="utf-8")
    body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.DOTALL)
    assert not PLACEHOLDERS.search(body), PLACEHOLDERS.search(body).group(0)
    assert re.search(r"^# \S", body, re.MULTILINE), "a page starts with a level-1 heading"
    assert re.search(r"^description: \S", text, re.MULTILINE), "a page has a meta description"
    prose = re.sub(r"\{\{.*?\}\}|^#.*$", "", body, flags=re.MULTILINE).strip()
    assert len(prose) >= 20, "the page has prose of its own, not only a macro"


@pytest.mark.parametrize("path", [p for p in ALL_PAGES if p.startswith("zh/")])
def test_chinese_pages_have_no_untranslated_paragraphs(path):
    body = re.sub(r"^---\n.*?\n---\n", "", (DOCS / path).read_text(encoding="utf-8"), flags=re.DOTALL)
    body = re.sub(r"```.*?```|<[^>]+>|\{\{.*?\}\}|\[([^\]]*)\]\([^)]*\)", r"\1", body, flags=re.DOTALL)
    for para in re.split(r"\n\s*\n", body):
        latin = len(re.findall(r"[A-Za-z]", para))
        cjk = len(re.findall(r"[\u4e00-\u9fff]", para))
        assert not (latin > 120 and cjk < latin / 10), f"looks untranslated: {para[:120]!r}"


@pytest.mark.parametrize("group", GROUP_IDS)
def test_every_group_has_a_plan_in_both_languages(group):
    for lang in ("en", "zh"):
        text = (DOCS / lang / "plans" / f"{group}.md").read_text(encoding="utf-8")
        assert f'action_plan("{group}")' in text
        assert f"plans/{group}.md" in (DOCS / lang / "plans" / "index.md").read_text(
            encoding="utf-8"
        ) or f"({group}.md)" in (DOCS / lang / "plans" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("group", GROUP_IDS)
def test_every_group_has_actions_in_every_timeframe(group, kb):
    have = {a.timeframe for a in kb.actions_for(group)}
    assert have == set(Timeframe), f"{group} lacks {set(Timeframe) - have}"


def test_enough_recommendations_covering_every_group_and_area(kb):
    recs = list(kb.recommendations.values())
    assert len(recs) >= 20
    assert {g for r in recs for g in r.owners} == set(kb.stakeholder_groups)


def test_every_cited_source_exists(kb):
    for path in ALL_PAGES:
        for call in re.findall(r"cite\(([^)]*)\)", (DOCS / path).read_text(encoding="utf-8")):
            for sid in re.findall(r"[\"']([^\"']+)[\"']", call):
                assert sid in kb.sources, f"{path} cites unknown source {sid}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_recommendation_is_in_the_table_and_on_its_owners_plans(site, lang, kb):
    """Plans link a recommendation's own page (issue 13); the table keeps its #rec-<id> anchor."""
    root = site / ("zh" if lang == "zh" else "")
    table = (root / "recommendations" / "index.html").read_text(encoding="utf-8")
    for rec in kb.recommendations.values():
        assert f'id="rec-{rec.id}"' in table, rec.id
        assert f'href="{rec.id}/"' in table, rec.id  # the title opens the record's page
        for group in rec.owners + rec.partners:
            plan = (root / "plans" / group / "index.html").read_text(encoding="utf-8")
            assert f'recommendations/{rec.id}/"' in plan, (rec.id, group)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_front_matter_parses_with_a_description(path):
    """Invalid front matter would silently render as page text and drop the meta description."""
    import yaml

    text = (DOCS / path).read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, "front matter is missing"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict)
    assert isinstance(meta.get("description"), str)
    assert meta["description"].strip()


# Content brief §5: the Chinese term of each concept and the variants the terminology lint must flag.
BRIEF_TERMS = {
    "企业社会责任": [],
    "利益相关方": ["利益相关者", "持份者"],
    # the calques 合作伙伴关系 and 企业审核 are not the glossary's terms: the terminology lint keeps them out
    "多利益相关方合作": ["多利益相关方合作伙伴关系"],
    "能力建设": ["能力培养"],
    "管理体系": ["管理系统"],
    "供应链": ["供应链条"],
    "行为准则": ["行为守则"],
    "电子行业公民联盟": [],
    "电子行业行为准则": [],
    "责任商业联盟": [],
    "持续改进": [],
    "风险评估与风险管理": [],
    "纠正行动程序": [],
    "根本原因分析": [],
    "成本效益分析": [],
    "社会责任审核": [],
    "审核疲劳": [],
    "员工参与": ["员工敬业度"],
    "申诉机制": [],
    "结社自由": [],
    "职业健康与安全": [],
    "工作时间": [],
    "工资与福利": [],
    "最低工资": [],
    "农民工": [],
    "《劳动合同法》": [],  # a law: its title in 书名号, in the glossary too
    "非政府组织": ["非政府机构"],
    "社会组织": ["公民社会", "民间社会"],
    "世界银行": [],
    "国际金融公司": [],
    "外国投资咨询服务（FIAS）": [],
    "深圳市电子行业协会": [],
    "全球电子可持续发展倡议组织（GeSI）": [],
    "商务社会责任国际协会（BSR）": [],
    "工会": ["官方工会"],
    "采购商审核": ["私营", "企业审核"],  # 验厂: the colloquial word, in the definition and search synonyms
    "劳动保障监察与采购商审核相衔接": ["公私协调"],
    "投入产出账；商业价值": ["商业理由"],
    "加班工资": ["加班溢价"],
    "工资条": ["工资单"],
    "职工代表大会": [],
    "集体协商": [],
    "劳动争议调解委员会": [],
    "信息与通信技术": [],
    "中小企业": [],
}


def test_glossary_holds_every_term_of_the_brief_with_its_variants_to_avoid(kb):
    by_zh = {t.zh: t for t in kb.glossary.values()}
    missing = [zh for zh in BRIEF_TERMS if zh not in by_zh]
    assert not missing, f"glossary lacks {missing}"
    for zh, avoid in BRIEF_TERMS.items():
        assert set(avoid) <= set(by_zh[zh].avoid.zh), (zh, avoid, by_zh[zh].avoid.zh)


# -- Chinese copy (issue 24): citations, brackets, dates ------------------------------------------
def test_chinese_pages_put_citations_before_the_full_stop():
    """Chinese text puts a reference before 。！？ (……能力{{ cite(...) }}。), never after it."""
    late = [
        f"{path}: {m.group(0)[:60]}"
        for path in ALL_PAGES
        if path.startswith("zh/")
        for m in re.finditer(r"[。！？；][ \t]*\{\{ cite\([^)]*\) \}\}", (DOCS / path).read_text(encoding="utf-8"))
    ]
    assert not late, late


def test_built_chinese_pages_have_no_date_filler_nor_nested_brackets(site):
    """No 日期不详 anywhere (an undated source just has no date), no （…（…）…） and no 2008年7月 on /zh/."""
    from macros.tools.typography import check_site, visible_texts

    problems = [p for p in check_site(site) if p.kind in ("nested-brackets", "date-style", "cite-placement")]
    assert not problems, problems[:20]
    for page in (site / "zh").rglob("*.html"):
        texts = visible_texts(page.read_text(encoding="utf-8"))
        assert not [t for t in texts if "日期不详" in t], page
