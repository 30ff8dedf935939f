"""Rules named inside data texts: `{rule:overtime-monthly-limit}` in a self-assessment question is
filled in with the rule's figure in force ("36 hours a month" / "每月 36 小时") when the page is
rendered (Page.fill_rules in macros/render/page.py, called by Page.text), so the self-assessment, the costs
and benefits and the glossary show the figures from data/rules.yml like every page does.

Only the kinds marked `fills_rules` in the registry (macros/core/kinds.py) are rendered through Page.text
alone; elsewhere a data text also reaches meta descriptions, downloads or pictures as it is written,
so a reference there is an error. Every reference names an existing rule, checked with file and line
(one pass over each file's lines).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from macros.core.kinds import KINDS
from macros.core.messages import say
from macros.core.yaml_source import DataError

RULE_REF = re.compile(r"\{rule:([^{}\s]*)\}")


def check(data_dir: Path, kinds: Collection[str], rule_ids: Collection[str]) -> list[DataError]:
    """Every `{rule:…}` that names no rule, or stands in a file whose texts are not filled in."""
    errors = []
    filled = sorted(name for name, spec in KINDS.items() if spec.fills_rules)
    for kind in kinds:
        path = data_dir / f"{kind}.yml"
        if not path.is_file():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for match in RULE_REF.finditer(line):
                if kind not in filled:
                    files = say("list.separator").join(f"data/{k}.yml" for k in filled)
                    text = say("rule_ref.not_filled", ref=match.group(0), files=files)
                    errors.append(DataError(f"data/{kind}.yml", n, text))
                elif match.group(1) not in rule_ids:
                    errors.append(DataError(f"data/{kind}.yml", n, say("rule_ref.unknown", ref=match.group(0))))
    return errors
