"""Ingest ergonomics: manifests found by column name or given anywhere, per-row manifest problems, unlisted
files, `--where` row filters and corpus names of single files (issue 19, item 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from paths import shared_path
from textsamverkan.errors import UserError
from textsamverkan.ingest.metadata import read_manifest
from textsamverkan.ingest.pipeline import IngestOptions, IngestSummary, ingest_paths
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.ingest.row_filter import parse_where
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, list_doc_ids


def ingest(db: Path, *paths: Path, where: tuple[str, ...] = (), **kwargs: Any) -> IngestSummary:
    options = IngestOptions(read=ReadOptions(where=parse_where(where)), **kwargs)
    return ingest_paths(connect(db), list(paths), options)


def outcome(summary: IngestSummary, name: str) -> Any:
    found = [o for o in summary.outcomes if Path(o.path).name == name]
    assert len(found) == 1, [o.path for o in summary.outcomes]
    return found[0]


def _pages(root: Path, manifest: str, *, docs: str = "docs") -> Path:
    (root / docs).mkdir(parents=True)
    (root / docs / "a.md").write_text("# Sida A\n\nOm äldreomsorgen under pandemin.", encoding="utf-8")
    (root / docs / "b.md").write_text("# Sida B\n\nOm skolan.", encoding="utf-8")
    (root / "NOTES.md").write_text("# Notes\n\nHow this folder was made.", encoding="utf-8")
    (root / "manifest.csv").write_text(manifest, encoding="utf-8")
    return root


def test_manifest_file_column_found_by_name_and_unlisted_files_are_skipped(tmp_path: Path, db_path: Path) -> None:
    folder = _pages(tmp_path / "gov", "path,category,year,month,title\n"
                    "docs/a.md,artiklar,2020,4,Äldreomsorgen\ndocs/b.md,tal,2021,,Skolan\n")
    summary = ingest(db_path, folder)
    assert summary.count("stored") == 2 and not summary.failed
    notes = outcome(summary, "NOTES.md")
    assert notes.status == "skipped" and "not listed" in notes.notes[0] and "--include-unlisted" in notes.notes[0]
    conn = connect(db_path)
    assert list_doc_ids(conn) == ["gov/docs/a.md", "gov/docs/b.md"]
    a = get_document(conn, "gov/docs/a.md").metadata
    assert (a["title"], a["date"], a["category"]) == ("Äldreomsorgen", "2020-04", "artiklar")
    assert get_document(conn, "gov/docs/b.md").metadata["date"] == "2021"  # a year without a month
    again = ingest(db_path, folder, include_unlisted=True)
    assert outcome(again, "NOTES.md").status == "stored"
    assert any("not listed" in n for n in outcome(again, "NOTES.md").notes)


def test_manifest_given_anywhere_with_its_file_column(tmp_path: Path, db_path: Path) -> None:
    # Paths relative to the manifest's folder, or to the folder being ingested.
    folder = _pages(tmp_path / "gov", "dokument;rubrik;title\ngov/docs/a.md;x;Äldreomsorgen\nb.md;y;Skolan\n")
    (folder / "manifest.csv").rename(tmp_path / "meta.csv")
    summary = ingest(db_path, folder / "docs", manifest=tmp_path / "meta.csv", manifest_file_column="Dokument")
    assert summary.count("stored") == 2 and not summary.failed, summary.outcomes
    conn = connect(db_path)
    assert get_document(conn, "docs/a.md").metadata["title"] == "Äldreomsorgen"
    assert get_document(conn, "docs/b.md").metadata["title"] == "Skolan"
    with pytest.raises(UserError) as err:
        ingest(db_path, folder / "docs", manifest=tmp_path / "meta.csv", manifest_file_column="fil")
    assert err.value.code == "E108" and "dokument" in err.value.message


def test_a_bad_manifest_row_never_drops_the_others(tmp_path: Path, db_path: Path) -> None:
    folder = _pages(tmp_path / "gov", "file,title\ndocs/a.md,Äldreomsorgen\n,Ingen fil\ndocs/missing.md,Borta\n"
                    "docs/a.md,Igen\ndocs/b.md,Skolan,extra\n")
    summary = ingest(db_path, folder)
    errors = [o.error for o in summary.failed]
    assert len(errors) == 3 and all(e.startswith("[E108]") for e in errors)
    assert any("line 3" in e and "empty" in e for e in errors)
    assert any("line 4" in e and "missing.md" in e for e in errors)
    assert any("line 5" in e and "again" in e for e in errors)
    conn = connect(db_path)
    assert get_document(conn, "gov/docs/a.md").metadata["title"] == "Äldreomsorgen"
    assert get_document(conn, "gov/docs/b.md").metadata["title"] == "Skolan"
    assert any("more field" in n for n in outcome(summary, "b.md").notes)


def test_an_unreadable_manifest_ingests_nothing_unasked(tmp_path: Path, db_path: Path) -> None:
    folder = _pages(tmp_path / "gov", "name,title\na.md,A\n")
    summary = ingest(db_path, folder)
    assert [o.error[:6] for o in summary.failed] == ["[E108]"]
    assert "--manifest-file-column" in summary.failed[0].error
    assert summary.count("stored") == 0 and summary.count("skipped") == 3


def test_read_manifest_detects_the_file_column_and_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("Filename\tTitle\nx.txt\tX\n", encoding="utf-8")
    manifest = read_manifest(path)
    assert manifest.file_column == "filename" and manifest.rows[0].values == {"title": "X"}


def test_single_file_corpus_is_its_stem(tmp_path: Path, db_path: Path) -> None:
    table = tmp_path / "interpellationer.csv"
    table.write_text("id,title,text\n1,A,Om äldreomsorg.\n", encoding="utf-8")
    ingest(db_path, table)
    assert list_doc_ids(connect(db_path)) == ["interpellationer/interpellationer.csv#1"]


TABLE = (
    "id,title,party,context_text,question_text\n"
    "1,Om äldreomsorg,SD,Äldreomsorgen i kris.,Vad gör ministern?\n"
    "2,Om skolan,S,Skolan.,Vad gör ministern?\n"
    "3,Om hemtjänst,M,Hemtjänsten.,Och ÄLDREOMSORGEN?\n"
    "4,Om vården,SD,Vården.,Vad gör ministern?\n"
)


@pytest.mark.parametrize(
    ("where", "kept"),
    [
        (("text~äldreomsorg",), ["1", "3"]),  # the document text: all text columns, case-insensitive
        (("text~äldreomsorg", "party=sd"), ["1"]),  # conditions are ANDed
        (("party!=SD",), ["2", "3"]),
        (("title!~^Om (skolan|vården)$",), ["1", "3"]),
        (("question_text~\\?$", "party~^(M|S)$"), ["2", "3"]),
    ],
)
def test_where_keeps_matching_rows(tmp_path: Path, db_path: Path, where: tuple[str, ...], kept: list[str]) -> None:
    table = tmp_path / "ip.csv"
    table.write_text(TABLE, encoding="utf-8")
    summary = ingest(db_path, table, where=where)
    assert [i.rsplit("#", 1)[1] for i in list_doc_ids(connect(db_path))] == kept
    assert any(f"{4 - len(kept)} of 4 rows left out" in n for n in summary.outcomes[0].notes)


def test_where_errors_are_coded(tmp_path: Path, db_path: Path) -> None:
    table = tmp_path / "ip.csv"
    table.write_text(TABLE, encoding="utf-8")
    failed = ingest(db_path, table, where=("parti=SD",)).failed[0].error
    assert failed.startswith("[E110]") and "'parti'" in failed and "Did you mean 'party'?" in failed
    for bad in ("äldreomsorg", "text~", "text~(", "=x"):
        with pytest.raises(UserError) as err:
            parse_where([bad])
        assert err.value.code == "E110", bad
    nothing = ingest(db_path, table, where=("text~tandvård",))
    assert nothing.outcomes[0].status == "skipped" and not nothing.failed


def test_where_filters_files_on_their_manifest_metadata(tmp_path: Path, db_path: Path) -> None:
    folder = _pages(tmp_path / "gov", "path,category\ndocs/a.md,artiklar\ndocs/b.md,tal\n")
    summary = ingest(db_path, folder, where=("category=artiklar",))
    assert list_doc_ids(connect(db_path)) == ["gov/docs/a.md"]
    assert outcome(summary, "b.md").status == "skipped"


def test_cli_options_reach_ingest(tmp_path: Path) -> None:
    from textsamverkan.cli.main import cli

    folder = _pages(tmp_path / "gov", "path,title\ndocs/a.md,A\n")
    (folder / "manifest.csv").rename(tmp_path / "meta.csv")
    db = tmp_path / "c.db"
    args = ["--db", str(db), "ingest", str(folder), "--manifest", str(tmp_path / "meta.csv"), "--where", "text~äldre",
            "--include-unlisted"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert list_doc_ids(connect(db)) == ["gov/docs/a.md"]
    assert "1 stored (1 documents), 0 unchanged, 2 skipped, 0 failed" in result.output


# -- the shared study data ---------------------------------------------------------------------------------------


def test_government_pages_arrive_with_titles_and_dates_and_no_notes_files(db_path: Path) -> None:
    folder = shared_path("data", "regeringen_g0vse")
    summary = ingest(db_path, folder)
    assert not summary.failed and summary.count("stored") == 487
    assert {Path(o.path).name for o in summary.outcomes if o.status == "skipped"} == {"NOTES.md",
                                                                                       "README.upstream.md"}
    conn = connect(db_path)
    ids = list_doc_ids(conn)
    assert len(ids) == 487 and not any(i.endswith(("NOTES.md", "README.upstream.md")) for i in ids)
    rows = _metadata(conn)
    assert all(r["title"] and r["date"][:4] in ("2020", "2021") and len(r["date"]) == 7 for r in rows)


def test_interpellations_filtered_to_aldreomsorg(db_path: Path) -> None:
    table = shared_path("data", "riksdagen", "interpellations", "interpellations_2020_2021.csv")
    summary = ingest(db_path, table, where=("text~äldreomsorg",))
    assert summary.count("stored") == 1 and summary.documents == 15
    conn = connect(db_path)
    assert all(i.startswith("interpellations_2020_2021/") for i in list_doc_ids(conn))
    rows = _metadata(conn)
    assert all(r["title"].startswith("Interpellation 20") and r["date"].startswith("202") for r in rows)
    for doc_id in list_doc_ids(conn):
        assert "äldreomsorg" in get_document(conn, doc_id).text.lower()


def _metadata(conn: sqlite3.Connection) -> list[dict[str, str]]:
    return [get_document(conn, i).metadata for i in list_doc_ids(conn)]
