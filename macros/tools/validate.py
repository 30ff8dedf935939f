"""Everything a content change can break that needs no browser, in seconds and in one pass.

`make validate` and CI's quick job run it: the data files (fields, references, labels), every page's
files, front matter, raw HTML, template rule and macro arguments (a mistyped source id in
`{{ cite(…) }}`), pages missing in one language, symbolic links and short-link clashes. It calls the
build's own check functions directly (macros/plugin/security.py, i18n.py, macro_args.py), without an
MkDocs build, so the two cannot disagree; every problem is `file:line: message` and, on GitHub
Actions, an annotation on its line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from macros.core.diagnostics import Problem, emit
from macros.core.kinds import models
from macros.core.languages import SOURCE
from macros.core.load import KnowledgeBase, load
from macros.core.messages import say
from macros.core.reading import read_strings
from macros.core.shortlinks import ShortLinkError, short_links
from macros.core.yaml_source import DataErrors, load_yaml
from macros.plugin.i18n import parity_problems
from macros.plugin.security import page_problems, symlink_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=Path, default=None, help="the pages folder (default: docs/ beside data/)")


def problems(data_dir: Path, docs_dir: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """The loaded data (None when it has problems) and every problem found, data and pages together."""
    found: list[Problem] = []
    kb: KnowledgeBase | None = None
    try:
        kb = load(data_dir, docs_dir)
    except DataErrors as exc:
        found += [Problem(e.file, e.line, e.message) for e in exc.errors]
    # With a data problem, the pages' macro calls are still checked, against every id the data files
    # hold (a record with a mistake still has its id): every problem in one pass.
    try:
        if kb is not None:
            found += page_problems(docs_dir, kb)
        else:
            found += page_problems(docs_dir, ids_only(data_dir), figures=False)
        if kb is not None:
            short_links(kb, docs_dir / SOURCE)
    except ShortLinkError as exc:  # two records or guides would share a short link
        found.append(Problem("data", None, str(exc)))
    found += parity_problems(docs_dir)
    found += symlink_problems(docs_dir.parent)
    return kb, sorted(set(found), key=lambda p: (p.file, p.line or 0, p.message))


def ids_only(data_dir: Path) -> KnowledgeBase | None:
    """A stand-in for the knowledge base that has only what the macro-argument check reads: the ids in
    each data file (records with mistakes included) and the labels. None when a file cannot be read."""
    kinds: dict[str, Any] = {}
    for kind in models():
        try:
            raw = load_yaml(data_dir / f"{kind}.yml", f"data/{kind}.yml")
        except DataErrors:
            return None
        ids = [item.get("id") for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []
        kinds[kind] = dict.fromkeys(i for i in ids if isinstance(i, str))
    strings = read_strings(data_dir, [])
    if SOURCE not in strings:
        return None
    return cast(KnowledgeBase, SimpleNamespace(**kinds, strings=strings))


def run(args: argparse.Namespace) -> int:
    data_dir: Path = args.data
    docs_dir: Path = args.docs or data_dir.parent / "docs"
    kb, found = problems(data_dir, docs_dir)
    if found:
        emit(found)  # file:line: message on stderr; annotations on GitHub Actions
        print(say("summary.problems", count=len(found)), file=sys.stderr)
        return 1
    assert kb is not None
    counts = ", ".join(f"{len(v)} {k}" for k, v in kb.records.items())
    pages = sum(1 for _ in docs_dir.rglob("*.md"))
    print(say("summary.ok", counts=counts, pages=pages))
    return 0
