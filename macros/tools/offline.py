"""A zip of the whole site that works from file://, search included, for venues with no network.

Builds mkdocs.offline.yml (mkdocs.yml without directory URLs) with Material's offline plugin
switched on (OFFLINE=true), then zips the result into dist/. The kit hook writes each
language's search/search_index.js, which the pages load from file:// instead of fetching JSON.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from macros.core.offline_zip import ZIP_FILE, ZIP_NAME, content_time
from macros.core.paths import ROOT

CONFIG = "mkdocs.offline.yml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / ZIP_FILE, help="the zip to write")


def build_offline(site: Path, config_file: Path = ROOT / CONFIG) -> None:
    """A strict build of the offline config into `site`, with the offline plugin switched on."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["OFFLINE"] = "true"  # read by the offline plugin's `enabled` in mkdocs.yml
    config = load_config(str(config_file), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


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
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        try:
            build_offline(site)
        except MkDocsException as exc:  # the build has logged its own messages
            print(f"The offline build failed: {exc}", file=sys.stderr)
            return 1
        zip_site(site, args.out)
    print(args.out)
    return 0
