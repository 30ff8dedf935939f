"""Where each kind of record is shown. Links, short links and downloads all point here,
so moving a page means changing one line."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from macros.core.load import KnowledgeBase

PAGES = {
    "recommendations": "recommendations/index.md",
    "findings": "findings/index.md",
    "root_causes": "findings/root-causes.md",
    "sources": "resources/sources.md",
    "glossary": "resources/glossary.md",
    "plan": "plans/{group}.md",
    "changes": "changes.md",
}
ANCHOR_PREFIX = {
    "recommendations": "rec",
    "findings": "finding",
    "root_causes": "cause",
    "sources": "src",
    "glossary": "term",
    "changes": "change",
}


def anchor(kind: str, rid: str) -> str:
    """The HTML id of a record on its page."""
    return f"{ANCHOR_PREFIX[kind]}-{rid}"


def page_url(path: str, directory_urls: bool) -> str:
    """The site URL (relative to the language root) of a docs page path."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        url = stem[: -len("index")]
        return url if directory_urls else url + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_link(from_url: str, to_url: str) -> str:
    """A link from one site URL to another, as MkDocs writes them (works from file:// too)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(to_url or ".", base or ".")
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
        rel = "./" if rel in ("./", "") else rel
    return rel


# Every recommendation, finding and root cause also has a page of its own, generated at build
# time in every language (macros/plugin/record_pages.py): the record's id is the last part of its URL.
RECORD_PAGES = {
    "recommendations": "recommendations/{id}.md",
    "findings": "findings/{id}.md",
    "root_causes": "findings/root-causes/{id}.md",
}
# Data file behind each kind of record page (its "edit this page" link).
RECORD_DATA = {"recommendations": "recommendations.yml", "findings": "findings.yml", "root_causes": "root_causes.yml"}
# Pages kept out of the search index: printed copies of other pages (handouts) repeat their text.
NOT_SEARCHED = ("handouts/",)
# Search weight of a page's entries (1 = normal): the legal framework is the reference for law
# articles and legal limits (overtime, minimum wage, contracts), which other pages only mention.
SEARCH_BOOST = {"context/legal-framework/": 3.0}
# Pages whose entries get no search synonyms: the list of sources names every topic in passing.
NO_SYNONYMS = ("resources/sources/",)


def record_page(kind: str, rid: str) -> str:
    """The docs path (in docs/<lang>/, generated, not on disk) of a record's own page."""
    return RECORD_PAGES[kind].format(id=rid)


def record_pages(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """Every generated record page: docs path -> (kind, id), in data order."""
    return {record_page(kind, rid): (kind, rid) for kind in RECORD_PAGES for rid in getattr(kb, kind)}
