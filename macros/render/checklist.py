"""The supplier self-assessment as a form; answers stay in the reader's browser (see checklist.js)."""

from __future__ import annotations

from macros.render.html import esc_attr
from macros.render.page import Page

ANSWERS = ("yes", "partly", "no", "na")


def checklist(p: Page) -> str:
    sections = []
    for sec in p.kb.checklist.values():
        items = []
        for item in sec.items:
            radios = "".join(
                f'<label><input type="radio" name="{item.id}" value="{a}"> {p.s("checklist." + a)}</label>' for a in ANSWERS
            )
            items.append(
                f'<div class="kb-check-item" id="check-{item.id}"><p class="kb-check-q" id="q-{item.id}">{p.t(item.question)}</p>'
                f'<p class="kb-meta">{p.cited(p.colon(p.s("col.basis"), p.t(item.basis)), item.sources)}</p>'
                f'<div class="kb-check-answers" role="radiogroup" aria-labelledby="q-{item.id}">{radios}</div></div>'
            )
        sections.append(
            f'<fieldset class="kb-check-section" id="check-{sec.id}" data-section="{sec.id}"><legend>{p.t(sec.title)}</legend>'
            f'{"".join(items)}<p class="kb-check-score" aria-live="polite"></p></fieldset>'
        )
    return (
        f'<form class="kb-checklist" data-kb-checklist data-template="{esc_attr(p.strings["checklist.summary"])}">'
        + "".join(sections)
        + '<p class="kb-check-summary" role="status" aria-live="polite"></p>'
        f'<p class="kb-check-buttons"><button type="button" data-action="print">{p.s("checklist.print")}</button> '
        f'<button type="reset">{p.s("checklist.reset")}</button></p></form>'
    )
