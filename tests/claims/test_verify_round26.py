"""Round 26 of the claim verifier: an evaluative word swapped for its opposite in the same place (the valence
lexicon), "varken" listing what an earlier cue denies, the points of the compass as antonyms, "flertalet" as a part."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.cues import negations
from textsamverkan.claims.reasons.valence import compare_valence
from textsamverkan.claims.verdict import judge_evidence
from textsamverkan.nlp.valence import valence


def test_the_valence_lexicon_is_bundled_with_signed_values() -> None:
    table = valence()
    assert len(table) > 5000
    assert table["katastrof"] < -1 < 1 < table["fredlig"]


@pytest.mark.parametrize(
    ("statement", "evidence", "pair"),
    [
        (
            "Att vägnätet förfaller är något som gynnar de människor som lever i den delen av landet.",
            "Att man låter vägnätet förfalla är en katastrof för de människor som lever i den här delen av landet.",
            ("gynnar", "katastrof"),
        ),
        (
            "Han riskerar fängelse för att han organiserat våldsamma demonstrationer.",
            "Han riskerar fängelse enbart för att han organiserat fredliga demonstrationer.",
            ("våldsamma", "fredliga"),
        ),
    ],
)
def test_an_evaluative_word_against_its_opposite_in_the_same_place_conflicts(
    statement: str, evidence: str, pair: tuple[str, str]
) -> None:
    assert compare_valence(statement, evidence).conflict == [pair]
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and reasons["conflict"]["antonym"] == [list(pair)]


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        # the same valence said another way
        (
            "Samarbetet med kommunen har fungerat bra enligt personalen.",
            "Samarbetet med kommunen har fungerat utmärkt enligt personalen.",
        ),
        # a denied word is the negation check's: "inte bra" says "dålig"
        ("Samarbetet med kommunen var inte bra under våren.", "Samarbetet med kommunen var dåligt under våren."),
        # "fast" (although) and "trots" (despite) are not the lexicon's "fast" and "trots"
        (
            "Det här hände fast Sverige redan har ett förbud mot blyhagel vid jakt.",
            "Detta skedde trots att Sverige redan har ett förbud mot blyhagel vid jakt.",
        ),
        # an opposite word elsewhere in the evidence, not in the statement word's place
        (
            "Regionen har gjort en bra insats för de äldre i hemtjänsten.",
            "Regionen har gjort en insats för de äldre i hemtjänsten, trots en dålig start.",
        ),
    ],
)
def test_no_conflict_without_an_opposite_in_the_same_place(statement: str, evidence: str) -> None:
    assert compare_valence(statement, evidence).conflict == []


def test_varken_lists_what_an_earlier_cue_denies() -> None:
    assert negations("Inget land har avslutat samarbetet, varken USA, Nederländerna eller Tyskland.") == ("Inget",)
    assert negations("Varken regionen eller kommunen tog ansvar.") == ("Varken",)
    assert negations("Det fanns ingen plan. Varken regionen eller kommunen tog ansvar.") == ("ingen", "Varken")
    statement = "Inget land har hittills avslutat sitt samarbete med organisationen, varken USA eller Tyskland."
    evidence = "Land efter land, nu senast USA och Tyskland, avslutar sina samarbeten med organisationen."
    assert judge_evidence(statement, evidence)[0] == "contradicted"


def test_the_points_of_the_compass_are_antonyms() -> None:
    evidence = "Politikerna går till angrepp mot hastighetssänkningarna på vägnätet norr om Dalälven."
    verdict, _c, reasons = judge_evidence(
        "Politikerna angriper hastighetssänkningarna på vägnätet söder om Dalälven.", evidence
    )
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["söder", "norr"]]
    assert judge_evidence("Politikerna angriper hastighetssänkningarna på vägnätet norr om Dalälven.", evidence)[0] == (
        "supported"
    )


def test_flertalet_is_a_part_against_every_one() -> None:
    evidence = "Flertalet kvinnliga spelutvecklare har upplevt sig diskriminerade i branschen."
    statement = "Varenda kvinnlig spelutvecklare har upplevt sig diskriminerad i branschen."
    assert judge_evidence(statement, evidence)[0] == "contradicted"


def test_an_authority_by_its_short_name_is_found_under_its_full_name() -> None:
    statement = "Den största gruppering som Säpo bevakar är den våldsbejakande islamistiska miljön."
    evidence = "Den största av de grupperingar som Säkerhetspolisen bevakar är den våldsbejakande islamistiska miljön."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported" and "Säpo" in reasons["found"]["entity"]
    elsewhere = "Den största av de grupperingar som Folkhälsomyndigheten bevakar är den islamistiska miljön."
    assert "Säpo" in judge_evidence(statement, elsewhere)[2].get("missing", [])


def test_a_decade_is_no_year_and_may_be_written_short() -> None:
    from textsamverkan.claims.reasons.dates import compare_dates

    evidence = "Sedan början av 90-talet har båda lagarna ändrats på flera punkter."
    found = compare_dates("Från början av 1990-talet har båda lagarna ändrats.", evidence).found
    assert found == ["början av 1990-talet"]
    assert compare_dates("Från början av 1980-talet har båda lagarna ändrats.", evidence).conflict
    assert compare_dates("Sedan 1990 har båda lagarna ändrats.", evidence).found == []


def test_slutet_pa_a_month_is_slutet_av_it() -> None:
    from textsamverkan.claims.reasons.dates import compare_dates

    assert compare_dates("Säpo rapporterade i slutet av maj.", "I slutet på maj månad rapporterade Säpo.").found
