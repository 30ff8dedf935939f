"""Chinese segmentation for the search index keeps whole words searchable by prefix."""

from macros.core.segment import segment

ZWSP = "\u200b"


def test_words_are_separated_and_text_is_unchanged():
    text = "采购商应与供应商合作，提升能力。EICC code"
    out = segment(text)
    assert out.replace(ZWSP, "") == text
    # jieba's words, each single character joined to the word before it; 供应商 stands alone
    assert out.split(ZWSP) == ["采购商应与", "供应商", "合作", "，", "提升", "能力", "。EICC code"]


def test_no_single_character_words_in_a_run():
    words = [w for w in segment("我们的供应商和工会都参与了审核").split(ZWSP) if w]
    assert words, words
    assert all(len(w) > 1 for w in words), words


def test_latin_text_is_left_alone():
    assert segment("Working hours and wages") == "Working hours and wages"


def test_resegmenting_is_stable():
    once = segment("企业社会责任能力建设")
    assert segment(once) == once
