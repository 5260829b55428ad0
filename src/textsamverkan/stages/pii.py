"""Personal data over the stored corpus: the `pii` stage stores detections as a run (`pii` spans), and the readers
(review list, redacted copies, `--redact` on exports and the report) use the current pii run, or `--pii-run ID`,
instead of detecting again; without any pii run they detect on the fly and say so. The pii package does the work on
plain data; this module gathers it and reads and writes runs.

Neither the key nor the pseudonym mapping is ever part of a pii run: detection needs no key.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_RUN_INPUT, UserError
from textsamverkan.model import Span
from textsamverkan.pii.corpus import REVIEW_FLOOR, CorpusRedaction, detect_corpus, plan_redaction, select
from textsamverkan.pii.detect import DEFAULT_MIN_CONFIDENCE
from textsamverkan.pii.keys import key_check, load_key
from textsamverkan.pii.types import Detection, KnownPerson
from textsamverkan.runner import RunContext, StageSpec, read_run, run_doc_ids, run_stage
from textsamverkan.store.documents import get_document, list_doc_ids, load_speakers

PII = "pii"
SPEC = StageSpec("pii.v1", "pii", writes=(PII,), per_run=True)
DETECT_COMMAND = "textsamverkan pii detect"


@dataclass(frozen=True)
class RedactOptions:
    """How to redact: the key file, an optional reviewed list, the NER on or off for documents no pii run covers,
    the confidence threshold, the pii run to read (default: the current one) and the corpus to look it up for."""

    key_file: Path | None
    review: Path | None = None
    ner: bool = True
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    pii_run: str | None = None
    corpus: str | None = None


@dataclass
class PiiResult:
    """A finished `pii detect` run: its id, how many documents and detections (by type), and notes to print."""

    run_id: str
    documents: int = 0
    detections: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def run_pii(
    conn: sqlite3.Connection, *, corpus: str | None = None, settings: Mapping[str, Any] | None = None
) -> PiiResult:
    """Detect personal data in every document as one recorded run: `pii` spans (label = type; attrs = confidence,
    source and the person key) down to the review floor, so the review list can show the doubtful ones too."""
    from textsamverkan.settings import resolve

    resolved = resolve("pii", settings or {})
    finder = None
    if resolved["pii_ner"]:
        from textsamverkan.pii.ner import NerPersonFinder

        finder = NerPersonFinder()
    record = {"ner_model": finder.source if finder else None, "review_floor": REVIEW_FLOOR}

    def body(ctx: RunContext) -> PiiResult:
        texts = {doc_id: ctx.document(doc_id).text for doc_id in ctx.doc_ids}
        people = {doc_id: _known(ctx.speakers(doc_id)) for doc_id in ctx.doc_ids}
        found = detect_corpus(texts, people, ner=finder, min_confidence=REVIEW_FLOOR)
        for doc_id, detections in found.items():
            ctx.write(doc_id, [detection_span(d) for d in detections])
        counts = Counter(d.type for detections in found.values() for d in detections)
        result = PiiResult(ctx.run_id, len(texts), sum(counts.values()), dict(sorted(counts.items())))
        ctx.summary.update(documents=result.documents, detections=result.detections, per_type=result.counts)
        return result

    done = run_stage(conn, SPEC, body, corpus=corpus, settings=resolved, record=record)
    done.value.notes = done.notes
    return done.value


def detection_span(d: Detection) -> Span:
    """A detection as a stored `pii` span (the value itself is the text at its offsets, so it is not repeated)."""
    return Span(d.start, d.end, PII, d.type, {"confidence": round(d.confidence, 3), "source": d.source,
                                              "person": d.person})


def stored_detections(
    conn: sqlite3.Connection, texts: Mapping[str, str], run_id: str, doc_ids: set[str]
) -> dict[str, list[Detection]]:
    """The detections pii run `run_id` stored for those of `texts` in `doc_ids`."""
    out: dict[str, list[Detection]] = {}
    for doc_id, text in texts.items():
        if doc_id not in doc_ids:
            continue
        spans = get_document(conn, doc_id, layers=[PII], run_id=run_id).spans
        out[doc_id] = sorted(
            (
                Detection(s.start, s.end, s.label, text[s.start : s.end], float(s.attrs.get("confidence", 1.0)),
                          str(s.attrs.get("source", "")), str(s.attrs.get("person", "")))
                for s in spans
                if s.layer == PII
            ),
            key=lambda d: d.start,
        )
    return out


def corpus_texts(conn: sqlite3.Connection, *, corpus: str | None = None) -> dict[str, str]:
    return {doc_id: get_document(conn, doc_id, layers=[]).text for doc_id in list_doc_ids(conn, corpus=corpus)}


def known_people(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, list[KnownPerson]]:
    """Each document's speakers with their aliases and roles."""
    return {doc_id: _known(load_speakers(conn, doc_id)) for doc_id in doc_ids}


def _known(speakers: Mapping[str, Any]) -> list[KnownPerson]:
    return [KnownPerson(s.name, tuple(s.aliases), s.role or "") for s in speakers.values()]


def candidates(conn: sqlite3.Connection, texts: dict[str, str], *, ner: bool) -> dict[str, list[Detection]]:
    """Candidate detections (down to the review floor) in every text, detected now."""
    finder = None
    if ner and texts:
        from textsamverkan.pii.ner import NerPersonFinder

        finder = NerPersonFinder()
    return detect_corpus(texts, known_people(conn, list(texts)), ner=finder, min_confidence=REVIEW_FLOOR)


def pii_candidates(
    conn: sqlite3.Connection, texts: dict[str, str], options: RedactOptions
) -> tuple[dict[str, list[Detection]], list[str], str | None]:
    """(candidates per document, notes to print, the pii run read or None).

    The pii run is `options.pii_run`, else the current one for the corpus; documents it does not cover (added or
    changed since) are detected now. Without any pii run everything is detected now, and a note says so.
    """
    try:
        run, notes = read_run(conn, "pii", corpus=options.corpus, run_id=options.pii_run)
    except UserError as exc:
        if options.pii_run or exc.code != E_RUN_INPUT:
            raise
        note = (f"note: no pii run: detecting personal data now, nothing stored (run `{DETECT_COMMAND}` to store "
                "the detections and reuse them)")
        return candidates(conn, texts, ner=options.ner), [note], None
    found = stored_detections(conn, texts, run.run_id, set(run_doc_ids(conn, run)))
    missing = {doc_id: text for doc_id, text in texts.items() if doc_id not in found}
    if missing:
        found.update(candidates(conn, missing, ner=options.ner))
        notes.append(f"note: {len(missing)} document(s) are not in pii run {run.run_id} (added or changed since): "
                     f"detected now; run `{DETECT_COMMAND}` again to store them")
    return found, notes, run.run_id


def redaction_plan(conn: sqlite3.Connection, texts: dict[str, str], options: RedactOptions) -> CorpusRedaction:
    """Read the pii run (or detect), apply the reviewed decisions, build labels and redacted texts; the key is
    checked first. The plan's `notes` say which pii run was used."""
    key = load_key(options.key_file)
    rows = None
    if options.review is not None:
        from textsamverkan.pii.review import read_review

        rows = read_review(options.review)
    found, notes, run_id = pii_candidates(conn, texts, options)
    if rows is not None:
        from textsamverkan.pii.review import apply_review

        chosen = apply_review(found, texts, rows, key_check=key_check(key), min_confidence=options.min_confidence)
    else:
        chosen = select(found, options.min_confidence)
    plan = plan_redaction(texts, chosen, key=key, speakers=known_people(conn, list(texts)))
    plan.notes, plan.pii_run = notes, run_id
    return plan


def redact_corpus_view(conn: sqlite3.Connection, view: Any, options: RedactOptions) -> tuple[Any, CorpusRedaction]:
    """The CorpusView exports and the report read, redacted (its notes extended by which pii run was used), and the
    plan that redacted it. The pii run is looked up for the corpus of the coding run the view holds."""
    from dataclasses import replace

    from textsamverkan.pii.corpus import redact_view

    if options.corpus is None and getattr(view, "run", None) is not None:
        options = replace(options, corpus=view.run.corpus)
    plan = redaction_plan(conn, dict(view.texts), options)
    redacted = redact_view(view, plan)
    return replace(redacted, notes=[*view.notes, *plan.notes]), plan


def write_review_list(
    conn: sqlite3.Connection, path: Path, options: RedactOptions, *, corpus: str | None = None
) -> tuple[int, list[str]]:
    """Write the review list of every candidate to `path` (.csv or .xlsx); returns the number of rows and notes."""
    from dataclasses import replace

    from textsamverkan.pii.review import review_rows, write_review

    key = load_key(options.key_file)
    texts = corpus_texts(conn, corpus=corpus)
    found, notes, _run = pii_candidates(conn, texts, replace(options, corpus=corpus))
    plan = plan_redaction(texts, select(found, 0.0), key=key, speakers=known_people(conn, list(texts)))
    rows = review_rows(found, texts, plan.labels, key_check=key_check(key), min_confidence=options.min_confidence)
    write_review(rows, path)
    return len(rows), notes


def write_redacted_documents(
    conn: sqlite3.Connection, out_dir: Path, options: RedactOptions, *, corpus: str | None = None
) -> tuple[list[Path], list[str]]:
    """Write a redacted copy of every document's canonical text to `out_dir` (one .txt per document); returns the
    paths and notes (which pii run was used)."""
    import re
    from dataclasses import replace

    texts = corpus_texts(conn, corpus=corpus)
    plan = redaction_plan(conn, texts, replace(options, corpus=corpus))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, red in plan.redacted.items():
        name = re.sub(r"[^\w.-]+", "_", doc_id).strip("_")
        path = out_dir / (name if name.endswith(".txt") else name + ".txt")
        path.write_text(red.text, encoding="utf-8")
        paths.append(path)
    return paths, plan.notes
