"""Which Chinese pages and data texts are behind their English: the state, computed without git.

A Chinese page records in its front matter `translation_of: <git blob sha1>` of the English file
it translates; a blob id is computable from the file alone, so the check also works in a shallow
clone or an unpacked archive. Data records are tracked in data/translations.lock.yml, which maps
`<kind>/<id>` to a short hash of the record's English texts as last confirmed translated.
The CLI (translation_status.py), the build (the kb plugin) and the status page all read this one module.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from macros.core.languages import SOURCE, TARGET
from macros.core.load import KnowledgeBase

LOCK = Path("data") / "translations.lock.yml"
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.DOTALL)
LOCK_HEADER = (
    "# The English texts of each data record, as last confirmed translated into Chinese:\n"
    "# `<kind>/<id>: <short hash of the record's English texts>`. Written by\n"
    "# `.venv/bin/python -m macros translation-status --accept` (or a maintainer's\n"
    "# `/accept-translation` comment on the pull request); do not edit by hand.\n"
)


def blob_sha(content: bytes) -> str:
    """The id git gives a file with this content (`git hash-object`), without running git."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()  # git's object id, not a security hash


def front_matter(text: str) -> dict[str, Any]:
    """The page's YAML front matter ({} when it has none or it does not parse)."""
    match = FRONT_MATTER.match(text)
    if not match or not match.group(1):
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def with_translation_of(text: str, sha: str) -> str:
    """The page text with `translation_of: <sha>` set in its front matter (added if missing)."""
    line = f"translation_of: {sha}\n"
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{line}---\n\n{text}"
    body = match.group(1) or ""
    if re.search(r"^translation_of:.*\n", body, re.MULTILINE):
        body = re.sub(r"^translation_of:.*\n", line, body, count=1, flags=re.MULTILINE)
    else:
        body += line
    return f"---\n{body}---\n" + text[match.end() :]


@dataclass(frozen=True)
class PageState:
    """One page pair. state: current, outdated (English changed), untracked (no translation_of), missing."""

    path: str  # relative to docs/en and docs/zh
    state: str
    recorded: str | None  # the blob the Chinese page says it translates
    current: str  # the blob of the English page now


def page_state(docs: Path, path: str) -> PageState:
    current = blob_sha((docs / SOURCE / path).read_bytes())
    zh = docs / TARGET / path
    if not zh.is_file():
        return PageState(path, "missing", None, current)
    recorded = front_matter(zh.read_text(encoding="utf-8")).get("translation_of")
    recorded = str(recorded) if recorded is not None else None
    if recorded is None:
        return PageState(path, "untracked", None, current)
    return PageState(path, "current" if recorded == current else "outdated", recorded, current)


def page_states(docs: Path) -> list[PageState]:
    """Every English page, in path order."""
    paths = sorted(p.relative_to(docs / SOURCE).as_posix() for p in (docs / SOURCE).rglob("*.md"))
    return [page_state(docs, p) for p in paths]


def english_texts(obj: BaseModel, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(field path, English text) for every text of a record: each {en, zh} pair, nested ones too."""
    fields = type(obj).model_fields
    if SOURCE in fields and TARGET in fields and isinstance(getattr(obj, SOURCE), str):
        yield ".".join((*path, SOURCE)), getattr(obj, SOURCE)
    for name in fields:
        value = getattr(obj, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                yield from english_texts(item, path + ((name, str(i)) if isinstance(value, (list, tuple)) else (name,)))


def record_hash(record: BaseModel) -> str:
    """A short hash of a record's English texts: it changes when any of them does."""
    payload = json.dumps(list(english_texts(record)), ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]  # change detection only


def read_lock(root: Path) -> dict[str, str]:
    path = root / LOCK
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def write_lock(root: Path, entries: dict[str, str]) -> None:
    lines = [f"{key}: '{value}'\n" for key, value in entries.items()]
    (root / LOCK).write_text(LOCK_HEADER + "".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class RecordState:
    """One data record. state: current, changed (English changed since confirmed), new (never confirmed)."""

    key: str  # <kind>/<id>
    state: str
    file: str
    line: int
    current: str


def record_states(root: Path, kb: KnowledgeBase) -> list[RecordState]:
    """Every data record, in the order of the data files."""
    lock = read_lock(root)
    states = []
    for kind, records in kb.records.items():
        for rid, record in records.items():
            key, current = f"{kind}/{rid}", record_hash(record)
            state = "new" if key not in lock else "current" if lock[key] == current else "changed"
            file, line = kb.origins.get((kind, rid), (f"data/{kind}.yml", 1))
            states.append(RecordState(key, state, file, line, current))
    return states
