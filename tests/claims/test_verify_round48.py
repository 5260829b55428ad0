"""Round 48 of the claim verifier: one thing chosen over another ("via luft och inte via händer" against "händerna
och inte luften"), a list's compound named by its head after "bara" ("bara sköterskorna" against "sjuksköterskor,
arbetsterapeuter och fysioterapeuter"), and a contact person as one of the people around a patient."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.reasons.order import ordered_pairs


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Det mesta sprids via luft och inte via händer.",
         "Det är händerna och inte luften som sprider det mesta.", "contradicted"),
        ("Det mesta sprids via händer och inte via luft.",
         "Det är händerna och inte luften som sprider det mesta.", "supported"),
        ("Hemma kan bara sköterskorna från kommunen ge dig vården.",
         "Hemma kan kommunens sjuksköterskor, arbetsterapeuter och fysioterapeuter ge dig vården.", NOT_SUPPORTED),
        ("Hemma kan sköterskorna från kommunen ge dig vården.",
         "Hemma kan kommunens sjuksköterskor ge dig vården.", "supported"),
        ("Läkaren skriver genomförandeplanen med den boende.",
         "Kontaktpersonen skriver genomförandeplanen med den boende.", NOT_SUPPORTED),
    ],
)  # fmt: skip
def test_verdicts_of_round_48(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


def test_one_thing_in_two_forms_is_one_thing_in_an_order() -> None:
    # the lemmatiser reads "händer" as the verb "hända" and "händerna" as "hand": the order still pairs them
    assert ordered_pairs("via luft och inte via händer")[0][:2] == ("händer", "luft")
    assert ordered_pairs("händerna och inte luften")[0][:2] == ("luften", "händerna")
