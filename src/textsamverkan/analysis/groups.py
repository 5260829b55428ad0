"""Group keys: which group a document (or a speaker within a document) belongs to.

A comparison counts over units. With document keys (corpus, region, organisation, kind, a date period, or any
`DocInfo.extra` field) a unit is a document; with a speaker key (speaker, speaker_role, speaker_organisation)
a unit is one speaker's talk within one document, so rates are per word that speaker spoke. Several keys at once
(e.g. region and year) give one group per combination.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import E_OPTION, UserError, did_you_mean

UNKNOWN = "(unknown)"
NO_SPEAKER = "(no speaker)"

DOC_KEYS = ("corpus", "region", "organisation", "kind")
PERIOD_KEYS = ("year", "half", "quarter", "month")
SPEAKER_KEYS = ("speaker", "speaker_role", "speaker_organisation")
_ALIASES = {
    "role": "speaker_role",
    "speaker-role": "speaker_role",
    "speaker_organization": "speaker_organisation",
    "organization": "organisation",
    "half-year": "half",
    "halfyear": "half",
    "half_year": "half",
    "period": "year",
    "korpus": "corpus",
    "region_name": "region",
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

UnitKey = tuple[str, str | None]  # (doc_id, speaker); speaker is None for a whole document or unattributed talk


def period(date: str, unit: str) -> str | None:
    """The period of an ISO date ("YYYY", "YYYY-MM", "YYYY-MM-DD") as "2020", "2020-H1", "2020-Q3" or "2020-07".

    None when the date is missing or too coarse for the unit (a bare year has no month).
    """
    m = _DATE.match(date.strip()) if date else None
    if not m:
        return None
    year = m.group(1)
    if unit == "year":
        return year
    if not m.group(2):
        return None
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    if unit == "half":
        return f"{year}-H{1 if month <= 6 else 2}"
    if unit == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if unit == "month":
        return f"{year}-{month:02d}"
    raise ValueError(f"unknown period unit {unit!r}")


def parse_keys(by: str | Sequence[str], docs: Iterable[DocInfo] = ()) -> tuple[str, ...]:
    """Validated group keys from "region", "region,year", "region×year" or a list; extra fields are allowed."""
    parts = re.split(r"\s*(?:,|×|\+|\s+x\s+)\s*", by.strip()) if isinstance(by, str) else [str(b).strip() for b in by]
    known = set(DOC_KEYS) | set(PERIOD_KEYS) | set(SPEAKER_KEYS)
    extra = {k for d in docs for k in d.extra}
    keys: list[str] = []
    for part in parts:
        if not part:
            continue
        key = part.casefold().replace(" ", "_")
        key = _ALIASES.get(key, key)
        if key not in known and key not in extra:
            choices = sorted(known | extra)
            raise UserError(
                E_OPTION,
                f"cannot group by '{part}'.{did_you_mean(key, choices)}",
                f"Group keys: {', '.join(choices)}; combine two with a comma, e.g. region,year.",
            )
        if key not in keys:
            keys.append(key)
    if not keys:
        raise UserError(E_OPTION, "no group key given", "Pass a key such as region, or two such as region,year.")
    return tuple(keys)


def by_speaker(keys: Sequence[str]) -> bool:
    """Whether the keys split documents by speaker (units are speaker turns within documents)."""
    return any(k in SPEAKER_KEYS for k in keys)


@dataclass(frozen=True)
class Unit:
    """One counted unit: a document, or one speaker's talk in a document, with its words and group."""

    key: UnitKey
    words: int
    group: tuple[str, ...]


def build_units(
    docs: Sequence[DocInfo], passages: Sequence[CodedPassage], keys: Sequence[str]
) -> tuple[dict[UnitKey, Unit], list[str]]:
    """Every unit with its group values, and notes about inconsistencies (talk of unknown speakers)."""
    notes: list[str] = []
    units: dict[UnitKey, Unit] = {}
    speakerwise = by_speaker(keys)
    learned = _learned_speaker_facts(passages)
    for doc in docs:
        if not speakerwise:
            units[(doc.doc_id, None)] = Unit((doc.doc_id, None), doc.words, _values(doc, None, keys, learned))
            continue
        spoken = sum(doc.speakers.values())
        for speaker, words in doc.speakers.items():
            units[(doc.doc_id, speaker)] = Unit((doc.doc_id, speaker), words, _values(doc, speaker, keys, learned))
        rest = doc.words - spoken if doc.speakers else doc.words
        if rest > 0:
            units[(doc.doc_id, None)] = Unit((doc.doc_id, None), rest, _values(doc, None, keys, learned))
    if speakerwise:
        docs_by_id = {d.doc_id: d for d in docs}
        orphans = 0
        for p in passages:
            owner = docs_by_id.get(p.doc_id)
            if owner is None or unit_of(p, speakerwise, units) in units:
                continue
            units[(p.doc_id, None)] = Unit((p.doc_id, None), 0, _values(owner, None, keys, learned))
            orphans += 1
        if orphans:
            notes.append(
                f"{orphans} passage(s) have a speaker the document's word counts do not list; they are counted "
                f"under '{NO_SPEAKER}' with no words, so that group has no rate"
            )
    return units, notes


def unit_of(passage: CodedPassage, speakerwise: bool, units: dict[UnitKey, Unit]) -> UnitKey:
    """The unit a passage counts in: its document, or its speaker's talk in that document."""
    if not speakerwise:
        return (passage.doc_id, None)
    key = (passage.doc_id, passage.speaker)
    return key if passage.speaker is not None and key in units else (passage.doc_id, None)


def _learned_speaker_facts(passages: Sequence[CodedPassage]) -> dict[tuple[str, str], tuple[str, str]]:
    """(doc, speaker) → (role, organisation) as the passages give them, for speakers DocInfo does not describe.

    Facts learned in one document also apply to the same speaker name in other documents (key ("", speaker)),
    when the passages give that speaker only one role (organisation) across the corpus.
    """
    facts: dict[tuple[str, str], tuple[str, str]] = {}
    roles: dict[str, set[str]] = {}
    orgs: dict[str, set[str]] = {}
    for p in passages:
        if p.speaker is None:
            continue
        role, org = facts.get((p.doc_id, p.speaker), ("", ""))
        facts[(p.doc_id, p.speaker)] = (role or p.speaker_role or "", org or p.organisation or "")
        if p.speaker_role:
            roles.setdefault(p.speaker, set()).add(p.speaker_role)
        if p.organisation:
            orgs.setdefault(p.speaker, set()).add(p.organisation)
    for speaker in set(roles) | set(orgs):
        role_set, org_set = roles.get(speaker, set()), orgs.get(speaker, set())
        facts[("", speaker)] = (next(iter(role_set)) if len(role_set) == 1 else "",
                                next(iter(org_set)) if len(org_set) == 1 else "")
    return facts


def _values(
    doc: DocInfo, speaker: str | None, keys: Sequence[str], learned: dict[tuple[str, str], tuple[str, str]]
) -> tuple[str, ...]:
    return tuple(_value(doc, speaker, key, learned) or UNKNOWN for key in keys)


def _value(
    doc: DocInfo, speaker: str | None, key: str, learned: dict[tuple[str, str], tuple[str, str]]
) -> str | None:
    if key in DOC_KEYS:
        return str(getattr(doc, key) or "")
    if key in PERIOD_KEYS:
        return period(doc.date, key)
    if key == "speaker":
        return speaker if speaker is not None else NO_SPEAKER
    if key in ("speaker_role", "speaker_organisation"):
        if speaker is None:
            return NO_SPEAKER
        given = doc.speaker_roles if key == "speaker_role" else doc.speaker_organisations
        index = 0 if key == "speaker_role" else 1
        here = learned.get((doc.doc_id, speaker), ("", ""))[index]
        return given.get(speaker) or here or learned.get(("", speaker), ("", ""))[index]
    return doc.extra.get(key, "")
