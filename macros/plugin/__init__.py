"""What runs inside MkDocs: the kb plugin (plugin.py), the macros entry point, one file per concern."""
