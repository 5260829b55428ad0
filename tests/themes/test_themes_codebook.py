"""Codebook loading and validation: every error names the file and line, and the YAML round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.themes.codebook import Codebook, dump_codebook, parse_codebook
from textsamverkan.themes.codebook_files import load_codebook

REQUIRED_CODES = [
    "ppe", "testing", "care_plans", "sol_hsl", "infection_control", "physician_access", "information_transfer",
    "medicines", "capacity", "person_centred", "governance", "agreements", "competence", "prevention"
]

GOOD = """\
codebook: test
semantic:
  threshold: 0.8
codes:
  ppe:
    label_sv: Skyddsutrustning
    terms: [-skyddsutrustning-, munskydd]
    patterns:
      - {id: stock, all: [[lager], [munskydd]], window: 5}
    exemplars: [Det fanns inte munskydd.]
"""


def _error(text: str) -> UserError:
    with pytest.raises(UserError) as info:
        parse_codebook(text, source="cb.yaml")
    return info.value


def test_default_codebook_has_the_issue_codes_with_labels(default_codebook: Codebook) -> None:
    assert default_codebook.ids == REQUIRED_CODES
    for code in default_codebook.codes:
        assert code.label_sv and code.label_en and code.description, code.id
        assert code.terms or code.phrases or code.patterns, code.id
        assert code.exemplars, code.id
    assert default_codebook.semantic_model == "e5-small-sv"


def test_good_codebook_parses_rules() -> None:
    cb = parse_codebook(GOOD, source="cb.yaml")
    code = cb.code("ppe")
    assert [t.word for t in code.terms] == ["skyddsutrustning", "munskydd"]
    assert code.terms[0].head and code.terms[0].modifier and not code.terms[1].head
    assert code.patterns[0].id == "ppe/stock" and code.patterns[0].window == 5
    assert code.exemplars[0].id == "ppe/ex1"
    assert cb.threshold_for(code) == 0.8
    assert code.line == 5


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD.replace("    terms:", "    trems:"), 7, "unknown key 'trems'"),
        (GOOD.replace("[-skyddsutrustning-, munskydd]", "[-skyddsutrustning-, två ord]"), 7, "has a space"),
        (GOOD.replace("  threshold: 0.8", "  threshold: 3"), 3, "between -1.0 and 1.0"),
        (GOOD.replace("window: 5", "window: x"), 9, "must be a number"),
        (GOOD + "  ppe:\n    label_sv: igen\n", 11, "'ppe' appears twice"),
        (GOOD + "  Bad-Id:\n    label_sv: x\n", 11, "code id 'Bad-Id'"),
        (GOOD + "  other:\n    label_en: x\n", 11, "has no label_sv"),
        (GOOD + "  other:\n    label_sv: x\n    parent: pep\n", 11, "parent 'pep'"),
        (GOOD.replace("    terms:", "   terms:"), 7, "not valid YAML"),
        (GOOD.replace("[[lager], [munskydd]]", "[[lager], []]"), 9, "empty group"),
        ("codes: {}\n", 1, "no 'codebook:' name"),
        (GOOD.replace("[[lager], [munskydd]]", '[[lager], "@vård"]'), 9, "context '@vård'"),
    ],
)
def test_errors_give_file_and_line(text: str, line: int, fragment: str) -> None:
    err = _error(text)
    assert err.code == "E109"
    assert err.message.startswith(f"cb.yaml:{line}: "), err.message
    assert fragment in err.message
    assert err.hint


def test_a_named_context_is_written_out_where_a_pattern_uses_it() -> None:
    text = GOOD.replace("semantic:", "contexts:\n  care: [hemtjänst, -boende]\nsemantic:").replace(
        "[[lager], [munskydd]]", '[[lager], [skydd, "@care"]]'
    )
    cb = parse_codebook(text, source="cb.yaml")
    _lager, group_b = cb.code("ppe").patterns[0].groups
    assert [p.written for p in group_b] == ["skydd", "hemtjänst", "-boende"]
    assert parse_codebook(dump_codebook(cb)) == cb  # written back in full, without `contexts:`
    err = _error(text.replace('"@care"', '"@cara"'))
    assert "Did you mean 'care'?" in err.message


def test_a_patterns_own_not_words_keep_a_token_out_of_its_groups() -> None:
    """A pattern's `not:` list blocks the words it names, inflected, from its groups; other words of the same compound
    still count, and the list is written back."""
    from textsamverkan.segment.sentences import simple_sentences
    from textsamverkan.themes.matcher import LexicalMatcher

    pattern = "[[-utbildning-], [personal]], not: [utbildningsminister]}"
    text = GOOD.replace("[[lager], [munskydd]], window: 5}", pattern)
    cb = parse_codebook(text, source="cb.yaml")
    assert [t.word for t in cb.code("ppe").patterns[0].not_terms] == ["utbildningsminister"]
    assert parse_codebook(dump_codebook(cb)) == cb
    matcher = LexicalMatcher(cb)

    def coded(sentence: str) -> bool:
        (s,) = simple_sentences("d", sentence, [(0, len(sentence))])
        return "ppe" in matcher.match(s)

    assert coded("Personalen fick en utbildning i hygien.")
    assert coded("Personalen fick en hygienutbildning.")
    assert not coded("Personalen frågade utbildningsministern.")
    assert not coded("Personalen frågade utbildningsministrarna.")
    assert coded("Personalen frågade utbildningsministern om utbildningen.")  # another word still counts


def test_close_key_names_are_suggested() -> None:
    err = _error(GOOD.replace("    terms:", "    term:"))
    assert "Did you mean 'terms'?" in err.message


def test_missing_file_is_e101(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        load_codebook(tmp_path / "none.yaml")
    assert info.value.code == "E101"


def test_yaml_round_trip_of_the_default(default_codebook: Codebook, tmp_path: Path) -> None:
    path = tmp_path / "cb.yaml"
    path.write_text(dump_codebook(default_codebook), encoding="utf-8")
    again = load_codebook(path)
    assert again == default_codebook
    assert again.codes == default_codebook.codes
