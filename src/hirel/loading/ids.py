"""The pattern of an id (claims, articles and the names of their files), declared with the fields
(`fields`) and kept here so that listing a data folder does not import the field declarations."""

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
