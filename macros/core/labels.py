"""Labels with placeholders: `{name}` in a label of data/i18n/<lang>.yml is filled at render time.

One formatter for every caller (renderers, the plugin, tools), and the rule both tables keep: a label
has the same placeholders in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, escape: Callable[[str], str] = str, /, **values: str) -> str:
    """The one placeholder formatter: `{name}` in a label becomes values[name].

    The label's own text goes through `escape`; values are inserted as given (already escaped or
    HTML). A placeholder without a value stays as written, for the scripts that fill it in.
    """
    out, pos = [], 0
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) in values:
            out += [escape(template[pos : match.start()]), values[match.group(1)]]
            pos = match.end()
    out.append(escape(template[pos:]))
    return "".join(out)


def placeholders(template: str) -> set[str]:
    """The placeholder names a label uses (both languages must use the same)."""
    return set(_PLACEHOLDER.findall(template))
