"""The `kb` plugin's options in mkdocs.yml (MkDocs 1.6.1's mkdocs.config.base.Config and config_options)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class KnowledgeBaseConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ is untyped
    """The plugin's options in mkdocs.yml."""

    # As Material's plugins have it (`enabled: !ENV [KB_ENABLED, true]` works): off, the plugin does
    # nothing at all (no checks, record pages, policy, search split or kit) and the pages' macros, which
    # need its model, end the build with a message saying so (macros/plugin/entry.py).
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")  # the YAML data set, relative to mkdocs.yml
    # `make serve` sets it: MkDocs' live reload injects an inline script into every page it serves,
    # which the Content-Security-Policy would block; the preview leaves the policy out, builds never do.
    preview = c.Type(bool, default=False)
