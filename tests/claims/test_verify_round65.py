"""Round 65 of the claim verifier: a thing the statement gives to one public actor in the genitive ("kommunernas
förråd") that the evidence gives only to another ("regionens förråd") is a role conflict."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Enligt avtalet handlar regionen ur kommunernas förråd.",
         "Avtalet säger att kommunerna köper ur regionens förråd.", "contradicted"),
        ("Vid brist tar kommunen ur regionens eget beredskapslager.",
         "Om det blir brist kan kommunen ta ur regionens beredskapslager.", "supported"),
        ("Vid brist tar kommunen ur kommunens eget beredskapslager.",
         "Om det blir brist kan kommunen ta ur regionens beredskapslager.", "contradicted"),
    ],
)
def test_a_thing_given_to_another_owner(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
