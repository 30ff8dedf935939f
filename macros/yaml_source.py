"""Read YAML files so that every mapping remembers where it came from.

Contributors need errors that point at a file and a line, so the loader keeps
the start line of every mapping and of every key. It also refuses what PyYAML
would silently accept: duplicate keys, and non-text keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class DataError:
    """One problem in the data, located for the contributor."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class DataErrors(Exception):
    """All problems found, raised together so contributors fix them in one pass."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))
        super().__init__("\n".join(str(e) for e in self.errors))


class LineDict(dict):
    """A dict that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A list that knows the line of itself and of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise yaml.MarkedYAMLError(
                problem=f"the key {key!r} must be text", problem_mark=key_node.start_mark
            )
        if key in result:
            raise yaml.MarkedYAMLError(
                problem=f"the key '{key}' appears twice in this mapping (first on line {result.key_lines[key]})",
                problem_mark=key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text: the model decides what a date is, and YAML's own guess
# (e.g. 2007-07 as a string, 2007-07-12 as a date) would surprise contributors.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse one YAML file; raise DataErrors with file and line on any syntax problem."""
    label = label or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataErrors([DataError(label, None, f"cannot read the file ({exc.strerror})")]) from None
    try:
        text = raw.decode("utf-8-sig")  # tolerate a UTF-8 byte-order mark from Windows editors
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(label, line, "the file is not valid UTF-8 text")]) from None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise DataErrors([DataError(label, None, "the file is empty")])
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        if "\t" in text and "tab" in problem.lower() or "found character '\\t'" in problem:
            problem += " (YAML indentation must use spaces, not tabs)"
        context = f" {exc.context}" if exc.context and exc.problem else ""
        if context and exc.context_mark and mark and exc.context_mark.line != mark.line:
            # e.g. an unclosed quote is noticed lines later: also name the line where the construct starts
            context += f" that starts on line {exc.context_mark.line + 1}"
        raise DataErrors([DataError(label, line, f"YAML syntax error: {problem}{context}")]) from None
    except yaml.YAMLError as exc:
        raise DataErrors([DataError(label, None, f"YAML error: {exc}")]) from None


def line_of(data: Any, path: tuple[Any, ...]) -> int | None:
    """The line of the deepest node on `path` that the loader located."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
