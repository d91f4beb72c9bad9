"""The characters every human output shows visibly (see `vocabulary`), in a module of their own so
that printing a problem does not load the value grammar's words."""

# Bidirectional overrides and isolates, which make text display in another order than it is
# written ("Trojan Source"), and zero-width characters, which hide inside names and words: a
# character class, shown visibly by every human output and warned about by `hirel check`.
HIDDEN_CHARACTERS = "\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff"
