"""Loading a corpus: YAML with positions, discovery of the files, the loader, the cache."""
