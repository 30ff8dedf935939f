"""The Nu HTML checker (vnu.jar, from npm) on the index and record pages of both languages.

Prints every error of the project's own (duplicate ids included) and exits 1 if there is any.
Errors that come from Material for MkDocs' own templates, which this project does not write, are
filtered by message; each filter says why. Warnings and info messages are not counted (the CSP
meta tag makes the checker warn about every script and stylesheet it cannot fetch).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from macros.core.languages import LANGS, SOURCE, prefix
from macros.core.load import load
from macros.core.pages import PAGES, page_url, record_pages
from macros.core.paths import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's own markup, by message (Material 9.8.1):
MATERIAL_ERRORS = {
    # The header, search and navigation toggles are <input type="checkbox" autocomplete="off">
    # (partials/header.html, base.html, nav-item.html), so that browsers do not restore their state.
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
    # partials/toc.html writes <label for="__toc"> on every page, but nav-item.html writes the
    # __toc checkbox only for a page that is a nav item of its own, not for a section's index page
    # (navigation.indexes), e.g. findings/: the label then points at nothing.
    re.compile(
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\."
    ),
}


def pages_to_check(site: Path) -> list[Path]:
    """The record index pages, every record page, the workshop pages (kit, facilitator pack) and the 404,
    in every language."""
    kb = load(ROOT / "data")
    paths = [PAGES["recommendations"], PAGES["findings"], PAGES["root_causes"], PAGES["glossary"]]
    paths += [PAGES["plan"].format(group=g) for g in kb.stakeholder_groups]
    paths += list(record_pages(kb))
    docs = ROOT / "docs" / SOURCE
    paths += [page.relative_to(docs).as_posix() for page in sorted((docs / "workshop").rglob("*.md"))]
    pages = [site / prefix(lang) / page_url(path, True) / "index.html" for lang in LANGS for path in paths]
    return pages + [site / prefix(lang) / "404.html" for lang in LANGS]


def check(files: list[Path]) -> list[dict[str, Any]]:
    """The checker's errors for these files, Material's own filtered out."""
    java = shutil.which("java")
    if not java or not VNU.is_file():
        raise FileNotFoundError(f"needs java and {VNU.relative_to(ROOT)} (npm ci installs vnu-jar)")
    out = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )  # exit 1 = errors found
    messages = json.loads(out.stdout or "{}").get("messages", [])
    return [
        m
        for m in messages
        if m.get("type") == "error" and not any(f.search(m.get("message", "")) for f in MATERIAL_ERRORS)
    ]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="a built site (make build)")


def run(args: argparse.Namespace) -> int:
    files = pages_to_check(args.site)
    try:
        errors = check(files)
    except FileNotFoundError as exc:
        print(exc)
        return 1
    for e in errors:
        where = Path(e.get("url", "").removeprefix("file:")).relative_to(args.site.resolve()) if e.get("url") else "?"
        print(f"{where}:{e.get('lastLine', '?')}: {e.get('message')}")
    print(f"Nu HTML checker: {len(files)} pages, {len(errors)} error(s) of the project's own.")
    return 1 if errors else 0
