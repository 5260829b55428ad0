"""Real Swedish text for the theme benchmarks: Riksdag interpellations (2020–2021) and government web pages
from ../shared/data, normalised and split into blocks the way ingest does."""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = (REPO / ".." / "shared" / "data").resolve()
INTERPELLATIONS = DATA / "riksdagen" / "interpellations" / "interpellations_2020_2021.csv"


def in_background_half(interpellation_id: str) -> bool:
    """Whether an interpellation may lend sentences to the learned coder's background (see
    scripts/themes/build_background.py); the other half is kept unseen for measuring precision on real text."""
    return hashlib.sha256(interpellation_id.encode()).digest()[0] % 2 == 0


def background_documents() -> set[str]:
    """Ids of the documents the background sentences may come from: the even half of the interpellations ("ip/…",
    with and without a health keyword) and the even half of the government pages ("reg/…")."""
    pages = (DATA / "regeringen_g0vse" / "docs").rglob("*.md")
    return interpellation_background(health=False) | interpellation_background(health=True) | {
        "reg/" + p.stem for p in pages if in_background_half(p.stem)
    }


def interpellation_background(*, health: bool) -> set[str]:
    """Ids of the even half of the interpellations that match a health keyword (`health`) or none."""
    wanted = str(health)
    rows = _interpellation_keywords()
    return {"ip/" + i for i, keyword_match in rows if keyword_match == wanted and in_background_half(i)}


@functools.cache
def _interpellation_keywords() -> tuple[tuple[str, str], ...]:
    """(id, keyword_match) of every interpellation, read once."""
    csv.field_size_limit(1 << 30)
    with INTERPELLATIONS.open(encoding="utf-8") as f:
        return tuple((r["id"], r["keyword_match"]) for r in csv.DictReader(f))


def raw_documents() -> Iterator[tuple[str, str]]:
    """(id, raw text) of every interpellation (context and question) and government page."""
    csv.field_size_limit(1 << 30)
    with INTERPELLATIONS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield "ip/" + row["id"], row["context_text"] + "\n\n" + row["question_text"]
    for path in sorted((DATA / "regeringen_g0vse" / "docs").rglob("*.md")):
        yield "reg/" + path.stem, path.read_text(encoding="utf-8")


def documents(*, headings: bool = True) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """(id, canonical text, content block regions) per document; without `headings`, the regions `themes` codes:
    also not the passages that head a section (themes/statements.section_headings)."""
    from textsamverkan.ingest.normalise import normalise
    from textsamverkan.ingest.structure import content_blocks, find_blocks
    from textsamverkan.themes.statements import section_headings

    for doc_id, raw in raw_documents():
        text = normalise(raw).text
        blocks = content_blocks(find_blocks(text))
        skipped = set() if headings else section_headings(text, [(b.start, b.end, b.label) for b in blocks])
        yield doc_id, text, [(b.start, b.end) for b in blocks if (b.start, b.end) not in skipped]
