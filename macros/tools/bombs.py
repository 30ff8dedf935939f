"""Input bombs: the normal build against builds of a copy with one hostile input each (figures, no verdict).

Why: "every input builds in linear time and bounded size" is a claim about the whole build, so it
is measured on the whole build (`mkdocs build --strict`, a fresh interpreter each, as `make build`
runs it), not asserted in a timed test. Each bomb of issue 31 must either fail fast with
file:line or build within 3 normal builds' time and at most twice the normal size; the `*-limit`
cases are the largest inputs the limits (macros/core/limits.py) let through, to show what they cost.
Usage: python -m macros bombs [--only NAME ...] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from macros.core.languages import SOURCE
from macros.core.limits import MAX_LINE_CHARS, MAX_PAGE_CHARS, MAX_SYNONYM_CHARS, MAX_SYNONYM_WORDS
from macros.core.paths import ROOT
from macros.tools.scale import copy_project

PAGE = f"docs/{SOURCE}/about/index.md"


def _append(path: str, text: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        target = project / path
        target.write_text(target.read_text(encoding="utf-8") + "\n\n" + text + "\n", encoding="utf-8")

    return change


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        target = project / path
        text = target.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"{path}: '{old}' not found; update macros/tools/bombs.py")
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _synonyms_at_limit(project: Path) -> None:
    """The most the synonym limits allow: short terms found everywhere, the longest variants."""
    terms = [chr(c) for c in range(ord("a"), ord("a") + MAX_SYNONYM_WORDS)]
    variants = [f"v{i:02d}" + "x" * (MAX_SYNONYM_CHARS - 3) for i in range(MAX_SYNONYM_WORDS)]
    entry = (
        f"- id: bomb-synonyms\n  terms: {{en: {terms}, zh: [的, 是, 在, 和]}}\n"
        f"  variants: {{en: {variants}, zh: {variants}}}\n"
    )
    target = project / "data" / "search_synonyms.yml"
    target.write_text(target.read_text(encoding="utf-8") + entry, encoding="utf-8")


_BIG_SYNONYM = "- id: bomb-synonym\n  terms: {en: [a], zh: [的]}\n  variants: {en: [" + "w" * 10_000 + "], zh: [x]}\n"
_LINE = ("word " * (MAX_LINE_CHARS // 5))[: MAX_LINE_CHARS - 1]
BOMBS: dict[str, Callable[[Path], None]] = {
    "spaces-300KB-one-line": _append(PAGE, "x" + " " * 300_000 + "x"),
    "braces-200KB": _append(PAGE, "{" * 200_000),
    "brackets-40KB-[a": _append(PAGE, "[a" * 20_000),
    "brackets-40KB-[a-in-lines": _append(PAGE, "\n".join(["[a" * 250] * 80)),
    "[a](-40KB-in-lines": _append(PAGE, "\n".join(["[a](" * 125] * 80)),
    "<a-15KB": _append(PAGE, "\n".join(["<a" * 1400] * 5)),
    "list-nested-600": _append(PAGE, "- " * 600 + "x"),
    "label-{day:>20000}": _replace(
        "data/i18n/en.yml", 'day: "{day} {month} {year}"', 'day: "{day:>20000} {month} {year}"'
    ),
    "label-{day:x>1000000}": _replace(
        "data/i18n/en.yml", 'day: "{day} {month} {year}"', 'day: "{day:x>1000000} {month} {year}"'
    ),
    "synonym-10KB": _append("data/search_synonyms.yml", _BIG_SYNONYM),
    # the largest inputs the limits let through
    "page-at-limit": _append(PAGE, "\n\n".join([_LINE] * ((MAX_PAGE_CHARS - 16_000) // MAX_LINE_CHARS))),
    "brackets-at-limit": _append(PAGE, "[a" * 220),
    "lt-a-at-limit": _append(PAGE, "<a" * 300),
    "nesting-at-limit": _append(PAGE, "- " * 20 + "x"),
    "synonyms-at-limit": _synonyms_at_limit,
}


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _build(project: Path, out: Path, timeout: float) -> tuple[float, str, int, int]:
    """(seconds, outcome, site bytes, English search index bytes) of one strict build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
            cwd=project, capture_output=True, text=True, env=env, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, f"TIMEOUT after {timeout:.0f} s", 0, 0
    seconds = time.perf_counter() - start
    if result.returncode == 0:
        outcome = "built"
    elif "Traceback" in result.stderr:
        outcome = "TRACEBACK"
    else:
        located = re.search(r"((?:docs|data)/\S+?:(?:\d+:)? .{0,90})", result.stderr)
        outcome = "failed: " + (located.group(1) if located else result.stderr.strip().splitlines()[-1][:100])
    index = out / "search" / "search_index.json"
    return seconds, outcome, _size(out) if out.is_dir() else 0, index.stat().st_size if index.is_file() else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", nargs="*", choices=sorted(BOMBS), help="these bombs only")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a build counts as hung")


def run(args: argparse.Namespace) -> int:
    names = args.only or list(BOMBS)
    with tempfile.TemporaryDirectory(prefix="kb-bombs-") as tmp:
        base = Path(tmp)
        normal = copy_project(base / "normal", ROOT)
        seconds, outcome, size, index = _build(normal, base / "normal-site", args.timeout)
        print(f"{'build':26} {'seconds':>8} {'x normal':>8} {'site MB':>8} {'x size':>6} {'index KB':>8}  outcome")
        print(f"{'normal':26} {seconds:8.1f} {1:8.2f} {size / 1e6:8.1f} {1:6.2f} {index / 1e3:8.0f}  {outcome}")
        for name in names:
            project = copy_project(base / name, ROOT)
            BOMBS[name](project)
            s, o, z, i = _build(project, base / f"{name}-site", args.timeout)
            figures = f"{s:8.1f} {s / seconds:8.2f} {z / 1e6:8.1f} {z / size:6.2f} {i / 1e3:8.0f}"
            print(f"{name:26} {figures}  {o}", flush=True)
    return 0
