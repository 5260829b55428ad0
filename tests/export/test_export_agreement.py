"""Agreement between two coding sets: character and segment units, precision/recall/F1 and Cohen's kappa."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.analysis.types import CodedPassage
from textsamverkan.errors import UserError
from textsamverkan.export.agreement import (
    ALL_CODES,
    agreement,
    cohen_kappa,
    intersection,
    merge,
    passage_codings,
)
from textsamverkan.export.qda_types import Coding, codes_from_codebook
from textsamverkan.export.qdpx import write_passages_qdpx
from textsamverkan.export.qdpx_read import coding_set, read_qdpx


def test_interval_helpers() -> None:
    assert merge([(5, 10), (0, 3), (3, 4), (8, 12), (20, 20)]) == [(0, 4), (5, 12)]
    assert intersection([(0, 4), (5, 12)], [(2, 6), (10, 30)]) == 2 + 1 + 2


def test_character_agreement_by_hand() -> None:
    reference = [Coding("d", 10, 30, "ppe"), Coding("d", 25, 40, "ppe")]  # covers 10–40: 30 characters
    other = [Coding("d", 20, 50, "ppe")]  # covers 20–50: 30 characters, 20 of them shared
    row = agreement(reference, other, lengths={"d": 100})[0]
    assert (row["both"], row["reference_only"], row["other_only"], row["neither"]) == (20, 10, 10, 60)
    assert row["precision"] == pytest.approx(20 / 30, abs=1e-4)
    assert row["recall"] == pytest.approx(20 / 30, abs=1e-4)
    assert row["f1"] == pytest.approx(2 / 3, abs=1e-4)
    # po = 0.8, pe = 0.3·0.3 + 0.7·0.7 = 0.58 → κ = 0.22 / 0.42
    assert row["kappa"] == pytest.approx(0.22 / 0.42, abs=1e-4)


def test_kappa_of_a_classic_table_and_edge_cases() -> None:
    # Cohen's example: 20 both, 5 / 10 one only, 15 neither (n = 50): po = .7, pe = .5 → κ = .4
    assert cohen_kappa(20, 5, 10, 15) == pytest.approx(0.4)
    assert cohen_kappa(0, 0, 0, 50) is None  # nobody coded anything: nothing to agree on
    assert cohen_kappa(0, 0, 0, 0) is None


def test_per_code_rows_and_pooled_row() -> None:
    reference = [Coding("a", 0, 10, "ppe"), Coding("b", 0, 5, "testing")]
    other = [Coding("a", 0, 10, "ppe"), Coding("b", 5, 10, "testing")]
    rows = agreement(reference, other, lengths={"a": 20, "b": 20})
    by_code = {r["code"]: r for r in rows}
    assert list(by_code) == ["ppe", "testing", ALL_CODES]
    assert by_code["ppe"]["f1"] == 1.0 and by_code["ppe"]["kappa"] == 1.0
    assert by_code["ppe"]["units"] == 40  # every character of both sources
    assert by_code["testing"]["both"] == 0 and by_code["testing"]["f1"] == 0.0
    assert by_code[ALL_CODES]["both"] == 10 and by_code[ALL_CODES]["units"] == 80


def test_segment_units_count_overlaps() -> None:
    sentences = {"d": [(0, 20), (21, 40), (41, 60), (61, 80)]}
    reference = [Coding("d", 2, 15, "ppe"), Coding("d", 45, 50, "ppe")]  # sentences 1 and 3
    other = [Coding("d", 0, 30, "ppe")]  # overlaps sentences 1 and 2
    row = agreement(reference, other, segments=sentences)[0]
    assert row["unit"] == "segment"
    assert (row["both"], row["reference_only"], row["other_only"], row["neither"]) == (1, 1, 1, 1)
    assert row["precision"] == 0.5 and row["recall"] == 0.5 and row["kappa"] == 0.0
    with pytest.raises(UserError, match="no segments"):
        agreement(reference, [Coding("e", 0, 3, "ppe")], segments=sentences)


def test_codes_can_be_fixed_so_unused_codes_show() -> None:
    rows = agreement([Coding("d", 0, 5, "ppe")], [], lengths={"d": 10}, codes=["ppe", "care"])
    care = next(r for r in rows if r["code"] == "care")
    assert care["precision"] is None and care["recall"] is None and care["kappa"] is None
    ppe = next(r for r in rows if r["code"] == "ppe")
    assert ppe["recall"] == 0.0 and ppe["precision"] is None


def test_a_coding_exported_and_read_back_agrees_perfectly_with_itself(tmp_path: Path) -> None:
    texts = {"d1": "Skyddsutrustning saknades. Testningen kom sent.", "d2": "Samverkan fungerade."}
    passages = [CodedPassage("d1", 0, 26, texts["d1"][0:26], "ppe"),
                CodedPassage("d1", 27, 47, texts["d1"][27:47], "testing"),
                CodedPassage("d2", 0, 20, texts["d2"][0:20], "samverkan")]
    codes = codes_from_codebook(["ppe", "testing", "samverkan"], ["Skyddsutrustning", "Testning", "Samverkan"])
    path = write_passages_qdpx(tmp_path / "p.qdpx", passages, texts, codes)
    imported = coding_set(read_qdpx(path))
    ours = passage_codings(passages, {c.id: c.name for c in codes})
    assert imported == ours
    rows = agreement(imported, ours, lengths={k: len(v) for k, v in texts.items()})
    assert all(r["f1"] == 1.0 and r["kappa"] == 1.0 for r in rows)
    # a coder who coded one more sentence with "Skyddsutrustning": precision drops, recall stays
    extra = [*imported, Coding("d1", 27, 47, "Skyddsutrustning")]
    ppe = next(r for r in agreement(extra, ours, lengths={k: len(v) for k, v in texts.items()})
               if r["code"] == "Skyddsutrustning")
    assert ppe["precision"] == 1.0 and ppe["recall"] == pytest.approx(26 / 46, abs=1e-4)
