"""The recommendations and actions as files to download: CSV per language, JSON for both.

Organisers sort and filter them in a spreadsheet, or feed them to other tools. They are made
from the same validated model as the pages, at build time, so they cannot drift from the site.
CSV is UTF-8 with a BOM (Excel then reads Chinese correctly) with localized headers and labels;
the JSON keeps ids and enum values exactly as in data/, both languages side by side.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

from macros.core.languages import LANGS, WRITTEN
from macros.core.load import KnowledgeBase
from macros.core.pages import PAGES, record_page

DOWNLOADS_DIR = "downloads"  # under the site root, shared by both languages
TABLES = ("recommendations", "actions")
JSON_NAME = "recommendations-actions.json"

# Column keys: label key in data/i18n for the header.
COLUMNS: dict[str, tuple[str, ...]] = {
    "recommendations": (
        "download.id",
        "col.recommendation",
        "download.summary",
        "col.area",
        "col.owners",
        "col.partners",
        "col.priority",
        "col.timeframe",
        "col.indicators",
        "download.findings",
        "download.root_causes",
        "label.provenance",
        "col.sources",
        "col.guide",
        "download.link",
    ),
    "actions": (
        "download.id",
        "download.group",
        "col.action",
        "col.timeframe",
        "col.indicator",
        "download.recommendation_id",
        "col.recommendation",
        "col.guide",
        "download.link",
    ),
}

Url = Callable[[str, str, "str | None"], str]  # (language, docs page path, anchor) -> absolute URL


def csv_name(table: str, lang: str) -> str:
    return f"{table}-{lang}.csv"


def all_files() -> list[str]:
    """Every download's file name, relative to the downloads folder."""
    return [csv_name(t, lang) for t in TABLES for lang in LANGS] + [JSON_NAME]


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _rows(kb: KnowledgeBase, table: str, lang: str, url: Url) -> Iterable[list[str]]:
    s = kb.strings[lang]
    sep = s["download.separator"]

    def names(groups: Iterable[str]) -> str:
        return sep.join(kb.stakeholder_groups[g].name(lang) for g in groups)

    def guide(path: str | None) -> str:
        return url(lang, path, None) if path else ""

    if table == "recommendations":
        for r in kb.recommendations.values():
            yield [r.id, r.title(lang), r.summary(lang), s["area." + r.area.value], names(r.owners), names(r.partners),
                   s["priority." + r.priority.value], s["timeframe." + r.timeframe.value],
                   sep.join(i(lang) for i in r.indicators),
                   sep.join(kb.findings[f].title(lang) for f in r.findings),
                   sep.join(kb.root_causes[c].cause(lang) for c in r.root_causes),
                   s["provenance." + r.provenance.value],
                   sep.join(kb.sources[x].title(lang) for x in r.sources),
                   guide(r.guide), url(lang, record_page("recommendations", r.id), None)]
    else:
        for a in kb.actions.values():
            rec = kb.recommendations[a.recommendation]
            yield [
                a.id,
                kb.stakeholder_groups[a.group].name(lang),
                a.step(lang),
                s["timeframe." + a.timeframe.value],
                a.indicator(lang),
                rec.id,
                rec.title(lang),
                guide(a.guide),
                url(lang, PAGES["plan"].format(group=a.group), f"action-{a.id}"),
            ]


def csv_text(kb: KnowledgeBase, table: str, lang: str, url: Url) -> str:
    """One table in one language as CSV text (write it with encoding utf-8-sig for the BOM)."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: quoted as needed, CRLF line ends
    writer.writerow([_cell(kb.strings[lang][key]) for key in COLUMNS[table]])
    for row in _rows(kb, table, lang, url):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def json_text(kb: KnowledgeBase) -> str:
    """Recommendations and actions (with the groups they name) exactly as validated from data/."""
    data = {
        "languages": list(WRITTEN),  # the texts of each record
        "stakeholder_groups": [g.model_dump(mode="json") for g in kb.stakeholder_groups.values()],
        "recommendations": [r.model_dump(mode="json") for r in kb.recommendations.values()],
        "actions": [a.model_dump(mode="json") for a in kb.actions.values()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
