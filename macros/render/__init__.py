"""Pure renderers: the validated knowledge base + a page context -> HTML for that page.

Nothing here imports MkDocs. MACROS is the list of macros pages may call, each a function
`(page, *literal arguments) -> str`; the plugin registers exactly these.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.render import checklist, kit, plans, record_page, records, translation
from macros.render.context import MissingPage, PageContext
from macros.render.page import Page

Macro = Callable[..., str]

MACROS: dict[str, Macro] = {
    "recommendations_table": records.recommendations_table,
    "findings": records.findings,
    "root_causes": records.root_causes,
    "costs_benefits": records.costs_benefits,
    "partners": records.partners,
    "timeline": records.timeline,
    "glossary": records.glossary,
    "sources": records.sources,
    "cite": records.cite,
    "label": records.label,
    "group_name": records.group_name,
    "group_profile": records.group_profile,
    "action_plan": plans.action_plan,
    "checklist": checklist.checklist,
    "translation_status": translation.translation_status,
    "qr": kit.qr,
    "short_links_table": kit.short_links_table,
    "handouts_table": kit.handouts_table,
    "handout": kit.handout,
    "downloads": kit.downloads,
    "record_page": record_page.record_page,
    "record_title": record_page.title,
}

__all__ = ["MACROS", "MissingPage", "Page", "PageContext"]
