"""Where each kind of record is shown. Links, short links and downloads all point here,
so moving a page means changing one line."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from macros.core.kinds import KINDS, with_pages

if TYPE_CHECKING:
    from macros.core.load import KnowledgeBase

# The page listing each kind of record (from the registry, macros/core/kinds.py), and each group's plan.
PAGES = {name: kind.list_page for name, kind in KINDS.items() if kind.list_page} | {"plan": "plans/{group}.md"}
ANCHOR_PREFIX = {name: kind.anchor for name, kind in KINDS.items() if kind.anchor}


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
RECORD_PAGES = {name: str(kind.record_page) for name, kind in with_pages().items()}
# Pages kept out of the search index: printed copies of other pages (handouts) repeat their text.
NOT_SEARCHED = ("handouts/",)
# Search weight of a page's entries (1 = normal): the legal framework is the reference for law
# articles and legal limits (overtime, minimum wage, contracts), which other pages only mention.
SEARCH_BOOST = {"context/legal-framework/": 3.0}
# Pages whose entries get no search synonyms: the list of sources names every topic in passing,
# and the organisers' kit lists every page's title (its short links).
NO_SYNONYMS = ("resources/sources/", "workshop/kit/")


def record_page(kind: str, rid: str) -> str:
    """The docs path (in docs/<lang>/, generated, not on disk) of a record's own page."""
    return RECORD_PAGES[kind].format(id=rid)


def record_pages(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """Every generated record page: docs path -> (kind, id), in data order."""
    return {record_page(kind, rid): (kind, rid) for kind in RECORD_PAGES for rid in kb.records[kind]}
