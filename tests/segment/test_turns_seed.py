"""Speaker turns and speakers of seed 001 (a podcast transcript) against the gold file, raw and normalised."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from textsamverkan.segment import TurnSegmentation, count_words, segment_turns, speaker_table

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = next(iter(sorted((SHARED / "corpora" / "seeds").glob("001_*.txt"))), None) if SHARED.exists() else None
GOLD = SHARED / "gold" / "seed_transcript_speakers.json"

pytestmark = pytest.mark.skipif(SEED is None or not GOLD.exists(), reason="../shared seed corpus not available")


def _raw() -> str:
    assert SEED is not None
    return SEED.read_text(encoding="utf-8")


def _canonical() -> str:
    normalise = pytest.importorskip("textsamverkan.ingest.normalise").normalise
    text: str = normalise(_raw()).text
    return text


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module", params=["raw", "canonical"])
def segmented(request: pytest.FixtureRequest) -> tuple[str, TurnSegmentation]:
    text = _raw() if request.param == "raw" else _canonical()
    return text, segment_turns(text)


def assert_turn_invariants(text: str, seg: TurnSegmentation) -> None:
    ids = {s.id for s in seg.speakers}
    for t in seg.turns:
        assert 0 <= t.label_start <= t.label_end <= t.start <= t.end <= len(text)
        body = text[t.start : t.end]
        assert body == body.strip() and body
        assert t.speaker_id in ids


def test_seed_format_and_turn_count(segmented: tuple[str, TurnSegmentation], gold: dict[str, Any]) -> None:
    text, seg = segmented
    assert seg.format == "name_line"
    assert len(seg.turns) == len(gold["turns"]) == 37
    assert len(seg.speakers) == len(gold["speakers"]) == 4
    assert_turn_invariants(text, seg)


def test_seed_every_turn_matches_gold(segmented: tuple[str, TurnSegmentation], gold: dict[str, Any]) -> None:
    text, seg = segmented
    names = {s.id: s.name for s in seg.speakers}
    for turn, expected in zip(seg.turns, gold["turns"], strict=True):
        body = text[turn.start : turn.end]
        where = f"turn {expected['n']}"
        assert body.startswith(expected["starts_with"]), where
        assert body.endswith(expected["ends_with"]), where
        assert count_words(body) == expected["words"], where
        assert turn.label == expected["label"], where
        assert text[turn.label_start : turn.label_end] == expected["label"], where
        assert names[turn.speaker_id] == expected["speaker"], where


def test_seed_speakers_match_gold(segmented: tuple[str, TurnSegmentation], gold: dict[str, Any]) -> None:
    _, seg = segmented
    got = [(s.name, s.aliases, s.role, s.organisation) for s in seg.speakers]
    want = [(g["name"], g["aliases"], g["role"], g["organisation"]) for g in gold["speakers"]]
    assert got == want


def test_seed_trailer_and_title_are_not_turns(segmented: tuple[str, TurnSegmentation]) -> None:
    text, seg = segmented
    assert seg.turns[0].label_start > text.index("Textning av avsnitt 83")
    last = text[seg.turns[-1].start : seg.turns[-1].end]
    assert last.endswith("Tack för att ni lyssnade på podden!")
    assert "Slut på textning" not in last


def test_seed_turn_continues_over_the_page_break_paragraph(segmented: tuple[str, TurnSegmentation]) -> None:
    text, seg = segmented
    second = text[seg.turns[1].start : seg.turns[1].end]
    assert "Det kan" in second and second.endswith("även med affärsutveckling.")


def test_seed_speaker_table(segmented: tuple[str, TurnSegmentation], gold: dict[str, Any]) -> None:
    text, seg = segmented
    rows = speaker_table(text, seg)
    words: dict[str, int] = {}
    turns: dict[str, int] = {}
    for g in gold["turns"]:
        words[g["speaker"]] = words.get(g["speaker"], 0) + g["words"]
        turns[g["speaker"]] = turns.get(g["speaker"], 0) + 1
    total = sum(words.values())
    assert [r["speaker"] for r in rows] == [g["name"] for g in gold["speakers"]]
    for row in rows:
        assert row["words"] == words[str(row["speaker"])]
        assert row["turns"] == turns[str(row["speaker"])]
        assert row["share"] == round(words[str(row["speaker"])] / total, 4)
    assert rows[0]["role"] == "generaldirektör" and rows[0]["organisation"] == "Socialstyrelsen"


def test_other_seeds_have_no_turns() -> None:
    for path in sorted((SHARED / "corpora" / "seeds").glob("*.txt")):
        if path.name.startswith("001_"):
            continue
        seg = segment_turns(path.read_text(encoding="utf-8"))
        assert seg.format == "none", path.name
        assert seg.turns == [] and seg.speakers == []
        assert "no speaker turns detected; stored as a plain document" in seg.notes
