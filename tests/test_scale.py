"""The data is loaded and validated once per build (both languages), and scaled data stays valid.

Timings are not asserted here: `make bench` measures them (macros/tools/bench.py, BENCHMARK.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT

from macros.core.load import load
from macros.tools.bench import run_child, without_macros
from macros.tools.scale import make_scaled_project

FACTOR = 2  # enough to repeat every id; `make bench` goes to x10

pytestmark = pytest.mark.slow  # full builds in subprocesses: full tier only


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> Path:
    return make_scaled_project(tmp_path_factory.mktemp("scaled") / "p", FACTOR)


def test_scaled_data_validates(scaled):
    real, big = load(ROOT / "data"), load(scaled / "data")
    for kind, records in real.records.items():
        assert len(big.records[kind]) == FACTOR * len(records), kind
    assert len(big.checklist) == FACTOR * len(real.checklist)
    items = [i.id for s in big.checklist.values() for i in s.items]
    assert len(items) == len(set(items)) == FACTOR * sum(len(s.items) for s in real.checklist.values())


def test_scaled_site_builds_with_every_record_loading_the_data_once(scaled, tmp_path, monkeypatch):
    """An instrumented build (in a fresh interpreter) of both written languages: one load, every record shown.
    The Traditional edition is left out: it is zh's pages converted, and the doubled data build is this
    suite's longest; the real site's build covers it (test_hant_edition.py)."""
    monkeypatch.setenv("KB_BUILD_ZH_HANT", "false")
    out = tmp_path / "out"
    result = run_child(scaled, scaled / "mkdocs.yml", out)
    assert result.calls > 0, "the macros ran"
    assert result.loads == 1, result.loads
    kb = load(scaled / "data")
    for lang_dir in (out, out / "zh"):
        table = (lang_dir / "recommendations" / "index.html").read_text(encoding="utf-8")
        assert len(set(re.findall(r'id="rec-([a-z0-9-]+)"', table))) == len(kb.recommendations)
        for gid in kb.stakeholder_groups:
            plan = (lang_dir / "plans" / gid / "index.html").read_text(encoding="utf-8")
            shown = set(re.findall(r'<tr id="action-([a-z0-9-]+)"', plan))
            assert shown == {a.id for a in kb.actions_for(gid)}, gid


def test_config_without_macros_leaves_macro_calls_as_text(tmp_path):
    project = make_scaled_project(tmp_path / "p", 1)
    config = without_macros(project)
    text = config.read_text(encoding="utf-8")
    assert "- macros:" not in text
    assert "- i18n:" in text
    assert "- search:" in text
