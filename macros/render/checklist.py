"""The supplier self-assessment as a form; answers stay in the reader's browser (see checklist.js).

Everything the script shows is in the markup, in the page's language: each item's next steps (a
plain list that works and prints without the script), the results table, and every message as a
data- attribute of the form. The script only counts, copies and fills in.
"""

from __future__ import annotations

from macros.core.model import ChecklistItem
from macros.core.pages import PAGES, anchor
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
PHONE_MESSAGES = ("saved_csv", "gaps", "progress")  # label key phone.sa_<m> -> data-msg-<m>


def next_steps(p: Page, item: ChecklistItem) -> list[str]:
    """The item's next steps as list items: actions (on their plan), recommendations, guides."""
    kb = p.kb
    steps = []
    for aid in item.actions:
        action = kb.actions[aid]
        href = p.ctx.link(PAGES["plan"].format(group=action.group), anchor("actions", aid))
        steps.append(
            f'<li class="kb-step kb-step-action">{p.colon(p.label("self_assessment.kind_action"), "")}'
            f'<a href="{href}">{p.text(action.step)}</a></li>'
        )
    steps.extend(
        f'<li class="kb-step kb-step-recommendation">{p.colon(p.label("self_assessment.kind_recommendation"), "")}'
        f'<a href="{p.to("recommendations", rid)}">{p.text(kb.recommendations[rid].title)}</a></li>'
        for rid in item.recommendations
    )
    for guide in item.guides:
        href = p.ctx.link(guide)  # fails the build when the guide is missing in this language
        title = p.ctx.docs.title(p.lang, guide)
        steps.append(
            f'<li class="kb-step kb-step-guide">{p.colon(p.label("self_assessment.kind_guide"), "")}'
            f'<a href="{href}">{esc(title)}</a></li>'
        )
    return steps


def rba_section(p: Page, item: ChecklistItem) -> str:
    """Today's counterpart of the 2008 basis: 'RBA Code 8.0: A3 Working Hours', with its source."""
    code = item.rba_section.value
    text = p.colon(p.label("rba.label"), f"{code} {p.label('rba.' + code)}")
    return p.cited(text, [RBA_CODE])


def _item(p: Page, item: ChecklistItem) -> str:
    radios = "".join(
        f'<label><input type="radio" name="{item.id}" value="{a}"> {p.label("checklist." + a)}</label>' for a in ANSWERS
    )
    return (
        f'<div class="kb-check-item" id="check-{item.id}" data-item="{item.id}">'
        f'<p class="kb-check-q" id="q-{item.id}">{p.text(item.question)}</p>'
        f'<p class="kb-meta">{p.cited(p.colon(p.label("col.basis"), p.text(item.basis)), item.sources)}</p>'
        f'<p class="kb-meta kb-check-rba">{rba_section(p, item)}</p>'
        f'<div class="kb-check-answers" role="radiogroup" aria-labelledby="q-{item.id}">{radios}</div>'
        f'<details class="kb-check-next"><summary>{p.label("self_assessment.next_if")}</summary>'
        f'<ul class="kb-steps" data-steps-for="{item.id}">{"".join(next_steps(p, item))}</ul></details></div>'
    )


COUNTS = ("yes", "partly", "no", "na", "open")
# CSV column labels (data-col-<key> on the form): the score table's and the answer list's.
CSV_COLUMNS = {
    "company": "self_assessment.company_short",
    "date": "self_assessment.date",
    "area": "self_assessment.col_area",
    **{c: f"self_assessment.col_{c}" for c in (*COUNTS, "score")},
    "all": "self_assessment.all_areas",
    "question": "phone.sa_col_question",
    "answer": "phone.sa_col_answer",
    "steps": "phone.sa_col_steps",
}


def _bars(p: Page) -> str:
    """A score per area as a bar and a number, and how many answers to work on (filled in by the script)."""
    items = "".join(
        f'<li data-section="{sec.id}"><span class="kb-check-bar-name">{p.text(sec.title)}</span>'
        '<span class="kb-check-bar" aria-hidden="true"><span class="kb-check-bar-fill"></span></span>'
        '<strong class="kb-check-bar-score" data-field="score"></strong>'
        '<span class="kb-check-bar-gaps kb-meta" data-field="gaps"></span>'
        '<span class="kb-check-bar-prev kb-meta kb-prev" data-field="previous"></span></li>'
        for sec in p.kb.checklist.values()
    )
    return f'<ul class="kb-check-bars" aria-labelledby="kb-results-title">{items}</ul>'


def _scores_table(p: Page) -> str:
    """Every count per area, in a collapsed table (cards on a phone: each cell carries its label)."""
    cols = (*COUNTS, "score")
    labels = {c: esc_attr(p.plain("self_assessment.col_" + c)) for c in (*cols, "previous")}

    def cells() -> str:
        return (
            "".join(f'<td data-count="{c}" data-label="{labels[c]}"></td>' for c in cols)
            + f'<td data-count="previous" data-label="{labels["previous"]}" class="kb-prev"></td>'
        )

    rows = "".join(
        f'<tr data-section="{sec.id}"><th scope="row">{p.text(sec.title)}</th>{cells()}</tr>'
        for sec in p.kb.checklist.values()
    )
    all_areas = p.label("self_assessment.all_areas")
    total = f'<tr class="kb-check-total" data-section=""><th scope="row">{all_areas}</th>{cells()}</tr>'
    prev = ' class="kb-prev"'
    heads = "".join(
        f'<th scope="col"{prev if c == "previous" else ""}>{p.label("self_assessment.col_" + c)}</th>'
        for c in ("area", *cols, "previous")
    )
    return (
        f'<details class="kb-check-figures"><summary>{p.label("phone.sa_figures")}</summary>'
        '<div class="kb-table-wrap" role="region" aria-labelledby="kb-scores-caption" tabindex="0">'
        f'<table class="kb-table kb-check-scores" id="kb-scores">'
        f'<caption id="kb-scores-caption">{p.label("self_assessment.caption_scores")}</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>{rows}{total}</tbody></table></div>"
        f'<p class="kb-meta">{p.label("self_assessment.score_rule")}</p></details>'
    )


def _results(p: Page) -> str:
    """The result, summary first: company and date, a bar per area, the next steps (one line per
    answer, its steps folded under it), then every count in a collapsed table."""
    return (
        '<section class="kb-check-results kb-js-only" aria-labelledby="kb-results-title">'
        f'<h2 id="kb-results-title">{p.label("self_assessment.results")}</h2>'
        f'<p class="kb-check-stamp"><span>{p.colon(p.label("self_assessment.company_short"), "")}'
        f'<strong data-field="company"></strong></span>'  # no space: the flex gap spaces them
        f'<span>{p.colon(p.label("self_assessment.date"), "")}<strong data-field="date"></strong></span></p>'
        '<p class="kb-check-summary" role="status" aria-live="polite"></p>'
        '<p class="kb-check-download">'
        f'<button type="button" data-action="csv">{p.label("phone.sa_csv")}</button></p>'
        + _bars(p)
        + f'<p class="kb-check-compared kb-meta" data-field="compared" hidden></p>'
        f'<h3 id="kb-plan-title">{p.label("self_assessment.next_steps")}</h3>'
        f'<p class="kb-check-plan-intro">{p.label("self_assessment.plan_intro")}</p>'
        f'<p class="kb-check-plan-intro kb-meta">{p.label("phone.sa_plan_tap")}</p>'
        f'<p class="kb-check-plan-empty">{p.label("self_assessment.plan_empty")}</p>'
        '<ol class="kb-check-plan" aria-labelledby="kb-plan-title"></ol>'
        + _scores_table(p)
        + "</section>"
    )


def _tools(p: Page) -> str:
    """Download, print, save, open, compare and clear: buttons that only the script can serve (hidden without it)."""
    buttons = "".join(
        f'<button type="button" data-action="{a}">{p.label(key)}</button> '
        for a, key in (
            ("print-result", "self_assessment.print_result"),
            ("export", "self_assessment.export"),
            ("import", "self_assessment.import"),
            ("compare", "self_assessment.compare"),
            ("print", "checklist.print"),
        )
    )
    return (
        f'<p class="kb-check-buttons">{buttons}'
        f'<button type="reset">{p.label("checklist.reset")}</button></p>'
        '<input type="file" accept=".json,application/json" class="kb-check-file"'
        ' hidden tabindex="-1" aria-hidden="true">'
        '<p class="kb-check-message" role="status" aria-live="polite"></p>'
    )


def _bar(p: Page) -> str:
    """The bar at the foot of the screen from the top of the page to the end of the form (issue 32): how
    many questions are answered and one tap to the result and its download. It follows the form, so
    that it sticks (kb.css) over the whole page above; the script fills it in and shows it."""
    return (
        '<div class="kb-check-bar-sticky" hidden>'
        '<span class="kb-check-progress" data-field="progress"></span>'  # the summary announces changes
        f'<a class="kb-check-to-results" href="#kb-results-title">{p.label("phone.sa_to_results")}</a></div>'
    )


def checklist(p: Page) -> str:
    sections = []
    for sec in p.kb.checklist.values():
        items = "".join(_item(p, item) for item in sec.items)
        sections.append(
            f'<fieldset class="kb-check-section" id="{anchor("checklist", sec.id)}" data-section="{sec.id}">'
            f'<legend>{p.text(sec.title)}</legend>'
            f'{items}<p class="kb-check-score" aria-live="polite"></p></fieldset>'
        )
    months = "|".join(p.plain(f"month.{m}") for m in range(1, 13))
    data = "".join(f' data-msg-{m.replace("_", "-")}="{esc_attr(p.plain("self_assessment." + m))}"' for m in MESSAGES)
    data += "".join(f' data-msg-{m.replace("_", "-")}="{esc_attr(p.plain("phone.sa_" + m))}"' for m in PHONE_MESSAGES)
    answers = "".join(f' data-answer-{a}="{esc_attr(p.plain("checklist." + a))}"' for a in ANSWERS)
    columns = "".join(f' data-col-{k}="{esc_attr(p.plain(key))}"' for k, key in CSV_COLUMNS.items())
    return (
        f'<form class="kb-checklist" data-kb-checklist data-format="{FILE_FORMAT}" data-version="{FILE_VERSION}" '
        f'data-lang="{p.lang}" data-template="{esc_attr(p.plain("self_assessment.summary"))}" '
        f'data-date="{esc_attr(p.plain("date.day"))}" data-months="{esc_attr(months)}"{data}{answers}{columns}>'
        f'<p class="kb-check-privacy">{p.label("self_assessment.privacy")}</p>'
        '<p class="kb-check-company"><label for="kb-company">' + p.label("self_assessment.company") + "</label>"
        '<input id="kb-company" name="kb-company" type="text" autocomplete="organization" maxlength="200" '
        'aria-describedby="kb-company-hint">'
        f'<span class="kb-meta" id="kb-company-hint">{p.label("self_assessment.company_hint")}</span></p>'
        + "".join(sections)
        + _results(p)
        + _tools(p)
        + "</form>"
        + _bar(p)
    )
