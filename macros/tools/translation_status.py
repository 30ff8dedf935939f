"""List Chinese pages and data texts that are missing or behind the English; --accept records a translation.

For an outdated page it prints the English changes since the translated version (a unified diff
from the recorded git blob to the current English file), so a translator sees what to update.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

from macros.core import translations as tr
from macros.core.diagnostics import clean, commands_stopped
from macros.core.languages import SOURCE, TARGET
from macros.core.load import KnowledgeBase, load_or_report

PAGE_NOTES = {
    "outdated": "the English page changed since the version this translates",
    "untracked": "no translation_of in its front matter: compare with the English by hand, then accept",
    "missing": "the Chinese page does not exist",
}
RECORD_NOTES = {
    "changed": "English texts changed since the translation was confirmed",
    "new": "translation never confirmed",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--accept",
        nargs="*",
        metavar="TARGET",
        help="record that the Chinese is up to date: pages (docs/zh/about/index.md or about/index.md) "
        "or data records (recommendations/<id>); no TARGET accepts everything listed",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if anything is missing or behind")
    parser.add_argument("--no-diff", action="store_true", help="do not print the English changes")


def english_diff(root: Path, state: tr.PageState) -> list[str] | None:
    """The English changes since the translated version; None when git does not have that version."""
    if state.recorded is None:
        return None
    try:
        old = subprocess.run(["git", "cat-file", "blob", state.recorded], cwd=root, capture_output=True, check=False)
    except OSError:
        return None
    if old.returncode != 0:
        return None
    new = (root / "docs" / SOURCE / state.path).read_bytes()
    return list(
        difflib.unified_diff(
            old.stdout.decode("utf-8", "replace").splitlines(keepends=True),
            new.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"docs/en/{state.path} (translated: {state.recorded[:10]})",
            tofile=f"docs/en/{state.path} (now: {state.current[:10]})",
        )
    )


def _print_page(root: Path, state: tr.PageState, show_diff: bool) -> None:
    print(f"  {state.state:<9} docs/zh/{clean(state.path, 200)}: {PAGE_NOTES[state.state]}")
    if state.state != "outdated" or not show_diff:
        return
    diff = english_diff(root, state)
    if diff is None:
        print(
            f"      the translated English version (blob {(state.recorded or '')[:10]}) is not in this clone "
            "(a shallow clone?): run `git fetch --unshallow`, or compare by hand"
        )
        return
    for line in diff:
        print("      " + line.rstrip("\n"))


def _print_record(kb: KnowledgeBase, state: tr.RecordState) -> None:
    print(f"  {state.state:<9} {state.file}:{state.line}: {state.key}: {RECORD_NOTES[state.state]}")
    kind, rid = state.key.split("/", 1)
    record = kb.records[kind][rid]
    for field, text in tr.english_texts(record) if state.state == "changed" else ():
        print(f"      {field}: {clean(text, 2000)}")


def _page_target(docs: Path, target: str) -> str | None:
    """The page path (relative to docs/en) that a target names, or None."""
    for prefix in ("docs/zh/", "docs/en/", "zh/", "en/", ""):
        rel = target.removeprefix(prefix) if target.startswith(prefix) else None
        if rel and (docs / SOURCE / rel).is_file():
            return rel
    return None


def accept(root: Path, kb: KnowledgeBase, targets: list[str]) -> int:
    """Stamp translation_of on the chosen Chinese pages and record the chosen data records in the lock."""
    docs = root / "docs"
    pages, records = tr.page_states(docs), tr.record_states(root, kb)
    keys = {r.key for r in records}
    chosen_pages, chosen_records = set(), set()
    for target in targets:
        if target in keys:
            chosen_records.add(target)
        elif (path := _page_target(docs, target)) is not None:
            chosen_pages.add(path)
        else:
            print(
                f"{clean(target, 200)}: neither a page in docs/en/ and docs/zh/ nor a data record (<kind>/<id>)",
                file=sys.stderr,
            )
            return 2
    everything = not targets
    for state in pages:
        if state.state == "current" or not (everything or state.path in chosen_pages):
            continue
        zh = docs / TARGET / state.path
        if state.state == "missing":
            print(f"docs/zh/{clean(state.path, 200)} does not exist: translate it first", file=sys.stderr)
            return 2
        zh.write_text(tr.with_translation_of(zh.read_text(encoding="utf-8"), state.current), encoding="utf-8")
        print(f"accepted docs/zh/{clean(state.path, 200)} as the translation of {state.current[:10]}")
    lock = tr.read_lock(root)
    updated = {}
    for record in records:
        if record.state != "current" and (everything or record.key in chosen_records):
            print(f"accepted {record.key}")
            updated[record.key] = record.current
        elif record.key in lock:
            updated[record.key] = lock[record.key]
    if updated != lock:
        tr.write_lock(root, updated)  # also drops records that no longer exist
    return 0


def run(args: argparse.Namespace) -> int:
    root = Path(args.data).resolve().parent
    kb = load_or_report(Path(args.data))
    if kb is None:
        return 1
    if args.accept is not None:
        return accept(root, kb, args.accept)
    pages = [s for s in tr.page_states(root / "docs") if s.state != "current"]
    records = [s for s in tr.record_states(root, kb) if s.state != "current"]
    if not pages and not records:
        print("Every Chinese page and data text is up to date with the English.")
        return 0
    with commands_stopped():  # file names, diffs and data texts are content: never workflow commands
        if pages:
            print("Pages (docs/zh/ against docs/en/):")
            for state in pages:
                _print_page(root, state, not args.no_diff)
        if records:
            print(f"Data texts ({tr.LOCK.as_posix()}):")
            for record in records:
                _print_record(kb, record)
    print(
        f"{len(pages)} page(s) and {len(records)} data record(s) to translate. Once the Chinese is updated, run "
        "`.venv/bin/python -m macros translation-status --accept <page or kind/id>` (or ask a maintainer to comment "
        "`/accept-translation <page or kind/id>` on the pull request)."
    )
    return 1 if args.check else 0
