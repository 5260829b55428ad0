"""Pseudonymise what the tables, exports and report read: a CorpusView (texts, coded passages, speakers,
metadata) and row lists such as speaker shares and topics, so that their writers need no change.

One person gets one label across the corpus: mentions are resolved to person keys (folded full names, see
`names.py`), and each key gets "Person N" from the researcher's key. A speaker with a known role is shown as
"enhetschef (Person 3)". Identifiers become typed placeholders. Passage offsets are moved through each
document's offset map, so `redacted_text[start:end] == quote` still holds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from textsamverkan.analysis.types import CodedPassage, DocInfo, parse_ref, passage_ref
from textsamverkan.pii.detect import DEFAULT_MIN_CONFIDENCE, NerFinder, detect
from textsamverkan.pii.keys import digest, key_check
from textsamverkan.pii.redact import RedactedText, redact_text, replacement_for
from textsamverkan.pii.types import PERSON, Detection, KnownPerson
from textsamverkan.segment.names import fold, is_code_label

# Candidates down to this confidence go into the review list (marked keep below the redaction threshold).
REVIEW_FLOOR = 0.3
# Metadata fields whose whole value is a person's name.
PERSON_FIELDS = frozenset(("author", "authors", "författare", "name", "namn", "speaker", "talare", "interviewee",
                           "respondent", "informant", "intervjuare", "interviewer", "contact", "kontaktperson"))
_CAPITALISED = re.compile(r"\b[^\W\d_a-zåäöéü][\w'’-]*")
_REF = re.compile(r"(?P<doc>[^\s,;]+):(?P<start>\d+)-(?P<end>\d+)")


def detect_corpus(
    texts: Mapping[str, str],
    speakers: Mapping[str, Sequence[KnownPerson]],
    *,
    ner: NerFinder | None = None,
    min_confidence: float = REVIEW_FLOOR,
) -> dict[str, list[Detection]]:
    """Candidate detections per document (down to `min_confidence`, for the review list).

    Two passes. The rules run over every text; then the words of every full name found anywhere in the corpus (and
    of every speaker) propagate to single-word mentions in the other documents, and the NER runs once, batched over
    all documents, on only the sentences that hold a capitalised word no rule settled. Texts where either adds
    something are detected again with it.
    """
    from textsamverkan.pii.names import lower_words, name_words

    ordinary: set[str] = set()
    for text in texts.values():
        ordinary |= lower_words(text)
    first = {
        doc_id: detect(text, speakers=speakers.get(doc_id, ()), min_confidence=min_confidence, ordinary=ordinary)
        for doc_id, text in texts.items()
    }
    corpus_words = name_words(d for found in first.values() for d in found)
    for person in (p for group in speakers.values() for p in group):
        if " " in person.name.strip() and not is_code_label(person.name):
            for word, keys in name_words([Detection(0, 0, PERSON, person.name, 1.0, "speaker",
                                                    fold(person.name))]).items():
                corpus_words.setdefault(word, set()).update(keys)
    ner_spans = _ner_spans(texts, first, ner, ordinary)
    source = str(getattr(ner, "source", "ner"))
    result: dict[str, list[Detection]] = {}
    for doc_id, text in texts.items():
        spans = ner_spans.get(doc_id, [])
        if not spans and not _mentions_corpus_name(text, first[doc_id], corpus_words):
            result[doc_id] = first[doc_id]
            continue
        result[doc_id] = detect(
            text,
            speakers=speakers.get(doc_id, ()),
            ner_spans=spans,
            ner_source=source,
            min_confidence=min_confidence,
            corpus_words=corpus_words,
            ordinary=ordinary,
        )
    return result


def _ner_spans(
    texts: Mapping[str, str], first: Mapping[str, Sequence[Detection]], ner: NerFinder | None, ordinary: set[str]
) -> dict[str, list[tuple[int, int]]]:
    """PER spans in the parts of each text that the rules left open (all of it for a finder without `pipe`)."""
    if ner is None:
        return {}
    pipe = getattr(ner, "pipe", None)
    if pipe is None:
        return {doc_id: list(ner(text)) for doc_id, text in texts.items()}
    from textsamverkan.pii.ner import name_pieces

    common = ordinary | set(getattr(ner, "stop_words", ()))
    regions = [
        name_pieces(text, common, [(d.start, d.end) for d in first[doc_id] if d.confidence >= DEFAULT_MIN_CONFIDENCE])
        for doc_id, text in texts.items()
    ]
    return {doc_id: list(spans) for doc_id, spans in zip(texts, pipe(texts.values(), regions), strict=True) if spans}


def _mentions_corpus_name(text: str, found: Sequence[Detection], corpus_words: Mapping[str, Any]) -> bool:
    """True when a capitalised word outside the detections is (or is the genitive of) a word of a corpus name."""
    taken = sorted((d.start, d.end) for d in found)
    starts = [s for s, _ in taken]
    for m in _CAPITALISED.finditer(text):
        key = fold(m.group())
        if key in corpus_words or key[:-1] in corpus_words:
            k = bisect.bisect_right(starts, m.start()) - 1
            if k < 0 or taken[k][1] <= m.start():
                return True
    return False


def select(detections: Mapping[str, Sequence[Detection]], min_confidence: float) -> dict[str, list[Detection]]:
    """The detections to redact when no review list is given: those at or above `min_confidence`."""
    return {doc: [d for d in found if d.confidence >= min_confidence] for doc, found in detections.items()}


@dataclass
class CorpusRedaction:
    """Labels per person and the redacted text (with offset map) of every document."""

    key: bytes
    detections: dict[str, list[Detection]]
    redacted: dict[str, RedactedText]
    labels: dict[str, str]
    people: list[KnownPerson] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    pii_run: str | None = None

    @property
    def key_check(self) -> str:
        return key_check(self.key)

    def label(self, person: str) -> str:
        """The pseudonym of a person key, assigning a new number for someone not seen yet."""
        if person not in self.labels:
            used = {int(v.rsplit(" ", 1)[1]) for v in self.labels.values()}
            number = int(digest(self.key, person)[:12], 16) % 9999 + 1
            while number in used:
                number = number % 9999 + 1
            self.labels[person] = f"Person {number}"
        return self.labels[person]

    def speaker(self, name: str | None, role: str | None = None) -> str | None:
        """A speaker's shown name: "role (Person N)" or "Person N"; interview codes (IP1, Intervjuare) stay."""
        if not name or is_code_label(name) or not any(ch.isupper() for ch in name):
            return name
        label = self.label(fold(name))
        role = role or self.roles.get(fold(name), "")
        return f"{role} ({label})" if role else label

    def span(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        red = self.redacted.get(doc_id)
        return red.span(start, end) if red else (start, end)

    def ref(self, ref: str) -> str:
        """A passage id `doc:start-end` moved into the redacted text."""
        doc_id, start, end = parse_ref(ref)
        return passage_ref(doc_id, *self.span(doc_id, start, end))

    def free_text(self, value: str) -> str:
        """A short free text (a title, a metadata value, topic words) with identifiers and known names replaced;
        passage ids in it are moved into the redacted text."""
        if not value:
            return value
        value = _REF.sub(lambda m: self.ref(m.group(0)) if m.group("doc") in self.redacted else m.group(0), value)
        found = detect(value, speakers=self.people, min_confidence=DEFAULT_MIN_CONFIDENCE)
        for d in found:
            if d.type == PERSON:
                self.label(d.person)
        return redact_text(value, found, self.labels).text

    def value(self, field_name: str, value: Any) -> Any:
        """A metadata or table value: a person field becomes a pseudonym, any other string is `free_text`."""
        if not isinstance(value, str):
            return value
        if field_name.casefold() in PERSON_FIELDS and value.strip():
            return "; ".join(self.speaker(v.strip()) or "" for v in re.split(r"[;|]", value) if v.strip())
        return self.free_text(value)


def plan_redaction(
    texts: Mapping[str, str],
    detections: Mapping[str, Sequence[Detection]],
    *,
    key: bytes,
    speakers: Mapping[str, Sequence[KnownPerson]] | None = None,
) -> CorpusRedaction:
    """Labels for every person (detected or speaking) and each document's redacted text."""
    from textsamverkan.pii.keys import person_labels

    people = [p for group in (speakers or {}).values() for p in group]
    persons = {d.person for found in detections.values() for d in found if d.type == PERSON and d.person}
    persons |= {fold(p.name) for p in people if p.name and not is_code_label(p.name)}
    labels = person_labels(key, persons)
    redacted = {doc_id: redact_text(text, detections.get(doc_id, ()), labels) for doc_id, text in texts.items()}
    roles = {fold(p.name): p.role for p in people if p.role}
    return CorpusRedaction(key, {k: list(v) for k, v in detections.items()}, redacted, labels, people, roles)


def redact_view(view: Any, plan: CorpusRedaction) -> Any:
    """A copy of a CorpusView (any dataclass with docs, texts and passages; its run and codebook kept) with redacted
    texts, passages moved into them, speakers pseudonymised and metadata cleaned."""
    passages = [redact_passage(p, plan) for p in view.passages]
    docs = [redact_doc(d, plan) for d in view.docs]
    texts = {doc_id: plan.redacted[doc_id].text if doc_id in plan.redacted else text
             for doc_id, text in view.texts.items()}
    return replace(view, docs=docs, texts=texts, passages=passages)


def redact_passage(p: CodedPassage, plan: CorpusRedaction) -> CodedPassage:
    start, end = plan.span(p.doc_id, p.start, p.end)
    red = plan.redacted.get(p.doc_id)
    quote = red.text[start:end] if red else p.quote
    return replace(p, start=start, end=end, quote=quote, speaker=plan.speaker(p.speaker, p.speaker_role))


def redact_doc(d: DocInfo, plan: CorpusRedaction) -> DocInfo:
    def who(name: str) -> str:
        return plan.speaker(name, d.speaker_roles.get(name)) or name

    return replace(
        d,
        title=plan.free_text(d.title),
        speakers={who(k): v for k, v in d.speakers.items()},
        speaker_roles={who(k): v for k, v in d.speaker_roles.items()},
        speaker_organisations={who(k): v for k, v in d.speaker_organisations.items()},
        extra={k: str(plan.value(k, v)) for k, v in d.extra.items()},
    )


def redact_rows(rows: Iterable[Mapping[str, Any]], plan: CorpusRedaction) -> list[dict[str, Any]]:
    """Table rows (speaker shares, topics, claims) with speakers pseudonymised, aliases dropped, passage ids moved
    and every other string cleaned."""
    out: list[dict[str, Any]] = []
    for row in rows:
        new: dict[str, Any] = {}
        for k, v in row.items():
            if k in ("speaker", "name"):
                new[k] = plan.speaker(v, row.get("role")) if isinstance(v, str) else v
            elif k == "aliases":
                new[k] = []
            elif k in ("start", "end") and isinstance(v, int) and "doc_id" in row:
                start, end = plan.span(str(row["doc_id"]), int(row["start"]), int(row["end"]))
                new[k] = start if k == "start" else end
            elif isinstance(v, list):
                new[k] = [plan.value(k, x) for x in v]
            else:
                new[k] = plan.value(k, v)
        out.append(new)
    return out


def replacement_table(plan: CorpusRedaction) -> list[dict[str, Any]]:
    """Detections with their replacement, for tests and the researcher's own records (never for export)."""
    return [
        {"doc_id": doc_id, "start": d.start, "end": d.end, "type": d.type, "value": d.text,
         "replacement": replacement_for(d, plan.labels)}
        for doc_id, found in sorted(plan.detections.items())
        for d in found
    ]
