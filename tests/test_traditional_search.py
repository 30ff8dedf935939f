"""The Traditional edition's search text (macros/core/traditional_search.py): the Simplified page's words, in
Traditional characters, and the Simplified forms a reader may type."""

from __future__ import annotations

from macros.core.paths import DOCS
from macros.core.segment import segment
from macros.core.traditional import to_traditional
from macros.core.traditional_search import (
    BREAK,
    article_aliases_traditional,
    segment_converted,
    segment_traditional,
    simplified_aliases,
)


def _lengths(segmented: str) -> list[int]:
    return [len(w) for w in segmented.split(BREAK)]


def test_every_page_splits_where_its_simplified_page_splits():
    pages = sorted((DOCS / "zh").rglob("*.md"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        simplified, traditional = segment(text), segment_converted(text)
        assert traditional.replace(BREAK, "") == to_traditional(text), page
        assert _lengths(traditional) == _lengths(simplified), page
        assert len(traditional.split(BREAK)) > 1, page


def test_a_traditional_text_alone_splits_like_its_simplified_source():
    text = "员工没签劳动合同时，可以向劳动人事争议仲裁委员会申请仲裁；工会干部应当参与集体协商。"
    alone = segment_traditional(to_traditional(text))
    assert alone.replace(BREAK, "") == to_traditional(text)
    assert _lengths(alone) == _lengths(segment(text))
    assert "勞動合同" in alone.split(BREAK) or any(w.startswith("勞動合同") for w in alone.split(BREAK))


def test_simplified_aliases_are_the_words_that_differ_once_each():
    segmented = segment_converted("劳动合同和劳动合同法；企业社会责任。EICC")
    aliases = simplified_aliases(segmented)
    assert aliases == list(dict.fromkeys(aliases))
    assert any(a.startswith("劳动合同") for a in aliases), aliases
    assert all(a == a.strip() and a for a in aliases)
    assert simplified_aliases(segment_converted("EICC 2025")) == []
    assert "企业" not in "".join(simplified_aliases(segment_converted("工會"))), "only the text's own words"


def test_segment_without_a_reading_is_unchanged():
    text = "采购商应与供应商合作，提升能力。"
    assert segment(text) == segment(text, reading=None)
    assert segment(text, reading=lambda run: run) == segment(text)


def test_the_traditional_queries_are_the_simplified_ones_converted():
    """tests/search_relevance.yml derives zh-Hant's queries from zh's, now that the edition is a site language."""
    from macros.core.load import load
    from macros.core.paths import DATA
    from macros.tools import search_relevance

    kb = load(DATA)
    by_lang = search_relevance.cases(kb)
    simplified, traditional = by_lang["zh"], by_lang["zh-Hant"]
    assert len(traditional) == len(simplified) > 50
    assert [c.page for c in traditional] == [c.page for c in simplified]
    assert [c.query for c in traditional] == [to_traditional(c.query) for c in simplified]
    queries = {c.query for c in traditional}
    assert {"沒簽合同", "勞動合同法", "老闆不給加班費", "驗廠前自查"} <= queries, sorted(queries)[:20]


def test_article_numbers_of_a_traditional_text_in_every_writing():
    aliases = article_aliases_traditional(to_traditional("《劳动法》第四十一条和第三十六、四十四条"))
    for form in ("第四十一條", "第41條", "41條", "第四十四條", "第36條", "第41条", "41条", "第四十一"):
        assert form in aliases, (form, aliases)
    assert aliases == list(dict.fromkeys(aliases))
    assert article_aliases_traditional("工會") == []
