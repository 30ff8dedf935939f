"""Where each kind of record is shown. Links, short links and downloads all point here,
so moving a page means changing one line."""

from __future__ import annotations

PAGES = {
    "recommendations": "recommendations/index.md",
    "findings": "findings/index.md",
    "root_causes": "findings/root-causes.md",
    "sources": "resources/sources.md",
    "glossary": "resources/glossary.md",
    "plan": "plans/{group}.md",
}
ANCHOR_PREFIX = {"recommendations": "rec", "findings": "finding", "root_causes": "cause", "sources": "src", "glossary": "term"}


def anchor(kind: str, rid: str) -> str:
    """The HTML id of a record on its page."""
    return f"{ANCHOR_PREFIX[kind]}-{rid}"
