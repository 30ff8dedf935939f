"""Write a pull request's job summary: changed pages per language, changed data, translation state.

Why: a reviewer should open exactly the pages a pull request changes in its preview, and a
translator should see which translated pages and data texts the source edit has just left behind,
with the command that records a finished translation. For a commit range BASE...HEAD (the
changes on HEAD since it left BASE, as GitHub shows them) this writes Markdown, in every written
language (labels from data/i18n/*.yml, `summary.*`), to $GITHUB_STEP_SUMMARY when set, else to
stdout. It reads git only; it never needs a token. The translation state is the project's own
(macros/translations.py): what is behind at HEAD and was not already behind at BASE.
Usage: python -m macros pr-summary BASE [HEAD] [--artifact NAME]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from macros.core import translations as tr
from macros.core.kinds import KINDS, models
from macros.core.labels import fill
from macros.core.languages import SOURCE, TARGETS, WRITTEN, prefix
from macros.core.load import KnowledgeBase, load, load_or_report
from macros.core.model import Action, Recommendation
from macros.core.pages import RECORD_PAGES, page_url, record_page
from macros.core.references import ref_fields
from macros.core.shortlinks import plan_link
from macros.core.yaml_source import DataErrors

# What a change left behind the source: pages, data texts, and how many were behind before.
Behind = tuple[list[tr.PageState], list[tr.RecordState], int]
ACCEPT = ".venv/bin/python -m macros translation-status --accept"
MAX_IDS = 30  # record ids listed per data file; a bulk edit must not flood the summary


@dataclass(frozen=True)
class Change:
    status: str  # added | modified | deleted
    path: str  # repository path (the new one for a rename)


@dataclass(frozen=True)
class PageChange:
    lang: str
    path: str  # relative to docs/<lang>/
    status: str

    @property
    def site(self) -> str:
        return "/" + prefix(self.lang) + page_url(self.path, True)

    @property
    def preview(self) -> str:
        return prefix(self.lang) + page_url(self.path, False)


def git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)


def changes(root: Path, base: str, head: str) -> list[Change]:
    """Files changed on `head` since it diverged from `base` (renames as a change of the new path)."""
    result = git(root, "diff", "--name-status", "-z", "--no-renames", f"{base}...{head}")
    if result.returncode != 0:
        raise LookupError(result.stderr.decode("utf-8", "replace").strip())
    fields = result.stdout.decode("utf-8").split("\0")
    found = []
    for status, path in zip(fields[0::2], fields[1::2], strict=False):
        if path:
            found.append(Change({"A": "added", "D": "deleted"}.get(status[:1], "modified"), path))
    return found


def page_changes(found: list[Change]) -> list[PageChange]:
    pages = []
    for change in found:
        parts = change.path.split("/", 2)
        if len(parts) == 3 and parts[0] == "docs" and parts[1] in WRITTEN and parts[2].endswith(".md"):
            pages.append(PageChange(parts[1], parts[2], change.status))
    return sorted(pages, key=lambda p: (p.path, WRITTEN.index(p.lang)))


def data_at(root: Path, commit: str, dest: Path) -> KnowledgeBase | None:
    """The validated data as it was at `commit` (None when git lacks it or it did not validate)."""
    archive = git(root, "archive", "--format=tar", commit, "data")
    if archive.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    try:
        return load(dest / "data")
    except DataErrors:
        return None


def source_hashes(kb: KnowledgeBase | None) -> dict[str, str]:
    if kb is None:
        return {}
    return {
        f"{kind}/{rid}": tr.record_hash(record)
        for kind, records in kb.records.items()
        for rid, record in records.items()
    }


def translation_state(
    root: Path, kb: KnowledgeBase, base_kb: KnowledgeBase | None, found: list[Change]
) -> Behind:
    """(pages, records, earlier): what this change left behind the source, and how many were behind before."""
    touched = {c.path for c in found}
    pages_behind = [s for s in tr.page_states(root / "docs") if s.state != "current"]
    records_behind = [s for s in tr.record_states(root, kb) if s.state != "current"]
    before = source_hashes(base_kb)
    data_touched = {c.path for c in found if c.path.startswith("data/")}

    def caused_page(state: tr.PageState) -> bool:
        return f"docs/{SOURCE}/{state.path}" in touched or f"docs/{state.lang}/{state.path}" in touched

    def caused_record(state: tr.RecordState) -> bool:
        if base_kb is None:  # no baseline: every record of a touched data file
            return state.file in data_touched
        return before.get(state.key) != state.current

    pages = [s for s in pages_behind if caused_page(s)]
    records = [s for s in records_behind if caused_record(s)]
    earlier = len(pages_behind) + len(records_behind) - len(pages) - len(records)
    return pages, records, earlier


def shown_on(kind: str) -> str | None:
    """The page that lists records of this kind (macros/core/kinds.py), if there is one."""
    return KINDS[kind].list_page if kind in KINDS else None


@dataclass(frozen=True)
class RecordChange:
    """One record a data change added, changed (its source texts) or removed, and where readers meet it."""

    file: str  # data/<kind>.yml
    kind: str
    rid: str
    status: str  # added | modified | deleted
    short_link: str | None  # the id of its short link (<site>/go/<id>/), if it has one
    pages: tuple[str, ...]  # docs paths (the same in every language) that show it


# Macros that show a stakeholder group's recommendations and actions (plan pages, handouts).
GROUP_MACROS = ("action_plan", "handout")


def macro_index(docs: Path) -> dict[tuple[str, str], set[str]]:
    """(macro, literal argument) -> the pages (docs/<default language>/ paths) whose calls pass it."""
    from macros.core.page_templates import macro_calls
    from macros.render import MACROS

    index: dict[tuple[str, str], set[str]] = {}
    lang_docs = docs / SOURCE
    for path in sorted(lang_docs.rglob("*.md")):
        rel = path.relative_to(lang_docs).as_posix()
        for _, macro, args in macro_calls(path.read_text(encoding="utf-8", errors="replace"), MACROS):
            for arg in args:
                index.setdefault((macro, str(arg)), set()).add(rel)
    return index


def short_link_of(kind: str, rid: str) -> str | None:
    """The short link id of a record (recommendations: the id; findings, root causes: prefix-id; groups: plan-id)."""
    if kind == "stakeholder_groups":
        return plan_link(rid).id
    spec = KINDS.get(kind)
    if spec is None or not spec.record_page:
        return None
    return f"{spec.short_prefix}-{rid}" if spec.short_prefix else rid


def appears_on(kb: KnowledgeBase, kind: str, rid: str, index: dict[tuple[str, str], set[str]]) -> tuple[str, ...]:
    """Every page a record shows on: its own page, its kind's list page, the pages whose macros name it,
    the plan pages and handouts of the groups it belongs to, and the pages of the records it refers to
    or that refer to it (a finding's page lists the recommendations that address it)."""
    pages: list[str] = []
    if kind in RECORD_PAGES:
        pages.append(record_page(kind, rid))
    if shown_on(kind):
        pages.append(str(shown_on(kind)))
    pages += sorted(p for (_, arg), found in index.items() if arg == rid for p in found)
    record = getattr(kb, kind, {}).get(rid)
    groups: list[str] = []
    if isinstance(record, Recommendation):
        groups = record.owners + record.partners
    elif isinstance(record, Action):
        groups = [record.group]
        if record.recommendation in kb.recommendations:
            pages.append(record_page("recommendations", record.recommendation))
    if kind == "stakeholder_groups":
        pages.append(plan_link(rid).page)
    pages += sorted(p for g in groups for macro in GROUP_MACROS for p in index.get((macro, g), ()))
    if record is not None:  # the pages of the findings and root causes it refers to list it back
        for name, (target, _) in ref_fields(type(record)).items():
            if target in RECORD_PAGES:
                value = getattr(record, name)
                pages += [record_page(target, v) for v in (value if isinstance(value, list) else [value]) if v]
    for other_kind, records in kb.records.items():  # records that refer to it show it on their own pages
        if other_kind not in RECORD_PAGES:
            continue
        fields = {name for name, (target, _) in ref_fields(models()[other_kind]).items() if target == kind}
        for other in records.values():
            if any(rid in (v if isinstance(v, list) else [v]) for v in (getattr(other, f) for f in fields)):
                pages.append(record_page(other_kind, other.id))
    return tuple(dict.fromkeys(pages))


def record_changes(
    kb: KnowledgeBase, base_kb: KnowledgeBase | None, docs: Path
) -> list[RecordChange] | None:
    """Records whose source texts changed, that are new or that were removed, with where they appear (None
    without a baseline). A record's pages are looked up in the data after the change (before it, for a
    removed one)."""
    if base_kb is None:
        return None
    before, after = source_hashes(base_kb), source_hashes(kb)
    index = macro_index(docs)
    found = []
    for key in list(after) + [k for k in before if k not in after]:
        if before.get(key) == after.get(key):
            continue
        kind, rid = key.split("/", 1)
        status = "added" if key not in before else "deleted" if key not in after else "modified"
        source = base_kb if status == "deleted" else kb
        file = source.origins.get((kind, rid), (f"data/{kind}.yml", 0))[0]
        pages = appears_on(source, kind, rid, index)
        found.append(RecordChange(file, kind, rid, status, short_link_of(kind, rid), pages))
    return found


_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md_text(text: str) -> str:
    """Text from data (a label) as Markdown that shows exactly that text on one line: every ASCII
    punctuation character backslash-escaped (no emphasis, link, HTML, table cell, heading, list or
    rule can start), line breaks and runs of spaces as one space (no fake lines)."""
    return _MD_PUNCT.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


def _cell(text: str) -> str:
    """A table cell: file paths and ids come from the pull request, so no '|' or line break gets through."""
    return " ".join(str(text).replace("|", "\\|").replace("`", "'").split())


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render_data(
    lang: str, s: Callable[[str], str], data: list[str], records: list[RecordChange] | None
) -> list[str]:
    """The changed data files: one row per record added, changed or removed, with its short link and
    every page it appears on (this language's site paths); one row per file when the base is unknown."""
    root = "/" + prefix(lang)
    out = [
        f"### {s('summary.data')}",
        "",
        _row(*(s(f"summary.col_{c}") for c in ("file", "record", "change", "short_link", "appears_on"))),
        _row(*["---"] * 5),
    ]
    for file in data:
        rows = None if records is None else [r for r in records if r.file == file]
        if not rows:  # no baseline (which records changed is unknown), or only translated texts or layout changed
            out.append(_row(f"`{_cell(file)}`", "–" if rows is None else s("summary.no_records"), "–", "–", "–"))
            continue
        for r in rows[:MAX_IDS]:
            link = "–" if r.short_link is None or r.status == "deleted" else f"`{root}go/{_cell(r.short_link)}/`"
            shown = [f"`{root}{_cell(page_url(p, True))}`" for p in r.pages[:MAX_IDS]]
            more = f", … (+{len(r.pages) - MAX_IDS})" if len(r.pages) > MAX_IDS else ""
            out.append(_row(f"`{_cell(file)}`", f"`{_cell(r.rid)}`", s(f"summary.{r.status}"), link,
                            (", ".join(shown) + more) or "–"))
        if len(rows) > MAX_IDS:
            out.append(_row(f"`{_cell(file)}`", f"… (+{len(rows) - MAX_IDS})", "", "", ""))
    return [*out, ""]


def render(
    lang: str,
    raw: Callable[[str], str],
    pages: list[PageChange],
    data: list[str],
    behind: Behind,
    artifact: str | None,
    records: list[RecordChange] | None = None,
    labels: Sequence[tuple[str, list[str] | None]] = (),
) -> str:
    """The summary in one language; `raw(key)` is a label from data/i18n/<lang>.yml, shown escaped."""
    pages_behind, records_behind, earlier = behind

    def s(key: str) -> str:
        return md_text(raw(key))

    colon = md_text(raw("punct.colon"))
    left, right = (md_text(part) for part in raw("punct.paren").split("{text}", 1))
    out = [f"## {s('summary.title')}", ""]
    if artifact:
        out += [fill(raw("summary.preview"), md_text, artifact=f"**{md_text(artifact)}**"), ""]
    out += [f"### {s('summary.pages')}", ""]
    if pages:
        out += [
            _row(*(s(f"summary.col_{c}") for c in ("page", "language", "change", "site", "preview"))),
            _row(*["---"] * 5),
        ]
        for p in pages:
            preview = "–" if p.status == "deleted" else f"`{_cell(p.preview)}`"
            out.append(
                _row(
                    f"`docs/{p.lang}/{_cell(p.path)}`",
                    s(f"summary.lang_{p.lang}"),
                    s(f"summary.{p.status}"),
                    f"`{_cell(p.site)}`",
                    preview,
                )
            )
    else:
        out.append(s("summary.no_pages"))
    out.append("")
    if data:
        out += render_data(lang, s, data, records)
    if labels:
        out += [
            f"### {s('summary.labels')}",
            "",
            _row(s("summary.col_file"), s("summary.col_labels")),
            _row(*["---"] * 2),
        ]
        for file, keys in labels:
            shown = "–" if keys is None else ", ".join(f"`{_cell(k)}`" for k in keys[:MAX_IDS])
            if keys is not None and len(keys) > MAX_IDS:
                shown += f", … (+{len(keys) - MAX_IDS})"
            out.append(_row(f"`{_cell(file)}`", shown or "–"))
        out.append("")
    out += [f"### {s('summary.translation')}", ""]
    if not pages_behind and not records_behind:
        out.append(s("summary.translation_ok"))
    if pages_behind:
        out += [s("summary.pages_behind") + colon.strip(), ""]
        out += [
            f"- `docs/{p.lang}/{_cell(p.path)}`{colon}{s('translation.state.' + p.state)}" for p in pages_behind
        ] + [""]
    several = len(TARGETS) > 1  # a record is then behind in a named language
    if records_behind:

        def in_language(r: tr.RecordState) -> str:
            return s("summary.lang_" + r.lang) + colon if several else ""

        out += [s("summary.texts_behind") + colon.strip(), ""]
        out += [
            f"- {in_language(r)}`{_cell(r.key)}`{left}`{_cell(r.file)}:{r.line}`{right}{colon}"
            + s("translation.state." + r.state)
            for r in records_behind
        ] + [""]
    targets = [f"docs/{p.lang}/{p.path}" for p in pages_behind if p.state != "missing"] + [
        f"--lang {r.lang} {r.key}" if several else r.key for r in records_behind
    ]
    if targets:
        out += [s("summary.accept"), "", "```sh"] + [f"{ACCEPT} {_cell(t)}" for t in targets] + ["```"]
    if earlier:
        out += ["", fill(raw("summary.earlier"), md_text, count=str(earlier))]
    return "\n".join(out).rstrip() + "\n"


def summary(root: Path, kb: KnowledgeBase, base: str, head: str, artifact: str | None) -> str:
    try:
        found = changes(root, base, head)
    except LookupError:
        return "\n".join(
            f"## {md_text(kb.strings[lang]['summary.title'])}\n\n"
            f"{fill(kb.strings[lang]['summary.no_base'], md_text, base=md_text(base))}\n"
            for lang in WRITTEN
        )
    with tempfile.TemporaryDirectory() as tmp:
        base_kb = data_at(root, git(root, "merge-base", base, head).stdout.decode().strip() or base, Path(tmp))
    pages = page_changes(found)
    records = record_changes(kb, base_kb, root / "docs")
    data = [
        c.path
        for c in found
        if c.path.startswith("data/")
        and c.path.endswith(".yml")
        and not c.path.startswith("data/i18n/")
        and not c.path.startswith("data/messages/")
        and c.path != tr.LOCK.as_posix()
    ]
    behind = translation_state(root, kb, base_kb, found)
    labels = [(c.path, changed_labels(kb, base_kb, c.path)) for c in found if c.path.startswith("data/i18n/")]
    return "\n".join(
        render(lang, trusted_labels(kb, base_kb, lang), pages, data, behind, artifact, records, labels)
        for lang in WRITTEN
    )


def changed_labels(kb: KnowledgeBase, base_kb: KnowledgeBase | None, path: str) -> list[str] | None:
    """The label keys a change to data/i18n/<lang>.yml added, changed or removed (None without a baseline)."""
    lang = Path(path).stem
    if base_kb is None or lang not in kb.strings:
        return None
    before, after = base_kb.strings.get(lang, {}), kb.strings[lang]
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def trusted_labels(kb: KnowledgeBase, base_kb: KnowledgeBase | None, lang: str) -> Callable[[str], str]:
    """The summary's own labels as the base commit has them (reviewed text; a pull request that edits
    them is listed under the changed labels instead), the pull request's for keys the base lacks."""
    base = base_kb.strings.get(lang, {}) if base_kb is not None else {}
    head = kb.strings[lang]
    return lambda key: base.get(key, head[key])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", help="the commit the pull request is based on (e.g. its base branch's SHA)")
    parser.add_argument(
        "head", nargs="?", default="HEAD", help="the pull request's commit (default: HEAD, the working tree's)"
    )
    parser.add_argument("--artifact", help="the name of the preview artifact, to tell the reviewer what to download")


def run(args: argparse.Namespace) -> int:
    root = Path(args.data).resolve().parent
    kb = load_or_report(Path(args.data))
    if kb is None:
        return 1  # the data errors are already annotated; the check job reports them too
    text = summary(root, kb, args.base, args.head, args.artifact)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(text + "\n")
    else:
        sys.stdout.write(text)
    return 0
