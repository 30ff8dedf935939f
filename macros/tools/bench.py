"""Build benchmark: the real site, the site without macros, and the data scaled (x3, x10, x30 ...).

Why: "macros add little", "time grows linearly with data" and "data loads once per build"
are claims about the build; this measures them. Each build runs in a fresh subprocess
(`python -m macros.tools.bench child ...`) that builds in-process with timing wrappers around
`macros.core.load.load` (data loading and validation) and around every macro call, and reports
its own peak memory. Builds go to temp dirs, never to site/. The scaled builds stop at the first
one that would not fit in the time budget (--budget; predicted from the last build's seconds per
page), so `make bench` ends within about ten minutes on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.core.languages import LANGS, prefix
from macros.plugin.engine import ENGINE_ENV
from macros.tools.scale import make_scaled_project


@dataclass
class Result:
    """One build's figures, as the child reports them (seconds, bytes)."""

    wall: float  # subprocess start to exit, imports included
    pages: int  # HTML pages written (both languages, generated record pages and short links included)
    build: float  # mkdocs build() only
    load: float
    loads: int  # calls of macros.core.load.load (wrapped)
    macros: float  # define_env (incl. load) + every macro call
    calls: int
    peak_rss: int
    site_bytes: int
    indexes: dict[str, float]  # each language's search index (bytes)


# -- child: one instrumented in-process build -----------------------------------------------------
def _child(config: Path, site_dir: Path, profile: Path | None) -> int:
    """Build once in this process and print the figures as JSON on the last line of stdout."""
    import macros.core.load as load_mod
    import macros.plugin.entry as main_mod

    timers = {"load": 0.0, "loads": 0, "macros": 0.0, "calls": 0}

    def timed(func: Callable[..., Any], total: str, count: str | None = None) -> Callable[..., Any]:
        """`func`, adding its run time to timers[total] (and one to timers[count])."""

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                timers[total] += time.perf_counter() - start
                if count:
                    timers[count] += 1

        return wrapper

    timed_define = timed(main_mod.define_env, "macros")
    load_mod.load = timed(load_mod.load, "load", "loads")
    main_mod._call = timed(main_mod._call, "macros", "calls")
    main_mod.define_env = timed_define
    import macros

    macros.define_env = timed_define  # mkdocs-macros reads it from the package

    import logging

    from macros.plugin import engine

    handler = logging.StreamHandler(sys.stderr)  # as the mkdocs CLI does: warnings and errors reach stderr
    handler.setLevel(logging.WARNING)
    logging.getLogger(engine.ENGINE_LOGGER).addHandler(handler)

    start = time.perf_counter()
    build = engine.build_in_process(config, site_dir)
    if profile:
        import cProfile

        cProfile.runctx("build()", globals(), {"build": build}, str(profile))
    else:
        build()
    elapsed = time.perf_counter() - start
    index = {lang: _size(site_dir / prefix(lang) / "search" / "search_index.json") for lang in LANGS}
    print(
        json.dumps(
            {
                "build": elapsed,
                "pages": sum(1 for _ in site_dir.rglob("*.html")),
                "load": timers["load"],
                "loads": timers["loads"],
                "macros": timers["macros"],
                "calls": timers["calls"],
                "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "site_bytes": sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()),
                "indexes": index,
            }
        )
    )
    return 0


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


# -- parent: configurations, runs, table ----------------------------------------------------------
def without_macros(project: Path) -> Path:
    """A config next to mkdocs.yml with the macros plugin removed (macro calls stay as text)."""
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    out, skipping = [], False
    for line in lines:
        if line.startswith("  - macros:"):
            skipping = True
            continue
        if skipping and (line.startswith("    ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    if len(out) == len(lines):
        raise SystemExit("bench: no '  - macros:' entry found in mkdocs.yml")
    config = project / "mkdocs-nomacros.yml"
    config.write_text("".join(out), encoding="utf-8")
    return config


def run_child(project: Path, config: Path, site_dir: Path, profile: Path | None = None) -> Result:
    """One build in a fresh interpreter, cwd = the project copy (so its macros package is used)."""
    env = dict(os.environ, **ENGINE_ENV, PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    cmd = [sys.executable, "-m", "macros.tools.bench", "child", str(config), str(site_dir)]
    if profile:
        cmd.append(str(profile))
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"bench: build of {config} failed")
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    return Result(wall=wall, **figures)


def median(results: list[Result]) -> Result:
    """Field-wise median of several runs of one configuration."""
    fields = Result.__dataclass_fields__
    figures = {f: statistics.median(getattr(r, f) for r in results) for f in fields if f != "indexes"}
    indexes = {lang: statistics.median(r.indexes[lang] for r in results) for lang in results[0].indexes}
    return Result(**figures, indexes=indexes)


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def table(rows: list[tuple[str, int, int, Result]]) -> str:
    """The results as a Markdown table."""
    head = (
        "| Configuration | Sources (.md) | Pages (.html) | Runs | Wall (s) | Build (s) | ms per page "
        "| Load+validate (s) | Loads | Macros (s) | Macro calls "
        "| Peak RSS | Site | " + "".join(f"Search index {lang} | " for lang in LANGS).rstrip() + "\n"
        + "|---" * (13 + len(LANGS)) + "|\n"
    )
    body = "".join(
        f"| {name} | {pages} | {r.pages:g} | {runs} | {r.wall:.2f} | {r.build:.2f} | {1000 * r.build / r.pages:.0f} "
        f"| {r.load:.3f} | {r.loads:g} "
        f"| {r.macros:.2f} | {r.calls:g} "
        f"| {_mb(r.peak_rss)} | {_mb(r.site_bytes)} | "
        + "".join(f"{_mb(r.indexes[lang])} | " for lang in LANGS).rstrip()
        + "\n"
        for name, pages, runs, r in rows
    )
    return head + body


def _load() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine slows the builds."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _pages(project: Path) -> int:
    return sum(1 for _ in (project / "docs").rglob("*.md"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=3, help="runs of the x1 configurations (median printed; default 3)")
    parser.add_argument("--scales", default="3,10,30,100", help="data factors to build once each, smallest first "
                        "(default 3,10,30,100; those that would not fit in --budget are left out)")
    parser.add_argument("--budget", type=float, default=540.0,
                        help="seconds for the whole benchmark (default 540); a scaled build predicted to end "
                        "after it is not started")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the largest build to this file")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    scales = sorted(int(s) for s in args.scales.split(",") if s.strip())
    rows: list[tuple[str, int, int, Result]] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        tmp_path = Path(tmp)
        real = make_scaled_project(tmp_path / "x1", 1)
        plain = without_macros(real)
        for name, config in (("real site", real / "mkdocs.yml"), ("real site, macros off", plain)):
            results = []
            for i in range(args.runs):
                results.append(run_child(real, config, tmp_path / f"site-{config.stem}-{i}"))
                print(f"  {name}, run {i + 1}: {results[-1].wall:.2f} s", file=sys.stderr, flush=True)
            rows.append((name, _pages(real), args.runs, median(results)))
        last_factor, last = 1, rows[0][3]
        for factor in scales:
            # linear in the data: the last build's time, scaled (what this benchmark checks, so a build that
            # grows faster than linearly shows as a run past the budget, and in the table's ms per page)
            predicted = last.wall * factor / last_factor
            if time.perf_counter() - started + predicted > args.budget:
                skipped.append(f"x{factor} (predicted {predicted:.0f} s)")
                continue
            project = make_scaled_project(tmp_path / f"x{factor}", factor)
            profile = args.profile if args.profile and factor == max(scales) else None
            result = run_child(project, project / "mkdocs.yml", tmp_path / f"site-x{factor}", profile)
            print(f"  data x{factor}: {result.wall:.2f} s", file=sys.stderr, flush=True)
            rows.append((f"data x{factor}", _pages(project), 1, result))
            shutil.rmtree(project)
            shutil.rmtree(tmp_path / f"site-x{factor}")
            last_factor, last = factor, result
    print(table(rows))
    print(f"Benchmark: {time.perf_counter() - started:.0f} s; load average {_load()}.")
    if skipped:
        print(f"Left out (would end after the {args.budget:.0f} s budget): {', '.join(skipped)}.")
    real_row, plain_row = rows[0][3], rows[1][3]
    print(
        f"Macros overhead on the real site: {100 * (real_row.build / plain_row.build - 1):+.1f}% build time "
        f"(macro time {real_row.macros:.2f} s of {real_row.build:.2f} s)."
    )
    for name, _page_count, _runs, r in rows[2:]:
        factor = int(name.split("x")[1])
        print(
            f"{name}: build {r.build / real_row.build:.1f}x the real site for {factor}x the data "
            f"({r.pages / real_row.pages:.1f}x the pages); loads per build: {r.loads:g}."
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "child":
        sys.exit(
            _child(
                Path(sys.argv[2]).resolve(),
                Path(sys.argv[3]).resolve(),
                Path(sys.argv[4]).resolve() if len(sys.argv) > 4 else None,
            )
        )
    sys.exit("usage: make bench, or .venv/bin/python -m macros bench (the 'child' mode is internal)")
