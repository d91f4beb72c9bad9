"""hirel: compare claims across news sources."""

__version__ = "0.1.0"
