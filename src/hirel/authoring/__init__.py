"""Authoring: starting a corpus, adding articles, and the mechanical part of annotating them.

Each module does one job and never prints: `start` (hirel init), `extract` and `metadata`
(reading a web page), `fetch` (a URL), `add` (an article file from a source), `find_values`
(the value grammar over free text), `sentences`, `suggest` (checkable sentences and claim stubs),
`quote` (the exact passage for a text) and `unknown` (entity stubs for names used but not
defined). The CLI modules in `hirel.cli` call them and choose the output.
"""


from ..errors import HirelError


class AuthoringError(HirelError):
    """A problem with the user's input or files: one sentence, shown as is by the CLI."""
