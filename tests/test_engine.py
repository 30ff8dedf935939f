"""The build engine behind one adapter (macros/plugin/engine.py), the plugin's `enabled` option, and
the whole-docs checks once per build although mkdocs-static-i18n re-runs on_config per language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import build_in_process
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from macros.core.languages import LANGS
from macros.core.messages import say
from macros.core.paths import ROOT
from macros.plugin import i18n, kit_files, plugin, security

ENGINE_PACKAGES = {
    "mkdocs",
    "material",
    "mkdocs_static_i18n",
    "mkdocs_macros",
    "mkdocs_git_revision_date_localized_plugin",
    "properdocs",
}
# The plugin (its class and events), its options and the adapter: nothing else imports the engine.
MAY_IMPORT_THE_ENGINE = {"macros/plugin/plugin.py", "macros/plugin/config.py", "macros/plugin/engine.py"}


def _engine_uses(path: Path) -> list[str]:
    """`line: name` of each import of an engine package in a module (function-level imports too), and of
    each string naming the engine's command (`python -m mkdocs`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Constant) and node.value in ENGINE_PACKAGES:
            names = [repr(node.value)]
        found += [f"{node.lineno}: {name}" for name in names if name.strip("'").split(".")[0] in ENGINE_PACKAGES]
    return found


def test_at_most_three_modules_import_the_engine():
    modules = sorted((ROOT / "macros").rglob("*.py"))
    assert len(modules) > 50  # the whole package is read, not a folder that moved
    uses = {p.relative_to(ROOT).as_posix(): _engine_uses(p) for p in modules}
    importing = {name for name, found in uses.items() if found}
    outside = {name: found for name, found in uses.items() if found and name not in MAY_IMPORT_THE_ENGINE}
    assert not outside, f"the engine is used outside engine.py (go through macros/plugin/engine.py): {outside}"
    assert len(importing) <= 3
    assert "macros/plugin/engine.py" in importing


def test_the_check_finds_an_engine_import_anywhere_in_a_module(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "import os\nfrom macros.plugin.engine import Page\n"
        "def f():\n    from mkdocs.config import load_config\n    return ['python', '-m', 'mkdocs']\n",
        encoding="utf-8",
    )
    assert _engine_uses(module) == ["4: mkdocs.config", "5: 'mkdocs'"]


def _count_checks(monkeypatch) -> dict[str, int]:
    """Count the calls of the whole-docs checks (they still run)."""
    counts: dict[str, int] = {}
    for module, name in [(security, "check_symlinks"), (security, "check_content"),
                         (i18n, "check_parity"), (kit_files, "check_short_links")]:
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            counts[_name] = counts.get(_name, 0) + 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    return counts


def test_on_config_again_on_the_same_instance_does_not_check_again(monkeypatch):
    """What mkdocs-static-i18n does for each other language; `mkdocs serve` makes a new instance per rebuild."""
    counts = _count_checks(monkeypatch)
    config = load_config(str(ROOT / "mkdocs.yml"))
    kb = config.plugins["kb"]
    for _ in LANGS:
        kb.on_config(config)
    assert counts == dict.fromkeys(["check_symlinks", "check_content", "check_parity", "check_short_links"], 1)
    again = load_config(str(ROOT / "mkdocs.yml"))  # the next rebuild of `mkdocs serve`
    again.plugins["kb"].on_config(again)
    assert set(counts.values()) == {2}


@pytest.mark.slow  # one whole build of two languages, in this process
def test_a_build_of_two_languages_runs_the_checks_once(monkeypatch, tmp_path):
    """static-i18n calls on_config once per language on one plugin instance; two languages show it (the
    Traditional edition, a third run of the same kind, is left out to keep the build short)."""
    monkeypatch.setenv("KB_GIT_DATES", "false")
    monkeypatch.setenv("KB_BUILD_ZH_HANT", "false")
    counts = _count_checks(monkeypatch)
    calls = []
    on_config = plugin.KnowledgeBasePlugin.on_config

    def counted_on_config(self, config):
        calls.append(self)
        return on_config(self, config)

    monkeypatch.setattr(plugin.KnowledgeBasePlugin, "on_config", counted_on_config)
    result = build_in_process(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(calls) == 2
    assert len(set(map(id, calls))) == 1
    assert counts == dict.fromkeys(["check_symlinks", "check_content", "check_parity", "check_short_links"], 1)
    assert (tmp_path / "site" / "zh" / "index.html").is_file()


def _disabled():
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins["kb"].config.enabled = False
    return config


def test_a_disabled_plugin_does_nothing(monkeypatch):
    counts = _count_checks(monkeypatch)
    config = _disabled()
    kb = config.plugins["kb"]
    assert kb.on_config(config) is config
    assert counts == {}
    html = '<html><head><meta charset="utf-8"></head><body></body></html>'
    assert kb.on_post_template(html, template_name="404.html", config=config) == html  # no policy either
    files = object()
    assert kb.on_files(files, config=config) is files
    kb.on_post_build(config=config)  # no search split, no kit: nothing to write


def test_a_disabled_plugin_ends_a_build_with_macros_with_one_clear_message(tmp_path, caplog):
    """The pages' macros need the plugin's model: the build stops before any page, saying why."""
    config = _disabled()
    config.site_dir = str(tmp_path / "site")
    with pytest.raises(PluginError, match=r"enabled: false"):
        config.plugins["kb"].model(config)
    with pytest.raises((Abort, PluginError)) as info:
        build(config)
    shown = str(info.value) + " ".join(r.getMessage() for r in caplog.records)
    assert say("build.kb_disabled") in shown
    assert "Traceback" not in shown
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_enabled_option_is_declared_as_materials_plugins_have_it():
    from macros.plugin.config import KnowledgeBaseConfig

    config = KnowledgeBaseConfig()
    config.load_dict({"enabled": False})
    assert not config.validate()[0]  # no errors
    assert config.enabled is False
    config = KnowledgeBaseConfig()
    config.load_dict({})
    config.validate()
    assert config.enabled is True
