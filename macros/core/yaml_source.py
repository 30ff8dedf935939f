"""Read YAML files so that every mapping remembers where it came from.

Contributors need errors that point at a file and a line, so the loader keeps
the start line of every mapping and of every key. It also refuses what PyYAML
would silently accept: duplicate keys, and non-text keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser  # libyaml, part of every PyYAML wheel

from macros.core.limits import MAX_DATA_DEPTH, MAX_INT_DIGITS
from macros.core.messages import say

MAX_DEPTH = MAX_DATA_DEPTH  # see macros/core/limits.py
MAX_REPORTED = 200  # problems reported at most; the rest are counted
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_LONG_QUOTED = re.compile(r"(?<!\w)'([^'\s][^']{60,})'")  # opens after a non-word: never from a closing quote


def printable(text: str, limit: int = 300) -> str:
    """Text that is safe to print in a message: control, bidi and zero-width characters shown as
    escapes (so an id can never forge a line or a CI command), long quoted values and the whole
    message cut short (a 1 MB id must not become a 1 MB message)."""
    text = _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text.replace("\n", "\\n"))
    text = _LONG_QUOTED.sub(lambda m: f"'{m.group(1)[:57]}…'", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class DataError:
    """One problem in the data, located for the contributor (the message is made printable)."""

    file: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message, 500))  # room for the nearest valid ids

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class DataErrors(Exception):
    """All problems found, raised together so contributors fix them in one pass."""

    def __init__(self, errors: list[DataError]):
        ordered = sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))
        self.errors = ordered[:MAX_REPORTED]
        self.omitted = len(ordered) - len(self.errors)  # counted, not listed
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Each reported problem as `file:line: message`, then how many more there are."""
        more = [say("yaml.more", count=self.omitted)] if self.omitted else []
        return [str(e) for e in self.errors] + more


class LineDict(dict[Any, Any]):
    """A dict that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list that knows the line of itself and of each item (1-based)."""

    line: int = 0
    item_lines: list[int]
    id_index: dict[str, int] | None = None  # record id -> position, built on first use (references.raw_index)


class _Limits(yaml.composer.Composer):
    """The composer of both loaders, without anchors and aliases, and with a nesting limit.

    Aliases make a few bytes expand into millions of values (and as many errors); data files are
    written out in full instead. Deep nesting would end in a RecursionError without a line.
    """

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]  # a mixin: the loader it is mixed into has it
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem=say("yaml.anchors"),
                problem_mark=event.start_mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=say("yaml.too_deep", max=MAX_DEPTH), problem_mark=event.start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Limits, yaml.SafeLoader):
    """The pure-Python safe loader: the reference, and the one whose error messages contributors see."""


class _FastLoader(_Limits, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """libyaml's scanner and parser (C, about ten times faster) under the same composer and constructors.

    Used for text without tabs; any problem is parsed again by `_Loader`, so messages stay the same.
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        _Limits.__init__(self)


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
                problem=say("yaml.key_not_text", key=repr(key)), problem_mark=key_node.start_mark
            )
        if key in result:
            raise yaml.MarkedYAMLError(
                problem=say("yaml.key_twice", key=key, first=result.key_lines[key]),
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


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    """A whole number of bounded length: Python refuses to read one of over 4,300 digits (a
    ValueError, not a YAML error), and no data needs more than a few."""
    digits = sum(c.isdigit() for c in str(node.value))
    if digits > MAX_INT_DIGITS:
        raise yaml.MarkedYAMLError(
            problem=say("yaml.int_digits", max=MAX_INT_DIGITS, count=f"{digits:,}"),
            problem_mark=node.start_mark,
        )
    return int(yaml.constructor.SafeConstructor.construct_yaml_int(loader, node))


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text: the model decides what a date is, and YAML's own guess
# (e.g. 2007-07 as a string, 2007-07-12 as a date) would surprise contributors.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _located(construct: Any) -> Any:
    """A scalar constructor whose failures are YAML errors at the value's line: an explicit tag on a
    value it does not fit (`!!int abc`, `!!float x`, `!!timestamp x`) raises ValueError or TypeError
    inside PyYAML, which would end the build with a traceback."""

    def located(loader: Any, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError, KeyError, IndexError) as exc:
            raise yaml.MarkedYAMLError(
                problem=say("yaml.tag", tag=node.tag, error=type(exc).__name__),
                problem_mark=node.start_mark,
            ) from None

    return located


for _tag, _construct in list(_Loader.yaml_constructors.items()):
    if _tag not in (yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG):
        _Loader.yaml_constructors[_tag] = _located(_construct)
_FastLoader.yaml_constructors = _Loader.yaml_constructors
_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse one YAML file; raise DataErrors with file and line on any syntax problem."""
    label = label or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataErrors([DataError(label, None, say("yaml.unreadable", error=exc.strerror))]) from None
    try:
        text = raw.decode("utf-8-sig")  # tolerate a UTF-8 byte-order mark from Windows editors
    except UnicodeDecodeError as exc:
        where = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(label, where, say("yaml.not_utf8"))]) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise DataErrors([DataError(label, None, say("yaml.empty"))])
    return parse_yaml(text, label)


def parse_yaml(text: str, label: str) -> Any:
    """Parse YAML text (a data file, or a page's front matter padded to its lines in the page) with the
    safe loader; raise DataErrors with `label` and the line on any problem."""
    if "\t" not in text:  # libyaml accepts a tab where PyYAML refuses one: such text takes the reference loader
        fast = _FastLoader(text)
        try:
            return fast.get_single_data()
        except (yaml.YAMLError, RecursionError):
            pass  # parsed again below, for the pure-Python loader's message
        finally:
            fast.dispose()
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = worded(exc.problem) if exc.problem else say("yaml.invalid")
        if exc.problem and (("\t" in text and "tab" in exc.problem.lower()) or "found character '\\t'" in exc.problem):
            problem += say("yaml.tabs")
        context = say("yaml.context", context=worded(exc.context)) if exc.context and exc.problem else ""
        if context and exc.context_mark and mark and exc.context_mark.line != mark.line:
            # e.g. an unclosed quote is noticed lines later: also name the line where the construct starts
            context += say("yaml.starts_on", line=exc.context_mark.line + 1)
        raise DataErrors([DataError(label, line, say("yaml.syntax", problem=problem, context=context))]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML itself refuses (NUL, ESC …): name its line
        line = text[: exc.position].count("\n") + 1
        raise DataErrors(
            [DataError(label, line, say("yaml.control", code=f"{exc.character:04X}"))]
        ) from None
    except yaml.YAMLError as exc:
        raise DataErrors([DataError(label, None, say("yaml.error", detail=exc))]) from None
    except RecursionError:  # the parser's own nesting, before the composer's limit applies
        raise DataErrors([DataError(label, None, say("yaml.too_deep", max=MAX_DEPTH))]) from None


# PyYAML's most frequent problems and contexts, as message keys (data/messages/<lang>.yml words them in
# the contributor's language; the English texts are PyYAML's own). Any other is shown as PyYAML says it.
_LIBRARY = [
    (re.compile(pattern), key)
    for pattern, key in (
        (r"mapping values are not allowed here", "yaml.lib.mapping_values"),
        (r"could not find expected ':'", "yaml.lib.expected_colon"),
        (r"found unexpected end of stream", "yaml.lib.end_of_stream"),
        (r"expected <block end>, but found '(?P<token>[^']*)'", "yaml.lib.block_end"),
        (r"did not find expected key", "yaml.lib.expected_key"),
        (r"did not find expected '-' indicator", "yaml.lib.expected_dash"),
        (r"expected ',' or '\]', but got '(?P<token>[^']*)'", "yaml.lib.flow_sequence_end"),
        (r"expected ',' or '\}', but got '(?P<token>[^']*)'", "yaml.lib.flow_mapping_end"),
        (r"found unknown escape character '(?P<char>.{1,20})'", "yaml.lib.escape"),
        (r"found character '(?P<char>.{1,20})' that cannot start any token", "yaml.lib.token_start"),
        (r"while scanning a quoted scalar", "yaml.lib.quoted_scalar"),
        (r"while scanning a plain scalar", "yaml.lib.plain_scalar"),
        (r"while scanning a block scalar", "yaml.lib.block_scalar"),
        (r"while scanning a simple key", "yaml.lib.simple_key"),
        (r"while parsing a block mapping", "yaml.lib.block_mapping"),
        (r"while parsing a block collection", "yaml.lib.block_collection"),
        (r"while parsing a flow sequence", "yaml.lib.flow_sequence"),
        (r"while parsing a flow mapping", "yaml.lib.flow_mapping"),
        (r"while parsing a block node", "yaml.lib.block_node"),
        (r"while parsing a flow node", "yaml.lib.flow_node"),
        (r"while scanning for the next token", "yaml.lib.next_token"),
    )
]


def worded(text: str) -> str:
    """PyYAML's problem or context in the contributor's language, when it is one of the frequent ones."""
    for pattern, key in _LIBRARY:
        match = pattern.fullmatch(text)
        if match:
            return say(key, **match.groupdict())
    return text


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
