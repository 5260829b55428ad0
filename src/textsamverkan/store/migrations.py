"""Schema changes as named, recorded migrations, applied in order exactly once per database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = tuple[str, Callable[[sqlite3.Connection], None]]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run `;`-separated statements one by one (executescript would commit the migration's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _m001_documents(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            corpus TEXT NOT NULL,
            rel_path TEXT NOT NULL,
            part TEXT NOT NULL DEFAULT '',
            source_path TEXT NOT NULL,
            format TEXT NOT NULL,
            source_sha256 TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            pipeline TEXT NOT NULL,
            text TEXT NOT NULL,
            raw_text BLOB NOT NULL,
            offset_map TEXT NOT NULL,
            locators TEXT NOT NULL,
            metadata TEXT NOT NULL,
            notes TEXT NOT NULL,
            n_words INTEGER NOT NULL,
            ingested_at TEXT NOT NULL,
            UNIQUE (corpus, rel_path, part)
        );
        CREATE INDEX documents_source ON documents (corpus, rel_path);
        CREATE TABLE spans (
            span_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            attrs TEXT,
            stage TEXT NOT NULL,
            CHECK (0 <= start AND start <= "end")
        );
        CREATE INDEX spans_doc_layer ON spans (doc_id, layer, start);
        CREATE TABLE speakers (
            doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            speaker_id TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            role TEXT,
            organisation TEXT,
            party TEXT,
            PRIMARY KEY (doc_id, speaker_id)
        );
        CREATE TABLE doc_stages (
            doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, stage)
        );
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            command TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            manifest TEXT NOT NULL
        );
        CREATE TABLE run_documents (
            run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            stale INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (run_id, doc_id)
        );
        CREATE INDEX run_documents_doc ON run_documents (doc_id);
        """,
    )


def _m002_search(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE VIRTUAL TABLE blocks_fts USING fts5("
        "text, doc_id UNINDEXED, start UNINDEXED, \"end\" UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')"
    )


def _m003_embeddings(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE embeddings (model_id TEXT NOT NULL, text_sha256 TEXT NOT NULL, dim INTEGER NOT NULL, "
        "vector BLOB NOT NULL, PRIMARY KEY (model_id, text_sha256))"
    )


def _m004_claim_refs(conn: sqlite3.Connection) -> None:
    # A copy of each claim's SourceRef that outlives re-ingest (claim spans go with their document), for `verify`.
    conn.execute(
        'CREATE TABLE claim_refs (doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, '
        "type TEXT NOT NULL, ref TEXT NOT NULL, extracted_at TEXT NOT NULL DEFAULT (datetime('now')), "
        'PRIMARY KEY (doc_id, start, "end"))'
    )


def _m005_run_lifecycle(conn: sqlite3.Connection) -> None:
    # Runs become the unit of a result: each records its stage and scope, the process that runs it (so a killed run
    # can be told from a live one), and results carry the run id. `current_runs` points at the last complete run of
    # each stage and scope; readers follow it, so a run that is still writing (or was killed) is never read.
    _run_script(
        conn,
        """
        ALTER TABLE runs ADD COLUMN stage TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN scope TEXT NOT NULL DEFAULT '*';
        ALTER TABLE runs ADD COLUMN pid INTEGER;
        ALTER TABLE runs ADD COLUMN host TEXT;
        ALTER TABLE runs ADD COLUMN heartbeat TEXT;
        UPDATE runs SET stage = command;
        UPDATE runs SET status = 'complete' WHERE status = 'done';
        UPDATE runs SET status = 'failed' WHERE status = 'running';
        ALTER TABLE spans ADD COLUMN run_id TEXT;
        CREATE INDEX spans_run ON spans (run_id, doc_id, layer);
        CREATE TABLE current_runs (
            stage TEXT NOT NULL,
            scope TEXT NOT NULL,
            run_id TEXT NOT NULL REFERENCES runs (run_id),
            PRIMARY KEY (stage, scope)
        );
        CREATE TABLE claim_refs_v2 (
            run_id TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            ref TEXT NOT NULL,
            PRIMARY KEY (run_id, doc_id, start, "end")
        );
        DROP TABLE claim_refs;
        ALTER TABLE claim_refs_v2 RENAME TO claim_refs
        """,
    )
    # Theme and claim spans written before runs were tracked cannot be attributed to a run: rerun those stages.
    conn.execute("DELETE FROM spans WHERE layer IN ('theme', 'claim')")


def _m006_run_index_partial(conn: sqlite3.Connection) -> None:
    # Only run-owned spans (themes, claims, PII) are looked up by run; annotation's token and sentence rows, most of
    # the table, have no run and kept this index busy on every insert for nothing.
    _run_script(
        conn,
        """
        DROP INDEX spans_run;
        CREATE INDEX spans_run ON spans (run_id, doc_id, layer) WHERE run_id IS NOT NULL
        """,
    )


MIGRATIONS: list[Migration] = [
    ("001_documents_spans_runs", _m001_documents),
    ("002_fulltext_search", _m002_search),
    ("003_embedding_cache", _m003_embeddings),
    ("004_claim_refs", _m004_claim_refs),
    ("005_run_lifecycle", _m005_run_lifecycle),
    ("006_run_index_partial", _m006_run_index_partial),
]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database has not had yet, each in its own transaction; return their names.

    Safe when several processes open a new database at once: each migration is checked again inside its
    immediate (write-locked) transaction, so a migration another process applied meanwhile is skipped.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, migrate in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("COMMIT")
                continue
            migrate(conn)
            conn.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (name,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
