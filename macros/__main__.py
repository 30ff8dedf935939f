"""The docs CLI: `python -m macros <command>`. Make, pre-commit and CI call the same commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from macros.core.paths import ROOT

# Other commands live in their own modules, imported only when called. Each module has
# `add_arguments(parser)` (optional) and `run(args) -> int`.
MODULES = {
    "serve": "macros.tools.serve",  # make serve: a preview that survives build errors and a taken port
    "validate": "macros.tools.validate",  # data and pages: everything a content change can break, without a build
    "schema": "macros.tools.schema",  # write or check the JSON Schemas in schema/
    "translation-status": "macros.tools.translation_status",  # outdated or missing Chinese pages and data texts
    "lint-terms": "macros.tools.terms",  # discouraged terminology in pages and data
    "handouts": "macros.tools.handouts",  # A4 PDF handouts per stakeholder group and language
    "offline": "macros.tools.offline",  # zip of the whole site that works from file://
    "site": "macros.tools.site",  # the complete publishable site, built atomically
    "check-links": "macros.tools.links",  # every internal link and anchor resolves
    "bench": "macros.tools.bench",  # build benchmark: the real site, without macros, data x3 ... x100 within a budget
    "live-reload": "macros.tools.live_reload",  # seconds from a one-page edit to the browser under mkdocs serve
    "lighthouse": "macros.tools.lighthouse",  # Lighthouse scores of key pages
    "pr-summary": "macros.tools.pr_summary",  # a pull request's changed pages and translation state (CI job summary)
    "traditional": "macros.tools.traditional",  # the Traditional edition's conversion, reviewed
    "typography": "macros.tools.typography",  # Chinese typography of the built zh pages
    "html-check": "macros.tools.html_check",  # the Nu HTML checker on index and record pages
    "search-relevance": "macros.tools.search_relevance",  # top-1/top-3 of the queries in tests/search_relevance.yml
    "review": "macros.tools.review",  # laws, codes, wages and changes whose `checked` date is due for review
    "bombs": "macros.tools.bombs",  # the normal build against one hostile input each: seconds and size (issue 31)
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name, module_name in MODULES.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # not built yet
        modules[name] = module
        command = sub.add_parser(name, help=(module.__doc__ or "").strip().splitlines()[0])
        if hasattr(module, "add_arguments"):
            module.add_arguments(command)
    args = parser.parse_args(argv)
    return int(modules[args.command].run(args))


if __name__ == "__main__":
    sys.exit(main())
