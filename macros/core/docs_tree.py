"""The pages under docs/ as renderers need them: whether a page exists, its title, its headings,
the pages of a folder. Renderers ask a DocsTree (PageContext.docs) and never open a file themselves;
the reading is done here. Which translations are behind is the translation tracker's
(macros/core/translation_state.py), which reads docs/ and the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from macros.core.languages import derive, written_source

# Heading lines; the attribute list at their end is split off in code (split_attr_list): the regexes
# that did both scanned from every `{` to the end of the page, in time that grew with its square.
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*)$", re.MULTILINE)
_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)
_HEADING_ATTRS = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}")


def split_attr_list(text: str) -> tuple[str, str | None]:
    """A heading's text and its trailing attribute list (`{ #id .class }`, None without one), as
    `(.+?)\\s*(\\{[^}]*\\})?\\s*$` would split them, in linear time."""
    text = text.rstrip()
    if not text.endswith("}"):
        return text, None
    start = text.find("{", text.rfind("}", 0, len(text) - 1) + 1)
    if start < 1 or not text[:start].strip():
        return text, None
    return text[:start].rstrip(), text[start:]


def page_title(lang_docs: Path, page: str) -> str:
    """A page's title: the text of its level-1 heading (without an attribute list)."""
    match = _TITLE.search((lang_docs / page).read_text(encoding="utf-8"))
    return split_attr_list(match.group(1))[0].strip() if match and match.group(1).strip() else page


def slugs_in(folder: Path) -> list[str]:
    """The pages of a folder by file stem, its index.md left out, sorted."""
    return sorted(p.stem for p in folder.glob("*.md") if p.stem != "index")


def page_file(docs_dir: Path, lang: str, page: str) -> Path | None:
    """The Markdown file of `page` (a path without .md; `plans` may be `plans/index.md`), or None."""
    for candidate in (docs_dir / lang / f"{page}.md", docs_dir / lang / page / "index.md"):
        if candidate.is_file():
            return candidate
    return None


def heading_titles(path: Path) -> dict[str, str]:
    """Heading id -> heading text (as written in the Markdown) for every heading with an explicit `{ #id }`."""
    titles = {}
    for line in _HEADING.finditer(path.read_text(encoding="utf-8")):
        title, attrs = split_attr_list(line.group(1))
        found = _HEADING_ATTRS.fullmatch(attrs) if attrs else None
        if found:
            titles[found.group(1)] = title
    return titles


def heading_ids(path: Path) -> set[str]:
    """The explicit `{ #id }` of every heading in a Markdown file."""
    return set(heading_titles(path))


@dataclass(frozen=True)
class DocsTree:
    """docs/ (one folder per written language), for the renderers. A derived language (zh-Hant) reads
    its source language's folder, and the titles it returns are converted, as its pages are."""

    root: Path

    def lang_dir(self, lang: str) -> Path:
        return self.root / written_source(lang)

    def has(self, lang: str, path: str) -> bool:
        """Whether docs/<lang>/<path> exists (for a derived language: its source's)."""
        return (self.lang_dir(lang) / path).is_file()

    def title(self, lang: str, path: str) -> str:
        return derive(lang, page_title(self.lang_dir(lang), path))

    def slugs(self, lang: str, folder: str) -> list[str]:
        return slugs_in(self.lang_dir(lang) / folder)

    def section(self, lang: str, page: str) -> tuple[str, dict[str, str]] | None:
        """A page named without .md (see page_file): its path in docs/<lang>/ and its heading titles by id."""
        source = written_source(lang)
        path = page_file(self.root, source, page)
        if path is None:
            return None
        titles = {hid: derive(lang, title) for hid, title in heading_titles(path).items()}
        return path.relative_to(self.root / source).as_posix(), titles
