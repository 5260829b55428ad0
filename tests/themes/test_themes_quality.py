"""Quality against the development gold (../shared/gold/seed_themes.json) and the metric itself."""

from __future__ import annotations

import pytest

from paths import shared_path
from textsamverkan.segment.sentences import simple_sentences
from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.quality import (
    CORE_THEMES,
    Gold,
    GoldItem,
    Scores,
    evaluate,
    format_report,
    load_gold,
    plain_text_documents,
)
from textsamverkan.themes.types import ThemeHit


def test_scores_arithmetic() -> None:
    s = Scores(tp=3, fp=1, fn=2)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Scores(0, 0, 0).f1 == 0.0


def test_evaluate_counts_per_theme_and_ignores_codes_outside_the_gold() -> None:
    text = "Vi saknade munskydd. Vi testade personal. Inget här."
    sents = simple_sentences("d", text, [(0, len(text))])
    gold = Gold(
        {"ppe": "", "testing": ""},
        (
            GoldItem("d", "saknade munskydd", frozenset({"ppe"})),
            GoldItem("d", "testade personal", frozenset({"testing", "ppe"})),
            GoldItem("d", "Inget", frozenset()),
        ),
    )
    hits = [
        ThemeHit("d", sents[0].start, sents[0].end, "ppe", 1.0, "lexical"),
        ThemeHit("d", sents[1].start, sents[1].end, "testing", 1.0, "lexical"),
        ThemeHit("d", sents[2].start, sents[2].end, "testing", 0.9, "semantic"),
        ThemeHit("d", sents[2].start, sents[2].end, "governance", 1.0, "lexical"),  # not a gold theme
    ]
    report = evaluate(gold, {"d": text}, {"d": sents}, hits, core=("ppe",))
    assert report.per_theme["ppe"] == Scores(1, 0, 1)
    assert report.per_theme["testing"] == Scores(1, 1, 0)
    assert report.micro_core == Scores(1, 0, 1) and report.micro_all == Scores(2, 1, 1)
    assert len(report.errors) == 2
    assert "missed: ppe" in format_report(report)


def test_default_codebook_reaches_the_target_on_the_development_gold(default_codebook: Codebook) -> None:
    gold = load_gold(shared_path("gold", "seed_themes.json"))
    texts, sentences = plain_text_documents(shared_path("corpora", "seeds"))
    matcher = LexicalMatcher(default_codebook)
    hits = [h for doc in sentences.values() for h in code_sentences(doc, default_codebook, matcher=matcher)]
    report = evaluate(gold, texts, sentences, hits)
    assert set(CORE_THEMES) <= set(report.per_theme)
    assert report.micro_core.f1 >= 0.85, format_report(report)
    assert report.micro_all.f1 >= 0.85, format_report(report)
