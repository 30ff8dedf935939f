"""Which files may be in data/: those the loader reads, and no others.

A file the model does not know (data/sources.yaml, data/i18n/fr.yml, notes.txt) would be silently
ignored, so a contributor's change would never show; it fails the build, named. The names come
from the loader's registry: a kind registered in macros/core/model.py KINDS is allowed as
data/<kind>.yml, the labels as data/i18n/<lang>.yml for each language, and the translation lock.
"""

from __future__ import annotations

from pathlib import Path

from macros.core.languages import LANGS
from macros.core.model import KINDS
from macros.core.yaml_source import DataError

LOCK = "translations.lock.yml"


def allowed_names() -> frozenset[str]:
    """Every path (relative to data/) the loader reads."""
    return frozenset({f"{kind}.yml" for kind in KINDS} | {f"i18n/{lang}.yml" for lang in LANGS} | {LOCK})


def unknown_files(data_dir: Path) -> list[DataError]:
    """A DataError for every file under data_dir the loader would not read."""
    allowed = allowed_names()
    return [
        DataError(
            f"data/{rel}",
            None,
            "the loader does not read this file; data files are "
            + ", ".join(sorted(n for n in allowed if "/" not in n))
            + f" and i18n/<{'|'.join(LANGS)}>.yml (a new kind is registered in macros/core/model.py KINDS)",
        )
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and (rel := path.relative_to(data_dir).as_posix()) not in allowed
    ]
