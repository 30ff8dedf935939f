"""MkDocs hooks: build-wide checks and fixes that no plugin offers. Kept thin."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

LANGS = ("en", "zh")


def on_config(config):
    """Every page exists in both languages; otherwise the build names the missing ones."""
    docs = Path(config["docs_dir"])
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in LANGS}
    problems = [f"docs/{lang}/{path} is missing (docs/{other}/{path} exists)"
                for lang in LANGS for other in LANGS if other != lang
                for path in sorted(pages[other] - pages[lang])]
    if problems:
        raise PluginError("Every page must exist in both languages:\n  " + "\n  ".join(problems))
    return config
