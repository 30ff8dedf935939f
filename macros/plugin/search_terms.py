"""The glossary in the search index, one entry per term (issue 32).

Material's search indexes a page by its headings, so the glossary's table, a single section, came
out as one paragraph of every term run together. The table is kept out of the index
(data-search-exclude, macros/render/records.py glossary) and each term gets an entry of its own
here, at its row's anchor: its names in both languages as the title, its definition and the words
to avoid as the text. They join the combined index before it is split by language and segmented.
"""

from __future__ import annotations

import html
from typing import Any

from macros.core.labels import fill
from macros.core.languages import LANGS, WRITTEN, prefix, written_source
from macros.core.load import KnowledgeBase
from macros.core.pages import PAGES, anchor, page_url


def glossary_entries(kb: KnowledgeBase, directory_urls: bool, locations: set[str]) -> list[dict[str, Any]]:
    """An index entry per term, for each language whose glossary page is in the index (`locations`),
    located as the combined index locates pages."""
    page = page_url(PAGES["glossary"], directory_urls)
    entries = []
    for lang in LANGS:
        if f"{prefix(lang)}{page}" not in locations:
            continue
        paren = kb.strings[lang]["punct.paren"]  # " ({text})" in English, "（{text}）" in Chinese
        others = [code for code in WRITTEN if code != written_source(lang)]
        for term in kb.glossary.values():
            # the term in the page's language, then in the others: 企业社会责任（corporate social responsibility）
            names = kb.strings[lang]["punct.list"].join(term.name(other) for other in others)
            title = term.name(lang) + fill(paren, text=names)
            text = term.definition(lang)
            avoid = list(dict.fromkeys([*term.avoid.every(), *term.avoid(lang)]))  # a derived language's own too
            if avoid:
                text += " " + " ".join(avoid)
            entries.append(
                {
                    "location": f"{prefix(lang)}{page}#{anchor('glossary', term.id)}",
                    "title": html.escape(title, quote=False),
                    "text": html.escape(text, quote=False),
                }
            )
    return entries
