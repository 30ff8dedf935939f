"""The knowledge base itself: model, YAML source, loading, languages, page and link maps. No MkDocs imports."""
