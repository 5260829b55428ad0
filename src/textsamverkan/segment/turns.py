"""Speaker turns: detect the transcript format of a canonical text and cut it into turns with resolved speakers.

Every supported format proposes headers (`turn_formats`); a format is accepted only when its headers repeat,
have the shape of speaker labels, and the turns cover most of the document, so that report lines such as
"Syftet är att:" or slide bullets never become a transcript. `format=` or `pattern=` skip detection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_OPTION, UserError, did_you_mean
from textsamverkan.segment.name_likeness import judge_labels
from textsamverkan.segment.names import QA_LABELS, fold, is_questioner_label
from textsamverkan.segment.questioners import mark_interviewer
from textsamverkan.segment.speaker_csv import load_speakers_csv
from textsamverkan.segment.speakers import resolve_speakers
from textsamverkan.segment.turn_bounds import body_bounds
from textsamverkan.segment.turn_formats import FORMATS, Finder, Header, Line, compile_user_pattern, split_lines
from textsamverkan.segment.turn_types import Turn, TurnSegmentation, count_words

NO_TURNS_NOTE = "no speaker turns detected; stored as a plain document"
MIN_COVERAGE = 0.5  # share of the document's non-space characters that turns must cover
# A detected format is accepted only when its labels look like people, roles or interview codes: this share of
# the turns and of the distinct labels at least ("Ikraftträdande:", "SFS:" and "Bakgrund:" are headings).
MIN_PERSON_TURNS = 0.75
MIN_PERSON_LABELS = 0.5
NAME_CHECKED_FORMATS = ("name_colon", "interview_code", "timestamp_name", "table_row", "name_line")
UNATTRIBUTED_WORDS = 25  # text outside turns longer than this is reported in a note
_INTERNAL_ATTRS = ("label_kind", "closing_tag")
_DASHES = ("- ", "– ", "— ", "-\t", "–\t")


@dataclass
class _Candidate:
    """One format's reading of the text, with the evidence detection weighs."""

    format: str
    turns: list[Turn] = field(default_factory=list)
    coverage: float = 0.0
    problem: str = ""


def _merge_regions(regions: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in regions if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(s < max(end, start + 1) and start < e for s, e in regions)


def _nonspace(text: str, start: int, end: int) -> int:
    return len("".join(text[start:end].split()))


def _build_turns(text: str, headers: list[Header], excluded: list[tuple[int, int]]) -> list[Turn]:
    """Turns from headers: each runs to the next header, an excluded region or the end of the text."""
    headers = sorted((h for h in headers if not _overlaps(h.start, h.end, excluded)), key=lambda h: h.start)
    kept: list[Header] = []
    for h in headers:
        if not kept or h.start >= kept[-1].end:
            kept.append(h)
    turns = []
    for i, h in enumerate(kept):
        limit = kept[i + 1].start if i + 1 < len(kept) else len(text)
        body_start = h.body_start
        for s, e in excluded:
            if s <= body_start < e:
                body_start = e
            elif body_start < s < limit:
                limit = s
                break
        body_start = min(body_start, limit)
        closing = h.attrs.get("closing_tag")
        if isinstance(closing, str) and (pos := text.find(closing, body_start, limit)) != -1:
            limit = pos
        last = i + 1 == len(kept)
        start, end = body_bounds(text, body_start, limit, last=last)
        if end <= start:
            continue
        attrs = {k: v for k, v in h.attrs.items() if k not in _INTERNAL_ATTRS}
        if text.startswith(_DASHES, _first_char(text, body_start, limit)):
            attrs["_dash"] = True
        turns.append(Turn(start, end, h.label, h.start, h.end, "", attrs))
    return turns


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _coverage(text: str, turns: list[Turn], excluded: list[tuple[int, int]]) -> float:
    """Share of the text's non-space characters in turns. The last turn counts only up to its first paragraph
    break: it runs to the end of the text, so a quoted exchange inside a report would otherwise cover the rest."""
    total = _nonspace(text, 0, len(text)) - sum(_nonspace(text, s, e) for s, e in excluded)
    covered = sum(_nonspace(text, t.label_start, t.end) for t in turns[:-1])
    if turns:
        last = turns[-1]
        paragraph_end = text.find("\n\n", last.start, last.end)
        covered += _nonspace(text, last.label_start, last.end if paragraph_end == -1 else paragraph_end)
    return covered / total if total > 0 else 0.0


def _problem(text: str, fmt: str, turns: list[Turn], coverage: float) -> str:
    """Why the turns of `fmt` do not make a transcript, or "" when they do."""
    if len(turns) < 2:
        return "fewer than two turns"
    counts = Counter(fold(t.label) for t in turns)
    if len(turns) >= 3 and max(counts.values()) < 2:
        return "no speaker label is used twice"
    if coverage < MIN_COVERAGE:
        return f"the turns cover only {coverage:.0%} of the text"
    if fmt in NAME_CHECKED_FORMATS:
        verdict = judge_labels(text, turns)
        if verdict.turn_share < MIN_PERSON_TURNS or verdict.label_share < MIN_PERSON_LABELS:
            shown = ", ".join(verdict.not_people[:5])
            return f"the speaker labels do not look like people, roles or interview codes ({shown})"
    # name lines that all say "Intervjuare" (the answers unlabelled) are the interviewer's questions, not headings
    if fmt == "name_line" and not all(is_questioner_label(t.label) for t in turns):
        dashed = sum(1 for t in turns if t.attrs.get("_dash")) / len(turns)
        repeated = sum(1 for n in counts.values() if n >= 2)
        changes = sum(1 for a, b in pairwise(turns) if fold(a.label) != fold(b.label))
        alternation = changes / (len(turns) - 1)
        if dashed < 0.5 and (repeated < 2 or alternation < 0.5):
            return "the name lines look like headings (no '- ' turns and no alternating speakers)"
        if len(counts) < 2:
            return "the name lines do not look like people's names (only one name)"
    return ""


def _without_stray_qa(headers: list[Header]) -> list[Header]:
    """`headers`, less "Fråga:" / "Svar:" headers that do not take turns with another label (two in a row, or no
    other label at all): "Fråga 1:", "Fråga 2:" over a report's sections are headings, as they were before such
    labels could be speakers, while "Fråga:" taking turns with "Svar:" or with a named speaker is the interviewer."""
    labels = [fold(h.label).rstrip("0123456789 ") for h in headers]
    if not set(labels) & set(QA_LABELS):
        return headers
    repeated = any(a == b and a in QA_LABELS for a, b in pairwise(labels))
    if len(set(labels)) >= 2 and not repeated:
        return headers
    return [h for h, label in zip(headers, labels, strict=True) if label not in QA_LABELS]


def _colon_format(headers: list[Header]) -> str:
    """"interview_code" when most `Label:` headers are codes (IP1, Intervjuare), else "name_colon"."""
    kinds = Counter(h.attrs.get("label_kind") for h in headers)
    return "interview_code" if kinds["code"] > kinds["name"] else "name_colon"


def _read(text: str, fmt: str, finder: Finder, lines: list[Line], excluded: list[tuple[int, int]],
          *, detecting: bool = False) -> _Candidate:
    """The turns `finder` gives and why they are not a transcript ("" when they are)."""
    headers = finder(text, lines)
    if detecting:
        headers = _without_stray_qa(headers)
    if fmt == "interview_code" and not detecting:
        headers = [h for h in headers if h.attrs.get("label_kind") == "code"]
    elif fmt in ("interview_code", "name_colon") and detecting:
        fmt = _colon_format(headers)
    turns = _build_turns(text, headers, excluded)
    coverage = _coverage(text, turns, excluded)
    return _Candidate(fmt, turns, coverage, _problem(text, fmt, turns, coverage))


def _detect(text: str, lines: list[Line], excluded: list[tuple[int, int]]) -> tuple[_Candidate | None, list[str]]:
    """The format that best explains the text, and notes on near misses the user may want to force."""
    accepted: list[_Candidate] = []
    notes: list[str] = []
    for fmt, finder in FORMATS.items():
        if fmt == "interview_code":
            continue  # read together with name_colon: the same headers, named by their labels
        candidate = _read(text, fmt, finder, lines, excluded, detecting=True)
        if not candidate.problem:
            accepted.append(candidate)
        elif len(candidate.turns) >= 2 and (fmt != "name_line" or "look like people" in candidate.problem):
            labels = ", ".join(sorted({t.label for t in candidate.turns})[:5])
            notes.append(f"{len(candidate.turns)} lines look like '{candidate.format}' speaker headers ({labels}) "
                         f"but were not used: {candidate.problem}; force format '{candidate.format}' if they are "
                         "speaker turns")
    if not accepted:
        return None, notes
    order = list(FORMATS)
    best = max(accepted, key=lambda c: (round(c.coverage, 3), -order.index(c.format)))
    return best, []


def _unattributed_notes(text: str, turns: list[Turn], excluded: list[tuple[int, int]]) -> list[str]:
    """Notes on long stretches of text (outside excluded regions) that belong to no turn."""
    notes = []
    gaps, pos = [], 0
    for t in turns:
        gaps.append((pos, t.label_start))
        pos = t.end
    gaps.append((pos, len(text)))
    for start, end in gaps:
        pieces, cur = [], start
        for s, e in excluded:
            if e <= cur or s >= end:
                continue
            pieces.append((cur, max(cur, s)))
            cur = max(cur, e)
        pieces.append((cur, end))
        words = sum(count_words(text[s:e]) for s, e in pieces if e > s)
        if words > UNATTRIBUTED_WORDS:
            where = "before the first turn" if start == 0 else "after the last turn" if end == len(text) else \
                f"between turns (at offset {start})"
            notes.append(f"{words} words {where} are not attributed to any speaker")
    return notes


def _answers_apart(text: str, turns: list[Turn]) -> tuple[list[Turn], list[str]]:
    """`turns`, and a note, when the transcript labels only the one who asks ("Intervjuare: …" lines, each answer
    on the lines after without a label): each question's turn ends with its line, and the lines after it, up to the
    next question, are a turn of the one who answers ("Intervjuperson", or "Deltagare" after a moderator), with no
    header in the text. Otherwise every answer would be the interviewer's."""
    if not turns or not all(is_questioner_label(t.label) for t in turns):
        return turns, []
    answerer = "Intervjuperson" if fold(turns[0].label).startswith("i") else "Deltagare"
    out: list[Turn] = []
    for t in turns:
        line_end = text.find("\n", t.start, t.end)
        if line_end == -1:
            out.append(t)
            continue
        _start, question_end = body_bounds(text, t.start, line_end, last=False)
        out.append(Turn(t.start, question_end, t.label, t.label_start, t.label_end, t.speaker_id, t.attrs))
        start, end = body_bounds(text, line_end, t.end, last=False)
        if end > start:
            out.append(Turn(start, end, answerer, start, start, "", {"implied": True}))
    answers = len(out) - len(turns)
    if not answers:
        return turns, []
    return out, [f"only the one who asks is labelled ({turns[0].label}): the unlabelled lines after each question "
                 f"are {answers} answers of '{answerer}'"]


def _clean_attrs(turns: list[Turn]) -> list[Turn]:
    cleaned = []
    for t in turns:
        attrs: dict[str, Any] = {k: v for k, v in t.attrs.items() if not k.startswith("_")}
        cleaned.append(Turn(t.start, t.end, t.label, t.label_start, t.label_end, t.speaker_id, attrs))
    return cleaned


def segment_turns(text: str, *, pattern: str | None = None, format: str | None = None,
                  speakers_file: Path | None = None, exclude: Sequence[tuple[int, int]] = ()) -> TurnSegmentation:
    """Cut `text` into speaker turns and resolve who speaks.

    `format` forces one of `FORMATS` ("none" switches detection off); `pattern` is a regex with a named group
    `speaker` (and optionally `time`) that marks a header at a line start. `speakers_file` is a speakers.csv
    of names, aliases, roles and organisations. `exclude` lists regions (boilerplate) that never become turns.
    """
    if pattern is not None and format is not None:
        raise UserError(E_OPTION, "give either a speaker pattern or a speaker format, not both",
                        "drop one of the two options")
    overrides = load_speakers_csv(speakers_file) if speakers_file is not None else []  # fail early on a bad file
    lines = split_lines(text)
    excluded = _merge_regions(exclude, len(text))
    notes: list[str] = []
    if pattern is not None:
        candidate = _read(text, "pattern", compile_user_pattern(pattern), lines, excluded)
        if not candidate.turns:
            return TurnSegmentation("none", notes=[f"the speaker pattern {pattern!r} matched no line; "
                                                   "stored as a plain document"])
    elif format is not None:
        if format == "none":
            return TurnSegmentation("none", notes=["speaker detection switched off (format 'none')"])
        if format not in FORMATS:
            raise UserError(E_OPTION, f"unknown speaker format {format!r}.{did_you_mean(format, FORMATS)}",
                            f"use one of: {', '.join(FORMATS)}, none")
        candidate = _read(text, format, FORMATS[format], lines, excluded)
        if not candidate.turns:
            return TurnSegmentation("none", notes=[f"no '{format}' speaker headers found; stored as a plain "
                                                   "document"])
    else:
        best, notes = _detect(text, lines, excluded)
        if best is None:
            return TurnSegmentation("none", notes=[NO_TURNS_NOTE, *notes])
        candidate = best
    turns, answer_notes = _answers_apart(text, _clean_attrs(candidate.turns))
    resolution = resolve_speakers(text, turns, overrides=overrides)
    notes = [f"speaker turns in format '{candidate.format}': {len(resolution.turns)} turns by "
             f"{len(resolution.speakers)} speakers", *answer_notes, *resolution.notes,
             *mark_interviewer(text, resolution.turns, resolution.speakers),
             *_unattributed_notes(text, resolution.turns, excluded)]
    return TurnSegmentation(candidate.format, resolution.turns, resolution.speakers, notes)


def resolve_known_turns(text: str, known: Sequence[tuple[int, int, str]], *,
                        speakers_file: Path | None = None, format: str = "voice_tag") -> TurnSegmentation:
    """Speakers for turns a reader already knows, `(start, end, label)` each (WebVTT voices): no header is
    written in the text, so each turn's `label_start == label_end == start`."""
    turns = []
    for start, end, label in sorted(known):
        start, end = body_bounds(text, start, end, last=False)
        if end > start and label.strip():
            turns.append(Turn(start, end, label.strip(), start, start, "", {}))
    if not turns:
        return TurnSegmentation("none", notes=[NO_TURNS_NOTE])
    resolution = resolve_speakers(text, turns, speakers_file=speakers_file)
    notes = [f"speaker turns in format '{format}': {len(resolution.turns)} turns by "
             f"{len(resolution.speakers)} speakers", *resolution.notes,
             *mark_interviewer(text, resolution.turns, resolution.speakers)]
    return TurnSegmentation(format, resolution.turns, resolution.speakers, notes)
