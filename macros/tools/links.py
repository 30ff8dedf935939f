"""Check that every internal link and anchor of a built site resolves, in both languages.

Why: MkDocs' strict mode checks Markdown links, but not links that macros, the theme or raw
HTML write, nor anchors into other pages, nor which language a link lands in. This reads the
built HTML (href and src of every element), resolves relative links and absolute ones under
the site path (e.g. /knowledge-base/), checks fragments against the ids of the target page,
and flags a link from a page of one language to a page of the other where the page exists in
the link's own language (language-switch links, marked with hreflang, are exempt).
Usage: python -m macros check-links site [--site-url URL]
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from macros.core.diagnostics import Problem, emit
from macros.core.languages import DEFAULT, LANGS, lang_of, written_source

DEFAULT_LANG = DEFAULT
OTHER_LANGS = tuple(
    lang for lang in LANGS if lang != DEFAULT
)  # served under /<lang>/; the default language is at the root
SKIP_SCHEMES = ("mailto", "tel", "javascript", "data")


@dataclass(frozen=True)
class Link:
    url: str
    hreflang: bool  # a deliberate link to another language (the language selector, alternates)


class _PageParser(HTMLParser):
    """Collects the element ids and the href/src links of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if ident := values.get("id"):
            self.ids.add(ident)
        if tag == "a" and (name := values.get("name")):
            self.ids.add(name)
        for attr in ("href", "src"):
            if (url := values.get(attr)) is not None:
                self.links.append(Link(url.strip(), "hreflang" in values))

    handle_startendtag = handle_starttag


@dataclass(frozen=True)
class Page:
    ids: frozenset[str]
    links: tuple[Link, ...]


class Site:
    """A built site on disk; parses each HTML page at most once."""

    def __init__(self, root: Path, site_url: str):
        self.root = root
        parts = urlsplit(site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        self.base = "/" + parts.path.strip("/") + "/" if parts.path.strip("/") else "/"
        self._pages: dict[str, Page] = {}

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            parser = _PageParser()
            parser.feed((self.root / rel).read_text(encoding="utf-8", errors="replace"))
            self._pages[rel] = Page(frozenset(parser.ids), tuple(parser.links))
        return self._pages[rel]

    def html_pages(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def target(self, page: str, url: str) -> tuple[str | None, str, str | None]:
        """(site-relative file the link reaches, fragment, problem) for an internal link;
        (None, '', None) for an external one."""
        parts = urlsplit(url)
        if parts.scheme in SKIP_SCHEMES:
            return None, "", None
        path = unquote(parts.path)
        if parts.scheme or parts.netloc:
            origin = f"{parts.scheme or 'https'}://{parts.netloc}"
            if not self.origin or origin.rstrip("/") != self.origin or not (path + "/").startswith(self.base):
                return None, "", None  # another site
        if path.startswith("/"):
            if not (path + "/").startswith(self.base):
                return None, "", f"outside the site path {self.base}"
            rel = path[len(self.base) :] if len(path) >= len(self.base) else ""
        elif path:
            rel = posixpath.join(posixpath.dirname(page), path)
        else:
            rel = page  # "#fragment" or "?query" on the page itself
        trailing = rel.endswith("/") or rel == ""
        rel = posixpath.normpath(rel) if rel else "."
        if rel == ".." or rel.startswith("../"):
            return None, "", "leaves the site"
        rel = "" if rel == "." else rel
        candidate = self.root / rel
        if trailing or candidate.is_dir():
            rel = posixpath.join(rel, "index.html") if rel else "index.html"
        if not (self.root / rel).is_file():
            return rel, unquote(parts.fragment), "no such file"
        return rel, unquote(parts.fragment), None

    @staticmethod
    def lang_of(rel: str) -> str:
        return lang_of(rel) if "/" in rel else DEFAULT_LANG  # a built file under its language's folder

    def counterpart(self, rel: str, lang: str) -> str:
        """The same page's path in `lang`."""
        bare = rel.split("/", 1)[1] if self.lang_of(rel) != DEFAULT_LANG else rel
        return bare if lang == DEFAULT_LANG else f"{lang}/{bare}"


def check(root: Path, site_url: str, later: tuple[str, ...] = ()) -> tuple[list[str], int]:
    """Every problem as 'page: broken link -> target (reason)', and the number of links checked.

    `later`: globs of site files that a later step writes (e.g. handouts/*.pdf from `make handouts`);
    links to them are not reported as missing.
    """
    site = Site(root, site_url)
    problems: list[str] = []
    checked = 0
    for page in site.html_pages():
        for link in site.page(page).links:
            if not link.url:
                continue
            checked += 1
            rel, fragment, problem = site.target(page, link.url)
            if problem == "no such file" and rel and any(fnmatch.fnmatch(rel, pattern) for pattern in later):
                continue
            if problem:
                problems.append(f"{page}: broken link -> {link.url} ({problem}{': ' + rel if rel else ''})")
                continue
            if rel is None or not rel.endswith(".html"):
                continue
            if fragment and fragment not in site.page(rel).ids:
                problems.append(f"{page}: broken link -> {link.url} (no id '{fragment}' in {rel})")
            here, there = site.lang_of(page), site.lang_of(rel)
            if not link.hreflang and here != there:
                own = site.counterpart(rel, here)
                if (root / own).is_file():
                    problems.append(
                        f"{page}: broken link -> {link.url} (cross-language: a {here} page links to the "
                        f"{there} page {rel}, but the {here} page {own} exists)"
                    )
    return problems, checked


def site_url_of(root: Path) -> str:
    """The site's URL: $SITE_URL, else the first <loc> of its sitemap (the home page), else '/'."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    sitemap = root / "sitemap.xml"
    if sitemap.is_file():
        found = re.search(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return "/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site")
    parser.add_argument("--site-url", help="the site_url it was built for (default: from its sitemap.xml)")
    parser.add_argument(
        "--later",
        action="append",
        default=[],
        metavar="GLOB",
        help="site files written by a later step (e.g. 'handouts/*.pdf'): not reported as missing",
    )
    parser.add_argument(
        "--docs", type=Path, default=Path("docs"), help="the pages' sources, to name them in annotations"
    )


def located_in_source(problem: str, docs: Path) -> Problem:
    """'<page>.html: broken link -> URL (…)' as a problem in the page's Markdown source (docs/<lang>/…md),
    on the first line that contains the URL, so GitHub can show it in the pull request's diff."""
    page, message = problem.split(": ", 1)
    lang, bare = page.split("/", 1) if page.split("/", 1)[0] in OTHER_LANGS else (DEFAULT_LANG, page)
    stem = bare[: -len(".html")]
    stem = stem[: -len("/index")] if stem.endswith("/index") else "" if stem == "index" else stem
    url = message.removeprefix("broken link -> ").split(" ", 1)[0]
    for candidate in [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]:
        source = docs / written_source(lang) / candidate  # a derived language's pages come from its source's
        if source.is_file():
            rows = source.read_text(encoding="utf-8").splitlines()
            line = next((i for i, row in enumerate(rows, 1) if url and url in row), None)
            return Problem(f"docs/{lang}/{candidate}", line, f"{message} (in the built page {page})")
    return Problem(page, None, message)


def run(args: argparse.Namespace) -> int:
    root = args.site
    if not (root / "index.html").is_file():
        print(f"{root}: not a built site (no index.html); run `make build` first", file=sys.stderr)
        return 1
    problems, checked = check(root, args.site_url or site_url_of(root), tuple(args.later))
    emit([located_in_source(p, args.docs) for p in problems], sys.stdout)  # + annotations on GitHub Actions
    pages = len(list(root.rglob("*.html")))
    print(f"{checked} links in {pages} pages checked: {len(problems)} problem(s).", file=sys.stderr)
    return 1 if problems else 0
