"""Search synonyms (data/search_synonyms.yml, macros/core/synonyms.py): which index sections get which
variants, and a clear error for a broken record. Relevance in the browser is tests/test_search.py."""

from __future__ import annotations

from helpers import errors_for

from macros.core.synonyms import synonym_field, table, variants_in


def test_a_section_with_the_term_gets_its_variants(kb):
    zh = table(kb, "zh")
    assert "职代会" in variants_in(zh, "规章制度应当经职工代表大会讨论")
    assert "职代会" not in variants_in(zh, "工资条和工时记录")  # no term, no variant
    en = table(kb, "en")
    assert "works council" in variants_in(en, "Put the rules to the Workers’ Congress")  # case and apostrophe


def test_a_variant_counts_as_often_as_its_term(kb):
    """So that typing 职代会 ranks the sections as typing 职工代表大会 would."""
    found = variants_in(table(kb, "zh"), "职工代表大会……职工代表大会……职工代表大会")
    assert found.count("职代会") == 3


def test_a_variant_already_in_the_text_is_not_repeated(kb):
    assert "加班费" not in variants_in(table(kb, "zh"), "加班工资，俗称加班费")


def test_the_glossary_avoided_variants_are_synonyms_too(kb):
    assert "利益相关者" in variants_in(table(kb, "zh"), "各利益相关方")


def test_chinese_variants_also_go_in_without_their_last_character(kb):
    """Material splits a Chinese query at the longest index word before its last character."""
    field = synonym_field(table(kb, "zh"), "职工代表大会").split()
    assert "职代会" in field
    assert "职代" in field


def test_a_record_with_terms_and_no_variants_fails_with_its_line(data):
    path = data / "search_synonyms.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + "- id: broken\n  terms: {zh: [工会]}\n  variants: {en: [union]}\n",
        encoding="utf-8",
    )
    errors = errors_for(data)
    assert any(e.startswith("data/search_synonyms.yml:") and "go together" in e for e in errors), errors
