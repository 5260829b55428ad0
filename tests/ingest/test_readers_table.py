"""The table reader: one document per CSV/TSV row or JSON line, streamed, with ids, metadata and notes."""

from __future__ import annotations

import csv
import json
import tracemalloc
from collections.abc import Callable, Generator
from pathlib import Path

from paths import shared_path
from textsamverkan.errors import E_EMPTY, E_MALFORMED, E_OPTION, ReadError
from textsamverkan.ingest.readers import table
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.model import RawDocument

ReadAll = Callable[..., list[RawDocument]]
ReadFails = Callable[..., ReadError]

CSV_TEXT = (
    "Dok_ID,Titel,Datum,Region,Text\r\n"
    'h1,Samverkan i Skåne,2020-04-01,Skåne,"Första stycket.\r\n\r\nAndra stycket, med komma."\r\n'
    "h2,Tom rad,2020-04-02,Halland,\r\n"
    'h3,"Citat ""inne""",2020-04-03,Västra Götaland,Kort text.\r\n'
)


def write(tmp_path: Path, content: str | bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_csv_with_bom_newlines_in_fields_and_an_empty_row(tmp_path: Path, read_all: ReadAll) -> None:
    docs = read_all(write(tmp_path, "\ufeff" + CSV_TEXT, "tabell.csv"))
    assert [d.part for d in docs] == ["h1", "h3"]
    assert [d.text for d in docs] == ["Första stycket.\r\n\r\nAndra stycket, med komma.", "Kort text."]
    assert docs[0].metadata == {"dok_id": "h1", "titel": "Samverkan i Skåne", "datum": "2020-04-01",
                                "region": "Skåne", "title": "Samverkan i Skåne", "date": "2020-04-01"}
    assert docs[1].metadata["title"] == 'Citat "inne"'
    assert [(loc.kind, loc.value, loc.attrs["line"]) for loc in docs[0].locators] == [("row", "1", 2)]
    assert [(loc.value, loc.attrs["line"]) for loc in docs[1].locators] == [("3", 6)]  # row 1 spans lines 2-4
    assert docs[0].notes == ["UTF-8 with byte-order mark"]
    assert docs[1].notes == ["row(s) 2 skipped: no text in column 'text'"]
    assert {d.format for d in docs} == {"csv"}


def test_cp1252_semicolon_csv(tmp_path: Path, read_all: ReadAll) -> None:
    content = "id;titel;text\n1;Äldreomsorg;Hemtjänsten i Malmö – en översikt\n"
    [doc] = read_all(write(tmp_path, content.encode("cp1252"), "latin.csv"))
    assert doc.text == "Hemtjänsten i Malmö – en översikt"
    assert doc.metadata == {"id": "1", "titel": "Äldreomsorg", "title": "Äldreomsorg"}
    assert doc.part == "1"
    assert doc.notes[0].startswith("not valid UTF-8: decoded as Windows-1252")


def test_encoding_is_decided_from_the_first_64_kb(tmp_path: Path, read_all: ReadAll) -> None:
    rows = "".join(f"{i},{'å' * 40}\n" for i in range(1, 2000))
    content = ("id,text\n0,xx\n" + rows).encode("utf-8")
    assert content[table.SAMPLE_BYTES - 1] == 0xC3  # the 64 kB sample ends in the middle of an 'å'
    docs = read_all(write(tmp_path, content, "lang.csv"))
    assert len(docs) == 2000 and all(d.text == "å" * 40 for d in docs[1:])
    assert all(d.notes == [] for d in docs)  # no false alarm about broken UTF-8


def test_missing_text_column_lists_the_columns(tmp_path: Path, read_fails: ReadFails) -> None:
    error = read_fails(write(tmp_path, "id,titel,region\n1,Rubrik,Skåne\n", "utan.csv"))
    assert error.code == E_MALFORMED
    assert error.message.endswith("utan.csv: no text column found (columns: id, titel, region)")
    assert "--text-column" in error.hint


def test_text_and_id_columns_from_options(tmp_path: Path, read_all: ReadAll, read_fails: ReadFails) -> None:
    path = write(tmp_path, "nr,rubrik,inlagg,svar\n7,R,Fråga?,Svar.\n8,S,,Bara svar.\n", "val.csv")
    docs = read_all(path, text_column="Inlagg,svar", id_column="nr")
    assert [(d.part, d.text) for d in docs] == [("7", "Fråga?\n\nSvar."), ("8", "Bara svar.")]
    assert docs[0].metadata == {"nr": "7", "rubrik": "R", "title": "R"}
    error = read_fails(path, text_column="inlägg")
    assert error.code == E_MALFORMED
    assert "no column 'inlägg' for --text-column (columns: nr, rubrik, inlagg, svar). Did you mean 'inlagg'?" \
        in error.message
    assert read_fails(path, id_column="dok").code == E_OPTION


def test_columns_ending_in_text_are_joined(tmp_path: Path, read_all: ReadAll) -> None:
    content = "id,context_text,question_text\nq1,Bakgrund.,Vad gör ministern?\nq2,Bara bakgrund.,\n"
    docs = read_all(write(tmp_path, content, "ip.csv"))
    assert [d.text for d in docs] == ["Bakgrund.\n\nVad gör ministern?", "Bara bakgrund."]
    assert docs[0].notes == ["text taken from column(s) context_text, question_text (joined by a blank line); "
                             "pass --text-column to choose others"]
    assert docs[1].notes == []


def test_row_ids_duplicates_and_ragged_rows(tmp_path: Path, read_all: ReadAll) -> None:
    content = "id\ttext\na\tEtt\na\tTvå\n\tTre\textra fält\n\n\tFyra\n"
    docs = read_all(write(tmp_path, content, "rader.tsv"))
    assert [(d.part, d.text) for d in docs] == [("a", "Ett"), ("row-2", "Två"), ("row-3", "Tre"), ("row-4", "Fyra")]
    assert docs[1].notes == ["row 2: id 'a' is used by an earlier row; this row is 'row-2'"]
    assert docs[2].notes == ["row 3 (line 4) has 1 more field(s) than the header; kept as metadata 'extra'"]
    assert docs[2].metadata["extra"] == ["extra fält"]
    assert [d.locators[0].attrs["line"] for d in docs] == [2, 3, 4, 6]  # the blank line 5 is no row


def test_table_without_rows_or_text(tmp_path: Path, read_fails: ReadFails) -> None:
    assert read_fails(write(tmp_path, "id,text\n", "tom.csv")).code == E_EMPTY
    error = read_fails(write(tmp_path, "id,text\n1,\n2,  \n", "tomma.csv"))
    assert error.code == E_EMPTY
    assert error.message.endswith("no row has text in column 'text' (2 rows)")


def test_big_fields_are_read(tmp_path: Path, read_all: ReadAll) -> None:
    big = "ord " * 100_000  # 400 kB: over csv's default field limit of 128 kB
    [doc] = read_all(write(tmp_path, f'id,text\n1,"{big}"\n', "stor.csv"))
    assert doc.text == big


def test_rows_are_streamed(tmp_path: Path) -> None:
    path = tmp_path / "manga.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for i in range(1000):
            writer.writerow([f"d{i}", "Äldreomsorgen behöver samverkan. " * 60])
    documents = table.read(path, ReadOptions())
    assert isinstance(documents, Generator)
    tracemalloc.start()
    try:
        count = sum(1 for _ in documents)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1000
    assert peak < path.stat().st_size / 5  # about 2 MB on disk; only a row or two are held at a time


def test_jsonl_with_a_bad_line(tmp_path: Path, read_all: ReadAll) -> None:
    lines = [
        json.dumps({"id": "a1", "Title": "Först", "text": "Ett.", "region": "Skåne", "tags": ["x", "y"]}),
        '{"id": "a2", "text": "Trasig',
        "",
        json.dumps(["inte", "ett", "objekt"]),
        json.dumps({"id": "a3", "body": "Fel nyckel"}),
        json.dumps({"id": "a4", "text": ["Stycke ett.", "Stycke två."], "date": "2021-01-01"}),
    ]
    docs = read_all(write(tmp_path, "\n".join(lines) + "\n", "rader.jsonl"))
    assert [(d.part, d.text) for d in docs] == [("a1", "Ett."), ("a4", "Stycke ett.\n\nStycke två.")]
    assert docs[0].metadata == {"id": "a1", "title": "Först", "region": "Skåne", "tags": ["x", "y"]}
    assert docs[0].locators[0].value == "1"
    assert docs[1].notes == [
        "line 2: not valid JSON (Unterminated string starting at); skipped",
        "line 4: not a JSON object; skipped",
        "row(s) 5 skipped: no text in column 'text'",
    ]
    assert docs[1].metadata["date"] == "2021-01-01" and docs[1].format == "jsonl"


def test_jsonl_without_text_or_objects(tmp_path: Path, read_fails: ReadFails) -> None:
    error = read_fails(write(tmp_path, '{"id": 1, "titel": "x"}\n', "utan.ndjson"))
    assert error.code == E_MALFORMED
    assert "no text column found (columns: id, titel)" in error.message
    error = read_fails(write(tmp_path, "inte json\n[1]\n", "skrap.jsonl"))
    assert error.code == E_MALFORMED
    assert "no line holds a JSON object (first problem: line 1: not valid JSON" in error.message


def test_real_interpellations(read_all: ReadAll) -> None:
    path = shared_path("data", "riksdagen", "interpellations", "interpellations_2020_2021.csv")
    documents = table.read(path, ReadOptions())
    assert isinstance(documents, Generator)  # streamed: only the first rows are read
    first = [next(documents) for _ in range(5)]
    documents.close()
    assert first[0].part == "ipq-201920--0243"
    assert first[0].metadata["title"].startswith("Interpellation 2019/20:243 av Acko Ankarberg Johansson (KD)")
    assert first[0].metadata["date"] == "2020-01-02" == first[0].metadata["date_sent"]
    assert first[0].metadata["author_party"] == "KD"
    assert "context_text" not in first[0].metadata and "question_text" not in first[0].metadata
    assert first[0].text.startswith("Sedan 2001 har den nationella hjälplinjen funnits")
    for doc in first:
        assert len(doc.text) > 200
        assert doc.part.startswith("ipq-")
        assert doc.metadata["date"].startswith("2020-")
