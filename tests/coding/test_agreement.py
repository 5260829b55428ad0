"""Agreement between two codings: NVivo's worked example through a real QDPX round trip, units, exclusion of
uncoded text, MAXQDA-style segment matching, bootstrap intervals."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from paths import shared_path
from textsamverkan.coding.agreement import ALL_CODES, compare_codings, unit_counts
from textsamverkan.coding.qdpx_import import import_codings
from textsamverkan.errors import UserError
from textsamverkan.export.qda_types import Coding, QdaCode
from textsamverkan.export.qdpx import corpus_sources, write_qdpx

CODES = [QdaCode("samverkan", "Samverkan"), QdaCode("ppe", "Skyddsutrustning")]


def _nvivo_text() -> str:
    words = "Region och kommun samverkar kring vård och omsorg om äldre. "
    return (words * 20)[:1000]


def test_nvivo_worked_example_through_a_qdpx_round_trip(tmp_path: Path) -> None:
    text = _nvivo_text()
    texts = {"nvivo/exempel.txt": text}
    codings = [Coding("nvivo/exempel.txt", 0, 125, "samverkan", user="Anna"),
               Coding("nvivo/exempel.txt", 75, 200, "samverkan", user="Bo")]
    path = write_qdpx(tmp_path / "two.qdpx", corpus_sources(texts), CODES, codings, user_name="Anna",
                      created="2026-12-02T10:00:00Z")
    schema = etree.XMLSchema(etree.parse(str(shared_path("schemas", "refi-qda", "Project-mrt2019.xsd"))))
    with zipfile.ZipFile(path) as archive:
        assert schema.validate(etree.fromstring(archive.read("project.qde"))), schema.error_log
    imported = import_codings(path, texts, CODES)
    assert sorted(imported.by_coder) == ["Anna", "Bo"]
    rows = compare_codings(imported.by_coder["Anna"], imported.by_coder["Bo"], lengths={"nvivo/exempel.txt": 1000},
                           codes=["samverkan"], coder_a="Anna", coder_b="Bo")
    row = rows[0]
    assert (row["both"], row["only_a"], row["only_b"], row["neither"]) == (50, 75, 75, 800)
    assert row["percent_agreement"] == pytest.approx(0.85)
    assert round(row["kappa"], 4) == 0.3143
    assert row["kappa"] == pytest.approx((0.85 - 0.78125) / (1 - 0.78125), abs=1e-12)
    assert rows[-1]["code"] == ALL_CODES and rows[-1]["kappa"] == pytest.approx(row["kappa"])
    # leaving out text nobody coded: only characters 0-200 remain, on which the coders agree on 50
    excluded = compare_codings(imported.by_coder["Anna"], imported.by_coder["Bo"],
                               lengths={"nvivo/exempel.txt": 1000}, codes=["samverkan"], exclude_uncoded=True)[0]
    assert (excluded["units"], excluded["neither"]) == (200, 0)
    assert excluded["percent_agreement"] == pytest.approx(0.25)


def test_pooled_kappa_matches_scikit_learn_over_unit_code_decisions() -> None:
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(11)
    lengths = {f"d{i}": 300 for i in range(4)}
    a, b = [], []
    for doc in lengths:
        for code in ("x", "y"):
            for _ in range(3):
                s = rng.randint(0, 250)
                a.append(Coding(doc, s, s + rng.randint(5, 50), code))
                s2 = max(0, s + rng.randint(-20, 20))
                b.append(Coding(doc, s2, s2 + rng.randint(5, 50), code))
    rows = {r["code"]: r for r in compare_codings(a, b, lengths=lengths, bootstrap=0)}
    vectors: dict[str, tuple[list[int], list[int]]] = {"x": ([], []), "y": ([], []), ALL_CODES: ([], [])}
    for doc, length in lengths.items():
        for code in ("x", "y"):
            for pos in range(length):
                in_a = int(any(c.source == doc and c.code == code and c.start <= pos < c.end for c in a))
                in_b = int(any(c.source == doc and c.code == code and c.start <= pos < c.end for c in b))
                for key in (code, ALL_CODES):
                    vectors[key][0].append(in_a)
                    vectors[key][1].append(in_b)
    for key, (va, vb) in vectors.items():
        assert rows[key]["kappa"] == pytest.approx(cohen_kappa_score(va, vb), abs=1e-9)
        assert rows[key]["units"] == len(va)


def test_sentence_and_passage_units_and_exclusion() -> None:
    sentences = {"d": [(0, 20), (21, 40), (41, 60), (61, 80)]}
    a = [Coding("d", 2, 15, "ppe"), Coding("d", 45, 50, "ppe")]
    b = [Coding("d", 0, 30, "ppe")]
    counts = unit_counts(a, b, unit="sentence", segments=sentences)["ppe"]["d"]
    assert counts.as_tuple() == (1, 1, 1, 1)
    excluded = unit_counts(a, b, unit="passage", segments=sentences, exclude_uncoded=True)["ppe"]["d"]
    assert excluded.as_tuple() == (1, 1, 1, 0)
    with pytest.raises(UserError, match="no sentence spans"):
        unit_counts(a, [Coding("e", 0, 3, "ppe")], unit="sentence", segments=sentences)


def test_segment_units_match_within_the_overlap_tolerance() -> None:
    a = [Coding("d", 0, 100, "ppe"), Coding("d", 200, 300, "ppe"), Coding("d", 400, 420, "ppe")]
    b = [Coding("d", 5, 100, "ppe"),  # 95 % overlap: a match
         Coding("d", 200, 250, "ppe"),  # 50 %: no match
         Coding("d", 500, 520, "ppe")]
    row = compare_codings(a, b, unit="segment", codes=["ppe", "care"], bootstrap=0)[0]
    assert (row["both"], row["only_a"], row["only_b"], row["neither"]) == (1, 2, 2, 0)
    assert row["percent_agreement"] == pytest.approx(1 / 5)
    assert row["kappa"] is None and row["alpha"] is None
    assert row["kappa_bp"] == pytest.approx((0.2 - 0.5) / 0.5)  # two codes: chance 1/2
    loose = compare_codings(a, b, unit="segment", min_overlap=0.5, bootstrap=0)[0]
    assert loose["both"] == 2
    with pytest.raises(UserError):
        compare_codings(a, b, unit="segment", min_overlap=0)


def test_bootstrap_intervals_are_seeded_and_cover_the_estimate() -> None:
    rng = random.Random(5)
    lengths = {f"d{i}": 500 for i in range(12)}
    a, b = [], []
    for doc in lengths:
        s = rng.randint(0, 300)
        a.append(Coding(doc, s, s + 100, "ppe"))
        b.append(Coding(doc, s + rng.randint(-30, 30) if s > 30 else s, s + 100, "ppe"))
    one = compare_codings(a, b, lengths=lengths, seed=1)
    two = compare_codings(a, b, lengths=lengths, seed=1)
    other = compare_codings(a, b, lengths=lengths, seed=2)
    assert one == two and one != other
    row = one[0]
    for name, prefix in (("percent_agreement", "percent"), ("kappa", "kappa"), ("alpha", "alpha")):
        assert row[f"{prefix}_low"] <= row[name] <= row[f"{prefix}_high"]
    units = compare_codings(a, b, lengths=lengths, resample="units", seed=1)[0]
    assert units["kappa_high"] - units["kappa_low"] < row["kappa_high"] - row["kappa_low"]  # optimistic
    single = compare_codings(a[:1], b[:1], lengths={"d0": 500})[0]
    assert single["kappa_low"] is None  # one document: nothing to resample
