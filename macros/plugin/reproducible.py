"""Plugin event (on_config): "last updated" dates that honour SOURCE_DATE_EPOCH, so two builds are identical.

Why: mkdocs-git-revision-date-localized takes dates from git, but falls back to the wall clock
(time.time(), with seconds in the title attribute) outside git, for uncommitted files and for
generated pages, so every build differed. With SOURCE_DATE_EPOCH set (the Makefile exports the
last commit's time), that fallback uses it instead; dates read from git are unchanged.
"""

from __future__ import annotations

import os
import time as _time
from types import ModuleType
from typing import Any

from macros.plugin import engine


class _Clock(ModuleType):
    """Stands in for the `time` module inside the plugin: `time()` is SOURCE_DATE_EPOCH when set."""

    def __init__(self) -> None:
        super().__init__("time")

    def time(self) -> float:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        return float(int(epoch)) if epoch else _time.time()

    def __getattr__(self, name: str) -> Any:
        return getattr(_time, name)


def patch_clock() -> None:
    """Make the git-date plugin's fallback clock read SOURCE_DATE_EPOCH (idempotent)."""
    engine.set_git_dates_clock(_Clock())
