"""A4 PDF handouts per stakeholder group and language, printed from a built site with Chromium.

Each handout page (docs/<lang>/handouts/<group>.md) is printed by headless Chromium, so the PDF
looks like the page's print view and embeds the real fonts (Noto CJK for Chinese). The browser
opens the page at its public address (the site_url the site was built for) and every request to
that address is answered from the built files, with no server and no network: links in the PDF
then lead to the public site, and a request to any other host is refused. The PDFs are written
next to the handout pages: <site>/handouts/<group>.pdf and <site>/zh/handouts/<group>.pdf.
Works on a site built with directory URLs (handouts/<group>/) or without (handouts/<group>.html).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from macros.core.languages import LANGS, language, prefix
from macros.core.load import load
from macros.tools.browser import chromium
from macros.tools.links import site_url_of
from macros.tools.pdftext import fix_text_layer

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HANDOUTS_DIR = "handouts"
MARGIN = {"top": "12mm", "bottom": "12mm", "left": "14mm", "right": "14mm"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--group", action="append", help="only this stakeholder group (repeatable; default: all)")
    parser.add_argument("--lang", action="append", choices=LANGS, help="only this language (repeatable; default: all)")


def pdf_path(site: Path, lang: str, group: str) -> Path:
    """Where a handout's PDF goes: next to its page, under the language's folder."""
    return site / prefix(lang) / HANDOUTS_DIR / f"{group}.pdf"


def public_root(site: Path) -> str:
    """The site_url the site was built for, ending in '/' (from its sitemap; see links.site_url_of)."""
    url = site_url_of(site)
    return url.removesuffix("index.html").rstrip("/") + "/"


def print_handouts(site: Path, groups: list[str], langs: list[str], browser: Any = None) -> list[Path]:
    """Print each (language, group) handout page to A4 PDF; returns the files written.

    `browser` is a running Playwright Chromium (the tests share theirs); by default one is launched.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p, chromium(p, CHROMIUM_ARGS) as launched:
            return print_handouts(site, groups, langs, launched)
    root = public_root(site)
    context = browser.new_context()
    context.route("**/*", lambda route: _answer(route, site, root))
    written: list[Path] = []
    try:
        page = context.new_page()
        written.extend(_print_one(page, root, site, lang, group) for lang in langs for group in groups)
    finally:
        context.close()
    return written


def _answer(route: Any, site: Path, root: str) -> None:
    """Answer a request under the public address from the built files; refuse every other host."""
    url = route.request.url.split("#", 1)[0].split("?", 1)[0]
    if not url.startswith(root):
        route.abort()
        return
    rel = unquote(urlsplit(url).path)[len(urlsplit(root).path):]
    target = site / rel
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    if target.is_file() and site.resolve() in target.resolve().parents:
        route.fulfill(path=str(target))
    else:
        route.fulfill(status=404, body="")


def handout_url(site: Path, root: str, lang: str, group: str) -> str:
    folder = site / prefix(lang) / HANDOUTS_DIR / group
    page = f"{group}/" if (folder / "index.html").is_file() else f"{group}.html"
    return f"{root}{prefix(lang)}{HANDOUTS_DIR}/{page}"


def _print_one(page: Any, root: str, site: Path, lang: str, group: str) -> Path:
    url = handout_url(site, root, lang, group)
    response = page.goto(url, wait_until="load")
    if response is None or response.status != 200:
        raise RuntimeError(f"the handout page {url} is missing from {site}")
    page.evaluate("document.fonts.ready")
    out = pdf_path(site, lang, group)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), format="A4", print_background=True, margin=MARGIN)
    fix_text_layer(out, language(lang).script)
    return out


def run(args: argparse.Namespace) -> int:
    site: Path = args.site
    if not (site / "index.html").is_file():
        print(f"{site} is not a built site; run `make build` first.", file=sys.stderr)
        return 1
    groups = args.group or list(load(args.data).stakeholder_groups)
    for path in print_handouts(site, groups, args.lang or list(LANGS)):
        print(path)
    return 0
