"""annotate_text with the real bundled models: span invariants, region and line boundaries, heads, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.ingest.normalise import normalise
from textsamverkan.ingest.structure import content_blocks, find_blocks
from textsamverkan.model import Span
from textsamverkan.nlp.annotate import annotate_many, annotate_text
from textsamverkan.nlp.types import NlpBackend
from textsamverkan.segment.sentences import pieces_of

REPO = Path(__file__).resolve().parents[2]
SEED_SLIDES = REPO / "corpora" / "seeds" / "003_2b81f077c595e7d3.txt"

TEXT = (
    "Skyddsutrustning\n"
    "Smittskyddsläkarna i Region Stockholm varnade bl.a. för brist på testutrustning. "
    "Hemsjukvårdsläkare saknas t.ex. i Skåne.\n"
    "- Fler tester\n"
    "- Bättre skydd"
)


def regions_of(text: str) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in content_blocks(find_blocks(text))]


def seed_text() -> str:
    return normalise(SEED_SLIDES.read_text(encoding="utf-8")).text


def tokens(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.layer == "token"]


def sentences(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.layer == "sentence"]


def check_invariants(text: str, regions: list[tuple[int, int]], spans: list[Span], with_heads: bool) -> None:
    toks = tokens(spans)
    sents = sentences(spans)
    assert toks and sents
    for tok in toks:
        assert text[tok.start : tok.end].strip() == text[tok.start : tok.end] != ""
        assert tok.label == tok.attrs["lemma"]
        assert tok.attrs["upos"]
        assert any(s.contains(tok) for s in sents)
        head = tok.attrs["head"]
        if with_heads:
            assert isinstance(head, int) and 0 <= head < len(toks)
            assert any(s.contains(tok) and s.contains(toks[head]) for s in sents)  # heads stay in the sentence
        else:
            assert head is None and tok.attrs["dep"] == ""
    for sent in sents:
        assert any(start <= sent.start and sent.end <= end for start, end in regions)  # never crosses a region
        assert "\n" not in text[sent.start : sent.end]  # never crosses a line
    starts = [t.start for t in toks]
    assert starts == sorted(starts)


@pytest.mark.parametrize("fixture", ["spacy_default", "spacy_parser", "stanza_bundled"])
def test_seed_document_invariants(fixture: str, request: pytest.FixtureRequest) -> None:
    backend: NlpBackend = request.getfixturevalue(fixture)
    text = seed_text()
    regions = regions_of(text)
    spans = annotate_text(text, regions, backend)
    check_invariants(text, regions, spans, with_heads=fixture == "spacy_parser")
    for span in spans:
        assert span.attrs["backend"] == backend.info.backend
        assert span.attrs["model"] == f"{backend.info.model}@{backend.info.version}"


@pytest.mark.parametrize("fixture", ["spacy_default", "stanza_bundled"])
def test_headings_and_bullets_without_punctuation_are_sentences(fixture: str, request: pytest.FixtureRequest) -> None:
    backend: NlpBackend = request.getfixturevalue(fixture)
    spans = annotate_text(TEXT, [(0, len(TEXT))], backend)  # one region: the line breaks alone must split
    quotes = [TEXT[s.start : s.end] for s in sentences(spans)]
    assert quotes[0] == "Skyddsutrustning"
    assert quotes[-2:] == ["- Fler tester", "- Bättre skydd"]
    assert "Smittskyddsläkarna i Region Stockholm varnade bl.a. för brist på testutrustning." in quotes
    assert "bl.a." in [TEXT[t.start : t.end] for t in tokens(spans)]  # the abbreviation is one token


def test_regions_bound_sentences_and_the_rest_of_the_text_is_ignored(spacy_default: NlpBackend) -> None:
    text = "Första meningen utan punkt Andra delen fortsätter här. Ignorerad text."
    cut = text.index("Andra")
    regions = [(0, cut - 1), (cut, text.index(" Ignorerad"))]
    spans = annotate_text(text, regions, spacy_default)
    quotes = [text[s.start : s.end] for s in sentences(spans)]
    assert quotes == ["Första meningen utan punkt", "Andra delen fortsätter här."]
    assert all(t.end <= regions[-1][1] for t in tokens(spans))


def test_head_indices_point_into_the_returned_token_list(spacy_parser: NlpBackend) -> None:
    text = "Regionen köper skyddsutrustning.\nKommunen ansvarar för hemtjänsten."
    spans = annotate_text(text, regions_of(text), spacy_parser)
    toks = tokens(spans)
    words = [text[t.start : t.end] for t in toks]
    roots = [words[i] for i, t in enumerate(toks) if toks[t.attrs["head"]] is t]
    assert roots == ["köper", "ansvarar"]  # one root per sentence, pointing to itself
    assert words[toks[words.index("Kommunen")].attrs["head"]] == "ansvarar"


def test_annotate_many_equals_one_by_one(spacy_default: NlpBackend) -> None:
    docs = [(TEXT, [(0, len(TEXT))]), ("", []), ("Vården i Halland.", [(0, 17)])]
    together = list(annotate_many(docs, spacy_default, chunk=2))
    assert together == [annotate_text(t, r, spacy_default) for t, r in docs]
    assert together[1] == []


def test_bad_regions_are_refused() -> None:
    with pytest.raises(UserError) as err:
        pieces_of("kort text", [(0, 50)])
    assert err.value.code == "E301"
    with pytest.raises(UserError):
        pieces_of("en lite längre text", [(0, 10), (5, 12)])
