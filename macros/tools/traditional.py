"""Review the Traditional edition's conversion: its time over the site, one file converted, doubtful characters.

`python -m macros traditional` converts every Simplified page (docs/zh/**/*.md) and every data file
and prints the seconds it took (a build converts the same text once). `--show FILE` prints one
file converted, to read as a Hong Kong or Taiwan reader would. `--doubtful` lists each Simplified
character that the site's text converts to more than one Traditional character, with the contexts
of the rarer forms: where OpenCC picks wrong, and what data/traditional_terms.yml should fix.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from macros.core.paths import DATA, DOCS, ROOT
from macros.core.traditional import HAN_RUN, TERMS_FILE, converter, to_traditional


def site_files() -> list[Path]:
    """The Simplified pages and every data file (data texts in both languages: only Han runs convert)."""
    data = [p for p in sorted(DATA.rglob("*.yml")) if p.name != TERMS_FILE]  # its reasons quote OpenCC's mistakes
    return sorted((DOCS / "zh").rglob("*.md")) + data


def timed() -> tuple[int, int, float, float]:
    """(files, characters, seconds of the first conversion, seconds of a second one from the cache)."""
    texts = [p.read_text(encoding="utf-8") for p in site_files()]
    converter()  # loading OpenCC and the term table is counted apart, below
    start = time.perf_counter()
    for text in texts:
        to_traditional(text)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        to_traditional(text)
    return len(texts), sum(map(len, texts)), first, time.perf_counter() - start


def doubtful(texts: list[str]) -> list[str]:
    """Lines naming each character converted more than one way, with up to eight contexts of its rarer forms."""
    forms: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for text in texts:
        for match in HAN_RUN.finditer(text):
            run = match.group(0)
            converted = converter().run(run)
            for i, char in enumerate(run):
                forms[char][converted[i]][f"{run[max(0, i - 2) : i + 3]} → {converted[max(0, i - 2) : i + 3]}"] += 1
    lines = []
    for char, by_form in sorted(forms.items()):
        if len(by_form) < 2:
            continue
        counts = {form: sum(c.values()) for form, c in by_form.items()}
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        lines.append(f"{char}: " + ", ".join(f"{form} ×{n}" for form, n in ranked))
        most = max(counts.values())
        for form, contexts in by_form.items():
            if counts[form] < most:
                lines += [f"    {form}  {context}" for context in list(contexts)[:8]]
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--show", type=Path, help="print this file (a page or a data file) converted")
    parser.add_argument(
        "--doubtful", action="store_true", help="list characters the site's text converts more than one way"
    )


def run(args: argparse.Namespace) -> int:
    if args.show:
        print(to_traditional(args.show.read_text(encoding="utf-8")))
        return 0
    start = time.perf_counter()
    converter()
    loading = time.perf_counter() - start
    files, chars, first, cached = timed()
    print(f"OpenCC and {len(converter().table)} reviewed terms loaded in {loading:.3f} s")
    print(f"{files} files, {chars:,} characters: converted in {first:.3f} s, again from the cache in {cached:.3f} s")
    if args.doubtful:
        print("\n".join(doubtful([p.read_text(encoding="utf-8") for p in site_files()])))
    return 0


if __name__ == "__main__":  # also runs without the command registry
    raise SystemExit(run(argparse.Namespace(show=None, doubtful=False, root=ROOT)))
