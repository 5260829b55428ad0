"""The formats `export` writes, in one place for the command and the export stage (no heavy imports)."""

FORMATS = ("csv", "csv-sv", "xlsx", "json", "qdpx")
