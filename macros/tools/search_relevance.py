"""Search relevance: top-1 and top-3 per language for the queries of tests/search_relevance.yml.

Each query runs in Chromium through Material's own search worker (the script the site's search
box uses) over the language's own index, so the figures are what a reader gets; typing into the
search box would give the same order, only slower. The tests (tests/test_search.py) fail below
90 % top-3 in either language.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.core.kinds import KINDS
from macros.core.languages import LANGS, prefix
from macros.core.load import KnowledgeBase, load
from macros.core.pages import page_url, record_page
from macros.core.paths import ROOT
from macros.core.traditional import to_traditional
from macros.tools.browser import chromium
from macros.tools.static_server import serve

SPEC = ROOT / "tests" / "search_relevance.yml"
TOP = 3

# Runs in the page: load the language's index into a fresh search worker, then ask each query.
_RUN = """async ({queries}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, location.href));
  const ask = message => new Promise(resolve => {
    worker.onmessage = e => resolve(e.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const out = [];
  for (const query of queries) {
    const answer = await ask({type: 2, data: query});
    out.push(answer.data.items.map(group => group[0].location.split("#")[0]));
  }
  worker.terminate();
  return out;
}"""


@dataclass(frozen=True)
class Case:
    query: str
    page: str  # URL relative to the language root


@dataclass(frozen=True)
class Outcome:
    case: Case
    pages: list[str]  # result pages in order

    @property
    def rank(self) -> int | None:
        return self.pages.index(self.case.page) + 1 if self.case.page in self.pages else None


def derived_cases(source: list[Case]) -> list[Case]:
    """A generated edition's queries: its source language's, converted as its pages are, on the same pages."""
    return [Case(to_traditional(c.query), c.page) for c in source]


def cases(kb: KnowledgeBase, spec: Path = SPEC) -> dict[str, list[Case]]:
    """The queries of each language: record titles of the listed kinds, search synonyms, then the spec's own;
    a generated edition (the spec's `derived`) gets its source language's queries, converted."""
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    derived = {lang: source for lang, source in data.get("derived", {}).items() if lang in LANGS}
    out: dict[str, list[Case]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        if lang in derived:
            continue
        for kind in data.get("record_titles", []):
            for rid, record in kb.records[kind].items():
                out[lang].append(Case(KINDS[kind].title(record, lang), page_url(record_page(kind, rid), True)))
        own = [Case(str(q["query"]), str(q["page"])) for q in data["queries"][lang]]
        listed = {c.query for c in own}  # a variant listed among the queries expects its own page
        for sid, pages in data.get("synonyms", {}).items():
            variants = kb.search_synonyms[sid].variants(lang)
            out[lang] += [Case(v, pages[lang]) for v in variants if v not in listed]
        out[lang] += own
    for lang, source in derived.items():
        out[lang] = derived_cases(out[source])
    return out


def run_cases(browser: Any, base_url: str, by_lang: dict[str, list[Case]]) -> dict[str, list[Outcome]]:
    """Ask every query in its language's index (a Playwright browser, the site served at base_url)."""
    results: dict[str, list[Outcome]] = {}
    context = browser.new_context()
    page = context.new_page()
    for lang, lang_cases in by_lang.items():
        page.goto(f"{base_url}/{prefix(lang)}")
        pages = page.evaluate(_RUN, {"queries": [c.query for c in lang_cases]})
        results[lang] = [Outcome(c, p) for c, p in zip(lang_cases, pages, strict=True)]
    context.close()
    return results


def share(outcomes: list[Outcome], top: int) -> float:
    return sum(1 for o in outcomes if o.rank and o.rank <= top) / len(outcomes)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="a built site (make build)")
    parser.add_argument("--misses", action="store_true", help="list the queries whose page is not in the top three")


def run(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    by_lang = cases(load(ROOT / "data"))
    url, httpd = serve(args.site)
    try:
        with sync_playwright() as p, chromium(p, ["--no-sandbox", "--disable-gpu"]) as browser:
            results = run_cases(browser, url, by_lang)
    finally:
        httpd.shutdown()
    print(f"{'language':9} {'queries':>7} {'top-1':>7} {'top-3':>7}")
    for lang, outcomes in results.items():
        print(f"{lang:9} {len(outcomes):7} {share(outcomes, 1):7.1%} {share(outcomes, TOP):7.1%}")
    if args.misses:
        for lang, outcomes in results.items():
            for o in outcomes:
                if not (o.rank and o.rank <= TOP):
                    print(
                        f"  {lang} {o.case.query!r}: expected {o.case.page or '/'} (rank {o.rank}), got {o.pages[:3]}"
                    )
    return 0
