"""`detect`: every piece of personal data in one text, as non-overlapping typed spans.

All finders run; overlapping candidates are resolved by type priority (structured identifiers before addresses
and URLs before names), then length, then confidence. A PERSON span keeps the person key it was resolved to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from textsamverkan.pii.identifiers import (
    find_addresses,
    find_emails,
    find_personnummer,
    find_phones,
    find_urls,
)
from textsamverkan.pii.names import find_names
from textsamverkan.pii.types import (
    ADRESS,
    EPOST,
    PERSON,
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    TELEFON,
    URL,
    Detection,
    KnownPerson,
)
from textsamverkan.segment.names import fold

DEFAULT_MIN_CONFIDENCE = 0.5
_PRIORITY = {EPOST: 0, URL: 1, PERSONNUMMER: 2, SAMORDNINGSNUMMER: 2, TELEFON: 3, ADRESS: 4, PERSON: 5}

NerFinder = Callable[[str], Sequence[tuple[int, int]]]


def detect(
    text: str,
    *,
    speakers: Sequence[KnownPerson] = (),
    ner: NerFinder | None = None,
    ner_spans: Iterable[tuple[int, int]] | None = None,
    ner_source: str = "ner",
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    names: bool = True,
    corpus_words: Mapping[str, Collection[str]] | None = None,
    ordinary: Collection[str] = (),
) -> list[Detection]:
    """Personal data in `text`, sorted by start, non-overlapping, each at least `min_confidence`.

    `speakers` are people known by name (speakers and their aliases); `ner` is a PER finder such as
    `NerPersonFinder()` (or pass precomputed `ner_spans`); without either, names come from the rules alone.
    `names=False` finds only the structured identifiers. `corpus_words` and `ordinary` carry what the rest of the
    corpus says (see `find_names`; `detect_corpus` fills them).
    """
    found: list[Detection] = [*find_emails(text), *find_personnummer(text), *find_phones(text),
                              *find_addresses(text)]
    people: list[Detection] = []
    if names:
        spans = list(ner_spans) if ner_spans is not None else (list(ner(text)) if ner is not None else [])
        source = getattr(ner, "source", ner_source) if ner is not None else ner_source
        people = find_names(text, people=speakers, ner_spans=spans, ner_source=str(source),
                            corpus_words=corpus_words, ordinary=ordinary)
    slugs = _person_slugs(people, speakers)
    found += find_urls(text, person_slugs=slugs)
    return merge_adjacent_names(text, resolve([*found, *people], min_confidence=min_confidence))


def merge_adjacent_names(text: str, detections: Sequence[Detection]) -> list[Detection]:
    """Join PERSON detections that only a single space separates ("Khadar" + "Warsame", each found on its own)
    into one name, so that it gets one pseudonym; the person key is the one they share, else the joined name."""
    out: list[Detection] = []
    for d in detections:
        last = out[-1] if out else None
        if (last is not None and last.type == PERSON and d.type == PERSON and text[last.end : d.start] == " "
                and len(last.text.split()) + len(d.text.split()) <= 4):
            value = text[last.start : d.end]
            person = last.person if last.person and last.person == d.person else fold(value)
            out[-1] = Detection(last.start, d.end, PERSON, value, max(last.confidence, d.confidence), last.source,
                                person)
        else:
            out.append(d)
    return out


def resolve(candidates: Iterable[Detection], *, min_confidence: float = 0.0) -> list[Detection]:
    """Keep the best of overlapping candidates: type priority, then longer, then more confident."""
    ranked = sorted(
        (c for c in candidates if c.confidence >= min_confidence and c.end > c.start),
        key=lambda d: (_PRIORITY.get(d.type, 9), -(d.end - d.start), -d.confidence, d.start),
    )
    kept: list[Detection] = []
    for candidate in ranked:
        if not any(candidate.overlaps(k) for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda d: d.start)


def _person_slugs(people: Sequence[Detection], speakers: Sequence[KnownPerson]) -> frozenset[str]:
    names = {d.text for d in people if " " in d.text} | {p.name for p in speakers if " " in p.name}
    slugs: set[str] = set()
    for name in names:
        words = re.findall(r"[a-z0-9]+", fold(name))
        if len(words) >= 2:
            slugs.update({"-".join(words), "".join(words), ".".join(words), "_".join(words)})
    return frozenset(slugs)
