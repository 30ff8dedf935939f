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
from macros.core.languages import LANGS

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
        return f"the name part '{bad[0]}' is not allowed: use lower-case letters, digits and single hyphens"
    if parts[0] not in LANGS:
        return f"files belong in a language folder: {', '.join(f'docs/{lang}/' for lang in LANGS)}"
    if suffix == ".md":
        return None
    if suffix not in ASSETS:
        allowed = ", ".join(ASSETS)
        return (
            f"'{suffix or path.name}' files may not be published from docs/ (allowed: Markdown pages, and {allowed} "
            f"pictures in an {'/'.join(ASSET_FOLDERS)}/ folder); site code belongs in overrides/"
        )
    if not any(folder in parts[1:-1] for folder in ASSET_FOLDERS):
        return f"pictures go in an {'/'.join(ASSET_FOLDERS)}/ folder inside the language folder"
    if not _signature_ok(path, suffix):
        return f"the file is not a {suffix[1:].upper()} picture (its first bytes do not match)"
    return None


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every file under docs_dir that may not be published, named docs/<path>."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            if not _NAME.fullmatch(path.name):
                rel = path.relative_to(docs_dir).as_posix()
                problems.append(Problem(f"{docs_dir.name}/{rel}", None, "folder names are lower-case letters, "
                                        "digits and single hyphens"))
            continue
        wrong = check_file(docs_dir, path)
        if wrong:
            problems.append(Problem(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", None, wrong))
    return problems
