"""Which files may be in data/: those the loader reads, and no others.

A file the model does not know (data/sources.yaml, data/i18n/fr.yml, notes.txt) would be silently
ignored, so a contributor's change would never show; it fails the build, named. The names come
from the loader's registry: a kind registered in macros/core/kinds.py KINDS is allowed as
data/<kind>.yml, the labels as data/i18n/<lang>.yml for each language, the translation lock and the Traditional
edition's term table (macros/core/traditional.py).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from macros.core.kinds import KINDS, data_file
from macros.core.languages import LANGS, WRITTEN
from macros.core.messages import say
from macros.core.traditional import TERMS_FILE
from macros.core.yaml_source import DataError

LOCK = "translations.lock.yml"


def allowed_names() -> frozenset[str]:
    """Every path (relative to data/) the loader reads."""
    return frozenset(
        {data_file(kind) for kind in KINDS}
        | {f"i18n/{lang}.yml" for lang in LANGS}  # a derived language's holds its own labels only
        | {f"messages/{lang}.yml" for lang in WRITTEN}
        | {LOCK, TERMS_FILE}
    )


def unknown_files(data_dir: Path) -> list[DataError]:
    """A DataError for every file under data_dir the loader would not read."""
    allowed = allowed_names()
    errors = []
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir).as_posix()
        if path.is_dir() or rel in allowed:
            continue
        near = difflib.get_close_matches(rel, sorted(allowed), n=1)
        hint = say("did_you_mean", near=near[0]).strip() + " " if near else ""  # the likeliest fix first
        unknown = say("file.unknown", langs="|".join(WRITTEN), lock=f"{LOCK}, {TERMS_FILE}")
        errors.append(DataError(f"data/{rel}", None, hint + unknown))
    return errors
