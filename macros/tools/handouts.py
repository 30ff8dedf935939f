"""A4 PDF handouts per stakeholder group and language, printed from the built site with Chromium.

Each handout page (docs/<lang>/handouts/<group>.md) is served locally and printed by headless
Chromium, so the PDF looks like the page's print view and embeds the real fonts (Noto CJK for
Chinese). The PDFs are written into the built site, next to the handout pages:
site/handouts/<group>.pdf and site/zh/handouts/<group>.pdf.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.core.languages import LANGS
from macros.core.load import load
from macros.tools.pdftext import fix_text_layer
from macros.tools.static_server import serving

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HANDOUTS_DIR = "handouts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--group", action="append", help="only this stakeholder group (repeatable; default: all)")
    parser.add_argument("--lang", action="append", choices=LANGS, help="only this language (repeatable; default: all)")


def pdf_path(site: Path, lang: str, group: str) -> Path:
    """Where a handout's PDF goes: next to its page, under the language's folder."""
    return site / ("" if lang == LANGS[0] else lang) / HANDOUTS_DIR / f"{group}.pdf"


def print_handouts(site: Path, groups: list[str], langs: list[str], browser=None) -> list[Path]:
    """Print each (language, group) handout page to A4 PDF; returns the files written.

    `browser` is a running Playwright Chromium (the tests share theirs); by default one is launched.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return print_handouts(site, groups, langs, launched)
            finally:
                launched.close()
    written = []
    with serving(site) as base:
        page = browser.new_page()
        try:
            for lang in langs:
                for group in groups:
                    written.append(_print_one(page, base, site, lang, group))
        finally:
            page.close()
    return written


def _print_one(page, base: str, site: Path, lang: str, group: str) -> Path:
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    response = page.goto(f"{base}/{prefix}{HANDOUTS_DIR}/{group}/", wait_until="networkidle")
    if response is None or response.status != 200:
        raise RuntimeError(f"the handout page {prefix}{HANDOUTS_DIR}/{group}/ is missing from {site}")
    page.evaluate("document.fonts.ready")
    out = pdf_path(site, lang, group)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), format="A4", print_background=True,
             margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    fix_text_layer(out)
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
