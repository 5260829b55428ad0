"""Round 46 of the claim verifier: the times of the day and the week ("en morgon" is not "en kväll", "på helgerna"
not "på vardagarna"), "i vår" ending a clause is the spring, a school term is a period of how often ("två gånger
varje år" is not "två gånger per termin"), "drar ner" against "skalas upp", and calm against worried."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.reasons.dates import dates


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("En morgon ringde de från boendet och frågade om pappa.",
         "De ringde från boendet en kväll och frågade om pappa.", NOT_SUPPORTED),
        ("En kväll ringde de från boendet och frågade om pappa.",
         "De ringde från boendet en kväll och frågade om pappa.", "supported"),
        ("Sjuksköterskan ska vara nåbar dagtid på helger.", "Sjuksköterskan ska vara nåbar dagtid på vardagar.",
         NOT_SUPPORTED),
        ("Så här får du vaccin nu i vår, liksom.", "Så blir du vaccinerad i vinter", "contradicted"),
        ("Ombuden träffar hygiensjuksköterskan två gånger varje år.",
         "Ombuden träffar hygiensjuksköterskan två gånger per termin.", "contradicted"),
        ("Ombuden träffar hygiensjuksköterskan två gånger per termin.",
         "Ombuden träffar hygiensjuksköterskan två gånger varje termin.", "supported"),
        ("Utredaren ska föreslå hur man snabbt drar ner provtagningen vid ett utbrott.",
         "Utredaren ska föreslå hur provtagningen snabbt ska kunna skalas upp vid ett utbrott.", "contradicted"),
        ("Hon blir orolig när någon sjunger för henne, och då behövs inget lugnande.",
         "Hon blir lugn när någon sjunger för henne, och då behövs inga lugnande.", "contradicted"),
        ("Hon blir lugn när någon sjunger, och då behövs inget lugnande.",
         "Hon blir lugn när någon sjunger för henne, och då behövs inga lugnande.", "supported"),
    ],
)  # fmt: skip
def test_verdicts_of_round_46(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


def test_a_word_after_than_is_no_antonym_of_its_o_word() -> None:
    # "tröttare än vanligt" is "ovanligt trött": what it is compared with, not "vanligt" against "ovanligt"
    assert_verdict("Hon är ovanligt trött på kvällarna.", "Hon är tröttare än vanligt på kvällarna.", "supported")
    assert_verdict("Det är ovanligt att någon ringer på kvällarna.", "Det är vanligt att någon ringer på kvällarna.",
                   "contradicted")  # fmt: skip


def test_i_var_is_the_spring_only_where_it_ends_a_clause() -> None:
    assert [d.get() for d in dates("Vi vaccinerar nu i vår, liksom.")] == [{"season": "vår"}]
    assert dates("Det gäller i vår kommun.") == ()
