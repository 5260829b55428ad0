"""The review loop end to end: seeded sample → filled sheet (CSV and XLSX) → precision with an interval and missed
hits → a corrected coding that agreement and exports take."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from textsamverkan.analysis.types import CodedPassage
from textsamverkan.coding.agreement import compare_codings
from textsamverkan.coding.measures import wilson_interval
from textsamverkan.coding.review import (
    corrected_codings,
    draw_review_sample,
    read_review_sheet,
    review_summary,
    sentences_near,
    training_examples,
    write_review_sheet,
)
from textsamverkan.errors import UserError
from textsamverkan.export.qda_types import Coding

SENTENCES = [f"Mening {i} om {'skyddsutrustning' if i % 3 else 'annat'}." for i in range(60)]
TEXT = " ".join(SENTENCES)
TEXTS = {"d": TEXT}


def _spans() -> list[tuple[int, int]]:
    out, pos = [], 0
    for s in SENTENCES:
        start = TEXT.index(s, pos)
        out.append((start, start + len(s)))
        pos = start + len(s)
    return out


SPANS = _spans()
HITS = [CodedPassage("d", s, e, TEXT[s:e], "ppe", 1.0, "lexical") for i, (s, e) in enumerate(SPANS) if i % 2 == 0]
UNCODED = [("d", s, e) for i, (s, e) in enumerate(SPANS) if i % 2 == 1]


def _fill(rows: list[dict[str, object]]) -> None:
    """A reviewer who keeps what mentions skyddsutrustning and drops the rest."""
    for row in rows:
        row["decision"] = "keep" if "skyddsutrustning" in str(row["quote"]) else "drop"


def test_the_sample_is_seeded_and_carries_evidence_and_context() -> None:
    one = draw_review_sample(HITS, TEXTS, code="ppe", n=10, seed=4, uncoded=UNCODED, n_uncoded=5)
    two = draw_review_sample(HITS, TEXTS, code="ppe", n=10, seed=4, uncoded=UNCODED, n_uncoded=5)
    other = draw_review_sample(HITS, TEXTS, code="ppe", n=10, seed=5, uncoded=UNCODED, n_uncoded=5)
    assert one == two and one != other
    assert [r["kind"] for r in one] == ["hit"] * 10 + ["uncoded"] * 5
    assert [r["item"] for r in one] == list(range(1, 16))
    hit = one[0]
    assert TEXT[hit["start"] : hit["end"]] == hit["quote"] and hit["population"] == len(HITS)
    assert "automatic coding (lexical)" in hit["evidence"] and hit["decision"] == ""
    assert one[-1]["population"] == len(UNCODED)
    assert len(draw_review_sample(HITS, TEXTS, code="ppe", n=500)) == len(HITS)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_round_trip(tmp_path: Path, suffix: str) -> None:
    rows = draw_review_sample(HITS, TEXTS, code="ppe", n=20, seed=1, uncoded=UNCODED, n_uncoded=10)
    _fill(rows)
    rows[0]["decision"] = ""  # one left undecided
    rows[1]["decision"] = "Behåll"  # Swedish, capitalised
    path = write_review_sheet(rows, tmp_path / f"review{suffix}")
    back = read_review_sheet(path)
    assert [(r["doc_id"], r["start"], r["end"], r["kind"]) for r in back] == [
        (r["doc_id"], r["start"], r["end"], r["kind"]) for r in rows]
    assert back[1]["decision"] == "keep"
    summary = review_summary(back)
    hits = [r for r in back if r["kind"] == "hit" and r["decision"]]
    kept = sum(r["decision"] == "keep" for r in hits)
    assert summary["hits_decided"] == 19 and summary["hits_undecided"] == 1 and summary["hits_kept"] == kept
    assert summary["precision"] == pytest.approx(kept / 19)
    assert (summary["precision_low"], summary["precision_high"]) == pytest.approx(wilson_interval(kept, 19))
    missed = [r for r in back if r["kind"] == "uncoded" and r["decision"] == "keep"]
    assert summary["estimated_missed"] == pytest.approx(len(missed) / 10 * len(UNCODED))
    assert 0 < summary["estimated_recall_among_candidates"] < 1
    exact = review_summary(back, interval="exact")
    assert exact["precision_low"] < summary["precision_low"]
    # the corrected coding: dropped hits gone, missed sentences added, the rest untouched
    original = sorted({Coding(p.doc_id, p.start, p.end, p.theme) for p in HITS})
    corrected = corrected_codings(original, back)
    dropped = {(r["start"], r["end"]) for r in back if r["kind"] == "hit" and r["decision"] == "drop"}
    assert len(corrected) == len(original) - len(dropped) + len(missed)
    assert all((c.start, c.end) not in dropped for c in corrected)
    assert all("skyddsutrustning" in TEXT[c.start : c.end] for c in corrected
               if (c.start, c.end) in {(r["start"], r["end"]) for r in back[2:]})  # those _fill decided
    # … which agreement takes like any coding
    row = compare_codings(original, corrected, lengths={"d": len(TEXT)}, bootstrap=0)[0]
    assert row["precision"] < 1 or row["recall"] < 1
    examples = training_examples(back)
    assert len(examples) == 29 and {e["label"] for e in examples} == {0, 1}


def test_bad_sheets_are_user_errors(tmp_path: Path) -> None:
    rows = draw_review_sample(HITS, TEXTS, code="ppe", n=3, seed=1)
    rows[0]["decision"] = "kanske"
    path = write_review_sheet(rows, tmp_path / "r.csv")
    with pytest.raises(UserError, match=r"row 2: decision 'kanske' is neither keep nor drop"):
        read_review_sheet(path)
    broken = tmp_path / "b.csv"
    with broken.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["item", "decision"], ["x", "keep"]])
    with pytest.raises(UserError, match="not a number"):
        read_review_sheet(broken)
    with pytest.raises(UserError, match="no such file"):
        read_review_sheet(tmp_path / "none.csv")


def test_uncoded_sentences_near_the_code_are_candidates() -> None:
    near = sentences_near(HITS, {"d": SPANS}, code="ppe", window=1)
    assert near == sorted(("d", s, e) for i, (s, e) in enumerate(SPANS) if i % 2 == 1)  # every gap is a neighbour
    few = sentences_near(HITS[:1], {"d": SPANS}, code="ppe", window=2)
    assert few == [("d", *SPANS[1]), ("d", *SPANS[2])]
    assert sentences_near(HITS, {"d": SPANS}, code="testing") == []
