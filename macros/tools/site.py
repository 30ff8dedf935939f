"""Build the complete publishable site, atomically: `python -m macros site [--out site]`.

What `make site` runs and what deploy.yml publishes. In a temporary folder next to the output
(macros/tools/build.py), in this order:
  1. the offline copy (mkdocs.offline.yml), its handout PDFs printed by Chromium, zipped;
  2. the pages of every language, with the short links, QR codes and data downloads; the build
     is told where the finished zip is (KB_OFFLINE_ZIP), so the kit page shows its real size and
     date (macros/core/offline_zip.py) - the zip exists before the page that describes it;
  3. the handout PDFs and the zip copied to where the pages link them
     (handouts/<group>.pdf, <lang>/handouts/<group>.pdf, downloads/<zip>);
  4. the link check (macros/tools/links.py) over the result: a page linking a file no step made
     fails the build;
then the new folder replaces the output in one rename. With --pages-only (what `make build`
runs) only step 2 is done: a quick preview whose PDF links stay empty; nothing is checked.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from macros.core.downloads import DOWNLOADS_DIR
from macros.core.languages import LANGS
from macros.core.load import load_or_report
from macros.core.offline_zip import ENV, ZIP_FILE
from macros.tools import build, links
from macros.tools.handouts import pdf_path

T = TypeVar("T")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("site"), help="the folder to (re)place (default: site/)")
    parser.add_argument("--pages-only", action="store_true",
                        help="only the pages, short links and downloads: no PDFs, no offline zip, no link check")


def build_site(work: Path, groups: list[str], pages_only: bool = False) -> Path:
    """Every step of the build inside `work`; returns the finished site folder (raises BuildFailed)."""
    site = work / "site"
    if pages_only:
        _step("pages", build.mkdocs_build, site)
        return site
    from macros.tools.offline import make_offline_zip

    zip_path = work / ZIP_FILE
    offline = _step("offline copy with handout PDFs, zipped", make_offline_zip, work, zip_path, groups)
    _step("pages", build.mkdocs_build, site, env={ENV: str(zip_path)})
    for lang in LANGS:
        for group in groups:
            target = pdf_path(site, lang, group)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pdf_path(offline, lang, group), target)
    (site / DOWNLOADS_DIR).mkdir(exist_ok=True)
    shutil.copy2(zip_path, site / DOWNLOADS_DIR / ZIP_FILE)
    problems, checked = _step("link check", links.check, site, links.site_url_of(site))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise build.BuildFailed(f"{len(problems)} broken link(s) among {checked}")
    return site


def _step(name: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"site: {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return result


def run(args: argparse.Namespace) -> int:
    kb = load_or_report(args.data)
    if kb is None:
        return 1
    start = time.perf_counter()
    try:
        with build.workdir(args.out) as work:
            site = build_site(work, list(kb.stakeholder_groups), args.pages_only)
            build.replace(site, args.out)
    except build.BuildFailed as exc:
        print(f"The build failed, {args.out}/ is unchanged: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"The build was interrupted, {args.out}/ is unchanged.", file=sys.stderr)
        return 130
    print(f"site: {args.out}/ replaced in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0
