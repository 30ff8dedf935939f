"""The knowledge base's Python: data model, validation, renderers and the docs CLI."""

from macros.main import define_env

__all__ = ["define_env"]
