"""Transcripts delivered as a table of time, speaker and text (Word and web exports) get their speaker turns."""

from __future__ import annotations

from pathlib import Path

import docx

from textsamverkan.ingest.document_builder import TurnOptions, build_document
from textsamverkan.ingest.readers import read_file

ROWS = [
    ("00:00:05", "Intervjuare", "Hur fick ni tag på munskydd i våras?"),
    ("00:00:12", "Informant", "Vi fick låna från tandvården. Sedan kom leveranserna från regionen i maj."),
    ("00:00:40", "Intervjuare", "Och provtagningen, hur gick den till?"),
    ("00:00:45", "Informant", "Den sköttes av vårdcentralen, men svaren dröjde ofta fyra dagar."),
]


def _turns(path: Path) -> list[tuple[str, str]]:
    (raw,) = read_file(path)
    doc, _ = build_document(raw, doc_id=path.name, metadata={}, source_sha256="", turn_options=TurnOptions())
    return [(t.label, doc.text[t.start : t.end].strip()) for t in doc.spans_on("turn")]


def test_a_word_table_transcript_has_turns(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Intervju 3, hemtjänsten", 1)
    table = document.add_table(rows=1, cols=3)
    for cell, heading in zip(table.rows[0].cells, ("Tid", "Talare", "Text"), strict=True):
        cell.text = heading
    for row in ROWS:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    path = tmp_path / "intervju.docx"
    document.save(str(path))
    assert _turns(path) == [(speaker.lower(), text) for _time, speaker, text in ROWS]


def test_a_web_table_transcript_has_turns(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{who}</td><td>{text}</td></tr>" for _time, who, text in ROWS)
    path = tmp_path / "intervju.html"
    path.write_text(f"<html><body><main><h1>Intervju 3</h1><table><tr><th>Talare</th><th>Text</th></tr>{rows}"
                    "</table></main></body></html>", encoding="utf-8")
    assert _turns(path) == [(speaker.lower(), text) for _time, speaker, text in ROWS]
