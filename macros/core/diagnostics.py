"""Report problems as `file:line: message`, and on GitHub Actions also as workflow annotations.

Why: most contributors edit in GitHub's web editor and never read a CI log. An annotation
(`::error file=data/actions.yml,line=12::…`) makes GitHub show the message on that line of the
pull request's "Files changed" view. Every checker that finds a problem in a file calls `emit`:
the data loader (CLI and build), the terminology lint, the link check, the typography check and
the page-template check.

Usage::

    from macros.core.diagnostics import Problem, emit

    emit([Problem("docs/zh/about/index.md", 12, "uses '利益相关者'; use '利益相关方'")])

Any object with `file` (path relative to the repository root, '/' separators), `line` (1-based
int, or None for the whole file) and `message` (str) will do, e.g. `yaml_source.DataError`.
`emit` prints the usual `file:line: message` line to `stream` (stderr by default), and, when the
environment has GITHUB_ACTIONS=true, an `::error …::` command to stdout, where the runner reads
workflow commands. Texts come from data and pages that anyone can edit, so the annotation is made
safe: control characters (C0, DEL, C1) and bidirectional overrides are removed, GitHub's
escaping is applied (`%`, CR, LF; and `:` `,` in properties), and each message is capped, so a
record id such as "x\\n::error file=y::" can never start a second command.
`annotate` prints only the annotations, for callers that log the messages themselves (the build).
Standard library only: the lint job runs it before anything heavy is imported.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, TextIO

MAX_MESSAGE = 300  # characters of one annotation message; GitHub shows the start of a line best
MAX_ANNOTATIONS = 50  # GitHub keeps at most 10 error annotations per step anyway; the log has them all
# C0 controls except TAB, DEL, C1 controls, and the bidi embeddings, overrides and isolates that can
# make a line read differently from what it says; U+2028/2029 split lines in some readers.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class Located(Protocol):
    """Anything with a file, a line and a message (read-only, as frozen dataclasses have them)."""

    @property
    def file(self) -> str: ...

    @property
    def line(self) -> int | None: ...

    @property
    def message(self) -> str: ...


@dataclass(frozen=True)
class Problem:
    """One problem in one file, for checkers that have no class of their own."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return located(self)


def clean(text: str, limit: int = MAX_MESSAGE) -> str:
    """One line of visible text: unsafe characters become spaces, runs of spaces shrink, long text ends in '…'."""
    text = " ".join(_UNSAFE.sub(" ", str(text)).replace("\t", " ").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def located(problem: Located) -> str:
    """The usual `file:line: message` form, on one line: the runner reads workflow commands from
    stderr too, so a line break in a message must not start a new line there either."""
    where = f"{clean(problem.file, 200)}:{problem.line}" if problem.line else clean(problem.file, 200)
    return f"{where}: {clean(problem.message, 2000)}"


def annotation(problem: Located, level: str = "error") -> str:
    """The workflow command that puts `problem` on its line in the pull request's diff."""
    props = [f"file={_escape_property(clean(problem.file, 200))}"]
    if isinstance(problem.line, int) and not isinstance(problem.line, bool) and problem.line > 0:
        props.append(f"line={problem.line}")
    return f"::{level} {','.join(props)}::{_escape_data(clean(problem.message))}"


def on_github() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def emit(problems: Iterable[Located], stream: TextIO | None = None, level: str = "error") -> int:
    """Print each problem as `file:line: message` to `stream` (default stderr); on GitHub Actions also
    as an annotation on stdout. Returns how many problems there were."""
    stream = stream if stream is not None else sys.stderr
    count = 0
    github = on_github()
    for problem in problems:
        count += 1
        print(located(problem), file=stream)
        if github and count <= MAX_ANNOTATIONS:
            print(annotation(problem, level), file=sys.stdout, flush=True)
    stream.flush()
    return count


def annotate(problems: Iterable[Located], level: str = "error") -> None:
    """Only the annotations (on GitHub Actions), for callers that print or log the problems themselves."""
    if not on_github():
        return
    for count, problem in enumerate(problems, 1):
        if count > MAX_ANNOTATIONS:
            break
        print(annotation(problem, level), file=sys.stdout, flush=True)


@contextlib.contextmanager
def commands_stopped(stream: TextIO | None = None) -> Iterator[None]:
    """On GitHub Actions, the runner reads no workflow command while the block prints text from pages or
    data (a diff, a record's texts): GitHub's `::stop-commands::<token>` … `::<token>::`, with a token
    nobody can guess, so a line of content that reads `::error …` is only text."""
    if not on_github():
        yield
        return
    stream = stream if stream is not None else sys.stdout
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}", file=stream, flush=True)
    try:
        yield
    finally:
        print(f"::{token}::", file=stream, flush=True)
