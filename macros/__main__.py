"""The docs CLI: `python -m macros <command>`. Make, pre-commit and CI call the same commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.load import load
from macros.yaml_source import DataErrors

ROOT = Path(__file__).resolve().parent.parent


def validate(args: argparse.Namespace) -> int:
    """Load and cross-check every data file; print each problem as file:line: message."""
    try:
        kb = load(args.data)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} problem(s) in the data files.", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(v)} {k}" for k, v in kb.records.items())
    print(f"Data OK: {counts}.")
    return 0


COMMANDS = {"validate": validate}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in COMMANDS.items():
        sub.add_parser(name, help=func.__doc__)
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
