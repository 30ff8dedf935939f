"""A zip of the whole site that works from file://, search and handout PDFs included, for venues
with no network.

Builds mkdocs.offline.yml (mkdocs.yml without directory URLs) with Material's offline plugin
switched on (OFFLINE=true), prints the handout PDFs into it, then zips the result. The kit module of the plugin
writes each language's search/search_index.js, which the pages load from file:// instead of
fetching JSON. `python -m macros site` publishes this zip with the site (downloads/); this
command writes it on its own, by default into dist/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

from macros.core.languages import LANGS
from macros.core.load import load
from macros.core.offline_zip import ZIP_FILE, ZIP_NAME, content_time
from macros.core.paths import ROOT
from macros.tools.build import BuildFailed, mkdocs_build

CONFIG = "mkdocs.offline.yml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / ZIP_FILE, help="the zip to write")
    parser.add_argument("--no-pdf", action="store_true", help="without the handout PDFs (no Chromium needed)")


def build_offline(site: Path, config_file: Path = ROOT / CONFIG) -> None:
    """A strict build of the offline config into `site`, with the offline plugin switched on."""
    mkdocs_build(site, config=config_file, env={"OFFLINE": "true"})


def make_offline_zip(work: Path, out: Path, groups: list[str], pdfs: bool = True) -> Path:
    """Build the offline copy in `work`, print its handout PDFs, zip it to `out`; returns the built copy."""
    site = work / "offline"
    build_offline(site)
    if pdfs:
        from macros.tools.handouts import print_handouts

        print_handouts(site, groups, list(LANGS))
    zip_site(site, out)
    return site


def zip_site(site: Path, out: Path) -> None:
    """Zip every file under one top folder (unzipping never scatters files).

    Entries are sorted and dated from SOURCE_DATE_EPOCH (macros/core/offline_zip.py), so the zip
    of a commit is reproducible and its date is the date of its content.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    stamp = content_time()[:6]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                entry = zipfile.ZipInfo(f"{ZIP_NAME}/{path.relative_to(site).as_posix()}", stamp)
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)


def run(args: argparse.Namespace) -> int:
    groups = list(load(args.data).stakeholder_groups)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            make_offline_zip(Path(tmp), args.out, groups, pdfs=not args.no_pdf)
        except BuildFailed as exc:  # the build has logged its own messages
            print(f"The offline build failed: {exc}", file=sys.stderr)
            return 1
    print(args.out)
    return 0
