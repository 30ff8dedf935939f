"""Where each page is written: no page may be written where another page or a generator writes.

MkDocs writes each file to its dest_uri in turn, so two pages with one address (docs/en/changes.md
and docs/en/changes/index.md both become changes/index.html), or a page inside a folder the build
generates after the pages (go/, search/, downloads/), silently replace one another. Every such page
is refused, naming both writers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from macros.core.diagnostics import Problem
from macros.core.downloads import DOWNLOADS_DIR
from macros.core.messages import say
from macros.core.shortlinks import GO_DIR

# Folders (relative to a language's root) and files that the build writes itself, and the message key
# (data/messages/<lang>.yml) naming who writes them.
GENERATED: Mapping[str, str] = {
    f"{GO_DIR}/": "dest.go",
    "search/": "dest.search",
    f"{DOWNLOADS_DIR}/": "dest.downloads",
    "assets/": "dest.assets",
    "404.html": "dest.not_found",
    "sitemap.xml": "dest.sitemap",
    "sitemap.xml.gz": "dest.sitemap",
}


def clashes(written: Iterable[tuple[str, str, bool]], lang_prefix: str) -> list[Problem]:
    """Every writer whose address another writer or a generator has. `written` holds (dest_uri, writer,
    content) triples, a writer being `docs/<lang>/<page>.md`, a generated page's or a theme file's
    description, `content` whether it is the site's content (a theme file may be in assets/);
    `lang_prefix` is the language's folder in the site ('' or 'zh/')."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for dest, writer, content in written:
        if dest in first:
            problems.append(
                Problem(
                    writer,
                    None,
                    say("dest.clash", dest=dest, other=first[dest]),
                )
            )
            continue
        first[dest] = writer
        if not content:
            continue
        within = dest.removeprefix(lang_prefix) if dest.startswith(lang_prefix) else dest
        for place, generator in GENERATED.items():
            if within == place or (place.endswith("/") and within.startswith(place)):
                problems.append(
                    Problem(
                        writer,
                        None,
                        say("dest.generated", dest=dest, generator=say(generator)),
                    )
                )
    return problems
