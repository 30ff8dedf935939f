"""A corpus of damaged data files: each ends in a clear `data/<file>.yml:<line>:` error, or in
correct, escaped output. Never a traceback, never a silently missing record.

The corpus is the CASES table: (data file, damage, expected message). A damage is a regex
substitution applied once to the real file (so the corpus follows the data as it grows) or a
named byte-level change; `BADX` marks the line the error must name. tests/test_loader.py
covers the basic cases (missing language, empty text, unknown field, tabs...); these extend them.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import (
    LABEL_PAYLOAD,
    PAYLOAD,
    ROOT,
    build_in_process,
    copy_project,
    hostile_markers,
    rendered,
    text_fields,
)

from macros.core.kinds import KINDS
from macros.core.languages import LANGS, strip_prefix
from macros.core.load import load
from macros.core.yaml_source import DataErrors

MARK = "BADX"
HUGE = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # under data/
    pattern: str | None  # regex, replaced once (multiline); None: `special` damage only
    replacement: str = ""
    expect: str = ""  # regex for the message after "data/<file>:<line>: "
    line: bool = True  # the error names the line of the BADX marker (False: no line, e.g. an empty file)
    line_offset: int | None = 0  # the error's line relative to the marker's (None: a line near the damage)
    special: str | None = None  # a byte-level damage, see `damage`


CASES = [
    # -- wrong shapes and types --
    Case(
        "text-not-bilingual",
        "recommendations.yml",
        r"^  title: .*$",
        f"  title: Only English {MARK}",
        r"record '[^']+': title: 'Only English BADX' is not a group of fields: write \{en: …, zh: …\}",
    ),
    Case(
        "missing-language-in-list",
        "recommendations.yml",
        r"^    - \{en: (.*?), zh: .*\}$",
        rf"    - {{en: \1}}  # {MARK}",
        r"record '[^']+': indicators, item 1: the field 'zh' is missing",
    ),
    Case(
        "missing-language-nested",
        "checklist.yml",
        r"^(      question: \{en: .*?), zh: .*\}$",
        rf"\1}}  # {MARK}",
        r"record '[^']+': items, item 1, question: the field 'zh' is missing",
    ),
    Case(
        "empty-text-block-style",
        "stakeholder_groups.yml",
        r"^(  who:\n    en: .*\n    zh: ).*$",
        rf'\1""  # {MARK}',
        r"record '[^']+': who, zh \(Chinese\): the text is empty",
    ),
    Case(
        "null-text",
        "themes.yml",
        r"^(  summary: \{en: .*?, zh: ).*\}$",
        rf"\1~}}  # {MARK}",
        r"record '[^']+': summary, zh \(Chinese\): the text is empty",
    ),
    Case(
        "number-as-text",
        "glossary.yml",
        r"^  en: .*$",
        f"  en: 2007  # {MARK}",
        r"record '[^']+': en \(English\): 2007 is not text \(put it in quotes",
    ),
    Case(
        "yaml-boolean-as-text",
        "organisations.yml",
        r"^  acronym: .*$",
        f"  acronym: NO  # {MARK}",
        r"record '[^']+': acronym: False is not text",
    ),
    Case(
        "string-for-list",
        "recommendations.yml",
        r"^  owners: \[.*\]$",
        f"  owners: buyers  # {MARK}",
        r"record '[^']+': owners: 'buyers' is not a list: write \[a, b\]",
    ),
    Case(
        "record-is-plain-text",
        "themes.yml",
        r"\Z",
        f"- just a line {MARK}\n",
        r"each record must be a group of fields",
    ),
    Case(
        "file-is-a-mapping",
        "timeline.yml",
        r"\A[\s\S]*\Z",
        f"id: workshop  # {MARK}\ndate: 2007\n",
        r"the file must be a list of records",
    ),
    Case(
        "bad-id",
        "themes.yml",
        r"^- id: .*$",
        f"- id: Working Hours  # {MARK}",
        r"record 'Working Hours': id: the id 'Working Hours' may contain only lower-case letters",
    ),
    Case(
        "non-text-key",
        "themes.yml",
        r"^(  name: .*)$",
        rf"\1\n  2007: x  # {MARK}",
        r"YAML syntax error: the key 2007 must be text",
    ),
    Case(
        "bad-date",
        "timeline.yml",
        r"^  date: .*$",
        f"  date: 07/2007  # {MARK}",
        r"record '[^']+': date: '07/2007' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    Case(
        "bad-url",
        "sources.yml",
        r"^(  kind: statistics)$",
        rf'\1\n  url: "https://example.org/a b"  # {MARK}',
        r"record '[^']+': url: 'https://example.org/a b' is not a web address",
    ),
    # -- references and ids --
    Case(
        "unknown-reference-in-list",
        "recommendations.yml",
        r"^  findings: \[",
        f"  findings: [no-such-finding-{MARK.lower()}, ",
        r"record '[^']+': findings refers to 'no-such-finding-badx', which is not an id in data/findings\.yml",
    ),
    Case(
        "unknown-reference-single",
        "actions.yml",
        r"^  recommendation: .*$",
        f"  recommendation: no-such-rec  # {MARK}",
        r"record '[^']+': recommendation refers to 'no-such-rec', which is not an id in data/recommendations\.yml",
    ),
    Case(
        "unknown-reference-nested",
        "checklist.yml",
        r"^(      sources: \[)(.*)$",
        rf"\1no-such-source, \2  # {MARK}",
        r"record '[^']+': sources refers to 'no-such-source', which is not an id in data/sources\.yml",
    ),
    Case(
        "duplicate-id",
        "recommendations.yml",
        r"^(- id: )(?P<first>[a-z0-9-]+)(?P<rest>[\s\S]*?^- id: )[a-z0-9-]+$",
        rf"\1\g<first>\g<rest>\g<first>  # {MARK}",
        r"the id '[^']+' is used twice in this file",
    ),
    Case(
        "duplicate-nested-id",
        "checklist.yml",
        r"^(    - id: )(?P<first>[a-z0-9-]+)(?P<rest>[\s\S]*?^    - id: )[a-z0-9-]+$",
        rf"\1\g<first>\g<rest>\g<first>  # {MARK}",
        r"record '[^']+': the id '[^']+' is used twice in this file \(first on line \d+\)",
    ),
    # -- YAML syntax --
    Case(
        "unclosed-bracket",
        "themes.yml",
        r"^(  name: \{en: .*)\}$",
        rf"\1  # {MARK}",
        r"YAML syntax error: .*",
        line_offset=None,
    ),
    Case(
        "unclosed-quote",
        "themes.yml",
        r'^(  summary: \{en: "[^"]*)"',
        rf"\1 {MARK}",
        r"YAML syntax error: .* while parsing a flow mapping that starts on line {marker}",
        line_offset=None,
    ),
    Case(
        "colon-in-plain-text",
        "themes.yml",
        r"^(  summary: )\{en: .*$",
        rf"\1Note: a colon {MARK}",
        r"YAML syntax error: mapping values are not allowed here",
    ),
    Case("over-indented-key", "themes.yml", r"^  summary:", "   summary:", r"YAML syntax error: ", line_offset=None),
    Case(
        "under-indented-key", "actions.yml", r"^  timeframe: (.*)$", rf"timeframe: \1  # {MARK}", r"YAML syntax error: "
    ),
    Case(
        "tab-after-colon",
        "themes.yml",
        r"^  name: \{en: (.*)$",
        rf"  name:\t{{en: \1  # {MARK}",
        r"YAML syntax error: found character '\\t' that cannot start any token "
        r"\(YAML indentation must use spaces, not tabs\)",
    ),
    Case(
        "python-tag",
        "timeline.yml",
        r"^  date: .*$",
        f"  date: !!python/object/apply:os.getcwd []  # {MARK}",
        r"YAML syntax error: could not determine a constructor for the tag",
    ),
    Case(
        "duplicate-label",
        "i18n/en.yml",
        r"^(  owners: .*\n)",
        rf"\1  owners: Owners again  # {MARK}\n",
        r"YAML syntax error: the key 'owners' appears twice in this mapping \(first on line \d+\)",
    ),
    Case(
        "label-not-text",
        "i18n/zh.yml",
        r"^(  reset: ).*$",
        rf"\1[a, b]  # {MARK}",
        r"the label '[a-z_.]+\.reset' must be non-empty text",
    ),
    # -- encodings, empty and huge files --
    Case(
        "bom-and-error",
        "themes.yml",
        r"^(  name: \{en: .*?), zh: .*\}$",
        rf"\1}}  # {MARK}",
        r"record '[^']+': name: the field 'zh' is missing",
        special="bom",
    ),
    Case("bom-only", "themes.yml", None, expect=r"the file is empty", line=False, special="bom-only"),
    Case("zero-bytes", "glossary.yml", None, expect=r"the file is empty", line=False, special="zero"),
    Case("whitespace-only", "glossary.yml", None, expect=r"the file is empty", line=False, special="blank"),
    Case("missing-file", "timeline.yml", None, expect=r"cannot read the file", line=False, special="delete"),
    Case(
        "not-utf8",
        "themes.yml",
        r"^(  name: \{en: .*?, zh: )",
        rf"\1{MARK}",
        r"the file is not valid UTF-8 text",
        special="latin1",
    ),
    Case(
        "huge-text",
        "findings.yml",
        r"^(    en: ).*$",
        rf"\1{'x' * HUGE}  # {MARK}",
        rf"record '[^']+': statement, en \(English\): the text is too long \({HUGE} characters; at most 5000\)",
    ),
    Case(
        "text-one-over-limit",
        "themes.yml",
        r"^(  summary: \{en: ).*?(, zh: .*\})$",
        rf"\g<1>{'y' * 5001}\2  # {MARK}",
        r"record '[^']+': summary, en \(English\): the text is too long \(5001 characters; at most 5000\)",
    ),
]


def damage(data: Path, case: Case) -> Path:
    """Apply one case to a copy of the data folder; returns the damaged file."""
    path = data / case.file
    text = path.read_text(encoding="utf-8")
    if case.pattern is not None:
        new, count = re.subn(case.pattern, case.replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"{case.name}: the pattern no longer matches {case.file}; update the corpus"
        text = new
    if case.special == "delete":
        path.unlink()
    elif case.special == "zero":
        path.write_bytes(b"")
    elif case.special == "blank":
        path.write_bytes(b"\n   \n\n")
    elif case.special == "bom-only":
        path.write_bytes(b"\xef\xbb\xbf")
    elif case.special == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif case.special == "latin1":
        path.write_bytes(text.replace(MARK, "caf\xe9 ").encode("utf-8").replace("caf\xe9 ".encode(), b"caf\xe9 "))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def marker_line(path: Path) -> int:
    raw = path.read_bytes()
    for number, line in enumerate(raw.split(b"\n"), 1):
        if MARK.encode() in line or b"caf\xe9 " in line or MARK.lower().encode() in line:
            return number
    raise AssertionError(f"no {MARK} marker in {path}")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(ROOT / "data", data)
    return data


@pytest.fixture
def data(pristine, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(pristine, copy)
    return copy


def check_errors(case: Case, data: Path, errors: list[str]) -> None:
    label = f"data/{case.file}"
    expect = (
        case.expect.replace("{marker}", str(marker_line(data / case.file)))
        if "{marker}" in case.expect
        else case.expect
    )
    mine = [e for e in errors if e.startswith(label)]
    assert mine, f"{case.name}: no error for {label}; got {errors}"
    if not case.line:
        pattern = rf"{re.escape(label)}: {expect}"
    elif case.line_offset is None:  # a syntax error found a line or two after the damage: any line, near it
        pattern = rf"{re.escape(label)}:\d+: {expect}"
    else:
        line = marker_line(data / case.file) if case.special != "delete" else 0
        pattern = rf"{re.escape(label)}:{line + case.line_offset}: {expect}"
    assert any(re.match(pattern, e) for e in mine), f"{case.name}: expected /{pattern}/ in\n" + "\n".join(mine)
    assert all(len(e) < 1000 for e in errors), (
        f"{case.name}: an error message is {max(map(len, errors))} characters long"
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_damaged_data_gives_file_and_line(case, data):
    damage(data, case)
    with pytest.raises(DataErrors) as info:
        load(data)
    check_errors(case, data, [str(e) for e in info.value.errors])


def test_syntax_errors_name_a_line_near_the_damage(data):
    """Cases whose reported line may follow the damage: it is within three lines of it."""
    for case in (c for c in CASES if c.line_offset is None):
        copy = data.parent / case.name
        shutil.copytree(data, copy)
        path = damage(copy, case)
        damaged_line = next(
            i
            for i, (a, b) in enumerate(
                zip(
                    path.read_text(encoding="utf-8").splitlines(),
                    (ROOT / "data" / case.file).read_text(encoding="utf-8").splitlines(),
                    strict=False,  # a damage may add or remove lines
                ),
                1,
            )
            if a != b
        )
        with pytest.raises(DataErrors) as info:
            load(copy)
        lines = [e.line for e in info.value.errors if e.file == f"data/{case.file}"]
        assert lines, (
            case.name,
            damaged_line,
            lines,
        )
        assert all(line is not None and 0 <= line - damaged_line <= 3 for line in lines), (
            case.name,
            damaged_line,
            lines,
        )


def test_text_at_the_limit_is_accepted(data):
    path = data / "themes.yml"
    text, count = re.subn(
        r"^(  summary: \{en: ).*?(, zh: .*\})$",
        rf"\g<1>{'y' * 5000}\2",
        path.read_text(encoding="utf-8"),
        count=1,
        flags=re.MULTILINE,
    )
    assert count == 1
    path.write_text(text, encoding="utf-8")
    kb = load(data)
    assert any(len(t.summary.en) == 5000 for t in kb.themes.values())


def test_tab_inside_a_quoted_text_is_kept(data):
    path = data / "themes.yml"
    text, count = re.subn(
        r'^(  summary: \{en: ")', "\\1a\\tb ", path.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE
    )
    assert count == 1
    path.write_text(text, encoding="utf-8")
    assert any(t.summary.en.startswith("a\tb ") for t in load(data).themes.values())


# -- through a real `mkdocs build`: a representative subset, all at once --------------------------
BUILD_CASES = (
    "bom-and-error",
    "under-indented-key",
    "huge-text",
    "unknown-reference-in-list",
    "python-tag",
    "duplicate-nested-id",
    "label-not-text",
    "zero-bytes",
)


def test_damaged_data_fails_the_real_build_cleanly(tmp_path):
    cases = [c for c in CASES if c.name in BUILD_CASES]
    assert len({c.file for c in cases}) == len(cases) == len(BUILD_CASES), (
        "one case per file, so each error is reported"
    )
    project = copy_project(tmp_path / "p")
    for case in cases:
        damage(project / "data", case)
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert len(result.stderr) < 20_000, "the 1 MB text is not echoed"
    errors = [line.split("ERROR", 1)[-1].lstrip(" -") for line in result.stderr.splitlines() if "data/" in line]
    for case in cases:
        check_errors(case, project / "data", errors)


# -- hostile text: every rendered text field, both languages, literally in the output -------------
# The corpus (PAYLOAD in every text field of RENDERED) is tests/helpers.py's; the site is conftest's hostile_site.


class _Text(HTMLParser):
    """Visible text (entities decoded) and the content of every <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "textarea"):  # raw text up to the end tag, as browsers read it
            self.set_cdata_mode(tag)
        if tag in ("script", "style"):
            self._stack.append(tag)
            self.scripts.append("")

    def handle_endtag(self, tag):
        if self._stack and tag == self._stack[-1]:
            self._stack.pop()

    def handle_data(self, data):
        if self._stack:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def lang_pages(site: Path, lang: str) -> list[Path]:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    return [p for p in pages if strip_prefix(p.relative_to(site).as_posix())[0] == lang]


def page_text(site: Path, lang: str) -> tuple[str, list[str]]:
    parser = _Text()
    for page in lang_pages(site, lang):
        parser.feed(page.read_text(encoding="utf-8"))
        parser.text.append("\n")
    return "".join(parser.text), parser.scripts


def test_every_text_field_of_the_model_is_in_the_hostile_corpus():
    """A new text field of a kind RENDERED lists must be added there, so it is checked for escaping too
    (a kind it does not list has all its text fields in the corpus)."""
    from macros.core.kinds import models

    for kind, model in models().items():
        listed = {f.rstrip("!") for f in rendered()[kind]}
        missing = set(text_fields(model)) - listed
        assert not missing, f"{kind}: add {sorted(missing)} to RENDERED"


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_text_in_every_rendered_field_shows_literally(hostile_site, lang):
    text, scripts = page_text(hostile_site, lang)
    missing = [
        f"{marker} ({field})" for marker, field in hostile_markers()[lang].items() if f"{marker} {PAYLOAD}" not in text
    ]
    assert not missing, "not shown literally: " + ", ".join(missing)
    assert f"HXLABEL {LABEL_PAYLOAD}" in text
    assert not [s for s in scripts if "alert(1)" in s], "a data text became a script"
    assert "HX001 49" not in text


# -- no record silently missing: every record shows once per language -------------------------------
def _ids(site: Path, lang: str) -> Counter:
    found: Counter = Counter()
    for page in lang_pages(site, lang):
        found.update(re.findall(r'\sid="([a-z]+-[a-z0-9-]+)"', page.read_text(encoding="utf-8")))
    return found


# kind -> how the pages mark each record: the registry's anchors (macros/core/kinds.py)
ANCHORS = {name: f"{kind.anchor}-{{}}" for name, kind in KINDS.items() if kind.anchor}


def assert_every_record_shown(site: Path, data: Path) -> None:
    kb = load(data)
    for lang in LANGS:
        ids = _ids(site, lang)
        for kind, template in ANCHORS.items():
            missing = [rid for rid in kb.records[kind] if ids[template.format(rid)] < 1]
            assert not missing, f"{lang}: {kind} not shown: {missing}"
        items = [item.id for sec in kb.checklist.values() for item in sec.items]
        assert not [i for i in items if ids[f"check-{i}"] != 1], f"{lang}: checklist items missing or repeated"


def test_real_site_shows_every_record_in_both_languages(site):
    assert_every_record_shown(site, ROOT / "data")


def test_hostile_site_shows_every_record_in_both_languages(hostile_site):
    assert_every_record_shown(hostile_site, hostile_site.parent / "data")
