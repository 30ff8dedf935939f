"""The scripts a page loads, chosen in code: a page's front matter may not name scripts (content is not
code), so the pages that need one of the site's scripts (overrides/assets/javascripts/) are listed here.
overrides/main.html loads `page.meta.scripts`, which only this module sets.
"""

from __future__ import annotations

from macros.plugin.engine import Page, page_lang

# Page path (relative to docs/<lang>/) -> the scripts it loads, in order.
PAGE_SCRIPTS: dict[str, tuple[str, ...]] = {
    "guides/self-assessment.md": ("checklist.js", "checklist-chart.js"),
    "guides/cost-benefit-worksheet.md": ("worksheet.js",),
}


def set_scripts(page: Page) -> None:
    lang = page_lang(page.file)
    page.meta["scripts"] = list(PAGE_SCRIPTS.get(page.file.src_uri.removeprefix(f"{lang}/"), ()))
