"""The fast paths of evidence ranking find what the full comparison finds: a word is still found by any of its
forms (a synonym, a particle verb, a compound part's synonym) after the first-letters screen, the cheap sentence
overlap counts per sentence, and the coverage ranking uses is the verdict's content share."""

from __future__ import annotations

import pytest

from textsamverkan.claims.evidence import _shortlist, best_evidence, overlap, sentences
from textsamverkan.claims.reasons.content import compare_content, content_coverage, content_words, keys, match


@pytest.mark.parametrize(
    ("statement_word", "evidence", "found"),
    [
        ("granskade", "Inspektionen undersökte boendet.", 1.0),  # a synonym with other first letters
        ("stämde av", "Vi gjorde en avstämning varje vecka.", 1.0),  # particle + stem
        ("delrapport", "Regeringen fick en delredovisning i maj.", 1.0),  # a compound part's synonym
        ("e-tjänsten", "Etjänsten öppnade i går.", 1.0),  # a hyphen within the first letters
        ("kris-", "Kommunen gav krisstöd till alla.", 1.0),  # a modifier shared in a list
        ("intensivvårdsplatser", "Antalet IVA-platser ökade.", 0.5),  # the head alone
        ("handsprit", "Boendet fick nya förkläden i veckan.", 0.0),
    ],
)
def test_words_found_by_any_form(statement_word: str, evidence: str, found: float) -> None:
    word = content_words(statement_word)[0]
    assert match(word, keys(evidence)) == found


def test_coverage_is_the_verdicts_content_share() -> None:
    statement = "Regionen granskade hemtjänstens rutiner för handsprit under hösten."
    evidence = "Under hösten undersökte regionen hur hemtjänsten följde sina rutiner."
    outcome, share = compare_content(statement, evidence)
    words, coverage = content_coverage(statement, evidence)
    assert (words, coverage) == (len(outcome.found) + len(outcome.missing), share)
    assert 0.0 < coverage < 1.0


PASSAGE = (
    "Mötet öppnades klockan nio. Ordföranden hälsade alla välkomna. Protokollet från förra mötet lades till "
    "handlingarna. Regionen har köpt 4 000 munskydd till hemtjänsten i Kiruna. Leveransen kom i mars. Därefter "
    "diskuterades budgeten. Mötet avslutades klockan elva."
)


def test_cheap_overlap_and_shortlist_read_each_sentence() -> None:
    statement = "Hemtjänsten i Kiruna fick 4 000 munskydd av regionen."
    spans = sentences(PASSAGE)
    assert len(spans) == 7
    assert overlap(statement, PASSAGE) == 1.0  # every word and the digits are in the fourth sentence
    assert 3 in _shortlist(statement, PASSAGE, spans)
    assert best_evidence(statement, PASSAGE).quote == "Regionen har köpt 4 000 munskydd till hemtjänsten i Kiruna."
    assert overlap("Eleverna i Umeå fick nya datorer.", PASSAGE) == 0.0
