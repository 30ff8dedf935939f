"""mkdocs-static-i18n's search de-duplication, in time linear in the entries.

At the end of the build the i18n plugin drops every entry of another language's index that repeats
a default-language entry (same title and text, location ending in the default one's): its
`reconfigure_search_duplicates` compares each default-language entry with every other-language
entry, and removes them with `list.remove`, so the time grows with the square of the entries
(over a minute at 30 times today's data; BENCHMARK.md). This method does the same comparison
through an index on (title, text). It replaces the method on this build's plugin instance only
(mkdocs-static-i18n 1.3; `install` leaves any other version's plugin alone).
"""

from __future__ import annotations

from typing import Any

from macros.plugin import engine
from macros.plugin.engine import MkDocsConfig

Entry = dict[str, Any]


def install(config: MkDocsConfig) -> None:
    """Use `drop_duplicates` for this build's i18n plugin (called from on_config)."""
    engine.replace_search_dedup(config, drop_duplicates)


def drop_duplicates(plugin: Any, entries: list[Entry]) -> None:
    """Remove, in place, each other-language entry that repeats a default-language entry."""
    prefixes = tuple(f"{lang}/" for lang in engine.build_languages(plugin))
    others: dict[tuple[str, str], list[int]] = {}
    for i, entry in enumerate(entries):
        if entry["location"].startswith(prefixes):
            others.setdefault((entry["title"], entry["text"]), []).append(i)
    dropped: set[int] = set()
    for entry in entries:
        if entry["location"].startswith(prefixes):
            continue
        for i in others.get((entry["title"], entry["text"]), ()):
            if i not in dropped and entries[i]["location"].endswith(entry["location"]):
                dropped.add(i)
    if dropped:
        entries[:] = [entry for i, entry in enumerate(entries) if i not in dropped]
