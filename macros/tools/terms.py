"""Flag discouraged terminology in pages and data: every `avoid` variant of the glossary.

One term per concept keeps the two languages consistent; the glossary (data/glossary.yml) is the
list. Pages (docs/**/*.md), the contributor guides (CONTRIBUTING*.md) and data texts (data/**/*.yml)
are read as plain text, so comments and front matter count too; only the glossary's own `avoid`
lists and verbatim quotations in Chinese quotation marks (“…”, the law's own word, e.g. Company Law
art. 20's “利益相关者”) are exempt. Prints `file:line: uses 'X'; use 'Y' (glossary: <id>)`; exit 1 if any.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.core.diagnostics import emit
from macros.core.languages import WRITTEN
from macros.core.load import KnowledgeBase, load_or_report

GLOSSARY = Path("data") / "glossary.yml"


@dataclass(frozen=True)
class Rule:
    """One variant to avoid and the preferred term in the same language."""

    variant: str
    preferred: str
    term_id: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    rule: Rule

    @property
    def message(self) -> str:
        return f"uses '{self.rule.variant}'; use '{self.rule.preferred}' (glossary: {self.rule.term_id})"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _pattern(variant: str) -> re.Pattern[str]:
    """Latin variants match whole words, any case; Chinese ones match anywhere (no word spaces)."""
    if variant.isascii():
        return re.compile(r"(?<![A-Za-z0-9])" + re.escape(variant) + r"(?![A-Za-z0-9])", re.IGNORECASE)
    return re.compile(re.escape(variant))


def rules(kb: KnowledgeBase) -> list[Rule]:
    return [
        Rule(variant, term.name(lang), term.id, _pattern(variant))
        for term in kb.glossary.values()
        for lang in WRITTEN
        for variant in term.avoid(lang)
    ]


def _exempt_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the glossary's `avoid` values, which name the variants on purpose."""
    spans = []
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for record in getattr(root, "value", []):
        for key, value in getattr(record, "value", []):
            if getattr(key, "value", None) == "avoid":
                spans.append((value.start_mark.index, value.end_mark.index))
    return spans


_QUOTED = re.compile(r"“[^”\n]{0,400}”")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Verbatim quotations: a law quoted in its own words keeps them (one pass over the text)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def files(root: Path) -> Iterator[Path]:
    yield from sorted((root / "docs").rglob("*.md"))
    yield from sorted(root.glob("CONTRIBUTING*.md"))
    yield from sorted((root / "data").rglob("*.yml"))


def scan(root: Path, path: Path, rule_list: list[Rule]) -> list[Finding]:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    exempt = (_exempt_spans(text) if rel == GLOSSARY.as_posix() else []) + _quoted_spans(text)
    found = []
    for rule in rule_list:
        for match in rule.pattern.finditer(text):
            if any(start <= match.start() < end for start, end in exempt):
                continue
            found.append(Finding(rel, text.count("\n", 0, match.start()) + 1, rule))
    return found


def run(args: argparse.Namespace) -> int:
    root = Path(args.data).resolve().parent
    kb = load_or_report(Path(args.data))
    if kb is None:
        return 1
    rule_list = rules(kb)
    findings = [f for path in files(root) for f in scan(root, path, rule_list)]
    findings.sort(key=lambda f: (f.file, f.line, f.rule.variant))
    emit(findings, sys.stdout)  # + annotations on GitHub
    if findings:
        print(f"{len(findings)} discouraged term(s); see data/glossary.yml.", file=sys.stderr)
        return 1
    print(f"Terminology OK: {len(rule_list)} variants checked.")
    return 0
