"""Search relevance (issue 13): the queries of tests/search_relevance.yml, in both languages, each with
the page a reader expects among the first three results, run through Material's own search worker."""

from __future__ import annotations

import pytest
from conftest import ROOT
from helpers import project_kb

from macros.core.languages import LANGS, prefix
from macros.core.load import load
from macros.tools.search_relevance import TOP, cases, run_cases, share

THRESHOLD = 0.9
CASES = cases(project_kb())


@pytest.fixture(scope="module")
def outcomes(browser, server):
    return run_cases(browser, server, CASES)


def test_the_relevance_data_is_big_enough():
    for lang, lang_cases in CASES.items():
        assert len(lang_cases) >= 40, lang
        assert len({c.query for c in lang_cases}) == len(lang_cases), f"{lang}: a query is listed twice"


@pytest.mark.parametrize("lang", LANGS)
def test_top_three_holds_the_expected_page(outcomes, lang):
    results = outcomes[lang]
    top1, top3 = share(results, 1), share(results, TOP)
    print(f"\n{lang}: {len(results)} queries, top-1 {top1:.1%}, top-3 {top3:.1%}")
    misses = [(o.case.query, o.case.page, o.pages[:3]) for o in results if not (o.rank and o.rank <= TOP)]
    assert top3 >= THRESHOLD, misses


@pytest.mark.parametrize("lang", LANGS)
def test_every_search_synonym_finds_its_page(outcomes, lang):
    """Each variant of data/search_synonyms.yml (职代会, works council…) lands its page in the top three."""
    kb = load(ROOT / "data")
    variants = {v for entry in kb.search_synonyms.values() for v in entry.variants(lang)}
    tested = {o.case.query for o in outcomes[lang]}
    assert variants <= tested, f"no relevance query for {sorted(variants - tested)}: add the record to synonyms:"
    misses = [(o.case.query, o.case.page, o.rank) for o in outcomes[lang]
              if o.case.query in variants and not (o.rank and o.rank <= TOP)]
    assert not misses


@pytest.mark.parametrize("lang", LANGS)
def test_every_expected_page_exists(outcomes, lang, site):
    for o in outcomes[lang]:
        folder = site / prefix(lang) / o.case.page
        assert (folder / "index.html").is_file(), o.case.page
