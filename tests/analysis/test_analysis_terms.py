"""Distinctive terms: log-odds with an informative Dirichlet prior, checked against a hand computation."""

from __future__ import annotations

import pytest

from textsamverkan.analysis.terms import distinctive_terms, group_term_counts, simple_term_counts
from textsamverkan.analysis.types import DocInfo

COUNTS = {"A": {"vård": 10, "och": 50}, "B": {"vård": 2, "och": 60}}


def test_z_score_matches_a_hand_computation() -> None:
    rows = distinctive_terms(COUNTS, alpha0=10, min_count=1)
    vard = next(r for r in rows if r["group"] == "A" and r["term"] == "vård")
    # α = 10 · 12/122 = 0.98361; δ = ln(10.98361/59.01639) − ln(2.98361/69.01639) = 1.45980;
    # σ = √(1/10.98361 + 1/2.98361) = 0.65285; z = 2.23605
    assert vard["log_odds"] == pytest.approx(1.4598, abs=1e-4)
    assert vard["z"] == pytest.approx(2.236, abs=1e-3)
    assert (vard["count"], vard["count_rest"]) == (10, 2)
    assert vard["per_1000"] == pytest.approx(1000 * 10 / 60, abs=1e-3)
    # only over-represented terms are listed: "och" is distinctive of B, "vård" is not
    assert [r["term"] for r in rows if r["group"] == "B"] == ["och"]


def test_the_prior_keeps_rare_terms_from_dominating() -> None:
    counts = {"A": {"sällsynt": 3, "vanlig": 300, "fyll": 697}, "B": {"sällsynt": 0, "vanlig": 150, "fyll": 850}}
    rows = distinctive_terms(counts, min_count=1)
    ranked = [r["term"] for r in rows if r["group"] == "A"]
    assert ranked[0] == "vanlig"  # 300 vs 150 outweighs 3 vs 0, although the raw log-odds of "sällsynt" is infinite
    rare = next(r for r in rows if r["term"] == "sällsynt")
    assert 0 < rare["z"] < 1.96


def test_min_count_and_top_limit_rows() -> None:
    rows = distinctive_terms(COUNTS, alpha0=10, min_count=11, top=5)
    assert all(r["count"] >= 11 for r in rows)
    many = {"A": {f"w{i}": 10 + i for i in range(30)}, "B": {f"w{i}": 10 for i in range(30)}}
    assert len([r for r in distinctive_terms(many, top=4) if r["group"] == "A"]) == 4
    z = [r["z"] for r in distinctive_terms(many) if r["group"] == "A"]
    assert z == sorted(z, reverse=True)


def test_group_term_counts_sums_documents_into_groups() -> None:
    docs = [DocInfo("a", region="Skåne", date="2020-02"), DocInfo("b", region="Skåne", date="2021-05"),
            DocInfo("c", region="Stockholm", date="2020-11")]
    doc_counts = {"a": {"vård": 2}, "b": {"vård": 1, "omsorg": 4}, "c": {"omsorg": 1}, "zzz": {"okänd": 9}}
    groups = group_term_counts(doc_counts, docs, "region")
    assert groups == {"Skåne": {"vård": 3, "omsorg": 4}, "Stockholm": {"omsorg": 1}}
    both = group_term_counts(doc_counts, docs, "region,year")
    assert set(both) == {"Skåne × 2020", "Skåne × 2021", "Stockholm × 2020"}


def test_simple_term_counts_lowercases_and_drops_stopwords() -> None:
    counts = simple_term_counts("Äldreomsorgen och äldreomsorgen, 2020 - covid-19 och hemtjänst.", stopwords=["och"])
    assert counts == {"äldreomsorgen": 2, "covid-19": 1, "hemtjänst": 1}
