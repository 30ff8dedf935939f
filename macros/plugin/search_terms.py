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

from macros.core.languages import DEFAULT, LANGS, derive, prefix
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
        for term in kb.glossary.values():
            native = derive(lang, term.zh)  # the Chinese term, converted on a derived language's page
            title = f"{native}（{term.en}）" if lang != DEFAULT else f"{term.en} ({term.zh})"
            text = term.definition(lang)
            avoid = [*term.avoid.en, *dict.fromkeys([*term.avoid.zh, *(derive(lang, a) for a in term.avoid.zh)])]
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
