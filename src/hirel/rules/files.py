"""HR1xx, files and YAML: the rules of reading a file at all.

These problems are found while a file is read and parsed (loading/yamlfile.py, datafiles.py,
safety.py, the loader's listing of the folders): the reader reports them through these rules.
"""

from __future__ import annotations

from ..model import WARNING
from .base import Rule


class YamlSyntax(Rule):
    """The file is not valid YAML.

    The YAML parser stopped at this place; nothing after it could be read. The usual slips, each
    with its own hint: a value that contains ': ' without quotes (`note: Source: WSJ`; write
    `note: "Source: WSJ"`), a list item without its '- ', a line indented more or less than the
    keys around it, a tab (YAML indents with spaces only), and a quote opened and never closed.

    FAIL:
        claims:
          - id: a
           proposition: b      # indented one space too far

    PASS:
        claims:
          - id: a
            proposition: b
    """

    code, name = "HR101", "yaml-syntax"


class DuplicateKey(Rule):
    """A mapping has the same key twice.

    Plain YAML loaders silently keep the last value, so half of the annotation would be lost
    without anyone noticing. hirel refuses it.

    FAIL:
        - id: wsj-iran-helped-plot
          stance: supports
          stance: refutes

    PASS:
        - id: wsj-iran-helped-plot
          stance: supports
    """

    code, name = "HR102", "duplicate-key"


class ForbiddenTag(Rule):
    """A YAML tag other than the plain data types is used.

    Tags such as `!!python/object/apply` can run code in careless loaders; `!!binary`,
    `!!set`, custom `!tags` and merge keys (`<<`) are not part of the data format either.
    Only strings, numbers, booleans, null, dates, lists and mappings are read.

    FAIL:
        value: !!python/object/apply:os.system ["rm -rf /"]

    PASS:
        value: $30 million a month
    """

    code, name = "HR103", "forbidden-tag"


class Encoding(Rule):
    """The file is not UTF-8 text.

    Every file hirel reads must be UTF-8 (a byte-order mark is tolerated). Re-save the file
    as UTF-8 in your editor.

    FAIL:
        (a file saved as Latin-1 or UTF-16)

    PASS:
        (the same file saved as UTF-8)
    """

    code, name = "HR104", "encoding"


class AliasExpansion(Rule):
    """YAML anchors and aliases expand to far more data than the file holds.

    A few nested aliases can expand to billions of nodes ("billion laughs"). hirel stops
    reading a file whose aliases expand beyond ten times its own size.

    FAIL:
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]   # ... and so on

    PASS:
        via: [The Wall Street Journal]
    """

    code, name = "HR105", "alias-expansion"


class FileName(Rule):
    """An article or claims file name is not a valid article id.

    The file stem is the article id: lowercase letters, digits and `-`, starting with a
    letter or digit (`^[a-z0-9][a-z0-9-]*$`); articles end in `.md`, claims in `.yaml`.

    FAIL:
        data/claims/Al_Monitor 2019.yaml

    PASS:
        data/claims/al-monitor-2019-mutual-military-support.yaml
    """

    code, name = "HR106", "file-name"


class FrontMatter(Rule):
    """An article does not start with a YAML front matter block.

    An article file starts with a line `---`, the front matter (YAML), a line `---`, and then
    the article text verbatim.

    FAIL:
        title: Iran, Hamas seek benefits of mutual military support
        Iran and Hamas are strengthening their reconciliation...

    PASS:
        ---
        title: Iran, Hamas seek benefits of mutual military support
        outlet: Al-Monitor
        ---
        Iran and Hamas are strengthening their reconciliation...
    """

    code, name = "HR107", "front-matter"


class Unreadable(Rule):
    """A file or directory of the corpus cannot be read, or a registry file is missing.

    `data/` needs `articles/`, `claims/`, `propositions.yaml` and `entities.yaml`. Only regular
    files are read (a pipe would block, `/dev/zero` never ends), and a file of `articles/` or
    `claims/` that is a link leading out of the data directory is not read.

    FAIL:
        data/propositions.yaml is missing

    PASS:
        data/propositions.yaml exists and is readable
    """

    code, name = "HR108", "unreadable"


class HiddenCharacter(Rule):
    """The text holds a bidi control or a zero-width character.

    Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text display in
    another order than it is written ("Trojan Source"); zero-width characters (U+200B-U+200D,
    U+2060, U+FEFF) hide inside names and words, so that two names that look alike differ.
    hirel shows them as ⟨U+202E⟩ in every human format and escapes them in JSON. Reported in
    every string of the YAML files, and in an article's text for bidi controls only (zero-width
    characters are common in text copied from the web, and quote matching ignores them).

    FAIL:
        claimant: "Hamas\\u200b"       # a zero-width space after the name (YAML escape)

    PASS:
        claimant: Hamas
    """

    code, name = "HR109", "hidden-character"
    severity = WARNING
