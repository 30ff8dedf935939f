"""Where the project's folders are, for the command-line tools (the build takes them from mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
