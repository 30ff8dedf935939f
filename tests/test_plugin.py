"""The site's MkDocs plugin (`kb`, macros/plugin/plugin.py): its option and the model it holds for one build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from macros.core.paths import ROOT
from macros.plugin.plugin import KnowledgeBasePlugin


def _config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_mkdocs_yml_lists_the_plugin_with_its_data_dir():
    config = _config()
    plugin = config.plugins["kb"]
    assert isinstance(plugin, KnowledgeBasePlugin)
    assert Path(plugin.config.data_dir) == ROOT / "data"
    assert list(config.plugins)[-1] == "kb"  # last: its events run after the others' at equal priority


def test_the_model_is_read_once_per_build_and_afresh_for_the_next():
    config = _config()
    plugin = config.plugins["kb"]
    first = plugin.model(config)
    assert plugin.model(config) is first  # the i18n plugin's nested per-language builds reuse it
    again = _config()  # `mkdocs serve` loads the configuration again for each rebuild
    assert again.plugins["kb"] is not plugin
    assert again.plugins["kb"].model(again) is not first


def test_a_data_mistake_ends_the_build_with_located_errors(tmp_path, caplog):
    (tmp_path / "themes.yml").write_text("- id: Bad Id\n", encoding="utf-8")
    config = _config()
    plugin = config.plugins["kb"]
    plugin.config.data_dir = str(tmp_path)
    with pytest.raises(PluginError, match=r"problem\(s\) in the data files"):
        plugin.model(config)
    assert any(r.levelname == "ERROR" and r.getMessage().startswith("data/") for r in caplog.records)


def test_the_preview_leaves_the_policy_out_and_builds_keep_it(monkeypatch):
    """`make serve` (KB_PREVIEW=true): MkDocs' live-reload inline script would be blocked by the policy."""
    html = '<html><head><meta charset="utf-8"><script>livereload(1, 2);</script></head><body></body></html>'
    built = _config().plugins["kb"].on_post_template(html, template_name="404.html", config=_config())
    assert "Content-Security-Policy" in built
    monkeypatch.setenv("KB_PREVIEW", "true")
    config = _config()
    assert config.plugins["kb"].config.preview is True
    served = config.plugins["kb"].on_post_template(html, template_name="404.html", config=config)
    assert "Content-Security-Policy" not in served


@pytest.mark.slow  # a build of the Chinese pages in a subprocess
def test_make_serve_lang_zh_builds_the_chinese_pages_alone_at_the_root(tmp_path):
    """`make serve lang=zh` (KB_ONLY_LANGUAGE=zh): a strict build of the Chinese pages only, served at
    the root, so a Chinese edit shows without rebuilding English first."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^SERVE_ENV_zh := KB_ONLY_LANGUAGE=zh$", makefile, re.MULTILINE)
    out = tmp_path / "out"
    result = build(ROOT, out, env={"KB_ONLY_LANGUAGE": "zh", "KB_GIT_DATES": "false", "KB_PREVIEW": "true"})
    assert result.returncode == 0, result.stderr[-3000:]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in home
    assert "关于项目" in (out / "about" / "index.html").read_text(encoding="utf-8")
    assert not (out / "zh" / "index.html").exists(), "the Chinese pages are at the root, not under zh/"
