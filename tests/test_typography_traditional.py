"""The typography check reads the Traditional edition as it reads the Simplified one: its Simplified
samples, converted by the edition's converter, are caught (or left alone) in the same way."""

from __future__ import annotations

import pytest

from macros.core.traditional import to_traditional
from macros.tools import typography
from macros.tools.typography import check_html

LAWS = typography.law_names(["中华人民共和国劳动合同法", "中华人民共和国劳动法", "国务院关于职工工作时间的规定"])
LAWS_HANT = typography.law_names([to_traditional(t) for t in ("中华人民共和国劳动合同法", "中华人民共和国劳动法")])

CAUGHT = [
    ("<p>（劳动合同法第四条）</p>", "law-title"),
    ("<p>依照中华人民共和国劳动法第四十四条</p>", "law-title"),
    ("<td>深人社规〔2011〕19 号</td>", "doc-number"),
    ("<td>深发 〔2007〕7号</td>", "doc-number"),
    ("<td>深发（2007）7号</td>", "doc-number"),
    ("<p>2007年7月12日发布</p>", "date-style"),
    ("<p>依据: 《劳动法》第四十四条</p>", "latin-punct"),
    ("<li>围绕加班安排这类共同问题展开讨论。（衡量指标：召开首次会议）</li>", "note-after-stop"),
]
CLEAN = [
    "<p>依据《中华人民共和国劳动法》第四十四条和《劳动合同法》第八十二条。</p>",
    "<p>受理违反劳动法律、法规的投诉；劳动法规汇编；劳动法学</p>",
    "<p>第六条：“应当依照劳动合同法第八十二条的规定向劳动者每月支付两倍的工资”。</p>",
    "<td>深发〔2007〕7号</td>",
    "<p>2007 年 7 月 12 日发布</p>",
]


@pytest.mark.parametrize(("html", "kind"), CAUGHT)
def test_a_traditional_page_is_caught_as_its_simplified_source(html, kind):
    traditional = to_traditional(html)
    assert traditional != html
    laws = typography.law_names([to_traditional(t) for t in LAWS])
    assert kind in [p.kind for p in check_html(html, "zh/x.html", LAWS)]
    assert kind in [p.kind for p in check_html(traditional, "zh-Hant/x.html", laws)], traditional


@pytest.mark.parametrize("html", CLEAN)
def test_correct_traditional_text_is_left_alone(html):
    traditional = to_traditional(html)
    laws = typography.law_names([to_traditional(t) for t in LAWS])
    assert check_html(html, "zh/x.html", LAWS) == []
    assert check_html(traditional, "zh-Hant/x.html", laws) == [], traditional


def test_reads_the_law_titles_from_a_traditional_sources_page():
    page = to_traditional(
        '<ol class="kb-sources"><li>《中华人民共和国劳动合同法》。全国人民代表大会常务委员会。</li>'
        "<li>《关于进一步推进企业履行社会责任的意见》（深发〔2007〕7号）。</li>"
        "<li>《国务院关于职工工作时间的规定》。国务院。</li><li>《深圳统计年鉴》。深圳市统计局。</li></ol>"
    )
    laws = typography.law_titles(page)
    assert "勞動合同法" in laws
    assert "中華人民共和國勞動合同法" in laws
    assert "推進企業履行社會責任的意見" in laws  # 關於進一步 left out, as a text may name it
    assert "國務院關於職工工作時間的規定" in laws
    assert "深圳統計年鑑" not in laws
    assert "深圳统计年鉴" not in laws
    assert check_html("<p>（勞動合同法第四條）</p>", "zh-Hant/x.html", LAWS_HANT)[0].kind == "law-title"
