"""Pseudonyms, offset maps, keys and the review list: one person one label, exact offsets, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import UserError
from textsamverkan.pii.corpus import detect_corpus, plan_redaction, redact_view, select
from textsamverkan.pii.keys import key_check, load_key, person_labels, write_key
from textsamverkan.pii.review import apply_review, read_review, review_rows, write_review
from textsamverkan.pii.types import KnownPerson
from textsamverkan.stages.corpus_view import CorpusView

KEY = bytes(range(32))
TEXTS = {
    "a": "Anna Berg ringde 070-123 45 67. Anna sa att skyddsutrustningen på Sahlgrenska räckte den 15 mars.",
    "b": "Jag heter Per Holm. Anna Berg har personnummer 19811228-9874 och bor på Storgatan 5.",
}
SPEAKERS = {"a": [KnownPerson("Anna Berg", ("Anna",), "enhetschef")], "b": []}


def _plan(key: bytes = KEY):  # type: ignore[no-untyped-def]
    found = detect_corpus(TEXTS, SPEAKERS)
    return plan_redaction(TEXTS, select(found, 0.5), key=key, speakers=SPEAKERS)


def test_one_person_one_label_across_documents_and_reruns() -> None:
    plan = _plan()
    a, b = plan.redacted["a"].text, plan.redacted["b"].text
    label = plan.labels["anna berg"]
    assert a.startswith(f"{label} ringde [TELEFON]. {label} sa")
    assert label in b and "[PERSONNUMMER]" in b and "[ADRESS]" in b
    assert plan.labels["per holm"] != label
    assert _plan().labels == plan.labels  # same key, same labels
    assert _plan(bytes(32)).labels != plan.labels  # another key, other labels
    assert plan.speaker("Anna Berg") == f"enhetschef ({label})"


def test_offset_map_keeps_quotes_exact() -> None:
    plan = _plan()
    text = TEXTS["a"]
    start = text.index("skyddsutrustningen")
    end = text.index(" den 15")
    passage = CodedPassage("a", 0, end, text[:end], "ppe", speaker="Anna Berg")
    original = CorpusView(docs=[DocInfo("a", speakers={"Anna Berg": 10})], texts=dict(TEXTS), passages=[passage])
    view = redact_view(original, plan)
    moved = view.passages[0]
    assert view.texts["a"][moved.start : moved.end] == moved.quote
    assert moved.quote.endswith("skyddsutrustningen på Sahlgrenska räckte")
    assert "Anna" not in moved.quote and moved.speaker == f"enhetschef ({plan.labels['anna berg']})"
    red_start, red_end = plan.span("a", start, start + len("skyddsutrustningen"))
    assert plan.redacted["a"].text[red_start:red_end] == "skyddsutrustningen"
    assert list(view.docs[0].speakers) == [moved.speaker]


def test_labels_do_not_depend_on_order() -> None:
    one = person_labels(KEY, {"anna berg", "per holm"})
    two = person_labels(KEY, {"per holm", "anna berg", "eva lind"})
    assert one["anna berg"] == two["anna berg"] and one["per holm"] == two["per holm"]


def test_key_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError) as missing:
        load_key(None)
    assert missing.value.code == "E501"
    with pytest.raises(UserError) as absent:
        load_key(tmp_path / "nope.key")
    assert absent.value.code == "E501"
    bad = tmp_path / "bad.key"
    bad.write_text("not a key")
    with pytest.raises(UserError) as wrong:
        load_key(bad)
    assert wrong.value.code == "E502"
    good = write_key(tmp_path / "k.key")
    assert len(load_key(good)) == 32
    with pytest.raises(UserError):
        write_key(good)  # never overwritten


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_round_trip(tmp_path: Path, suffix: str) -> None:
    found = detect_corpus(TEXTS, SPEAKERS)
    plan = plan_redaction(TEXTS, select(found, 0.5), key=KEY, speakers=SPEAKERS)
    rows = review_rows(found, TEXTS, plan.labels, key_check=key_check(KEY), min_confidence=0.5)
    assert {r["type"] for r in rows} >= {"PERSON", "TELEFON", "PERSONNUMMER", "ADRESS"}
    for row in rows:
        if row["type"] == "TELEFON":
            row["decision"] = "keep"
    sahl = TEXTS["a"].index("Sahlgrenska")
    rows.append({"doc_id": "a", "start": sahl, "end": sahl + 11, "type": "ADRESS", "decision": "redact"})
    path = write_review(rows, tmp_path / f"review{suffix}")
    chosen = apply_review(found, TEXTS, read_review(path), key_check=key_check(KEY), min_confidence=0.5)
    redacted = plan_redaction(TEXTS, chosen, key=KEY).redacted["a"].text
    assert "070-123 45 67" in redacted and "Sahlgrenska" not in redacted and "Anna" not in redacted


def test_review_that_does_not_match(tmp_path: Path) -> None:
    found = detect_corpus(TEXTS, SPEAKERS)
    rows = [{"doc_id": "a", "start": "0", "end": "9", "value": "Anna Berg", "decision": "keep",
             "key_check": key_check(KEY)}]
    assert apply_review(found, TEXTS, rows, key_check=key_check(KEY), min_confidence=0.5)
    cases = [
        ({**rows[0], "doc_id": "zz"}, "E503"),  # a document not in the corpus
        ({**rows[0], "value": "Eva Lind"}, "E503"),  # the text changed since
        ({**rows[0], "end": "9999"}, "E503"),
        ({**rows[0], "decision": "kanske"}, "E503"),
        ({**rows[0], "key_check": "000000000000"}, "E502"),  # made with another key
    ]
    for row, code in cases:
        with pytest.raises(UserError) as err:
            apply_review(found, TEXTS, [row], key_check=key_check(KEY), min_confidence=0.5)
        assert err.value.code == code
    with pytest.raises(UserError) as cols:
        apply_review(found, TEXTS, [{"doc": "a"}], key_check=key_check(KEY), min_confidence=0.5)
    assert cols.value.code == "E503"
