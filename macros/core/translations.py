"""Which translated pages and data texts are behind their source: the state, computed without git.

Every written language other than the source (languages.TARGETS) is tracked against the source;
a derived language is generated from its source at build time and never falls behind.
A translated page records in its front matter `translation_of: <git blob sha1>` of the source file
it translates; a blob id is computable from the file alone, so the check also works in a shallow
clone or an unpacked archive. Data records are tracked in data/translations.lock.yml, which maps
each target language to `<kind>/<id>`: a short hash of the record's source texts as last confirmed
translated into that language.
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

from macros.core.languages import BY_CODE, SOURCE, TARGETS
from macros.core.load import KnowledgeBase

LOCK = Path("data") / "translations.lock.yml"
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.DOTALL)
LOCK_HEADER = (
    "# The source texts of each data record, as last confirmed translated into each language:\n"
    "# `<language>:` then `<kind>/<id>: <short hash of the record's source texts>`. Written by\n"
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
    """One page pair. state: current, outdated (source changed), untracked (no translation_of), missing."""

    path: str  # relative to each language's docs folder
    state: str
    recorded: str | None  # the blob the translated page says it translates
    current: str  # the blob of the source page now
    lang: str  # the translation's language (one of languages.TARGETS)


def page_state(docs: Path, path: str, lang: str) -> PageState:
    """The state of the `lang` translation of the source page `path`."""
    current = blob_sha((docs / SOURCE / path).read_bytes())
    translated = docs / lang / path
    if not translated.is_file():
        return PageState(path, "missing", None, current, lang)
    recorded = front_matter(translated.read_text(encoding="utf-8")).get("translation_of")
    recorded = str(recorded) if recorded is not None else None
    if recorded is None:
        return PageState(path, "untracked", None, current, lang)
    return PageState(path, "current" if recorded == current else "outdated", recorded, current, lang)


def page_states(docs: Path) -> list[PageState]:
    """Every source page in every target language, in language then path order."""
    paths = sorted(p.relative_to(docs / SOURCE).as_posix() for p in (docs / SOURCE).rglob("*.md"))
    return [page_state(docs, p, lang) for lang in TARGETS for p in paths]


def source_texts(obj: BaseModel, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(field path, source text) for every text of a record: each per-language text, nested ones too."""
    fields = type(obj).model_fields
    if SOURCE in fields and all(code in fields for code in TARGETS) and isinstance(getattr(obj, SOURCE), str):
        yield ".".join((*path, SOURCE)), getattr(obj, SOURCE)
    for name in fields:
        value = getattr(obj, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                yield from source_texts(item, path + ((name, str(i)) if isinstance(value, (list, tuple)) else (name,)))


def record_hash(record: BaseModel) -> str:
    """A short hash of a record's source texts: it changes when any of them does."""
    payload = json.dumps(list(source_texts(record)), ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]  # change detection only


Lock = dict[str, dict[str, str]]  # target language -> <kind>/<id> -> hash


def read_lock(root: Path) -> Lock:
    """The lock, by target language (an empty mapping for a language it does not name yet)."""
    path = root / LOCK
    data = (yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None) or {}
    lock: Lock = {lang: {} for lang in TARGETS}
    if len(TARGETS) == 1 and data and all(isinstance(v, str) for v in data.values()):
        data = {TARGETS[0]: data}  # the format before languages were data: one target, `<kind>/<id>: hash`
    for lang, entries in data.items():
        if str(lang) in BY_CODE and isinstance(entries, dict):
            lock[str(lang)] = {str(k): str(v) for k, v in entries.items()}
    return lock


def write_lock(root: Path, lock: Lock) -> None:
    """The lock file, one section per target language in the registry's order (empty ones left out)."""
    lines = []
    for lang in TARGETS:
        if lock.get(lang):
            lines += [f"{lang}:\n", *(f"  {key}: '{value}'\n" for key, value in lock[lang].items())]
    (root / LOCK).write_text(LOCK_HEADER + "".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class RecordState:
    """One data record in one target language. state: current, changed (source changed since confirmed), new."""

    key: str  # <kind>/<id>
    state: str
    file: str
    line: int
    current: str
    lang: str  # the translation's language (one of languages.TARGETS)


def record_states(root: Path, kb: KnowledgeBase) -> list[RecordState]:
    """Every data record in every target language, in language then data file order."""
    lock = read_lock(root)
    states = []
    for lang in TARGETS:
        for kind, records in kb.records.items():
            for rid, record in records.items():
                key, current = f"{kind}/{rid}", record_hash(record)
                confirmed = lock[lang].get(key)
                state = "new" if confirmed is None else "current" if confirmed == current else "changed"
                file, line = kb.origins.get((kind, rid), (f"data/{kind}.yml", 1))
                states.append(RecordState(key, state, file, line, current, lang))
    return states
