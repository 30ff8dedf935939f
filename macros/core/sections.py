"""Guide sections that data points into: `page#heading-id`, checked against the pages of both languages.

Every heading below the title carries an explicit `{ #id }`, the same in both languages, so a data
record can name a section once for both (data/changes.yml `affects.sections`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from macros.core.docs_tree import heading_ids, page_file
from macros.core.languages import WRITTEN
from macros.core.messages import say
from macros.core.yaml_source import DataError, LineList, line_of


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
            for lang in WRITTEN:
                path = page_file(docs_dir, lang, page)
                if path is None:
                    errors.append(
                        DataError(
                            "data/changes.yml",
                            line,
                            say("where", where=say("record", id=change.id),
                                text=say("sections.no_page", page=page, lang=lang)),
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
                            say("where", where=say("record", id=change.id), text=say(
                                "sections.no_heading", anchor=anchor, lang=lang,
                                page=path.relative_to(docs_dir / lang).as_posix())),
                        )
                    )
    return errors
