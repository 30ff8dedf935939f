"""What runs inside MkDocs: the macros entry point and the hooks, one file per concern."""
