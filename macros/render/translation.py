"""The translation status page: translated pages and data records behind their source, as of this build."""

from __future__ import annotations

from macros.core.languages import TARGETS, written_source
from macros.render.html import esc, table
from macros.render.page import Page


def translation_status(p: Page) -> str:
    pages = p.ctx.docs.page_states()
    records = p.ctx.docs.record_states(p.kb)
    behind_pages = [s for s in pages if s.state != "current"]
    behind_records = [r for r in records if r.state != "current"]
    if not behind_pages and not behind_records:
        return f'<p class="kb-translation-status">{p.s("translation.all_current")}</p>'
    summary = p.s(
        "translation.summary",
        pages=str(len(behind_pages)),
        pagestotal=str(len(pages)),
        records=str(len(behind_records)),
        recordstotal=str(len(records)),
    )
    parts = [f'<p class="kb-translation-status">{summary}</p>']
    if behind_pages:
        rows = []
        missing = {(s.lang, s.path) for s in behind_pages if s.state == "missing"}
        for s in behind_pages:
            exists = (written_source(p.lang), s.path) not in missing  # this page's language has the page
            name = f'<a href="{p.ctx.link(s.path)}">{esc(s.path)}</a>' if exists else esc(s.path)
            rows.append(
                (
                    {"data-state": s.state},
                    [name, f"<code>docs/{s.lang}/{esc(s.path)}</code>", p.s("translation.state." + s.state)],
                )
            )
        headers = [p.s("translation.col_page"), p.s("translation.col_file"), p.s("translation.col_status")]
        parts.append(table("kb-translation-pages", p.s("translation.caption_pages"), headers, rows))
    else:
        parts.append(f"<p>{p.s('translation.pages_current')}</p>")
    if behind_records:
        rows = [
            (
                {"data-state": r.state},
                [
                    # with more than one translation, each record is listed once per language behind
                    f"<code>{esc(r.key if len(TARGETS) == 1 else f'{r.lang}: {r.key}')}</code>",
                    f"<code>{esc(r.file)}:{r.line}</code>",
                    p.s("translation.state." + r.state),
                ],
            )
            for r in behind_records
        ]
        headers = [p.s("translation.col_record"), p.s("translation.col_file"), p.s("translation.col_status")]
        parts.append(table("kb-translation-records", p.s("translation.caption_records"), headers, rows))
    else:
        parts.append(f"<p>{p.s('translation.records_current')}</p>")
    return "".join(parts)
