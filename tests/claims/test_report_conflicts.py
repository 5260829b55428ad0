"""The HTML report's section on conflicting claims across documents (export/report_conflicts.py)."""

from __future__ import annotations

from textsamverkan.analysis.types import DocInfo
from textsamverkan.claims.conflicts import find_conflicts
from textsamverkan.export.report import build_report
from textsamverkan.export.report_conflicts import conflict_refs, conflicts_section, describe_disagreement
from textsamverkan.export.report_html import passage_anchor

TEXTS = {
    "a.txt": "Antalet intensivvårdsplatser i regionen ökade kraftigt under våren.",
    "b.txt": "Inledning. Antalet intensivvårdsplatser i regionen minskade under våren.",
}


def _claims() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for doc_id, text in TEXTS.items():
        start = text.index("Antalet")
        rows.append({"doc_id": doc_id, "start": start, "end": len(text), "quote": text[start:]})
    return rows


def test_section_lists_both_quotes_linked_to_their_place_and_the_disagreement() -> None:
    pairs = find_conflicts(_claims())
    assert len(pairs) == 1
    html = conflicts_section(pairs, TEXTS, {"a.txt": "Dokument A"})
    assert '<section id="conflicts">' in html
    assert "ökade kraftigt" in html and "minskade" in html and "Dokument A" in html
    assert f'href="#{passage_anchor("b.txt", 11, len(TEXTS["b.txt"]))}"' in html
    assert "direction: ökade ≠ minskade" in html
    assert conflict_refs(pairs) == [("a.txt", 0, len(TEXTS["a.txt"])), ("b.txt", 11, len(TEXTS["b.txt"]))]


def test_quotes_are_escaped_and_an_empty_list_gives_a_note() -> None:
    pair = {"subject": "<b>", "quote_a": "<script>x</script>", "quote_b": "1 < 2", "reasons": {}}
    html = conflicts_section([pair], {})
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert "No conflicting claims" in conflicts_section([], TEXTS)
    assert describe_disagreement({"conflict": {"number": [["300", "30"]], "negation": [["inte", "(jakande)"]]}}) == (
        "number: 300 ≠ 30; polarity: inte ≠ (jakande)"
    )


def test_report_gets_the_section_and_highlights_both_claims() -> None:
    docs = [DocInfo("a.txt"), DocInfo("b.txt")]
    pairs = find_conflicts(_claims())
    html = build_report(docs, TEXTS, conflicts=pairs)
    assert '<section id="conflicts">' in html and 'href="#conflicts"' in html
    assert f'id="{passage_anchor("b.txt", 11, len(TEXTS["b.txt"]))}"' in html
    assert '<section id="conflicts">' not in build_report(docs, TEXTS)
