"""Every repository path the code, templates and guides name exists (issue 33).

A comment, docstring, message or guide that names `macros/core/load.py` or `data/sources.yml`
sends the reader (or a contributor reading an error) to that file; after a move or a rename it
sends them nowhere. This scans the project's code, templates, guides and messages for paths under
the repository's top-level folders and fails naming file:line and the missing path. A templated
path (`docs/<lang>/…`, `data/{kind}.yml`, `docs/{en,zh}/*.md`) is a pattern: it must match at
least one real file or folder. A path named as absent ("no docs/zh-Hant/") is skipped. A relative
module path (`render/html.py`) must be the end of a real file's path, or of one in an installed
package (`mkdocs/utils/meta.py`); a bare module name (`kit.py`) that of a real or installed one.
A dotted name (`macros.render.html.escape`) must be a module, or a name defined in one. In tests/,
only comments and docstrings are read: the tests' string literals are mostly the made-up files of
their temporary fixtures.
"""

from __future__ import annotations

import ast
import io
import os
import re
import sys
import tokenize
from collections.abc import Iterator
from pathlib import Path

from helpers import ROOT

# The top-level folders whose paths are checked.
ROOTS = ("macros", "data", "docs", "tests", "overrides", "js", "schema", ".github", ".ci", ".vscode")

# What is scanned (globs from the repository's root), with the messages and labels readers and
# contributors see. overrides/assets/javascripts/ is left out: its scripts are generated from
# js/src/ (scanned) or vendored.
SCANNED = (
    "macros/**/*.py",
    "overrides/**/*.html",
    "overrides/**/*.css",
    "js/src/**/*.js",
    "js/test/*.js",
    "js/build.js",
    "tests/*.py",
    "Makefile",
    ".ci/**/*",
    ".github/**/*.yml",
    ".github/*.md",
    ".github/CODEOWNERS",
    "CONTRIBUTING*.md",
    "README.md",
    "mkdocs*.yml",
    "pyproject.toml",
    "data/messages/*.yml",
    "data/i18n/*.yml",
    ".vscode/*.json",
)

# Paths named as made-up examples, each with why it need not exist.
EXAMPLES = {
    "docs/en/x.md": "CONTRIBUTING's stand-in for any English page",
    "docs/zh/x.md": "CONTRIBUTING's stand-in for any Chinese page",
    "data/sources.yaml": "data_files.py: an example of a file the loader would refuse",
    "data/i18n/fr.yml": "data_files.py: an example of a file the loader would refuse",
    "docs/en/changes/index.md": "destinations.py: an example of two pages written to one address",
    "docs/en/guides/images/chart.png": "docs_files.py: an example of where a picture may be",
    "docs.py": "FastAPI's docs CLI, which the Makefile's `serve` follows",
}

# Folders never walked for the real files: tools' caches, builds and installs.
SKIP_DIRS = {".git", "node_modules", "__pycache__", "site", "build", "dist", ".pytest_cache", ".ruff_cache"}

_SEGMENT = r"(?:[\w.*-]|<[^<>\n]{1,40}>|\{[^{}\n]{1,60}\})"
ROOTED = re.compile(rf"(?<![\w./<>{{}}$-])((?:{'|'.join(map(re.escape, ROOTS))})/(?:{_SEGMENT}|/)*)")
RELATIVE_MODULE = re.compile(r"(?<![\w./-])((?:[A-Za-z_]\w*/)*[A-Za-z_]\w*\.py)\b")
DOTTED = re.compile(r"(?<![\w.])(macros(?:\.[A-Za-z_]\w*)+)")
PLACEHOLDER = re.compile(r"<[^<>]*>|\{[^{}]*\}|\*+")


def real_paths() -> set[str]:
    """Every file and folder under ROOTS, as posix paths relative to the repository (folders
    without a trailing slash)."""
    found: set[str] = set()
    for top in ROOTS:
        for folder, dirs, files in os.walk(ROOT / top):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
            rel = Path(folder).relative_to(ROOT).as_posix()
            found.add(rel)
            found.update(f"{rel}/{name}" for name in files)
    return found


def scanned_files() -> list[Path]:
    """The files SCANNED names, each once."""
    files = {p for pattern in SCANNED for p in ROOT.glob(pattern) if p.is_file()}
    return sorted(p for p in files if "javascripts" not in p.relative_to(ROOT).parts)


def comments_and_docstrings(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line of a Python file's comments and docstrings."""
    docstrings = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            value = first.value if isinstance(first, ast.Expr) else None
            if first is not None and isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.add(first.lineno)
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT or (tok.type == tokenize.STRING and tok.start[0] in docstrings):
            for offset, line in enumerate(tok.string.splitlines()):
                yield tok.start[0] + offset, line


def lines_of(path: Path) -> Iterator[tuple[int, str]]:
    """The lines of `path` that may name repository paths (in tests/: comments and docstrings)."""
    text = path.read_text(encoding="utf-8")
    if path.parent == ROOT / "tests" and path.suffix == ".py":
        yield from comments_and_docstrings(text)
    else:
        yield from enumerate(text.splitlines(), 1)


def pattern_matches(named: str, real: set[str]) -> bool:
    """Whether a templated path (placeholders <…>, {…}, *) matches a real file or folder; a
    placeholder stands for one or more characters, across folders (`docs/<page>.md` names a page
    at any depth)."""
    parts = PLACEHOLDER.split(named)
    regex = re.compile(".+".join(re.escape(p) for p in parts).rstrip("/") + "/?")
    return any(regex.fullmatch(path) for path in real)


def installed(relative: str) -> bool:
    """Whether a module path such as mkdocs/utils/meta.py is in an installed package; a bare name
    (folder.py) may be a module of any installed package."""
    roots = [Path(entry) for entry in sys.path if entry and Path(entry).is_dir()]
    if "/" not in relative:
        return any(next(root.glob(f"*/{relative}"), None) is not None for root in roots)
    return any((root / relative).is_file() for root in roots)


def said_absent(line: str, start: int) -> bool:
    """Whether the path at `start` is named as one that does not exist ("no docs/zh-Hant/")."""
    return re.search(r"(?:\b(?:no|not|never|without)\s+|没有\s*|无\s*)`?$", line[:start]) is not None


def module_name_exists(dotted: str) -> bool:
    """Whether macros.a.b(.name) is a module or package of the project, or a name its longest
    module prefix defines (a word of that module's text: no import needed)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:end])
        source = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
        if source.is_file():
            rest = parts[end:]
            return not rest or re.search(rf"\b{re.escape(rest[0])}\b", source.read_text(encoding="utf-8")) is not None
    return False


def missing_in(line: str, real: set[str], modules: set[str]) -> Iterator[str]:
    """The paths and module names in one line that do not exist."""
    for match in ROOTED.finditer(line):
        named = match[1].rstrip(".-")
        if named in EXAMPLES or said_absent(line, match.start()):
            continue
        if not (pattern_matches(named, real) if PLACEHOLDER.search(named) else named.rstrip("/") in real):
            yield named
    for match in RELATIVE_MODULE.finditer(line):
        named = match[1]
        if named.split("/", 1)[0] in ROOTS or named in EXAMPLES:
            continue  # rooted: checked above
        if not any(p.endswith("/" + named) for p in modules) and not installed(named):
            yield named
    for match in DOTTED.finditer(line):
        if not module_name_exists(match[1]):
            yield match[1]


def missing_paths() -> list[str]:
    """'file:line: path' for each named path that does not exist."""
    real = real_paths()
    modules = {p for p in real if p.endswith(".py")}
    problems: list[str] = []
    for path in scanned_files():
        where = path.relative_to(ROOT).as_posix()
        for number, line in lines_of(path):
            problems.extend(f"{where}:{number}: {named}" for named in missing_in(line, real, modules))
    return problems


def test_every_named_path_exists() -> None:
    problems = missing_paths()
    assert not problems, "paths named in the code that do not exist:\n" + "\n".join(problems)


def test_the_scan_finds_paths_and_refuses_missing_ones() -> None:
    """The scan itself: it finds rooted, templated and relative paths, and a missing one fails."""
    real = {"macros", "macros/core", "macros/core/load.py", "docs/en/about.md", "data/i18n/en.yml"}
    found = [m[1].rstrip(".-") for m in ROOTED.finditer("see macros/core/load.py, docs/<lang>/about.md.")]
    assert found == ["macros/core/load.py", "docs/<lang>/about.md"]
    assert pattern_matches("docs/<lang>/about.md", real)
    assert pattern_matches("data/i18n/{lang}.yml", real)
    assert not pattern_matches("data/{kind}.json", real)
    assert RELATIVE_MODULE.findall("in render/charts.py and core/load.py") == ["render/charts.py", "core/load.py"]
    assert RELATIVE_MODULE.findall("kit_hooks.py, not macros.kit") == ["kit_hooks.py"]
    assert module_name_exists("macros.render.html")
    assert module_name_exists("macros.render.html.escape")
    assert module_name_exists("macros.define_env")
    assert not module_name_exists("macros.render.charts.nothing_here")
    assert not module_name_exists("macros.kit_hooks")
    absent, present = "generated at build time (no docs/zh-Hant/)", "see docs/zh/"
    assert said_absent(absent, absent.index("docs/"))
    assert not said_absent(present, present.index("docs/"))
    assert installed("mkdocs/utils/meta.py")
    assert installed("folder.py")  # mkdocs_static_i18n/folder.py
    assert not installed("kit_hooks.py")
    assert not installed("mkdocs/no_such_module.py")
    assert list(comments_and_docstrings('"""Doc: macros/a.py"""\nx = "data/x.yml"  # see tests/b.py\n')) == [
        (1, '"""Doc: macros/a.py"""'),
        (2, "# see tests/b.py"),
    ]
