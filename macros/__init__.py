"""The knowledge base's Python: core (data model, loading), render (pages' HTML), plugin (the
build's macros and its MkDocs plugin) and tools (the docs CLI, `python -m macros`).

mkdocs-macros imports this package and calls define_env; nothing else is imported eagerly, so a
tool module loads neither pydantic nor MkDocs unless it needs them.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros' entry point (see macros/plugin/entry.py)."""
    from macros.plugin import entry

    entry.define_env(env)


def on_pre_page_macros(env: Any) -> None:
    """mkdocs-macros calls this before rendering each page (see macros/plugin/entry.py)."""
    from macros.plugin import entry

    entry.on_pre_page_macros(env)


__all__ = ["define_env", "on_pre_page_macros"]
