"""The Traditional Chinese edition's converter (macros/core/traditional.py): OpenCC's characters, the
reviewed terms, mainland names kept in their mainland wording, and everything but Han text untouched."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
import yaml

from macros.core.paths import DATA, DOCS
from macros.core.traditional import (
    HAN_RUN,
    QUOTES,
    Converter,
    DataErrors,
    Term,
    load_terms,
    opencc_only,
    to_simplified,
    to_traditional,
)

UNQUOTE = str.maketrans({trad: simp for simp, trad in QUOTES.items()})


def _site_texts() -> list[str]:
    """Every Simplified page and data file of the site, whole."""
    pages = sorted((DOCS / "zh").rglob("*.md"))
    data = sorted(DATA.glob("*.yml"))
    return [p.read_text(encoding="utf-8") for p in [*pages, *data]]


def _zh_values(node: object, keys: set[str]) -> list[str]:
    """The Chinese text under each of `keys` (a {en, zh} mapping, or a glossary term's own zh)."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, dict) and isinstance(value.get("zh"), str):
                out.append(value["zh"])
            elif key == "zh" and isinstance(value, str) and "zh" in keys:
                out.append(value)
            else:
                out += _zh_values(value, keys)
    elif isinstance(node, list):
        for item in node:
            out += _zh_values(item, keys)
    return out


def mainland_names() -> list[str]:
    """The names of laws, documents, bodies and terms the data gives in Chinese."""
    def load(name: str) -> object:
        return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))

    names = _zh_values(load("sources.yml"), {"title", "publisher", "document_number"})
    names += _zh_values(load("organisations.yml"), {"name"})
    names += _zh_values(load("glossary.yml"), {"zh"})
    return names


def test_the_terms_file_loads_and_each_entry_keeps_its_length():
    terms = load_terms()
    assert terms
    for term in terms:
        assert len(term.traditional) == len(term.simplified), term
        assert to_traditional(term.simplified) == term.traditional


@pytest.mark.parametrize(
    ("simplified", "opencc_wrong", "expected"),
    [
        ("员工未签合同怎么办", "員工未籤合同怎麼辦", "員工未簽合同怎麼辦"),
        ("上个月补签", "上個月補籤", "上個月補簽"),
        ("每个标签", "每個標籤", "每個標籤"),
        ("用人单位未足额发工资", "用人單位未足額髮工資", "用人單位未足額發工資"),
        ("最多只能有一个", "最多隻能有一個", "最多只能有一個"),
        ("用一个中文名称", "用一箇中文名稱", "用一個中文名稱"),
        ("保存快递回执", "保存快遞迴執", "保存快遞回執"),
        ("合作伙伴和业务伙伴", "合作伙伴和業務夥伴", "合作夥伴和業務夥伴"),
        ("报告发布前", "報告發布前", "報告發布前"),
        ("介绍了如何申请", "介紹瞭如何申請", "介紹了如何申請"),
    ],
)
def test_the_terms_fix_what_opencc_gets_wrong_in_the_sites_text(simplified, opencc_wrong, expected):
    assert opencc_only(simplified) == opencc_wrong  # the mistake is OpenCC's (a new version may fix it)
    assert to_traditional(simplified) == expected


def test_characters_opencc_gets_right_on_its_own():
    assert to_traditional("工会干部干预若干头发面条方面") == "工會幹部干預若干頭髮麵條方面"
    assert to_traditional("后来于是准备几个制度范围冲突") == "後來於是準備幾個制度範圍衝突"


def test_mainland_names_keep_their_mainland_wording():
    names = mainland_names()
    assert len(names) > 100, len(names)
    assert "《中华人民共和国劳动合同法》" in names
    assert "深发〔2007〕7号" in names
    for name in names:
        converted = to_traditional(name)
        assert len(converted) == len(name), name
        back = to_simplified(converted).translate(UNQUOTE)
        assert back == name, (name, converted)  # characters changed, never words
    assert to_traditional("《中华人民共和国劳动合同法》") == "《中華人民共和國勞動合同法》"
    assert to_traditional("深圳市人力资源和社会保障局") == "深圳市人力資源和社會保障局"
    assert to_traditional("深发〔2007〕7号") == "深發〔2007〕7號"


def test_the_wording_check_would_catch_phrase_conversion():
    """Taiwan's phrase conversion (s2twp) rewrites some of these names: the test above has teeth."""
    phrases = opencc.OpenCC("s2twp.json")
    reworded = [n for n in mainland_names() if to_simplified(phrases.convert(n)).translate(UNQUOTE) != n]
    assert reworded, "no name would be reworded by phrase conversion"
    assert phrases.convert("信息") == "資訊"


def test_markup_urls_ids_and_code_pass_through_a_real_page():
    """Front matter, macro calls, links, attribute lists and ids: every non-Han character stays where it was
    (Chinese quotation marks become Taiwan's and Hong Kong's: “” → 「」)."""
    page = (DOCS / "zh" / "plans" / "workers.md").read_text(encoding="utf-8")
    assert page.startswith("---")
    assert "{{ qr(" in page
    assert "{ #rights }" in page
    assert "](../" in page
    converted = to_traditional(page)
    assert converted != page
    assert len(converted) == len(page)
    for i, (a, b) in enumerate(zip(page, converted, strict=True)):
        if not HAN_RUN.fullmatch(a):
            assert b in (a, QUOTES.get(a)), (i, page[max(0, i - 20) : i + 20])
    assert "{{ qr(\"plan-workers\") }}" in converted
    assert "{ #rights }" in converted


def test_chinese_quotation_marks_are_written_as_in_taiwan_and_hong_kong():
    assert to_traditional("增强行业的“软”竞争力") == "增強行業的「軟」競爭力"
    assert to_traditional("第六条：“应当依照‘劳动合同法’”。") == "第六條：「應當依照『勞動合同法』」。"
    assert to_traditional("workers’ rights, “EICC”, ‘x’") == "workers’ rights, “EICC”, ‘x’"  # not Chinese quotations
    # Chinese beside the pair: a quotation in a Chinese sentence, whatever it quotes (a label's placeholder too)
    assert to_traditional("指向“{page}”的二维码") == "指向「{page}」的二維碼"
    assert to_traditional("拨打“12348”。") == "撥打「12348」。"


def test_text_without_han_characters_is_returned_as_it_is():
    text = '<a href="https://example.org/x?q=1#a">EICC</a> `code()` {{ cite("bsr-case-study") }} 2025 年'
    assert to_traditional(text) == text
    assert to_simplified(text) == text


def test_the_whole_site_converts_at_its_own_length():
    """Search splits the edition where it splits the Simplified text: every text keeps its length."""
    for text in _site_texts():
        assert len(to_traditional(text)) == len(text)


def _errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "traditional_terms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_terms(path)
    return caught.value.lines()


def test_a_bad_term_table_is_named_by_file_and_line(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_LANG", "en")
    lines = _errors(
        tmp_path,
        "- simplified: 信息\n  traditional: 資訊\n  why: Taiwan's word\n"  # 1: changes the wording
        "- simplified: 软件\n  traditional: 軟體件\n  why: one character too many\n"  # 4: length
        "- simplified: 签\n  why: no traditional\n"  # 7: a field missing
        "- simplified: 只\n  traditional: 只\n  why: only\n"
        "- simplified: 只\n  traditional: 只\n  why: again\n"  # 12: twice
        "- simplified: 签A\n  traditional: 簽A\n  why: not Han\n",  # 15: a Latin letter
    )
    path = str(tmp_path / "traditional_terms.yml")
    assert any(line.startswith(f"{path}:1: ") and "reads back as '资讯'" in line for line in lines), lines
    assert any(line.startswith(f"{path}:4: ") and "as many characters" in line for line in lines), lines
    assert any(line.startswith(f"{path}:7: ") and "exactly the fields" in line for line in lines), lines
    assert any(line.startswith(f"{path}:12: ") and "listed twice (first on line 9)" in line for line in lines), lines
    assert any(line.startswith(f"{path}:15: ") and "Chinese characters only" in line for line in lines), lines
    assert len(lines) == 5, lines


def test_a_term_table_that_is_not_a_list(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_LANG", "zh")
    lines = _errors(tmp_path, "simplified: 签\n")
    assert len(lines) == 1, lines
    assert "术语表须为条目列表" in lines[0], lines


def test_the_longest_term_wins_and_the_text_around_it_is_converted():
    conv = Converter([Term("签", "簽", "", 1), Term("标签", "標籤", "", 2)])
    assert conv.convert("标签：签字后发给工会") == "標籤：簽字後發給工會"
    assert Converter([]).convert("发给") == "發給"


def test_a_bad_term_table_fails_the_data_load_with_its_line_not_a_traceback(tmp_path, monkeypatch):
    """The derived labels are converted through the table while the data loads (`make validate`, the
    build's model): a bad entry is one located data problem among the others, before any conversion."""
    import shutil

    from macros.core.load import load
    from macros.core.yaml_source import DataErrors

    monkeypatch.setenv("KB_LANG", "en")
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    table = data / "traditional_terms.yml"
    lines = table.read_text(encoding="utf-8").count("\n")
    table.write_text(
        table.read_text(encoding="utf-8") + "- simplified: 一二三四五六七八\n  traditional: <script>\n  why: x\n",
        encoding="utf-8",
    )
    with pytest.raises(DataErrors) as info:
        load(data)
    assert [(e.line, "Chinese characters only" in e.message) for e in info.value.errors] == [(lines + 1, True)]
    assert info.value.errors[0].file.endswith("traditional_terms.yml")
