"""Representative example quotes: the most typical first, spread over documents."""

from __future__ import annotations

from textsamverkan.analysis.examples import representative_passages, typicality
from textsamverkan.analysis.types import CodedPassage


def _p(doc: str, start: int, quote: str, score: float = 1.0) -> CodedPassage:
    return CodedPassage(doc, start, start + len(quote), quote, "ppe", score)


def test_one_passage_per_document_before_a_second_from_any() -> None:
    fisheries = [_p("eu", i * 100, f"Skyddsutrustning för fiskare på fartyg nummer {i}") for i in range(6)]
    others = [_p("kommun", 0, "Kommunen saknade skyddsutrustning i hemtjänsten"),
              _p("region", 0, "Regionen delade ut skyddsutrustning till hemtjänsten")]
    picked = representative_passages([*fisheries, *others], limit=5)
    assert len(picked) == 5
    assert {p.doc_id for p in picked[:3]} == {"eu", "kommun", "region"}
    assert sum(p.doc_id == "eu" for p in picked) == 3


def test_most_typical_first_and_deterministic() -> None:
    passages = [
        _p("a", 0, "Brist på skyddsutrustning i äldreomsorgen"),
        _p("b", 0, "Skyddsutrustning saknades i äldreomsorgen under våren"),
        _p("c", 0, "Visir"),
        _p("d", 0, "Äldreomsorgen fick skyddsutrustning sent"),
    ]
    scores = typicality(passages)
    assert scores[2] == min(scores)  # the odd one out
    picked = representative_passages(passages, limit=4)
    assert picked[-1].doc_id == "c"
    assert picked == representative_passages(list(reversed(passages)), limit=4)
    assert representative_passages([], limit=3) == []
