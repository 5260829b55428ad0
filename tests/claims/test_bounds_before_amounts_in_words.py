"""A bound before an amount said in words ("max en timme", "understiger hälften") is read as the parser reads a bound
before a number: the same list of words, "max" as "högst", a denied "fler än" as "högst"."""

from __future__ import annotations

from textsamverkan.claims.reasons.numbers import amounts, compare_numbers


def test_max_against_minst_before_an_hour_in_words_conflicts() -> None:
    outcome = compare_numbers("Barn bör spendera minst en timme framför skärmen.", "Barn bör spendera max en timme.")
    assert outcome.conflict == [("minst en timme", "max en timme")]
    assert compare_numbers("De får högst en timme.", "De får max en timme.").found == ["högst en timme"]


def test_a_bound_before_a_fraction_is_read_as_a_bound() -> None:
    (under,) = amounts("Andelen understiger hälften.")
    assert (under.value, under.approx, under.text) == (50.0, "under", "understiger hälften")
    (denied,) = amounts("Det var inte fler än hälften som svarade.")
    assert denied.approx == "högst"  # "inte fler än hälften" is at most half
    (about,) = amounts("ungefär en tredjedel av dem")
    assert about.approx == "ungefär"
