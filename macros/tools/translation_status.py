"""List translated pages and data texts that are missing or behind their source; --accept records a translation.

Every written language other than the source is tracked (languages.TARGETS; derived languages are
generated, never behind). For an outdated page it prints the source's changes since the translated
version (a unified diff from the recorded git blob to the current source file), so a translator
sees what to update.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

from macros.core import translations as tr
from macros.core.diagnostics import clean, commands_stopped
from macros.core.languages import SOURCE, TARGETS
from macros.core.load import KnowledgeBase, load_or_report

PAGE_NOTES = {
    "outdated": f"the {SOURCE} page changed since the version this translates",
    "untracked": f"no translation_of in its front matter: compare with the {SOURCE} page by hand, then accept",
    "missing": "the translated page does not exist",
}
RECORD_NOTES = {
    "changed": f"{SOURCE} texts changed since the translation was confirmed",
    "new": "translation never confirmed",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--accept",
        nargs="*",
        metavar="TARGET",
        help="record that a translation is up to date: pages (docs/<lang>/about/index.md, or about/index.md for "
        "every --lang) or data records (recommendations/<id>); no TARGET accepts everything listed",
    )
    parser.add_argument(
        "--lang",
        action="append",
        choices=TARGETS,
        help="only this translation (repeatable; default: every one)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if anything is missing or behind")
    parser.add_argument("--no-diff", action="store_true", help="do not print the English changes")


def english_diff(root: Path, state: tr.PageState) -> list[str] | None:
    """The source's changes since the translated version; None when git does not have that version."""
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
            fromfile=f"docs/{SOURCE}/{state.path} (translated: {state.recorded[:10]})",
            tofile=f"docs/{SOURCE}/{state.path} (now: {state.current[:10]})",
        )
    )


def _print_page(root: Path, state: tr.PageState, show_diff: bool) -> None:
    print(f"  {state.state:<9} docs/{state.lang}/{clean(state.path, 200)}: {PAGE_NOTES[state.state]}")
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
    for field, text in tr.source_texts(record) if state.state == "changed" else ():
        print(f"      {field}: {clean(text, 2000)}")


def _page_target(docs: Path, target: str, langs: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """(languages, page path relative to each docs folder) that a target names, or None: docs/<lang>/<path>
    or <lang>/<path> names that translation; a source page or a bare path names every one of `langs`."""
    for lang in (*langs, SOURCE, None):
        for start in ((f"docs/{lang}/", f"{lang}/") if lang else ("",)):
            rel = target.removeprefix(start) if target.startswith(start) else None
            if rel and (docs / SOURCE / rel).is_file():
                return ((lang,) if lang in langs else langs), rel
    return None


def accept(root: Path, kb: KnowledgeBase, targets: list[str], langs: tuple[str, ...] = TARGETS) -> int:
    """Stamp translation_of on the chosen translated pages and record the chosen data records in the lock."""
    docs = root / "docs"
    pages = [s for s in tr.page_states(docs) if s.lang in langs]
    records = [r for r in tr.record_states(root, kb) if r.lang in langs]
    keys = {r.key for r in records}
    chosen_pages: set[tuple[str, str]] = set()
    chosen_records: set[str] = set()
    for target in targets:
        if target in keys:
            chosen_records.add(target)
        elif (named := _page_target(docs, target, langs)) is not None:
            chosen_pages |= {(lang, named[1]) for lang in named[0]}
        else:
            folders = " and ".join(f"docs/{lang}/" for lang in (SOURCE, *langs))
            print(f"{clean(target, 200)}: neither a page in {folders} nor a data record (<kind>/<id>)", file=sys.stderr)
            return 2
    everything = not targets
    for state in pages:
        if state.state == "current" or not (everything or (state.lang, state.path) in chosen_pages):
            continue
        translated = docs / state.lang / state.path
        name = f"docs/{state.lang}/{clean(state.path, 200)}"
        if state.state == "missing":
            print(f"{name} does not exist: translate it first", file=sys.stderr)
            return 2
        text = tr.with_translation_of(translated.read_text(encoding="utf-8"), state.current)
        translated.write_text(text, encoding="utf-8")
        print(f"accepted {name} as the translation of {state.current[:10]}")
    lock = tr.read_lock(root)
    updated: tr.Lock = {lang: {} for lang in TARGETS}
    for record in tr.record_states(root, kb):
        if record.lang in langs and record.state != "current" and (everything or record.key in chosen_records):
            print(f"accepted {record.key}" + (f" ({record.lang})" if len(TARGETS) > 1 else ""))
            updated[record.lang][record.key] = record.current
        elif record.key in lock[record.lang]:
            updated[record.lang][record.key] = lock[record.lang][record.key]
    if updated != lock:
        tr.write_lock(root, updated)  # also drops records that no longer exist
    return 0


def run(args: argparse.Namespace) -> int:
    root = Path(args.data).resolve().parent
    kb = load_or_report(Path(args.data))
    if kb is None:
        return 1
    langs = tuple(args.lang or TARGETS)
    if args.accept is not None:
        return accept(root, kb, args.accept, langs)
    pages = [s for s in tr.page_states(root / "docs") if s.state != "current" and s.lang in langs]
    records = [s for s in tr.record_states(root, kb) if s.state != "current" and s.lang in langs]
    if not pages and not records:
        print(f"Every translated page and data text ({', '.join(langs)}) is up to date with the {SOURCE} source.")
        return 0
    with commands_stopped():  # file names, diffs and data texts are content: never workflow commands
        for lang in langs:
            if any(s.lang == lang for s in pages):
                print(f"Pages (docs/{lang}/ against docs/{SOURCE}/):")
                for state in (s for s in pages if s.lang == lang):
                    _print_page(root, state, not args.no_diff)
            if any(r.lang == lang for r in records):
                print(f"Data texts in {lang} ({tr.LOCK.as_posix()}):")
                for record in (r for r in records if r.lang == lang):
                    _print_record(kb, record)
    print(
        f"{len(pages)} page(s) and {len(records)} data record(s) to translate. Once the translation is updated, run "
        "`.venv/bin/python -m macros translation-status --accept <page or kind/id>` (or ask a maintainer to comment "
        "`/accept-translation <page or kind/id>` on the pull request)."
    )
    return 1 if args.check else 0
