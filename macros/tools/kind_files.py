"""The files besides the schemas that are generated from the registry of kinds (macros/core/kinds.py), so
that a new kind reaches them without an edit: the editor's map from data files to schemas
(.vscode/settings.json `yaml.schemas`) and the record anchors the browser scripts know
(js/src/lib/anchors.js). `python -m macros schema` writes them with the schemas; `--check` fails when
one is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from macros.core.kinds import KINDS, data_file

SETTINGS = Path(".vscode") / "settings.json"
ANCHORS_JS = Path("js") / "src" / "lib" / "anchors.js"


def schema_map(schema_dir: str) -> dict[str, list[str]]:
    """yaml.schemas: each kind's schema -> its data file, in registry order."""
    return {f"./{schema_dir}/{kind}.schema.json": [f"data/{data_file(kind)}"] for kind in KINDS}


def settings(current: str | None, schema_dir: str) -> str:
    """.vscode/settings.json with `yaml.schemas` from the registry; every other setting is kept as it is."""
    try:
        found = json.loads(current) if current else {}
    except json.JSONDecodeError:
        found = {}
    merged = found if isinstance(found, dict) else {}
    merged = {"yaml.schemas": schema_map(schema_dir), **{k: v for k, v in merged.items() if k != "yaml.schemas"}}
    return json.dumps(merged, indent=2, ensure_ascii=False) + "\n"


def anchors() -> str:
    """js/src/lib/anchors.js: the id prefix of each kind's records on the pages that list them."""
    prefixes = [kind.anchor for kind in KINDS.values() if kind.anchor]
    return (
        "/* Generated from macros/core/kinds.py by `make schema` (macros/tools/kind_files.py): do not edit. */\n\n"
        "/** The HTML id prefix of each kind of record where a page lists it: an element with the id\n"
        "    `<prefix>-<record id>` marks the record. */\n"
        f"export const RECORD_ANCHORS = {json.dumps(prefixes)};\n"
    )


def generated(root: Path, schema_dir: str) -> dict[Path, str]:
    """Each generated file (relative to the project root) and the text it should have."""
    current = root / SETTINGS
    return {
        SETTINGS: settings(current.read_text(encoding="utf-8") if current.is_file() else None, schema_dir),
        ANCHORS_JS: anchors(),
    }
