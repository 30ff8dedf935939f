"""What may live under docs/: pages and pictures, by allow-list, with plain names.

Everything under docs/ is published as it is, beside the pages and outside the theme: an .html,
.js, .css or .svg file there could run script on the site's own address. So docs/ holds only
Markdown pages in a language folder, and pictures of the types in ASSETS inside a folder named as
in ASSET_FOLDERS (e.g. docs/en/guides/images/chart.png), each starting with its format's signature.
SVG can hold script and there is no sanitiser in the build, so it is refused; draw pictures in
code (macros/render/svg.py) or convert them to PNG or WebP. Site code lives in overrides/.

Names are lower-case letters, digits and single hyphens: a name is shown in messages, URLs and
workflow annotations, and becomes a page title when a page has no heading.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.core.diagnostics import Problem
from macros.core.languages import WRITTEN
from macros.core.messages import say

# The one allow-list of files other than pages: extension -> the bytes such a file starts with.
ASSETS: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),  # then 4 bytes of length and "WEBP", checked below
}
ASSET_FOLDERS = ("images",)
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _signature_ok(path: Path, suffix: str) -> bool:
    head = path.read_bytes()[:12]
    if not any(head.startswith(sig) for sig in ASSETS[suffix]):
        return False
    return suffix != ".webp" or head[8:12] == b"WEBP"


def check_file(docs_dir: Path, path: Path) -> str | None:
    """What is wrong with one file under docs_dir (None when it may be published)."""
    parts = path.relative_to(docs_dir).parts
    stem, suffix = path.stem, path.suffix.lower()
    bad = [p for p in (*parts[:-1], stem) if not _NAME.fullmatch(p)] + ([suffix] if suffix != path.suffix else [])
    if bad:
        return say("docs.name", part=bad[0])
    if parts[0] not in WRITTEN:
        return say("docs.language_folder", folders=", ".join(f"docs/{lang}/" for lang in WRITTEN))
    if suffix == ".md":
        return None
    if suffix not in ASSETS:
        return say("docs.type", suffix=suffix or path.name, allowed=", ".join(ASSETS), folder="/".join(ASSET_FOLDERS))
    if not any(folder in parts[1:-1] for folder in ASSET_FOLDERS):
        return say("docs.picture_folder", folder="/".join(ASSET_FOLDERS))
    if not _signature_ok(path, suffix):
        return say("docs.signature", format=suffix[1:].upper())
    return None


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every file under docs_dir that may not be published, named docs/<path>."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            if not _NAME.fullmatch(path.name):
                rel = path.relative_to(docs_dir).as_posix()
                problems.append(Problem(f"{docs_dir.name}/{rel}", None, say("docs.folder_name")))
            continue
        wrong = check_file(docs_dir, path)
        if wrong:
            problems.append(Problem(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", None, wrong))
    return problems
