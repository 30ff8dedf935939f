"""The Traditional Chinese edition's text: the Simplified text converted by OpenCC, then the reviewed terms.

Why character level: the edition follows Taiwan's standard characters (OpenCC's s2tw), never its
phrase conversion (s2twp: 信息→資訊, 软件→軟體), which would rewrite the wording of mainland laws,
bodies and documents; CONTRIBUTING.md, "The Traditional Chinese edition", gives the reasons.
OpenCC only sees runs of Han characters (Markdown, HTML, macro calls, URLs and code pass through
untouched by construction; the one other change is the quotation marks, “” → 「」 around Chinese text).
Where it picks the wrong character for this site's text, an entry of
data/traditional_terms.yml fixes it; an entry changes characters, never wording (checked here), so
the edition has exactly the Simplified text's length and its search splits where the Simplified
search splits (macros/core/segment.py, `reading`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import opencc

from macros.core.messages import say
from macros.core.paths import DATA
from macros.core.yaml_source import DataError, DataErrors, LineList, load_yaml

TERMS_FILE = "traditional_terms.yml"  # under data/; macros/core/data_files.py lets the loader read it
TO_TRADITIONAL = "s2tw"  # OpenCC's Simplified → Taiwan standard characters, no phrase conversion
TO_SIMPLIFIED = "tw2s"  # its inverse, for segmenting and for readers who type Simplified
MAX_TERMS = 500  # entries of the term table (today: 15)
MAX_TERM_CHARS = 20  # characters of one term (today: 3)
MAX_WHY_CHARS = 300  # characters of one entry's reason

# Han characters: CJK unified ideographs (extension A, the main block, compatibility, extensions B-F)
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_FIELDS = ("simplified", "traditional", "why")
# Chinese quotation marks: Taiwan and Hong Kong write 「」 and 『』 where the mainland writes “” and ‘’.
# Only a pair on one line with Chinese inside or beside it is a Chinese quotation (‘ ’ alone is an English
# apostrophe; “Files changed” in an English sentence stays).
QUOTES = {"“": "「", "”": "」", "‘": "『", "’": "』"}
_QUOTED = (re.compile(r"‘[^‘’\n]{1,500}?’"), re.compile(r"“[^“”\n]{1,500}?”"))  # inner marks first


@dataclass(frozen=True)
class Term:
    """One reviewed term: the Simplified text, the characters the edition shows, and why."""

    simplified: str
    traditional: str
    why: str
    line: int


@functools.cache
def _opencc(config: str) -> Any:
    return opencc.OpenCC(f"{config}.json")


def opencc_only(text: str) -> str:
    """OpenCC's own conversion of `text`, without the term table (for tests and reviews)."""
    return str(_opencc(TO_TRADITIONAL).convert(text))


def check_terms(raw: Any, label: str) -> tuple[list[Term], list[DataError]]:
    """The term table's entries, and every problem in it with its line."""
    if not isinstance(raw, list):
        return [], [DataError(label, getattr(raw, "line", None), say("traditional.not_list"))]
    errors: list[DataError] = []
    if len(raw) > MAX_TERMS:
        errors.append(DataError(label, None, say("traditional.too_many", count=len(raw), max=MAX_TERMS)))
    terms: list[Term] = []
    seen: dict[str, int] = {}
    lines = raw.item_lines if isinstance(raw, LineList) else [0] * len(raw)
    for item, item_line in zip(raw[:MAX_TERMS], lines, strict=False):
        line = getattr(item, "line", None) or item_line or None
        if not isinstance(item, dict) or set(item) != set(_FIELDS):
            keys = ", ".join(map(str, item)) if isinstance(item, dict) else type(item).__name__
            errors.append(DataError(label, line, say("traditional.fields", fields=", ".join(_FIELDS), found=keys)))
            continue
        values = {f: item[f] for f in _FIELDS}
        bad = [f for f in _FIELDS if not isinstance(values[f], str) or not values[f].strip()]
        if bad:
            errors.append(DataError(label, line, say("traditional.empty", field=bad[0])))
            continue
        simp, trad, why = (str(values[f]).strip() for f in _FIELDS)
        problem = _term_problem(simp, trad, why)
        if problem:
            errors.append(DataError(label, line, problem))
        elif simp in seen:
            errors.append(DataError(label, line, say("traditional.twice", term=simp, first=seen[simp])))
        else:
            seen[simp] = line or 0
            terms.append(Term(simp, trad, why, line or 0))
    return terms, errors


def _term_problem(simp: str, trad: str, why: str) -> str | None:
    """What is wrong with one entry, or None: it must change characters only, never wording."""
    if len(simp) > MAX_TERM_CHARS or len(why) > MAX_WHY_CHARS:
        return say("traditional.too_long", max=MAX_TERM_CHARS, why_max=MAX_WHY_CHARS)
    if not HAN_RUN.fullmatch(simp) or not HAN_RUN.fullmatch(trad):
        return say("traditional.not_han", simplified=simp, traditional=trad)
    if len(trad) != len(simp):
        return say("traditional.length", simplified=simp, traditional=trad)
    back = str(_opencc(TO_SIMPLIFIED).convert(trad))
    if back != simp:  # e.g. 信息 → 資訊 reads back as 资讯: a change of wording, not of characters
        return say("traditional.wording", simplified=simp, traditional=trad, back=back)
    return None


def load_terms(path: Path = DATA / TERMS_FILE) -> tuple[Term, ...]:
    """The reviewed term table; DataErrors (file:line: what is wrong) when any entry is bad."""
    label = f"data/{path.name}" if path.parent == DATA else str(path)
    terms, errors = check_terms(load_yaml(path, label), label)
    if errors:
        raise DataErrors(errors)
    return tuple(terms)


def term_problems(data_dir: Path) -> list[DataError]:
    """Every problem of the term table in `data_dir`, for the loader to report with the other data files'
    before anything is converted (a bad table would otherwise stop the first conversion)."""
    try:
        load_terms(data_dir / TERMS_FILE)
    except DataErrors as exc:
        return list(exc.errors)
    return []


class Converter:
    """Simplified → Traditional with a term table: each Han run split at the longest matching term."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.table = {t.simplified: t.traditional for t in terms}
        longest_first = sorted(self.table, key=lambda s: (-len(s), s))
        self._pattern = re.compile("|".join(map(re.escape, longest_first))) if longest_first else None
        self.run = functools.lru_cache(maxsize=1 << 16)(self._run)  # `mkdocs serve` converts the same runs again

    def _run(self, run: str) -> str:
        convert = _opencc(TO_TRADITIONAL).convert
        if self._pattern is None:
            return str(convert(run))
        out: list[str] = []
        start = 0
        for match in self._pattern.finditer(run):
            if match.start() > start:
                out.append(convert(run[start : match.start()]))
            out.append(self.table[match.group(0)])
            start = match.end()
        if start < len(run):
            out.append(convert(run[start:]))
        return "".join(out)

    def convert(self, text: str) -> str:
        """`text` with each run of Han characters in Traditional characters and its Chinese quotation
        marks as Taiwan and Hong Kong write them; everything else unchanged, every character in its place."""
        text = HAN_RUN.sub(lambda m: self.run(m.group(0)), text)
        for quoted in _QUOTED:
            text = quoted.sub(_requote, text)
        return text


def _requote(match: re.Match[str]) -> str:
    """A pair is a Chinese quotation when Chinese is inside it or touches it: 指向“{page}”, 撥打“12348”。"""
    quoted, text = match.group(0), match.string
    beside = text[match.start() - 1 : match.start()] + text[match.end() : match.end() + 1]
    if not HAN_RUN.search(quoted) and not HAN_RUN.search(beside):
        return quoted
    return QUOTES[quoted[0]] + quoted[1:-1] + QUOTES[quoted[-1]]


@functools.cache
def converter() -> Converter:
    """The site's converter: OpenCC plus data/traditional_terms.yml (loaded once per process)."""
    return Converter(load_terms())


def to_traditional(text: str) -> str:
    """The Traditional edition of a Simplified text (a page's Markdown, a data text, a label, a query)."""
    return converter().convert(text)


@functools.lru_cache(maxsize=1 << 16)
def _simplified_run(run: str) -> str:
    return str(_opencc(TO_SIMPLIFIED).convert(run))


def to_simplified(text: str) -> str:
    """Traditional text read back in Simplified characters, run by run, each run its own length
    (what jieba's Simplified dictionary segments, and what a reader typing Simplified types)."""
    return HAN_RUN.sub(lambda m: _same_length(m.group(0), _simplified_run(m.group(0))), text)


def _same_length(run: str, simplified: str) -> str:
    """OpenCC's characters map one to one; should a run ever come back another length, keep it as it was."""
    return simplified if len(simplified) == len(run) else run
