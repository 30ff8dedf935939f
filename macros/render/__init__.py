"""Pure renderers: the validated knowledge base + a page context -> HTML for that page.

Nothing here imports MkDocs. MACROS is the list of macros pages may call, each a function
`(page, *literal arguments) -> str`; the plugin registers exactly these.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.render import (
    changes,
    charts,
    checklist,
    facilitation,
    kit,
    plans,
    record_lists,
    record_page,
    rules,
    situations,
    translation_page,
    worksheet,
)
from macros.render.context import MissingPage, PageContext
from macros.render.page import Page

Macro = Callable[..., str]

MACROS: dict[str, Macro] = {
    "recommendations_table": record_lists.recommendations_table,
    "findings": record_lists.findings,
    "root_causes": record_lists.root_causes,
    "costs_benefits": record_lists.costs_benefits,
    "partners": record_lists.partners,
    "timeline": record_lists.timeline,
    "glossary": record_lists.glossary,
    "sources": record_lists.sources,
    "changes_timeline": changes.changes_timeline,
    "cite": record_lists.cite,
    "label": record_lists.label,
    "group_name": record_lists.group_name,
    "group_profile": record_lists.group_profile,
    "action_plan": plans.action_plan,
    "checklist": checklist.checklist,
    "translation_status": translation_page.translation_status,
    "qr": kit.qr,
    "short_links_table": kit.short_links_table,
    "handouts_table": kit.handouts_table,
    "handout": kit.handout,
    "downloads": kit.downloads,
    "offline_copy": kit.offline_copy,
    "facilitator_pack": facilitation.facilitator_pack,
    "role_cards": facilitation.role_cards,
    "root_cause_sheet": facilitation.root_cause_sheet,
    "feedback_groups": facilitation.feedback_groups,
    "stakeholder_map": charts.stakeholder_map,
    "root_cause_graph": charts.root_cause_graph,
    "timeline_chart": charts.timeline_chart,
    "minimum_wage_chart": charts.minimum_wage_chart,
    "recommendation_matrix": charts.recommendation_matrix,
    "checklist_chart": charts.checklist_chart,
    "record_page": record_page.record_page,
    "record_title": record_page.title,
    "worksheet_warning": worksheet.worksheet_warning,
    "minimum_wage_now": worksheet.minimum_wage_now,
    "worksheet_result_warnings": worksheet.worksheet_result_warnings,
    "worksheet_clear": worksheet.worksheet_clear,
    "rule": rules.rule,
    "rule_says": rules.rule_says,
    "rule_basis": rules.rule_basis,
    "rule_list": rules.rule_list,
    "rule_number": rules.rule_number,
    "wage_level": rules.wage_level,
    "rules_table": rules.rules_table,
    "situations": situations.situations_index,
    "channels": situations.channels,
}

__all__ = ["MACROS", "MissingPage", "Page", "PageContext"]
