"""Write one JSON Schema per data file into schema/, from the model; --check fails if one is out of date.

Editors (VS Code's YAML extension, or any yaml-language-server client) read the schema named in
each data file's first line and complete and check records as they are typed. The schemas are
generated from the model (macros/core/model/), so the editor and the build cannot disagree.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from macros.core.kinds import models

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_line(kind: str) -> str:
    """The first line of data/<kind>.yml, which points editors at the schema."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{kind}.schema.json"


def generate(kind: str) -> dict[str, Any]:
    """The JSON Schema of data/<kind>.yml: a list of records of the kind's model."""
    model = models()[kind]
    schema = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]  # the kind's model, chosen at run time
    return {"$schema": DIALECT, "title": f"data/{kind}.yml", **schema}


def render(kind: str) -> str:
    return json.dumps(generate(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a schema differs from the model")


def run(args: argparse.Namespace) -> int:
    root = Path(args.data).resolve().parent
    out = root / SCHEMA_DIR
    stale = []
    for kind in models():
        path = out / f"{kind}.schema.json"
        text = render(kind)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path.relative_to(root).as_posix())
        if not args.check:
            out.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check:
        for name in stale:
            print(f"{name} is out of date with the model (macros/core/model/): run `make schema`", file=sys.stderr)
        return 1 if stale else 0
    print(f"Wrote {len(stale)} schema(s) to {SCHEMA_DIR}/." if stale else "Schemas are up to date.")
    return 0
