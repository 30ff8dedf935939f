"""The registry of kinds (macros/core/kinds.py) keeps its promise: a kind of record is its model, its data
file and its registry entry (plus a renderer if it has pages), and everything else follows from them."""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from macros.core import kinds
from macros.core.kinds import KINDS, Kind, with_pages
from macros.core.load import KnowledgeBase, RecordsOf, load
from macros.core.model import Record, Text, ref
from macros.core.yaml_source import DataErrors
from macros.tools import kind_files, schema


class Toy(Record):
    """A kind no file of the project knows: defined here, registered by the test."""

    name: Text
    sources: ref("sources", at_least=1)
    finding: ref("findings", many=False)


TOYS = """\
# yaml-language-server: $schema=../schema/toys.schema.json
- id: first-toy
  name: {{en: A toy, zh: 玩具}}
  sources: [{source}]
  finding: {finding}
"""


@pytest.fixture
def toy_kind(monkeypatch, tmp_path) -> Path:
    """The registry with one more kind, and a copy of data/ with its file: nothing else is changed."""
    monkeypatch.setitem(KINDS, "toys", Kind(Toy, anchor="toy"))
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _ids(path: Path) -> list[str]:
    return re.findall(r"^- id: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)


def test_a_new_kind_loads_with_its_model_data_file_and_registry_entry(toy_kind):
    source, finding = _ids(toy_kind / "sources.yml")[0], _ids(toy_kind / "findings.yml")[0]
    (toy_kind / "toys.yml").write_text(TOYS.format(source=source, finding=finding), encoding="utf-8")
    kb = load(toy_kind, ROOT / "docs")
    toy = kb.records["toys"]["first-toy"]
    assert isinstance(toy, Toy)
    assert toy.name("zh") == "玩具"
    assert toy.finding == finding
    assert list(kb.records)[-1] == "toys"  # in registry order, after every kind that was there
    assert kb.origins[("toys", "first-toy")] == ("data/toys.yml", 2)


def test_a_new_kinds_references_are_checked(toy_kind):
    (toy_kind / "toys.yml").write_text(TOYS.format(source="no-such-source", finding="no-such-finding"), "utf-8")
    with pytest.raises(DataErrors) as info:
        load(toy_kind, ROOT / "docs")
    errors = [str(e) for e in info.value.errors]
    assert any(e.startswith("data/toys.yml:4: ") and "'no-such-source'" in e and "data/sources.yml" in e
               for e in errors), errors
    assert any(e.startswith("data/toys.yml:5: ") and "'no-such-finding'" in e and "data/findings.yml" in e
               for e in errors), errors


def test_a_new_kinds_data_file_is_required(toy_kind):
    with pytest.raises(DataErrors) as info:
        load(toy_kind, ROOT / "docs")
    assert [str(e) for e in info.value.errors if "data/toys.yml" in str(e)], info.value.errors


def test_a_new_kind_gets_a_schema_an_editor_entry_and_its_anchor(toy_kind, tmp_path):
    generated = schema.generate("toys")
    assert generated["title"] == "data/toys.yml"
    assert set(generated["$defs"]["Toy"]["properties"]) == {"id", "name", "sources", "finding"}
    settings = json.loads(kind_files.settings((ROOT / ".vscode" / "settings.json").read_text("utf-8"), "schema"))
    assert settings["yaml.schemas"]["./schema/toys.schema.json"] == ["data/toys.yml"]
    assert "toy" in _record_anchors(kind_files.anchors())
    # `make schema` writes them, and `schema --check` fails until it has
    project = tmp_path / "project"
    shutil.copytree(toy_kind, project / "data")
    shutil.copytree(ROOT / "schema", project / "schema")
    shutil.copytree(ROOT / ".vscode", project / ".vscode")
    (project / "js" / "src" / "lib").mkdir(parents=True)
    shutil.copy2(ROOT / kind_files.ANCHORS_JS, project / kind_files.ANCHORS_JS)
    args = argparse.Namespace(data=str(project / "data"), check=True)
    assert schema.run(args) == 1
    assert schema.run(argparse.Namespace(data=str(project / "data"), check=False)) == 0
    assert schema.run(args) == 0
    assert (project / "schema" / "toys.schema.json").is_file()
    assert "toys.schema.json" in (project / ".vscode" / "settings.json").read_text("utf-8")


def test_the_editor_settings_keep_what_else_they_say():
    text = kind_files.settings('{"editor.tabSize": 2, "yaml.schemas": {"old.json": ["x.yml"]}}', "schema")
    settings = json.loads(text)
    assert settings["editor.tabSize"] == 2
    assert "old.json" not in settings["yaml.schemas"]
    assert len(settings["yaml.schemas"]) == len(KINDS)


def _record_anchors(text: str) -> list[str]:
    found = re.search(r"^export const RECORD_ANCHORS = (\[.*\]);$", text, re.MULTILINE)
    assert found, text
    return json.loads(found.group(1))


def test_the_anchor_prefixes_cover_every_kind_with_pages():
    """The browser scripts keep the reader's place at any record a page lists (js/src/kb.js)."""
    committed = _record_anchors((ROOT / kind_files.ANCHORS_JS).read_text(encoding="utf-8"))
    shown = {name for name, kind in KINDS.items() if kind.list_page or kind.record_page}
    assert shown
    missing = [name for name in shown if KINDS[name].anchor not in committed]
    assert not missing, f"kinds with pages whose records the scripts do not know: {missing}"
    assert len(set(committed)) == len(committed)
    assert "RECORD_ANCHORS" in (ROOT / "js" / "src" / "kb.js").read_text(encoding="utf-8")


def test_every_kind_with_record_pages_has_one_renderer():
    from macros.render.record_page import RENDERERS

    assert set(RENDERERS) == set(with_pages())


def test_a_new_kind_with_record_pages_gets_them(monkeypatch):
    monkeypatch.setitem(KINDS, "toys", Kind(Toy, record_page="toys/{id}.md"))
    assert "toys" in kinds.with_pages()


def test_the_typed_views_of_the_knowledge_base_match_the_registry():
    """kb.findings and the like are conveniences: each names a registered kind and its model."""
    views = {name: getattr(KnowledgeBase, name) for name, v in vars(KnowledgeBase).items() if isinstance(v, RecordsOf)}
    assert views
    for name, view in views.items():
        assert name in KINDS, f"KnowledgeBase.{name} names no kind of macros/core/kinds.py"
        assert view.model is KINDS[name].model, f"KnowledgeBase.{name} is typed {view.model.__name__}"


def test_the_generated_files_are_committed_as_the_registry_gives_them():
    for path, text in kind_files.generated(ROOT, schema.SCHEMA_DIR).items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, f"{path}: run `make schema`"
