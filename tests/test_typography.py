"""The Chinese typography check (macros/tools/typography.py): what it must catch, what it must leave
alone, and the real site, which must have no problem on any Chinese page."""

from __future__ import annotations

import argparse

import pytest

from macros.tools import typography
from macros.tools.typography import check_html, check_site, visible_texts


def kinds(html: str) -> list[str]:
    return [p.kind for p in check_html(html, "zh/x.html")]


# -- what it must catch -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "html",
    [
        "<p>依据: 《劳动法》第四十四条</p>",  # label colon
        "<p><strong>依据</strong>: 《劳动法》</p>",  # across an inline element
        "<p>本站根据所引资料归纳. 根本原因：加班</p>",  # Latin full stop between texts
        "<p>本站根据所引资料归纳.</p>",  # Latin full stop ending a sentence
        "<li>在法定工时内安排生产 (高; 一年内)</li>",  # Latin brackets and semicolon
        "<span>[BSR, 日期不详]</span>",  # Latin comma before Chinese
        "<span>[戴尔；GeSI, 2018]</span><span>[FIAS（世界银行第 40779 号报告）, 2007]</span>",
        "<td>外国投资咨询服务 (FIAS)</td>",  # Latin bracket after Chinese
        "<p>工资、工时, 以及休息</p>",  # Latin comma inside a Chinese sentence
    ],
)
def test_catches_latin_punctuation_next_to_chinese(html):
    assert "latin-punct" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        "<td>2007-05-09</td><td>深圳印发意见</td>",
        "<td>2007-06</td>",
        "<li>《劳动法》. 全国人民代表大会常务委员会，1994-07-05。</li>",
    ],
)
def test_catches_iso_dates(html):
    assert "iso-date" in kinds(html)


@pytest.mark.parametrize(
    "html",
    ["<p>《劳动合同法》2008年1月1日起施行。</p>", "<td>2026年12月1日</td>", "<p>2007 年 7月</p>", "<p>2007年 7 月</p>"],
)
def test_catches_unspaced_dates(html):
    assert "date-style" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        "<li>不只做审核（高；第一步（三个月内））</li>",
        "<span>本站根据所引资料归纳（FIAS（世界银行第 40779 号报告），2007）</span>",
        "<td>小时工资 ×（工作日加班小时 ×（工作日标准 − 100））</td>",
    ],
)
def test_catches_nested_full_width_brackets(html):
    assert "nested-brackets" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p>可以推广到其他地区。<sup class="kb-cites">［<a href="#">1</a>］</sup></p>',
        '<p>可以推广。 <sup>［<a href="#">1</a>，<a href="#">4</a>］</sup>报告的目标</p>',
    ],
)
def test_catches_citations_after_the_full_stop(html):
    assert "cite-placement" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        "<td>外国投资咨询服务（FIAS）（FIAS）</td>",
        "<td>外国投资咨询服务 (FIAS) (FIAS)</td>",
        "<td>BSR（BSR）</td>",
        "<td>BSR (BSR)</td>",
    ],
)
def test_catches_doubled_acronyms(html):
    assert "doubled-acronym" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="a">方法<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>',
        '<footer><div class="md-copyright">Made with <a href="#">Material for MkDocs</a></div></footer>',
        "<h1>404 - Not found</h1>",
        '<span class="md-source-file__fact">Last update: 2026 年 11 月 25 日</span>',
        '<a href="#" aria-label="Back to top">↑</a>',
        '<input type="text" placeholder="Search">',
    ],
)
def test_catches_english_theme_strings(html):
    assert "english-ui" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        "<li>行业与政府合作开展能力建设 （本群体牵头，优先级高）</li>",  # space before a bracket
        "<p>各事件的日期和出处见下表。 数据来源：［1］</p>",  # space after a full stop
        "<li>1. <strong>差距评估。</strong> 把实际做法与法律逐条对照</li>",  # after a bold lead-in
        "<p>公司：\u00a0日期：</p>",  # a no-break space counts too
    ],
)
def test_catches_spaces_beside_full_width_punctuation(html):
    assert "space-punct" in kinds(html)


STANDING = "本站是关于 FIAS 与 BSR 合作项目的独立知识库，依据公开资料整理，不代表任何项目合作方的立场。"
LAWS = typography.law_names(
    [
        "中华人民共和国劳动合同法",
        "中华人民共和国劳动法",
        "国务院关于职工工作时间的规定",
        "关于进一步推进企业履行社会责任的意见",
    ]
)


@pytest.mark.parametrize(
    "html",
    [
        "<td>应当经职工代表大会讨论（劳动合同法第四条）。</td>",
        "<p>依据中华人民共和国劳动法第四十四条</p>",
        "<p>对照第三十六条及国务院关于职工工作时间的规定逐条核对</p>",
        "<p>《劳动合同法》第十条；劳动法第十五条</p>",  # the second one
        "<p>2007 年 5 月 9 日印发的推进企业履行社会责任的意见</p>",  # a policy, named without 关于进一步
    ],
)
def test_catches_law_titles_without_book_title_marks(html):
    assert "law-title" in [p.kind for p in check_html(html, "zh/x.html", LAWS)]


@pytest.mark.parametrize(
    "html",
    [
        "<p>依据《中华人民共和国劳动法》第四十四条和《劳动合同法》第八十二条。</p>",
        "<p>《全国人民代表大会常务委员会关于修改〈中华人民共和国劳动合同法〉的决定》</p>",
        "<p>受理违反劳动法律、法规的投诉；劳动法规汇编；劳动法学</p>",  # other words
        "<p>第六条：“应当依照劳动合同法第八十二条的规定向劳动者每月支付两倍的工资”。</p>",  # quoted verbatim
    ],
)
def test_leaves_law_titles_in_book_title_marks_alone(html):
    assert check_html(html, "zh/x.html", LAWS) == []


def test_reads_the_law_titles_from_the_sources_page():
    page = (
        '<ol class="kb-sources"><li>《中华人民共和国劳动合同法》。全国人民代表大会常务委员会。</li>'
        "<li>《国务院关于职工工作时间的规定》。国务院。</li><li>《深圳统计年鉴》。深圳市统计局。</li></ol>"
    )
    laws = typography.law_titles(page)
    assert "劳动合同法" in laws
    assert "中华人民共和国劳动合同法" in laws
    assert "国务院关于职工工作时间的规定" in laws
    assert "深圳统计年鉴" not in laws  # a yearbook is no law


@pytest.mark.parametrize(
    "html",
    [
        "<td>深人社规〔2011〕19 号</td>",
        "<td>深发 〔2007〕7号</td>",
        "<td>深发〔2007〕 7号</td>",
        "<td>深发（2007）7号</td>",
    ],
)
def test_catches_document_numbers_not_written_as_issued(html):
    assert "doc-number" in kinds(html)


@pytest.mark.parametrize(
    "html",
    [
        "<li>围绕加班安排这类共同问题展开讨论。（衡量指标：召开首次会议）</li>",
        "<p>供应商必须按较严格的标准执行。 （本站的比较，见相关调研发现）</p>",
    ],
)
def test_catches_a_note_after_the_full_stop(html):
    assert "note-after-stop" in kinds(html)


def test_catches_a_long_sentence_said_twice_on_a_page():
    sentence = "管理人员可能知道审核员要查什么，却不知道怎样把风险评估、改进目标、培训和纠正行动变成日常工作。"
    html = f"<h2>一</h2><p>{sentence}</p><h2>二</h2><p>{sentence}</p>"
    assert kinds(html) == ["repeated-sentence"]


@pytest.mark.parametrize(
    "html",
    [
        # a reference (link text) may repeat: a list of affected actions under several changes
        '<p>行动：<a href="#a">按每位员工的法定工时安排产能，每周核对工时、每月核对加班；'
        "订单超出产能的，接单前就告诉客户。</a></p>" * 2,
        # the footer's standing line is site chrome, the same on every page
        STANDING.join(["<p>", "</p><footer><p>", "</p></footer>"]),
        # short sentences repeat naturally
        "<p>这只是提醒。</p><p>这只是提醒。</p>",
        # a bracketed sentence of its own may follow a full stop
        "<p>供应商必须按较严格的标准执行。（这是本站的比较。）</p>",
    ],
)
def test_leaves_references_and_short_repeats_alone(html):
    assert check_html(html, "zh/x.html") == []


def test_reports_page_and_excerpt():
    problems = check_html("<p>很长的一段说明文字，依据: 《劳动法》第四十四条的规定</p>", "zh/plans/workers/index.html")
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith("zh/plans/workers/index.html: latin-punct: …")
    assert "依据: 《劳动法》" in text


# -- what it must leave alone -------------------------------------------------------------------
@pytest.mark.parametrize(
    "html",
    [
        "<p>《劳动合同法》于 2007 年 6 月 29 日通过，2008 年 1 月 1 日起施行。</p>",
        "<td>外国投资咨询服务（FIAS）</td><td>商务社会责任国际协会（BSR）</td>",
        "<p>依据：《劳动法》第四十四条；《劳动合同法》第八十五条。</p>",
        "<span>［BSR，2008；戴尔；GeSI，2018］</span>",
        "<p>《电子行业行为准则》第 2.0 版规定，加班工资不低于 1.5 倍。</p>",
        "<p>每日 8:00 上班，使用 E-TASC 系统。</p>",
        "<p>深发〔2007〕7号；50%—100%；2005—2010 年。</p>",
        # An English title inside a Chinese page keeps its own punctuation.
        '<p>见 <span lang="en">Pilot Summary Report: Building Capabilities (2008).</span></p>',
        # Code, scripts and styles are not visible prose.
        "<p>运行 <code>python -m macros lint: x.</code> 检查</p><pre>依据: x</pre>",
        "<script>var s = '依据: x, 2007-07-12';</script><style>a:hover{color:red}</style>",
        # A block boundary separates texts: a mark at the start of the next block is not "next to" it.
        "<p>依据</p>\n<p>(1) first</p>",
        "<p>Permanent linkage of English words is fine only in English: permanentlink</p>",
        # Chinese nav and footer of Material's zh theme.
        '<a href="#" aria-label="下一页：推广">下一页</a><div>最后更新：2026 年 11 月 25 日</div>',
        # Citations before the stop; brackets side by side, or ［ ］ around （ ） in a formula.
        '<p>可以推广到其他地区<sup class="kb-cites">［<a href="#">1</a>，<a href="#">4</a>］</sup>。</p>',
        "<p>时间安排（高；第一步：三个月内）（中；一年内）</p>",
        "<td>小时工资 × ［工作日加班小时 ×（工作日标准 − 100）＋ 休息日加班小时 ×（休息日标准 − 100）］÷ 100</td>",
        "<p>三个月内；每月 36 小时；第 41 条；7 号文</p>",
    ],
)
def test_leaves_correct_chinese_alone(html):
    assert check_html(html, "zh/x.html") == []


def test_checks_attributes_and_title():
    texts = visible_texts(
        "<html><head><title>标题: 副标题</title></head><body>"
        '<img alt="二维码: 链接" src="x.svg"><div aria-label="筛选"></div></body></html>'
    )
    assert "标题: 副标题" in texts
    assert "二维码: 链接" in texts
    assert "筛选" in texts
    assert len(check_html('<img alt="二维码: 链接" src="x.svg">')) == 1


# -- the command ----------------------------------------------------------------------------------
def test_command_fails_with_a_count_and_passes_when_clean(tmp_path, capsys):
    page = tmp_path / "zh" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>依据: 文本</p><p>2007-07-12</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>Basis: text, 2007-07-12</p>", encoding="utf-8")  # English: not checked
    (tmp_path / "zh-Hant").mkdir()  # the Traditional edition, checked too (here empty)
    args = argparse.Namespace(site=tmp_path, summary=False)
    assert typography.run(args) == 1
    out = capsys.readouterr()
    assert "zh/a/index.html: latin-punct: …依据: 文本…" in out.out
    assert "zh/a/index.html: iso-date:" in out.out
    assert "2 Chinese typography problem(s)" in out.err
    page.write_text("<p>依据：文本</p><p>2007 年 7 月 12 日</p>", encoding="utf-8")
    assert typography.run(args) == 0


# -- the real site ------------------------------------------------------------------------------------
def test_every_chinese_page_of_the_built_site_is_clean(site):
    problems = check_site(site)
    assert not problems, f"{len(problems)} problem(s), e.g.\n" + "\n".join(map(str, problems[:40]))


# -- the theme's "last update" date in the site's style -----------------------------------------------
def test_revision_date_is_written_with_the_date_label(kb):
    from macros.plugin.dates import respace_dates

    span = '<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date"'
    span += ' title="{}">{}</span>'
    zh = respace_dates(span.format("2026年12月1日 06:59:06 UTC", "2026年12月1日"), kb.strings["zh"])
    assert zh == span.format("2026 年 12 月 1 日 06:59:06 UTC", "2026 年 12 月 1 日")
    assert check_html(zh) == []
    en = respace_dates(span.format("November 25, 2026 14:39:52 UTC", "November 25, 2026"), kb.strings["en"])
    assert en == span.format("25 November 2026 14:39:52 UTC", "25 November 2026")
