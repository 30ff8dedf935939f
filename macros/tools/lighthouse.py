"""Lighthouse (mobile, default settings) on key index and record pages, median of three runs each.

Serves the built site as a real host would (gzip, cache headers, see static_server.py)
and runs the Lighthouse CLI from node_modules against Debian's Chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from macros.core.paths import ROOT
from macros.tools.browser import CHROMIUM, private_home
from macros.tools.static_server import serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Index and record pages (issue 13) besides the home page and a plan.
PAGES = [
    "",
    "recommendations/",
    "plans/government/",
    "findings/",
    "findings/root-causes/",
    "recommendations/coordinate-monitoring/",
    "findings/root-causes/audit-only-approach/",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --no-first-run"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="a built site (make build)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is printed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")


def _run_once(url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, private_home() as env:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            check=True,
            env={**env, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)},
            timeout=300,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    scores["weight_kb"] = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    failed = [
        a["id"]
        for c in CATEGORIES[1:]
        for ref in report["categories"][c]["auditRefs"]
        if (a := report["audits"][ref["id"]])["score"] is not None and a["score"] < 1 and ref["weight"] > 0
    ]
    scores["failed"] = failed
    return scores


def run(args: argparse.Namespace) -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (make lighthouse does).")
        return 1
    base, httpd = serve(args.site)
    rows = []
    try:
        for lang in ("", "zh/"):
            for page in PAGES:
                url = f"{base}/{lang}{page}"
                runs = [_run_once(url) for _ in range(args.runs)]
                median: dict[str, Any] = {k: statistics.median(r[k] for r in runs) for k in (*CATEGORIES, "weight_kb")}
                median["failed"] = sorted({a for r in runs for a in r["failed"]})
                rows.append(("/" + lang + page, median))
    finally:
        httpd.shutdown()
    print(f"{'page':28} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'KB':>7}  audits below 1 (a11y/bp/seo)")
    for page, m in rows:
        print(
            f"{page:28} {m['performance']:5.2f} {m['accessibility']:5.2f} {m['best-practices']:5.2f} "
            f"{m['seo']:5.2f} {m['weight_kb']:7.0f}  {', '.join(m['failed']) or '-'}"
        )
    if args.json:
        args.json.write_text(json.dumps(dict(rows), indent=2), encoding="utf-8")
    return 0
