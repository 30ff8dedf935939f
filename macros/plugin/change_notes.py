"""Puts a "Since then:" note right after every guide heading that data/changes.yml names in `affects.sections`.

The guides' Markdown stays as written (the 2007–08 record); the note is added to the rendered
HTML of each language's page, after the heading whose id the entry names.
"""

from __future__ import annotations

import re

from macros.core.docs_tree import page_file
from macros.core.languages import written_source
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.plugin.engine import MkDocsConfig, PluginError
from macros.plugin.engine import Page as MkPage
from macros.plugin.entry import context_for
from macros.render import Page
from macros.render.changes import now_note


def inject_now_notes(html: str, page: MkPage, config: MkDocsConfig, kb: KnowledgeBase) -> str:
    ctx = context_for(page, config, kb)
    written = written_source(ctx.lang)  # a derived page (zh-Hant) gets the notes of the page it is converted from
    here = ctx.docs_dir / written / ctx.src_path
    by_heading: dict[str, list[str]] = {}
    for change in kb.changes.values():
        for section in change.affects.sections:
            page_path, _, heading = section.partition("#")
            if page_file(ctx.docs_dir, written, page_path) == here and section not in by_heading.get(heading, []):
                by_heading.setdefault(heading, []).append(section)
    p = Page(kb, ctx)
    for heading, sections in by_heading.items():
        note = "".join(now_note(p, "sections", s) for s in sections)
        pattern = re.compile(rf'(<h([1-6])\b[^>]*\bid="{re.escape(heading)}"[^>]*>.*?</h\2>)', re.DOTALL)
        html, found = pattern.subn(lambda m: m.group(1) + note, html, count=1)  # noqa: B023 - used at once
        if not found:  # the loader checked the Markdown; a heading lost in rendering must not pass silently
            where = f"docs/{ctx.lang}/{ctx.src_path}"
            raise PluginError(say("changes.heading_lost", page=where, heading=heading))
    return html
