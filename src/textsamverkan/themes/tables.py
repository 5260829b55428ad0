"""Rows for theme_passages.csv and theme_summary.csv, computed from hits, document metadata and speaker turns.

Pure functions over plain inputs, so the CLI (or a notebook) decides where rows go. Every passage row carries
document, start, end and the exact quote; summary rows count coded sentences ("passages"), their words and
distinct speakers per theme and document, and per theme and region.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textsamverkan.analysis.types import DocInfo
from textsamverkan.themes.types import ThemeHit

PASSAGE_COLUMNS = (
    "document",
    "corpus",
    "region",
    "organisation",
    "kind",
    "speaker",
    "theme",
    "start",
    "end",
    "quote",
    "score",
    "method",
    "evidence",
)
SUMMARY_COLUMNS = ("level", "key", "theme", "documents", "passages", "model_passages", "words", "speakers")
_WORD = re.compile(r"\w+")

Row = dict[str, str | int | float]


@dataclass(frozen=True)
class SpeakerTurn:
    """A speaker turn: the speaker of the canonical text [start, end) of a document."""

    doc_id: str
    start: int
    end: int
    speaker: str


class SpeakerLookup:
    """Finds the speaker of an offset: the turn that contains it, or "" outside every turn."""

    def __init__(self, turns: Iterable[SpeakerTurn]) -> None:
        self._by_doc: dict[str, list[SpeakerTurn]] = {}
        for t in turns:
            self._by_doc.setdefault(t.doc_id, []).append(t)
        self._starts: dict[str, list[int]] = {}
        for doc, ts in self._by_doc.items():
            ts.sort(key=lambda t: (t.start, t.end))
            self._starts[doc] = [t.start for t in ts]

    def speaker(self, doc_id: str, offset: int) -> str:
        ts = self._by_doc.get(doc_id)
        if not ts:
            return ""
        i = bisect.bisect_right(self._starts[doc_id], offset) - 1
        if i >= 0 and ts[i].start <= offset < ts[i].end:
            return ts[i].speaker
        return ""


def _document(documents: Mapping[str, DocInfo], doc_id: str) -> DocInfo:
    try:
        return documents[doc_id]
    except KeyError:
        raise KeyError(f"no DocInfo for document '{doc_id}' that a hit refers to") from None


def _sorted(hits: Iterable[ThemeHit]) -> list[ThemeHit]:
    return sorted(hits, key=lambda h: (h.doc_id, h.start, h.end, h.code))


HitKey = tuple[str, int, int]  # (doc_id, start, end) of a coded sentence


def hit_quotes(text: str, hits: Iterable[ThemeHit]) -> dict[HitKey, str]:
    """The quote of each hit of one document, by (doc_id, start, end): all the tables need of the document's text,
    so a run over a large corpus keeps its coded sentences, not every text."""
    return {(h.doc_id, h.start, h.end): text[h.start : h.end] for h in hits}


def passage_rows(
    hits: Iterable[ThemeHit],
    documents: Mapping[str, DocInfo],
    quotes: Mapping[HitKey, str],
    turns: Iterable[SpeakerTurn] = (),
) -> list[Row]:
    """One row per hit (a coded sentence and theme), in document and text order, with the exact quote."""
    speakers = SpeakerLookup(turns)
    rows: list[Row] = []
    for h in _sorted(hits):
        doc = _document(documents, h.doc_id)
        rows.append(
            {
                "document": h.doc_id,
                "corpus": doc.corpus,
                "region": doc.region,
                "organisation": doc.organisation,
                "kind": doc.kind,
                "speaker": speakers.speaker(h.doc_id, h.start),
                "theme": h.code,
                "start": h.start,
                "end": h.end,
                "quote": quotes[(h.doc_id, h.start, h.end)],
                "score": round(h.score, 4),
                "method": h.method,
                "evidence": json.dumps(h.evidence, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            }
        )
    return rows


def summary_rows(
    hits: Iterable[ThemeHit],
    documents: Mapping[str, DocInfo],
    quotes: Mapping[HitKey, str],
    turns: Iterable[SpeakerTurn] = (),
) -> list[Row]:
    """Theme × document rows (level "document") then theme × region rows (level "region").

    passages: coded sentences; model_passages: those of them only the learned layer coded (method "model", less
    sure than the rules': read them before reporting their count); words: their words; speakers: distinct named
    speakers; documents: distinct documents. A sentence with two themes counts once for each.
    """
    speakers = SpeakerLookup(turns)
    groups: dict[tuple[str, str, str], dict[str, set[object]]] = {}
    words: dict[tuple[str, str, str], int] = {}
    for h in _sorted(hits):
        doc = _document(documents, h.doc_id)
        n_words = len(_WORD.findall(quotes[(h.doc_id, h.start, h.end)]))
        speaker = speakers.speaker(h.doc_id, h.start)
        for level, key in (("document", h.doc_id), ("region", doc.region)):
            g = groups.setdefault((level, key, h.code), {"documents": set(), "passages": set(), "model": set(),
                                                         "speakers": set()})  # fmt: skip
            passage = (h.doc_id, h.start, h.end)
            if passage not in g["passages"]:
                words[(level, key, h.code)] = words.get((level, key, h.code), 0) + n_words
            g["documents"].add(h.doc_id)
            g["passages"].add(passage)
            if h.method == "model":
                g["model"].add(passage)
            if speaker:
                g["speakers"].add((h.doc_id, speaker))
    rows: list[Row] = []
    for (level, key, theme), g in sorted(groups.items(), key=lambda kv: (kv[0][0] != "document", kv[0])):
        rows.append(
            {
                "level": level,
                "key": key,
                "theme": theme,
                "documents": len(g["documents"]),
                "passages": len(g["passages"]),
                "model_passages": len(g["model"]),
                "words": words[(level, key, theme)],
                "speakers": len(g["speakers"]),
            }
        )
    return rows
