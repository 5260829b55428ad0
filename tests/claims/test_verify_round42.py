"""Round 42 of the claim verifier: two things of one kind swapped across clauses ("förkläden räckte, visiren tog
slut" against the other way round), not a list said in another order; an amount in a measuring unit ("fyra gånger")
cannot hold one that names what it counts ("fyra tjänster") where the evidence counts that thing; all of something
against a share of it below the whole ("alla boende" against "andelen boende … 78 procent"); one thing alone against
the evidence's "även" ("endast i glesbygd" against "även i glesbygd"); and a part said with "en del av" or "ett
urval av" against all of it."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict

from textsamverkan.claims.reasons.numbers import compare_numbers
from textsamverkan.claims.reasons.roles import compare_roles


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Förkläden: räckte. Visir: slut två gånger i januari.",
         "Visir hade vi så det räckte, men förklädena tog slut två gånger i januari.", "contradicted"),
        ("Förkläden tog slut två gånger i januari, men visir räckte.",
         "Visir hade vi så det räckte, men förklädena tog slut två gånger i januari.", "supported"),
        ("Läkaren kom på måndagen, medan sjuksköterskan ringde på tisdagen.",
         "Sjuksköterskan kom på måndagen, medan läkaren ringde på tisdagen.", "contradicted"),
        ("Personalen kan utbilda sig till undersköterska eller vårdbiträde på arbetstid.",
         "Personalen kan utbilda sig till vårdbiträde eller undersköterska på arbetstid.", "supported"),
    ],
)  # fmt: skip
def test_things_of_one_kind_swapped_across_clauses(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


def test_the_swap_names_both_sides() -> None:
    outcome = compare_roles("Förkläden: räckte. Visir: slut.", "Visir räckte, men förklädena tog slut.")
    assert outcome.conflict == [("Förkläden … räckte", "Visir … räckte")]
    days = compare_roles(
        "På måndagar får hon hjälp med duschen, på torsdagar med städningen.",
        "På torsdagar får hon hjälp med duschen, och på måndagar med städningen.",
    )
    assert days.conflict == [("måndagar … duschen", "torsdagar … duschen")]


def test_a_count_of_occasions_holds_no_count_of_posts() -> None:
    outcome = compare_numbers(
        "Fyra tjänster har varit vakanta sedan sommaren.",
        "Vi har tre sjukskötersketjänster vakanta sedan i somras och har annonserat fyra gånger.",
    )
    assert outcome.conflict == [("4", "3")]
    # the same unit on both sides still holds: "61 procent" is in "från 61 till 78 procent"
    shares = compare_numbers("Nu 78 procent av de boende, mot 61 procent förra året.",
                             "Andelen boende har ökat från 61 till 78 procent sedan förra året.")  # fmt: skip
    assert not shares.conflict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Nu har alla boende en namngiven läkare.",
         "Andelen boende med en namngiven läkare har ökat från 61 till 78 procent.", "contradicted"),
        ("Nu har alla boende en namngiven läkare.",
         "Andelen boende med en namngiven läkare är nu 100 procent.", "supported"),
        ("Stödet ska tryggas endast i glesbygd.", "Stödet ska tryggas även i glesbygd.", "contradicted"),
        ("Stödet ska tryggas endast i glesbygd.", "Stödet ska tryggas i glesbygd men inte i städerna.", "supported"),
        ("Snabbtest togs bara av ett urval av dem som kom från sjukhuset.",
         "Vi tog snabbtest på alla som kom från sjukhuset.", "contradicted"),
        ("Hembesök görs hos en del av dem som fyller 75.", "Alla som fyller 75 får ett hembesök.", "contradicted"),
        ("Hembesök görs hos en del av dem som fyller 75.", "Några som fyller 75 får ett hembesök.", "supported"),
    ],
)  # fmt: skip
def test_a_whole_against_a_share_and_alone_against_also(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
