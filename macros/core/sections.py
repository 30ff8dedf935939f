"""Guide sections that data points into: `page#heading-id`, checked against the pages of both languages.

Every heading below the title carries an explicit `{ #id }`, the same in both languages, so a data
record can name a section once for both (data/changes.yml `affects.sections`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from macros.core.languages import LANGS
from macros.core.yaml_source import DataError, LineList, line_of

_HEADING_ID = re.compile(r"^#{1,6}\s+(.*?)\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)


def page_file(docs_dir: Path, lang: str, page: str) -> Path | None:
    """The Markdown file of `page` (a path without .md; `plans` may be `plans/index.md`), or None."""
    for candidate in (docs_dir / lang / f"{page}.md", docs_dir / lang / page / "index.md"):
        if candidate.is_file():
            return candidate
    return None


def heading_titles(path: Path) -> dict[str, str]:
    """Heading id -> heading text (as written in the Markdown) for every heading with an explicit `{ #id }`."""
    return {hid: title for title, hid in _HEADING_ID.findall(path.read_text(encoding="utf-8"))}


def heading_ids(path: Path) -> set[str]:
    """The explicit `{ #id }` of every heading in a Markdown file."""
    return set(heading_titles(path))


def section_problems(
    raw: LineList, changes: Mapping[str, Any], docs_dir: Path, raw_index: Callable[[LineList, str], tuple[int, ...]]
) -> list[DataError]:
    """A DataError (file:line) for every `affects.sections` entry whose page or heading is missing in a language."""
    errors: list[DataError] = []
    ids: dict[Path, set[str]] = {}
    for change in changes.values():
        for j, section in enumerate(change.affects.sections):
            page, _, anchor = section.partition("#")
            line = line_of(raw, (*raw_index(raw, change.id), "affects", "sections", j))
            for lang in LANGS:
                path = page_file(docs_dir, lang, page)
                if path is None:
                    errors.append(
                        DataError(
                            "data/changes.yml",
                            line,
                            f"record '{change.id}': affects.sections names the page '{page}', "
                            f"which is not in docs/{lang}/",
                        )
                    )
                    continue
                if path not in ids:
                    ids[path] = heading_ids(path)
                if anchor not in ids[path]:
                    errors.append(
                        DataError(
                            "data/changes.yml",
                            line,
                            f"record '{change.id}': affects.sections names the heading '#{anchor}', which "
                            f"docs/{lang}/{path.relative_to(docs_dir / lang).as_posix()} has no heading with "
                            "(give the heading `{ #" + anchor + " }` in both languages)",
                        )
                    )
    return errors
