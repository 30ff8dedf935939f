"""The supplier self-assessment as a form; answers stay in the reader's browser (see checklist.js).

Everything the script shows is in the markup, in the page's language: each item's next steps (a
plain list that works and prints without the script), the results table, and every message as a
data- attribute of the form. The script only counts, copies and fills in.
"""

from __future__ import annotations

from macros.core.model import ChecklistItem
from macros.core.pages import PAGES
from macros.core.shortlinks import page_title
from macros.render.html import esc, esc_attr
from macros.render.page import Page

ANSWERS = ("yes", "partly", "no", "na")
# The export file's identity: checklist.js refuses any other format or version.
FILE_FORMAT = "shenzhen-ict-csr-self-assessment"
FILE_VERSION = 1
RBA_CODE = "rba-code-v8"  # the source of the section codes (data/sources.yml)
# Messages the script needs, label key (under self_assessment.) -> data attribute on the form.
MESSAGES = (
    "summary",
    "score_value",
    "score_none",
    "your_answer",
    "previous_col",
    "confirm_reset",
    "confirm_replace",
    "import_ok",
    "compare_ok",
    "error_json",
    "error_format",
    "error_version",
    "error_content",
    "saved_file",
    "reset_done",
    "storage_off",
)


def next_steps(p: Page, item: ChecklistItem) -> list[str]:
    """The item's next steps as list items: actions (on their plan), recommendations, guides."""
    kb = p.kb
    steps = []
    for aid in item.actions:
        action = kb.actions[aid]
        href = p.ctx.link(PAGES["plan"].format(group=action.group), f"action-{aid}")
        steps.append(
            f'<li class="kb-step kb-step-action">{p.colon(p.s("self_assessment.kind_action"), "")}'
            f'<a href="{href}">{p.t(action.step)}</a></li>'
        )
    for rid in item.recommendations:
        steps.append(
            f'<li class="kb-step kb-step-recommendation">{p.colon(p.s("self_assessment.kind_recommendation"), "")}'
            f'<a href="{p.to("recommendations", rid)}">{p.t(kb.recommendations[rid].title)}</a></li>'
        )
    for guide in item.guides:
        href = p.ctx.link(guide)  # fails the build when the guide is missing in this language
        title = page_title(p.ctx.docs_dir / p.lang, guide)
        steps.append(
            f'<li class="kb-step kb-step-guide">{p.colon(p.s("self_assessment.kind_guide"), "")}'
            f'<a href="{href}">{esc(title)}</a></li>'
        )
    return steps


def rba_section(p: Page, item: ChecklistItem) -> str:
    """Today's counterpart of the 2008 basis: 'RBA Code 8.0: A3 Working Hours', with its source."""
    code = item.rba_section.value
    text = p.colon(p.s("rba.label"), f"{code} {p.s('rba.' + code)}")
    return p.cited(text, [RBA_CODE])


def _item(p: Page, item: ChecklistItem) -> str:
    radios = "".join(
        f'<label><input type="radio" name="{item.id}" value="{a}"> {p.s("checklist." + a)}</label>' for a in ANSWERS
    )
    return (
        f'<div class="kb-check-item" id="check-{item.id}" data-item="{item.id}">'
        f'<p class="kb-check-q" id="q-{item.id}">{p.t(item.question)}</p>'
        f'<p class="kb-meta">{p.cited(p.colon(p.s("col.basis"), p.t(item.basis)), item.sources)}</p>'
        f'<p class="kb-meta kb-check-rba">{rba_section(p, item)}</p>'
        f'<div class="kb-check-answers" role="radiogroup" aria-labelledby="q-{item.id}">{radios}</div>'
        f'<details class="kb-check-next"><summary>{p.s("self_assessment.next_if")}</summary>'
        f'<ul class="kb-steps" data-steps-for="{item.id}">{"".join(next_steps(p, item))}</ul></details></div>'
    )


def _results(p: Page) -> str:
    """The results: company and date, a score per area, and the plan (filled in by the script)."""
    rows = "".join(
        f'<tr data-section="{sec.id}"><th scope="row">{p.t(sec.title)}</th>'
        + "".join(f'<td data-count="{c}"></td>' for c in ("yes", "partly", "no", "na", "open"))
        + '<td data-count="score"></td><td data-count="previous" class="kb-prev"></td></tr>'
        for sec in p.kb.checklist.values()
    )
    prev = ' class="kb-prev"'
    heads = "".join(
        f'<th scope="col"{prev if c == "previous" else ""}>{p.s("self_assessment.col_" + c)}</th>'
        for c in ("area", "yes", "partly", "no", "na", "open", "score", "previous")
    )
    total = (
        '<tr class="kb-check-total" data-section=""><th scope="row">'
        + p.s("self_assessment.all_areas")
        + "</th>"
        + "".join(f'<td data-count="{c}"></td>' for c in ("yes", "partly", "no", "na", "open", "score"))
        + '<td data-count="previous" class="kb-prev"></td></tr>'
    )
    return (
        '<section class="kb-check-results kb-js-only" aria-labelledby="kb-results-title">'
        f'<h2 id="kb-results-title">{p.s("self_assessment.results")}</h2>'
        f'<p class="kb-check-stamp"><span>{p.colon(p.s("self_assessment.company_short"), "")}'
        f'<strong data-field="company"></strong></span> '
        f'<span>{p.colon(p.s("self_assessment.date"), "")}<strong data-field="date"></strong></span></p>'
        '<p class="kb-check-summary" role="status" aria-live="polite"></p>'
        '<div class="kb-table-wrap" role="region" aria-labelledby="kb-scores-caption" tabindex="0">'
        f'<table class="kb-table kb-check-scores" id="kb-scores">'
        f'<caption id="kb-scores-caption">{p.s("self_assessment.caption_scores")}</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>{rows}{total}</tbody></table></div>"
        f'<p class="kb-meta">{p.s("self_assessment.score_rule")}</p>'
        f'<p class="kb-check-compared kb-meta" data-field="compared" hidden></p>'
        f'<h3 id="kb-plan-title">{p.s("self_assessment.next_steps")}</h3>'
        f'<p class="kb-check-plan-intro">{p.s("self_assessment.plan_intro")}</p>'
        f'<p class="kb-check-plan-empty">{p.s("self_assessment.plan_empty")}</p>'
        '<ol class="kb-check-plan" aria-labelledby="kb-plan-title"></ol>'
        "</section>"
    )


def _tools(p: Page) -> str:
    """Save, open, compare and clear: buttons that only the script can serve (hidden without it)."""
    buttons = "".join(
        f'<button type="button" data-action="{a}">{p.s("self_assessment." + a)}</button> '
        for a in ("export", "import", "compare")
    )
    return (
        f'<p class="kb-check-buttons">{buttons}'
        f'<button type="button" data-action="print-result">{p.s("self_assessment.print_result")}</button> '
        f'<button type="button" data-action="print">{p.s("checklist.print")}</button> '
        f'<button type="reset">{p.s("checklist.reset")}</button></p>'
        '<input type="file" accept=".json,application/json" class="kb-check-file"'
        ' hidden tabindex="-1" aria-hidden="true">'
        '<p class="kb-check-message" role="status" aria-live="polite"></p>'
    )


def checklist(p: Page) -> str:
    sections = []
    for sec in p.kb.checklist.values():
        items = "".join(_item(p, item) for item in sec.items)
        sections.append(
            f'<fieldset class="kb-check-section" id="check-{sec.id}" data-section="{sec.id}">'
            f'<legend>{p.t(sec.title)}</legend>'
            f'{items}<p class="kb-check-score" aria-live="polite"></p></fieldset>'
        )
    months = "|".join(p.plain(f"month.{m}") for m in range(1, 13))
    data = "".join(f' data-msg-{m.replace("_", "-")}="{esc_attr(p.plain("self_assessment." + m))}"' for m in MESSAGES)
    answers = "".join(f' data-answer-{a}="{esc_attr(p.plain("checklist." + a))}"' for a in ANSWERS)
    return (
        f'<form class="kb-checklist" data-kb-checklist data-format="{FILE_FORMAT}" data-version="{FILE_VERSION}" '
        f'data-lang="{p.lang}" data-template="{esc_attr(p.plain("self_assessment.summary"))}" '
        f'data-date="{esc_attr(p.plain("date.day"))}" data-months="{esc_attr(months)}"{data}{answers}>'
        f'<p class="kb-check-privacy">{p.s("self_assessment.privacy")}</p>'
        '<p class="kb-check-company"><label for="kb-company">' + p.s("self_assessment.company") + "</label>"
        '<input id="kb-company" name="kb-company" type="text" autocomplete="organization" maxlength="200" '
        'aria-describedby="kb-company-hint">'
        f'<span class="kb-meta" id="kb-company-hint">{p.s("self_assessment.company_hint")}</span></p>'
        + "".join(sections)
        + _results(p)
        + _tools(p)
        + "</form>"
    )
