"""Comparisons of groups on coded themes: counts, rates, shares, examples, group keys and tests."""

from __future__ import annotations

import pytest
from scipy import stats

from textsamverkan.analysis.compare import compare
from textsamverkan.analysis.groups import NO_SPEAKER, UNKNOWN, parse_keys, period
from textsamverkan.analysis.types import CodedPassage, DocInfo, parse_ref, passage_ref
from textsamverkan.errors import UserError

TEXT = "Vi saknar skyddsutrustning. Testningen kom sent. Samverkan med kommunen fungerar."


def _p(doc: str, start: int, end: int, theme: str, score: float = 1.0, **kw: str) -> CodedPassage:
    return CodedPassage(doc, start, end, TEXT[start:end], theme, score, "test", **kw)


DOCS = [
    DocInfo("a", corpus="c", region="Skåne", kind="transcript", date="2020-03-15", words=1000),
    DocInfo("b", corpus="c", region="Skåne", kind="report", date="2020-09", words=3000),
    DocInfo("c", corpus="c", region="Stockholm", kind="report", date="2021-02-01", words=2000),
    DocInfo("d", corpus="c", region="", kind="report", date="2021", words=500),
]
PASSAGES = [
    _p("a", 0, 27, "ppe", 0.9),
    _p("a", 28, 48, "ppe", 0.5),
    _p("b", 0, 27, "ppe", 0.7),
    _p("c", 49, 82, "samverkan"),
    _p("b", 28, 48, "testing"),
]


def _cell(rows: list[dict[str, object]], group: str, theme: str) -> dict[str, object]:
    return next(r for r in rows if r["group"] == group and r["theme"] == theme)


def test_counts_rates_intervals_and_shares_by_region() -> None:
    result = compare(PASSAGES, DOCS, by="region")
    assert [g["group"] for g in result.groups] == ["Skåne", "Stockholm", UNKNOWN]
    skane = _cell(result.cells, "Skåne", "ppe")
    assert skane["passages"] == 3 and skane["words"] == 4000
    assert skane["per_1000"] == pytest.approx(0.75)
    low = stats.chi2.ppf(0.025, 6) / 2 / 4
    high = stats.chi2.ppf(0.975, 8) / 2 / 4
    assert (skane["per_1000_low"], skane["per_1000_high"]) == pytest.approx((low, high), abs=1e-4)
    assert (skane["documents"], skane["documents_coded"], skane["share_documents"]) == (2, 2, 1.0)
    stockholm = _cell(result.cells, "Stockholm", "ppe")
    assert stockholm["passages"] == 0 and stockholm["per_1000"] == 0.0 and stockholm["examples"] == []
    # themes default to those coded, sorted; every group × theme has a row
    assert result.settings["themes"] == ["ppe", "samverkan", "testing"]
    assert len(result.cells) == 3 * 3


def test_examples_are_the_best_scored_passage_ids() -> None:
    result = compare(PASSAGES, DOCS, by="region", examples=2)
    skane = _cell(result.cells, "Skåne", "ppe")
    assert skane["examples"] == ["a:0-27", "b:0-27"]  # scores 0.9 and 0.7, the 0.5 one left out
    for ref in skane["examples"]:
        doc_id, start, end = parse_ref(str(ref))
        assert any(p.doc_id == doc_id and p.start == start and p.end == end for p in PASSAGES)
    assert passage_ref("x:y", 1, 2) == "x:y:1-2" and parse_ref("x:y:1-2") == ("x:y", 1, 2)


def test_fixed_themes_keep_uncoded_themes_and_leave_out_others() -> None:
    result = compare(PASSAGES, DOCS, by="kind", themes=["ppe", "care_plans"])
    assert {r["theme"] for r in result.cells} == {"ppe", "care_plans"}
    plans = next(t for t in result.tests if t["theme"] == "care_plans")
    assert plans["method"] == "not tested" and plans["p_value"] is None and plans["p_adjusted"] is None
    assert all(r["passages"] == 0 for r in result.cells if r["theme"] == "care_plans")


def test_test_row_counts_documents_and_is_bh_adjusted() -> None:
    docs = [DocInfo(f"d{i}", region="Skåne" if i < 50 else "Stockholm", words=100) for i in range(100)]
    passages = [CodedPassage(f"d{i}", 0, 5, "x" * 5, "ppe") for i in range(100) if i < 30 or 50 <= i < 60]
    passages += [CodedPassage(f"d{i}", 0, 5, "x" * 5, "testing") for i in range(0, 100, 4)]
    result = compare(passages, docs, by="region")
    ppe = next(t for t in result.tests if t["theme"] == "ppe")
    expected = stats.chi2_contingency([[30, 20], [10, 40]], correction=False)
    assert ppe["method"] == "chi-square"
    assert ppe["p_value"] == pytest.approx(expected.pvalue, rel=1e-3)
    assert (ppe["units"], ppe["units_coded"]) == (100, 40)
    assert (ppe["highest_group"], ppe["highest_share"]) == ("Skåne", 0.6)
    raw = [t["p_value"] for t in result.tests]
    adjusted = stats.false_discovery_control(raw)
    assert [t["p_adjusted"] for t in result.tests] == pytest.approx(list(adjusted), rel=1e-3)


def test_two_keys_give_one_group_per_combination_with_key_columns() -> None:
    result = compare(PASSAGES, DOCS, by="region,half")
    groups = [(g["region"], g["half"]) for g in result.groups]
    assert groups == [("Skåne", "2020-H1"), ("Skåne", "2020-H2"), ("Stockholm", "2021-H1"), (UNKNOWN, UNKNOWN)]
    cell = _cell(result.cells, "Skåne × 2020-H2", "ppe")
    assert cell["passages"] == 1 and cell["words"] == 3000
    assert result.columns()["comparison"][:3] == ["region", "half", "group"]
    without = compare(PASSAGES, DOCS, by="region,half", include_unknown=False)
    assert all(UNKNOWN not in g["group"] for g in without.groups)
    assert any("unknown group value" in n for n in without.notes)


def test_periods_from_iso_dates() -> None:
    assert period("2020-03-15", "year") == "2020"
    assert period("2020-03-15", "half") == "2020-H1"
    assert period("2020-07", "half") == "2020-H2"
    assert period("2020-12-01", "quarter") == "2020-Q4"
    assert period("2020-04", "quarter") == "2020-Q2"
    assert period("2020-04-30", "month") == "2020-04"
    assert period("2020", "month") is None
    assert period("", "year") is None and period("2020-13", "month") is None


def test_speaker_keys_count_the_words_each_speaker_spoke() -> None:
    docs = [
        DocInfo("p1", words=1000, speakers={"Anna": 600, "Bo": 300}, speaker_roles={"Anna": "politiker"}),
        DocInfo("p2", words=500, speakers={"Bo": 500}),
    ]
    passages = [
        CodedPassage("p1", 0, 5, "x", "ppe", speaker="Anna"),
        CodedPassage("p1", 6, 9, "x", "ppe", speaker="Bo", speaker_role="tjänsteperson"),
        CodedPassage("p2", 0, 5, "x", "ppe", speaker="Bo"),
        CodedPassage("p1", 10, 12, "x", "ppe"),  # unattributed talk
    ]
    by_speaker = compare(passages, docs, by="speaker")
    bo = _cell(by_speaker.cells, "Bo", "ppe")
    assert (bo["passages"], bo["words"], bo["documents"], bo["documents_coded"]) == (2, 800, 2, 2)
    rest = _cell(by_speaker.cells, NO_SPEAKER, "ppe")
    assert (rest["passages"], rest["words"]) == (1, 100)  # 1000 words minus the 900 the speakers spoke
    by_role = compare(passages, docs, by="role")  # role learned from a passage where DocInfo lacks it
    assert {g["group"]: g["words"] for g in by_role.groups} == {
        "politiker": 600, "tjänsteperson": 800, NO_SPEAKER: 100}
    assert "speakers within documents" in by_role.tests[0]["note"]


def test_passages_outside_the_documents_and_duplicates_are_noted() -> None:
    extra = [*PASSAGES, _p("zzz", 0, 5, "ppe"), _p("a", 0, 27, "ppe", 0.95)]
    result = compare(extra, DOCS, by="region")
    assert _cell(result.cells, "Skåne", "ppe")["passages"] == 3
    assert _cell(result.cells, "Skåne", "ppe")["examples"][0] == "a:0-27"
    assert any("outside the comparison" in n for n in result.notes)
    assert any("duplicate" in n for n in result.notes)


def test_extra_metadata_can_be_a_group_key_and_typos_get_suggestions() -> None:
    docs = [DocInfo("a", words=10, extra={"party": "M"}), DocInfo("b", words=10, extra={"party": "S"})]
    result = compare([CodedPassage("a", 0, 1, "x", "t")], docs, by="party")
    assert [g["group"] for g in result.groups] == ["M", "S"]
    with pytest.raises(UserError) as err:
        parse_keys("regoin", docs)
    assert "Did you mean 'region'" in str(err.value)
    assert parse_keys("Region × Year") == ("region", "year")
    assert parse_keys(["region", "half-year"]) == ("region", "half")


def test_same_inputs_give_identical_tables() -> None:
    first = compare(PASSAGES, DOCS, by="region,quarter")
    second = compare(list(reversed(PASSAGES)), list(reversed(DOCS)), by="region,quarter")
    assert first.tables() == second.tables()


def test_cluster_tests_permute_whole_authors() -> None:
    docs = [DocInfo(f"a{i}", region="Gävleborg", words=100, extra={"author": "Beckman"}) for i in range(30)]
    docs += [DocInfo(f"g{i}", region="Gävleborg", words=100, extra={"author": f"G{i}"}) for i in range(4)]
    docs += [DocInfo(f"s{i}", region="Skåne", words=100, extra={"author": f"S{i // 6}"}) for i in range(30)]
    passages = [CodedPassage(f"a{i}", 0, 5, "x" * 5, "fordon") for i in range(30)]
    passages += [CodedPassage(f"s{i}", 0, 5, "x" * 5, "fordon") for i in range(0, 30, 6)]
    plain = compare(passages, docs, by="region").tests[0]
    clustered = compare(passages, docs, by="region", cluster="author", permutations=4000).tests[0]
    assert plain["method"] == "chi-square" and plain["p_value"] < 1e-6
    assert clustered["method"] == "cluster permutation" and clustered["p_value"] > 0.1
    assert "10 clusters" in clustered["note"]
    with pytest.raises(UserError, match="cannot cluster by 'speaker'"):
        compare(passages, docs, by="region", cluster="speaker")


def test_clustered_interval_is_as_wide_as_the_documents_differ() -> None:
    """21 passages from two documents: the Poisson interval treats them as independent; the bootstrap over
    documents does not, so the clustered interval is wider and contains both documents' own rates."""
    docs = [DocInfo("a", region="Skåne", words=1000), DocInfo("b", region="Skåne", words=1000),
            DocInfo("c", region="Örebro", words=1000)]
    passages = [CodedPassage("a", i, i + 1, "x", "ppe") for i in range(20)] + [CodedPassage("b", 0, 1, "x", "ppe")]
    result = compare(passages, docs, by="region")
    skane = _cell(result.cells, "Skåne", "ppe")
    assert skane["per_1000"] == pytest.approx(10.5)
    assert skane["per_1000_high"] < 17  # Poisson: tight
    assert skane["per_1000_low_clustered"] <= 1.0 and skane["per_1000_high_clustered"] >= 20.0
    assert (skane["clusters"], skane["clusters_coded"]) == (2, 2)
    again = compare(passages, docs, by="region")
    assert again.cells == result.cells  # seeded
    single = _cell(result.cells, "Örebro", "ppe")  # one document: no bootstrap, the Poisson interval stays
    assert (single["per_1000_low_clustered"], single["per_1000_high_clustered"]) == (
        single["per_1000_low"], single["per_1000_high"])


def test_clustered_intervals_and_counts_follow_the_cluster_field() -> None:
    docs = [DocInfo(f"d{i}", region="Skåne", words=100, extra={"author": "Anna" if i < 3 else f"B{i}"})
            for i in range(5)]
    passages = [CodedPassage(f"d{i}", 0, 5, "x", "ppe") for i in range(3)]
    result = compare(passages, docs, by="region", cluster="author")
    cell = _cell(result.cells, "Skåne", "ppe")
    assert (cell["documents"], cell["documents_coded"], cell["clusters"], cell["clusters_coded"]) == (5, 3, 3, 1)
    assert result.settings["intervals_over"] == "author"


def test_ties_are_named_as_ties_never_the_first_group_alphabetically() -> None:
    docs = [DocInfo(f"d{i}", region=r, words=100) for i, r in enumerate(
        ["Blekinge", "Dalarna", "Gotland", "Halland", "Skåne", "Skåne"])]
    passages = [CodedPassage("d4", 0, 5, "x", "ppe"), CodedPassage("d5", 0, 5, "x", "ppe"),
                CodedPassage("d3", 0, 5, "x", "ppe")]
    test = compare(passages, docs, by="region").tests[0]
    assert test["lowest_share"] == 0.0
    assert test["lowest_group"] == "tie: Blekinge, Dalarna, Gotland"
    assert test["highest_group"] == "tie: Halland, Skåne"
    many = [DocInfo(f"m{i}", region=f"R{i:02d}", words=100) for i in range(6)]
    test = compare([CodedPassage("m0", 0, 5, "x", "ppe")], many, by="region").tests[0]
    assert test["lowest_group"] == "tie of 5 groups: R01, R02, R03, …"
    assert test["highest_group"] == "R00"


def test_small_groups_are_never_named_highest_or_lowest() -> None:
    docs = [DocInfo("tiny", region="Gotland", words=100)] + [
        DocInfo(f"s{i}", region="Skåne", words=100) for i in range(6)] + [
        DocInfo(f"k{i}", region="Kalmar", words=100) for i in range(6)]
    passages = [CodedPassage("tiny", 0, 5, "x", "ppe"), CodedPassage("s0", 0, 5, "x", "ppe"),
                CodedPassage("s1", 0, 5, "x", "ppe"), CodedPassage("k0", 0, 5, "x", "ppe")]
    plain = compare(passages, docs, by="region").tests[0]
    assert plain["highest_group"] == "Gotland"  # one document coded out of one
    ranked = compare(passages, docs, by="region", min_documents=5).tests[0]
    assert (ranked["highest_group"], ranked["lowest_group"]) == ("Skåne", "Kalmar")
    assert "below the minimum size" in ranked["note"]


def test_clusters_by_default_when_authors_wrote_several_documents() -> None:
    from textsamverkan.analysis.compare import resolve_cluster

    docs = [DocInfo(f"d{i}", region="Skåne", words=100, extra={"author": "Anna" if i < 3 else "Bo"})
            for i in range(5)]
    assert resolve_cluster(None, docs, "region")[0] == "author"
    assert "clustered by author" in resolve_cluster(None, docs, "region")[1][0]
    assert resolve_cluster("none", docs, "region") == (None, [])
    assert resolve_cluster("party", docs, "region") == ("party", [])
    assert resolve_cluster(None, DOCS, "region") == (None, [])  # no authors: documents count apart
    assert resolve_cluster(None, docs, "author") == (None, [])  # grouping by author itself
    talk = [DocInfo("p1", words=10, speakers={"Anna": 10}), DocInfo("p2", words=10, speakers={"Anna": 10})]
    assert resolve_cluster(None, talk, "speaker_role")[0] == "speaker"


def test_documents_without_an_author_are_their_own_clusters() -> None:
    """Unknown authors are not one giant author: eight anonymous coded documents against eight uncoded ones
    by two authors is a clear difference, not one cluster against two."""
    docs = [DocInfo(f"g{i}", region="Gov", words=100) for i in range(8)] + [
        DocInfo(f"r{i}", region="Riks", words=100, extra={"author": f"A{i % 2}"}) for i in range(8)]
    passages = [CodedPassage(f"g{i}", 0, 5, "x", "ppe") for i in range(8)]
    test = compare(passages, docs, by="region", cluster="author").tests[0]
    assert test["method"] == "cluster permutation" and test["p_value"] < 0.05
