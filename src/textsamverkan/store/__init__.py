"""The SQLite store: the only package that holds SQL."""

from textsamverkan.store.db import DB_ENV, DEFAULT_DB_NAME, connect, resolve_db_path

__all__ = ["DB_ENV", "DEFAULT_DB_NAME", "connect", "resolve_db_path"]
