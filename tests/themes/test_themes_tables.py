"""Rows for theme_passages.csv and theme_summary.csv: exact quotes, metadata, speakers, and counts."""

from __future__ import annotations

import json

from textsamverkan.analysis.types import DocInfo
from textsamverkan.themes.tables import (
    PASSAGE_COLUMNS,
    SUMMARY_COLUMNS,
    SpeakerTurn,
    hit_quotes,
    passage_rows,
    summary_rows,
)
from textsamverkan.themes.types import ThemeHit

TEXT_A = "Anna\n- Vi saknade munskydd. Testningen kom sent.\nBo\n- Munskydden kom i maj."
TEXT_B = "Rapport. Brist på munskydd och visir."


def _hit(doc: str, text: str, quote: str, code: str, method: str = "lexical") -> ThemeHit:
    start = text.index(quote)
    return ThemeHit(doc, start, start + len(quote), code, 1.0, method, {"rules": [{"rule": f"{code}/x"}]})  # type: ignore[arg-type]


DOCS = {
    "a": DocInfo("a", corpus="pod", region="Halland", organisation="Region Halland", kind="transcript"),
    "b": DocInfo("b", corpus="web", region="Halland", organisation="Kommun", kind="web"),
}
TEXTS = {"a": TEXT_A, "b": TEXT_B}
TURNS = [
    SpeakerTurn("a", TEXT_A.index("- Vi"), TEXT_A.index("\nBo"), "Anna"),
    SpeakerTurn("a", TEXT_A.index("- Munskydden"), len(TEXT_A), "Bo"),
]
HITS = [
    _hit("b", TEXT_B, "Brist på munskydd och visir.", "ppe"),
    _hit("a", TEXT_A, "Munskydden kom i maj.", "ppe"),
    _hit("a", TEXT_A, "Vi saknade munskydd.", "ppe"),
    _hit("a", TEXT_A, "Testningen kom sent.", "testing", "semantic"),
]
QUOTES = {
    key: quote
    for doc, text in TEXTS.items()
    for key, quote in hit_quotes(text, (h for h in HITS if h.doc_id == doc)).items()
}


def test_passage_rows_quote_the_text_and_carry_metadata() -> None:
    rows = passage_rows(HITS, DOCS, QUOTES, TURNS)
    assert [tuple(r) for r in rows] == [PASSAGE_COLUMNS] * 4
    assert [(r["document"], r["quote"], r["speaker"]) for r in rows] == [
        ("a", "Vi saknade munskydd.", "Anna"),
        ("a", "Testningen kom sent.", "Anna"),
        ("a", "Munskydden kom i maj.", "Bo"),
        ("b", "Brist på munskydd och visir.", ""),
    ]
    for r in rows:
        text = TEXTS[str(r["document"])]
        assert text[int(r["start"]) : int(r["end"])] == r["quote"]
    assert rows[0]["region"] == "Halland" and rows[0]["kind"] == "transcript"
    assert json.loads(str(rows[1]["evidence"])) == {"rules": [{"rule": "testing/x"}]}
    assert rows[1]["method"] == "semantic"


def test_summary_counts_passages_words_speakers_per_document_and_region() -> None:
    rows = summary_rows(HITS, DOCS, QUOTES, TURNS)
    assert all(tuple(r) == SUMMARY_COLUMNS for r in rows)
    table = {
        (r["level"], r["key"], r["theme"]): (r["documents"], r["passages"], r["words"], r["speakers"]) for r in rows
    }
    assert table == {
        ("document", "a", "ppe"): (1, 2, 7, 2),
        ("document", "a", "testing"): (1, 1, 3, 1),
        ("document", "b", "ppe"): (1, 1, 5, 0),
        ("region", "Halland", "ppe"): (2, 3, 12, 2),
        ("region", "Halland", "testing"): (1, 1, 3, 1),
    }
    assert [r["level"] for r in rows] == ["document"] * 3 + ["region"] * 2
    assert summary_rows(list(reversed(HITS)), DOCS, QUOTES, TURNS) == rows  # order of hits does not matter


def test_summary_counts_the_learned_layers_passages_apart() -> None:
    hits = [*HITS, _hit("b", TEXT_B, "Rapport.", "testing", "model"), _hit("b", TEXT_B, "Rapport.", "ppe", "model")]
    rows = summary_rows(hits, DOCS, QUOTES | {("b", 0, 8): "Rapport."}, TURNS)
    table = {(r["level"], r["key"], r["theme"]): (r["passages"], r["model_passages"]) for r in rows}
    assert table[("document", "b", "ppe")] == (2, 1)
    assert table[("region", "Halland", "ppe")] == (4, 1)
    assert table[("region", "Halland", "testing")] == (2, 1)
    assert table[("document", "a", "ppe")] == (2, 0)
