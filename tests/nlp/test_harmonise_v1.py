"""The Talbanken v1 → v2 harmonisation rules that decide which annotation conventions the bundled model learns."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from typing import Any

from paths import REPO

sys.path.insert(0, str(REPO / "scripts" / "nlp"))
conllu: Any = importlib.import_module("conllu")  # scripts/nlp/conllu.py
harmonise_v1: Any = importlib.import_module("harmonise_v1")


def sentence(rows: list[tuple[str, str, str, int, str]]) -> Any:
    """A CoNLL-U sentence from (form, UPOS, XPOS, head, deprel) tuples."""
    return conllu.Sentence(
        rows=[[str(i), f, "_", u, x, "_", str(h), d, "_", "_"] for i, (f, u, x, h, d) in enumerate(rows, 1)]
    )


def labels(s: Any) -> list[tuple[str, str, int, str]]:
    return [(r[1], r[3], int(r[6]), r[7]) for r in s.words]


def v2_reference() -> list[Any]:
    """A tiny stand-in for the v2 data: 'andra' is an adjectival modifier, particles are adverbs."""
    return [
        sentence([("andra", "ADJ", "JJ", 2, "amod"), ("länder", "NOUN", "NN", 0, "root")]),
        sentence([("andra", "ADJ", "JJ", 2, "amod"), ("människor", "NOUN", "NN", 0, "root")]),
        sentence([("andra", "ADJ", "JJ", 2, "amod"), ("regioner", "NOUN", "NN", 0, "root")]),
        *[sentence([("gick", "VERB", "VB", 0, "root"), ("ut", "ADV", "PL", 1, "compound:prt")]) for _ in range(3)],
    ]


def test_negation_subjunction_and_infinitive_marker_follow_v2() -> None:
    # "När han inte kom för att hjälpa, gick vi ut" in v1 style
    s = sentence([
        ("När", "ADV", "HA", 4, "advmod"),
        ("han", "PRON", "PN", 4, "nsubj"),
        ("inte", "ADV", "AB", 4, "advmod"),
        ("kom", "VERB", "VB", 10, "advcl"),
        ("för", "ADP", "PP", 7, "case"),
        ("att", "PART", "IE", 7, "mark"),
        ("hjälpa", "VERB", "VB", 4, "advcl"),
        (",", "PUNCT", "MID", 10, "punct"),
        ("vi", "PRON", "PN", 10, "nsubj"),
        ("gick", "VERB", "VB", 0, "root"),
        ("ut", "ADP", "PL", 10, "compound:prt"),
    ])
    stats = harmonise_v1.harmonise([s], v2_reference())
    got = labels(s)
    assert got[0] == ("När", "SCONJ", 4, "mark")
    assert got[2] == ("inte", "PART", 4, "advmod")
    assert got[4] == ("för", "ADP", 7, "mark")
    assert got[10] == ("ut", "ADV", 10, "compound:prt")  # re-keyed from the v2 (form, relation) evidence
    assert stats["sentence restored (not a tree)"] == 0


def test_fixed_expressions_are_analysed_word_by_word() -> None:
    # "på grund av kriget ökade den här kostnaden"
    s = sentence([
        ("på", "ADP", "PP", 4, "case"),
        ("grund", "NOUN", "NN", 1, "fixed"),
        ("av", "ADP", "PP", 1, "fixed"),
        ("kriget", "NOUN", "NN", 5, "obl"),
        ("ökade", "VERB", "VB", 0, "root"),
        ("den", "DET", "DT", 8, "det"),
        ("här", "ADV", "AB", 6, "fixed"),
        ("kostnaden", "NOUN", "NN", 5, "nsubj"),
    ])
    harmonise_v1.harmonise([s], v2_reference())
    got = labels(s)
    assert got[1] == ("grund", "NOUN", 5, "obl")  # the noun heads the phrase
    assert got[0] == ("på", "ADP", 2, "case")
    assert got[2] == ("av", "ADP", 4, "case")
    assert got[3] == ("kriget", "NOUN", 2, "nmod")
    assert got[6] == ("här", "ADV", 8, "advmod")  # modifies the noun, not the determiner
    assert not any(d == "fixed" for *_, d in got)


def test_adjectival_quantifier_and_comparative_than() -> None:
    # "andra regioner har mer än 30 vårdcentraler"
    s = sentence([
        ("andra", "DET", "DT", 2, "det"),
        ("regioner", "NOUN", "NN", 3, "nsubj"),
        ("har", "VERB", "VB", 0, "root"),
        ("mer", "ADV", "AB", 6, "advmod"),
        ("än", "CCONJ", "KN", 4, "fixed"),
        ("30", "NUM", "RG", 7, "nummod"),
        ("vårdcentraler", "NOUN", "NN", 3, "obj"),
    ])
    stats = harmonise_v1.harmonise([s], v2_reference())
    got = labels(s)
    assert got[0] == ("andra", "ADJ", 2, "amod")
    assert got[4] == ("än", "SCONJ", 6, "case")
    assert stats == Counter({"det→amod": 1, "mer än": 1})


def test_a_sentence_that_is_not_a_tree_after_the_rules_is_left_as_it_was() -> None:
    # a malformed tree (a cycle, no root): the rules fire, the result is no tree, so the sentence is restored
    s = sentence([
        ("på", "ADP", "PP", 4, "case"),
        ("grund", "NOUN", "NN", 1, "fixed"),
        ("av", "ADP", "PP", 1, "fixed"),
        ("kriget", "NOUN", "NN", 2, "obl"),
    ])
    before = labels(s)
    stats = harmonise_v1.harmonise([s], v2_reference())
    assert stats["sentence restored (not a tree)"] == 1
    assert labels(s) == before


def test_cleft_makes_the_focused_phrase_the_head() -> None:
    # "Det är inte varje dag som du erbjuds" (v1: är heads, the predicate is `dep`)
    s = sentence([
        ("Det", "PRON", "PN", 2, "nsubj"),
        ("är", "VERB", "VB", 0, "root"),
        ("inte", "ADV", "AB", 2, "advmod"),
        ("varje", "DET", "DT", 5, "det"),
        ("dag", "NOUN", "NN", 2, "dep"),
        ("som", "PRON", "HP", 8, "nsubj:pass"),
        ("du", "PRON", "PN", 8, "nsubj"),
        ("erbjuds", "VERB", "VB", 5, "acl:relcl"),
    ])
    harmonise_v1.harmonise([s], v2_reference())
    got = labels(s)
    assert got[4] == ("dag", "NOUN", 0, "root")
    assert got[1] == ("är", "AUX", 5, "cop")
    assert got[0] == ("Det", "PRON", 5, "expl")
    assert got[2] == ("inte", "PART", 5, "advmod")
    assert got[7] == ("erbjuds", "VERB", 5, "acl:cleft")
