"""Speaker identity: merge the labels of one person, find their full name, role, organisation and party.

Labels are grouped by a folded key (so "Irène"/"Iréne", "LENA HALLENGREN"/"Lena Hallengren" are one), a first
name joins the only full name it can belong to among the labels or the names the text introduces ("Olivia" →
"Olivia Wigzell", "Jeanette" → "Jeanette Andersson"), and roles come from protocol headers, introductions,
the speakers' own statements and how others address them, in that order of trust. A speakers.csv overrides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from textsamverkan.segment.introductions import (
    PRIORITY_ADDRESS,
    PRIORITY_HEADER,
    PRIORITY_STATEMENT,
    Introduction,
    Mention,
    find_guest_lists,
    find_introductions,
    find_mentions,
)
from textsamverkan.segment.names import display_name, fold, is_code_label, slug
from textsamverkan.segment.roles import read_role
from textsamverkan.segment.speaker_csv import load_speakers_csv
from textsamverkan.segment.turn_types import Speaker, SpeakerOverride, Turn, TurnSegmentation, count_words

__all__ = ["SpeakerResolution", "load_speakers_csv", "resolve_speakers", "speaker_table"]

_STATEMENT = re.compile(
    r"\b(?:[Jj]ag (?:är|jobbar som|arbetar som|är anställd som|är verksam som)|[Ii] min (?:roll|egenskap) som)"
    r"[ \t]+(?:(?:också|även|ju|nu)[ \t]+)?")
_SELF_NAME = re.compile(r"\b(?:[Jj]ag heter|[Mm]itt namn är|[Jj]ag är|[Jj]ag som [^.,;!?\n]{1,40} heter)[ \t]+")
_ADDRESS = re.compile(r"\b[Dd]u (?:som )?(?:är|jobbar som|arbetar som)[ \t]+(?:(?:ju|också|även)[ \t]+)?")
_ADDRESS_WINDOW = 250
_FIELDS = ("role", "organisation", "party")


@dataclass
class SpeakerResolution:
    """Speakers in order of first appearance, the turns with their `speaker_id` set, and notes."""

    speakers: list[Speaker]
    turns: list[Turn]
    notes: list[str] = field(default_factory=list)


@dataclass
class _Evidence:
    priority: int
    position: int
    role: str | None = None
    organisation: str | None = None
    party: str | None = None


@dataclass
class _Person:
    """A speaker being assembled: labels as written, the full name, and evidence for role and organisation."""

    labels: list[str]
    full_name: str | None = None
    evidence: list[_Evidence] = field(default_factory=list)

    @property
    def longest(self) -> str:
        return max(self.labels, key=lambda label: (len(label.split()), len(label)))

    @property
    def keys(self) -> set[str]:
        keys = {fold(label) for label in self.labels}
        if self.full_name:
            keys.add(fold(self.full_name))
        return keys


def _compatible(short: list[str], full: list[str]) -> bool:
    """True when the folded tokens `short` can be a shorter form of `full`: a prefix, or the surname alone."""
    if len(short) >= len(full):
        return False
    return full[: len(short)] == short or (len(short) == 1 and full[-1] == short[0])


def _introduced_names(intros: Sequence[Introduction]) -> dict[str, str]:
    """Folded full name → spelling, preferring a role-bearing introduction, then the earliest."""
    best: dict[str, tuple[int, int, str]] = {}
    for intro in intros:
        mention = intro.mention
        if len(mention.tokens) < 2:
            continue
        rank = (intro.priority, mention.start, mention.name)
        if mention.key not in best or rank < best[mention.key]:
            best[mention.key] = rank
    return {key: rank[2] for key, rank in best.items()}


def _group_labels(turns: Sequence[Turn]) -> list[_Person]:
    people: dict[str, _Person] = {}
    for turn in turns:
        key = fold(turn.label)
        person = people.setdefault(key, _Person([]))
        if turn.label not in person.labels:
            person.labels.append(turn.label)
    return list(people.values())


def _self_named(text: str, turns: Sequence[Turn], mentions: Sequence[Mention]) -> dict[str, str]:
    """Label → the name a speaker gives in their own turn ("jag heter Olivia Wigzell", "mitt namn är …")."""
    starts = {m.start: m for m in mentions}
    named: dict[str, str] = {}
    for turn in turns:
        for cue in _SELF_NAME.finditer(text, turn.start, turn.end):
            mention = starts.get(cue.end())
            if mention is None or turn.label in named:
                continue
            label_tokens = fold(turn.label).split()
            if is_code_label(turn.label) or mention.key.split() == label_tokens \
                    or _compatible(label_tokens, mention.key.split()):
                named[turn.label] = mention.name
    return named


def _merge_short_labels(people: list[_Person], introduced: dict[str, str], self_named: dict[str, str],
                        notes: list[str]) -> list[_Person]:
    """Join a first-name (or surname) label to the only longer label or introduced name it fits; `notes` gets
    a line for each label that fits more than one."""
    for person in people:
        own = next((self_named[label] for label in person.labels if label in self_named), None)
        if own is not None:
            person.full_name = introduced.get(fold(own), own)
    merged_into: dict[int, int] = {}
    for i, person in enumerate(people):
        if is_code_label(person.labels[0]) or person.full_name:
            continue
        short = fold(person.longest).split()
        longer = [j for j, other in enumerate(people) if j != i and not is_code_label(other.labels[0])
                  and _compatible(short, fold(other.longest).split())]
        prefix = [j for j in longer if fold(people[j].longest).split()[: len(short)] == short]
        candidates = prefix or longer
        if len(candidates) == 1:
            merged_into[i] = candidates[0]
            continue
        if candidates:  # ambiguous: "Anna" with both "Anna Berg" and "Anna Ek" speaking
            _note_ambiguous(notes, person.longest, [people[j].longest for j in candidates])
            continue
        names = {key for key in introduced if _compatible(short, key.split()) or key == fold(person.longest)}
        prefixed = {key for key in names if key.split()[: len(short)] == short}
        names = prefixed or names
        if len(names) == 1:
            person.full_name = introduced[names.pop()]
        elif names:
            _note_ambiguous(notes, person.longest, [introduced[k] for k in sorted(names)])
    for i, j in merged_into.items():
        while j in merged_into:
            j = merged_into[j]
        people[j].labels.extend(label for label in people[i].labels if label not in people[j].labels)
    kept = [p for i, p in enumerate(people) if i not in merged_into]
    for person in kept:
        if person.full_name is None:
            key = fold(person.longest)
            if key in introduced:
                person.full_name = introduced[key]
    return _merge_same_name(kept)


def _note_ambiguous(notes: list[str], label: str, names: list[str]) -> None:
    notes.append(f"speaker label {label!r} could be {' or '.join(names)}; kept as its own speaker "
                 "(list the label under aliases in a speakers.csv to merge it)")


def _merge_same_name(people: list[_Person]) -> list[_Person]:
    """Merge people whose full names fold to the same key (two labels expanded to one introduced name)."""
    by_key: dict[str, _Person] = {}
    out: list[_Person] = []
    for person in people:
        key = fold(person.full_name or person.longest)
        if key in by_key:
            by_key[key].labels.extend(label for label in person.labels if label not in by_key[key].labels)
        else:
            by_key[key] = person
            out.append(person)
    return out


def _canonical_name(person: _Person, mentions: Sequence[Mention]) -> str:
    """The fullest form written, in the introduction's spelling when there is one; capitals shown normally."""
    if person.full_name:
        return person.full_name
    name = person.longest
    if name.isupper():
        key = fold(name)
        written = next((m.name for m in mentions if m.key == key and not m.name.isupper()), None)
        return written or display_name(name)
    return name


def _owner(people: list[_Person], mention: Mention) -> int | None:
    """The person a name mention refers to, when exactly one fits."""
    key, tokens = mention.key, mention.key.split()
    exact = [i for i, p in enumerate(people) if key in p.keys]
    if len(exact) == 1:
        return exact[0]
    if exact or len(tokens) > 1:
        return None
    fitting = [i for i, p in enumerate(people) if any(_compatible(tokens, k.split()) for k in p.keys)]
    return fitting[0] if len(fitting) == 1 else None


def _collect_evidence(text: str, turns: Sequence[Turn], people: list[_Person], person_of: dict[str, int],
                      intros: Sequence[Introduction], mentions: Sequence[Mention]) -> None:
    for turn in turns:
        said = [value if isinstance(value := turn.attrs.get(name), str) else None for name in _FIELDS]
        if any(said):
            people[person_of[turn.label]].evidence.append(_Evidence(PRIORITY_HEADER, turn.label_start, *said))
    for intro in intros:
        owner = _owner(people, intro.mention)
        if owner is not None:
            people[owner].evidence.append(_Evidence(intro.priority, intro.mention.start, intro.role,
                                                    intro.organisation, intro.party))
    for turn in turns:
        speaker = person_of[turn.label]
        for m in _STATEMENT.finditer(text, turn.start, turn.end):
            reading = read_role(text, m.end())
            if reading is not None:
                people[speaker].evidence.append(_Evidence(PRIORITY_STATEMENT, m.start(), reading.role,
                                                          reading.organisation))
        for m in _ADDRESS.finditer(text, turn.start, turn.end):
            reading = read_role(text, m.end())
            if reading is None:
                continue
            before = [x for x in mentions if turn.start <= x.start < m.start()
                      and m.start() - x.end <= _ADDRESS_WINDOW]
            for mention in reversed(before):
                owner = _owner(people, mention)
                if owner is not None and owner != speaker:
                    people[owner].evidence.append(_Evidence(PRIORITY_ADDRESS, m.start(), reading.role,
                                                            reading.organisation))
                    break


def _best(evidence: list[_Evidence], name: str) -> str | None:
    ranked = sorted((e for e in evidence if getattr(e, name)), key=lambda e: (e.priority, e.position))
    return getattr(ranked[0], name) if ranked else None


def _aliases(person: _Person, canonical: str, mentions: Sequence[Mention], first_use: dict[str, int]) -> list[str]:
    """Labels in order of first use, then other spellings of the name written in the text."""
    aliases = sorted(person.labels, key=lambda label: first_use.get(label, len(first_use)))
    keys = person.keys | {fold(canonical)}
    for mention in mentions:
        if mention.key in keys and mention.name != canonical and mention.name not in aliases:
            aliases.append(mention.name)
    return aliases


def _apply_overrides(speakers: list[Speaker], owner: dict[str, Speaker],
                     overrides: Sequence[SpeakerOverride]) -> list[Speaker]:
    """Merge the speakers a speakers.csv row names and set its name, role, organisation and party.
    `owner` (label → speaker) is updated to point at the merged speaker."""
    for row in overrides:
        keys = {fold(row.name), *(fold(a) for a in row.aliases)}
        hits = [s for s in speakers if fold(s.name) in keys or any(fold(a) in keys for a in s.aliases)]
        if not hits:
            continue
        target = hits[0]
        for other in hits[1:]:
            target.aliases.extend(a for a in other.aliases if a not in target.aliases)
            for name in _FIELDS:
                if getattr(target, name) is None:
                    setattr(target, name, getattr(other, name))
            for label, speaker in owner.items():
                if speaker is other:
                    owner[label] = target
        speakers = [s for s in speakers if s is target or s not in hits]
        target.name = row.name
        for name in _FIELDS:
            value = getattr(row, name)
            if value:
                setattr(target, name, value)
    return speakers


def resolve_speakers(text: str, turns: Sequence[Turn], *, speakers_file: Path | None = None,
                     overrides: Sequence[SpeakerOverride] = ()) -> SpeakerResolution:
    """Resolve who speaks in `turns` (labels as written) and return speakers and turns with `speaker_id` set.

    `speakers_file` (a speakers.csv) and `overrides` (rows already read) merge and set names and fields."""
    if speakers_file is not None:
        overrides = [*load_speakers_csv(speakers_file), *overrides]
    if not turns:
        return SpeakerResolution([], [], [])
    mentions = find_mentions(text, skip=[(t.label_start, t.label_end) for t in turns])
    single_names = {fold(t.label) for t in turns if len(t.label.split()) == 1}
    intros = [*find_introductions(text, mentions, single_names=single_names), *find_guest_lists(text, mentions)]
    notes: list[str] = []
    people = _merge_short_labels(_group_labels(turns), _introduced_names(intros),
                                 _self_named(text, turns, mentions), notes)
    person_of = {label: i for i, p in enumerate(people) for label in p.labels}
    first_use: dict[str, int] = {}
    for n, turn in enumerate(turns):
        first_use.setdefault(turn.label, n)
    _collect_evidence(text, turns, people, person_of, intros, mentions)
    speakers: list[Speaker] = []
    for person in people:
        canonical = _canonical_name(person, mentions)
        speakers.append(Speaker("", canonical, _aliases(person, canonical, mentions, first_use),
                                _best(person.evidence, "role"), _best(person.evidence, "organisation"),
                                _best(person.evidence, "party")))
    label_owner = {label: speakers[i] for label, i in person_of.items()}
    speakers = _apply_overrides(speakers, label_owner, overrides)
    order = {id(label_owner[t.label]): n for n, t in reversed(list(enumerate(turns)))}
    speakers.sort(key=lambda s: order.get(id(s), len(turns)))
    used: set[str] = set()
    for speaker in speakers:
        base = slug(speaker.name)
        sid, n = base, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        speaker.id = sid
        used.add(sid)
    resolved = [replace(t, speaker_id=label_owner[t.label].id) for t in turns]
    return SpeakerResolution(speakers, resolved, notes)


def speaker_table(text: str, seg: TurnSegmentation) -> list[dict[str, object]]:
    """One row per speaker: speaker, speaker_id, aliases, role, organisation, party, turns, words and share of
    the words spoken (0–1, four decimals), in order of first appearance."""
    words = {s.id: 0 for s in seg.speakers}
    turns = {s.id: 0 for s in seg.speakers}
    for t in seg.turns:
        words[t.speaker_id] = words.get(t.speaker_id, 0) + count_words(text[t.start : t.end])
        turns[t.speaker_id] = turns.get(t.speaker_id, 0) + 1
    total = sum(words.values())
    return [{"speaker": s.name, "speaker_id": s.id, "aliases": list(s.aliases), "role": s.role,
             "organisation": s.organisation, "party": s.party, "turns": turns[s.id], "words": words[s.id],
             "share": round(words[s.id] / total, 4) if total else 0.0} for s in seg.speakers]

