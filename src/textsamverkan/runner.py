"""The stage runner: every corpus stage runs through `run_stage`; every reader finds its run with `read_run`.

A stage declares what it reads and writes (`StageSpec`). The runner checks each declared read for each selected
document and refuses, naming the documents and the command to run first; records the run (settings, package and model
versions, input text hashes, the runs of other stages it reads, anything else that made it, such as the codebook's
full content); hands the stage a `RunContext` that loads only the declared layers and writes only the declared ones
under the run's id; and publishes atomically. Readers see the last complete run of a stage: a killed or failed run
leaves the previous results current and is marked failed; two runs at once each write their own rows, and the one that
finishes last becomes current.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from textsamverkan.errors import E_NO_RUN, E_RUN_INPUT, E_STAGE_MISSING, UserError
from textsamverkan.model import Document, RunRecord, Span, Speaker
from textsamverkan.model.run import COMPLETE, FAILED
from textsamverkan.store.documents import (
    EncodedSpans,
    SpanWrite,
    add_spans_many,
    documents_lacking,
    encode_spans,
    get_document,
    list_doc_ids,
    load_speakers,
)
from textsamverkan.store.runs import (
    complete_run,
    current_run,
    fail_run,
    get_run,
    heartbeat,
    incomplete_sources,
    latest_run,
    reap_dead_runs,
    run_documents,
    start_run,
    text_hashes,
    to_json,
)

T = TypeVar("T")

INGEST = "textsamverkan ingest PATH…"
ANNOTATE = "textsamverkan annotate"
LAYER_PRODUCERS = {"block": INGEST, "passage": INGEST, "turn": INGEST, "sentence": ANNOTATE, "token": ANNOTATE}
STAGE_COMMANDS = {
    "ingest": INGEST,
    "annotate": ANNOTATE,
    "embed": "textsamverkan embed",
    "themes": "textsamverkan themes",
    "claims": "textsamverkan claims",
    "pii": "textsamverkan pii detect",
}
HEARTBEAT_EVERY = 200  # documents between heartbeats
WRITE_BATCH_ROWS = 20_000  # span rows held before a write (about a hundred annotated passages)


@dataclass(frozen=True)
class StageSpec:
    """What a stage is and touches.

    name: versioned ("themes.v2"); new behaviour gets a new version. stage: the run kind readers ask for.
    reads: document layers every selected document must have; uses: layers read when present.
    writes: layers written; per_run: written spans belong to the run (readers choose a run) rather than to the
    document (the latest write wins, as for annotation). reads_runs / uses_runs: stages whose current complete run
    this one reads, required or when present. documents: False for a stage that does not work on stored documents
    (ingest writes them).
    """

    name: str
    stage: str
    reads: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    per_run: bool = False
    reads_runs: tuple[str, ...] = ()
    uses_runs: tuple[str, ...] = ()
    documents: bool = True


@dataclass
class RunContext:
    """What a running stage gets: its documents, the runs it reads, and the only ways it reads and writes spans."""

    conn: sqlite3.Connection
    spec: StageSpec
    run: RunRecord
    doc_ids: list[str]
    input_runs: dict[str, RunRecord]
    summary: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _done: int = 0
    _pending: list[SpanWrite] = field(default_factory=list)
    _pending_rows: int = 0

    @property
    def run_id(self) -> str:
        return self.run.run_id

    def document(self, doc_id: str) -> Document:
        """The document's canonical text with the layers the stage declared (reads and uses)."""
        self._tick()
        return get_document(self.conn, doc_id, layers=[*self.spec.reads, *self.spec.uses])

    def run_spans(self, doc_id: str, stage: str, layer: str) -> list[Span]:
        """The spans on `layer` that the input run of `stage` wrote for a document ([] when no such run was read)."""
        run = self.input_runs.get(stage)
        if run is None:
            return []
        if stage not in (*self.spec.reads_runs, *self.spec.uses_runs):
            raise ValueError(f"{self.spec.name} did not declare that it reads {stage} runs")
        spans = get_document(self.conn, doc_id, layers=[layer], run_id=run.run_id).spans
        return spans

    def speakers(self, doc_id: str) -> dict[str, Speaker]:
        return load_speakers(self.conn, doc_id)

    def write(self, doc_id: str, spans: list[Span] | EncodedSpans, *, stage: str | None = None) -> None:
        """Store a document's results on the declared layers, under this run (or the document, see `per_run`);
        spans may come already encoded for the store (`store.documents.encode_spans`, e.g. on a worker).

        `stage` names what made them when it is more than the stage's versioned name (annotate adds its model).
        Writes are held here and written a batch at a time (`WRITE_BATCH_ROWS`, one transaction; no lock is held
        meanwhile), the last batch when the stage's body returns; a failed run writes nothing of what it held.
        """
        encoded = spans if isinstance(spans, EncodedSpans) else encode_spans(spans)
        name = stage or (f"{self.spec.name}:{self.run_id}" if self.spec.per_run else self.spec.name)
        self._pending.append(SpanWrite(doc_id, encoded, name))
        self._pending_rows += max(1, len(encoded))
        if self._pending_rows >= WRITE_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the held results now, in one transaction."""
        if self._pending:
            run_id = self.run_id if self.spec.per_run else None
            add_spans_many(self.conn, self._pending, layers=self.spec.writes, run_id=run_id)
        self._pending, self._pending_rows = [], 0

    def _tick(self) -> None:
        self._done += 1
        if self._done % HEARTBEAT_EVERY == 0:
            heartbeat(self.conn, self.run_id)


@dataclass
class StageResult(Generic[T]):
    """A finished run: its record, what the stage returned, and notes for the user (stale inputs, warnings)."""

    run: RunRecord
    value: T
    notes: list[str] = field(default_factory=list)


def run_stage(
    conn: sqlite3.Connection,
    spec: StageSpec,
    body: Callable[[RunContext], T],
    *,
    corpus: str | None = None,
    settings: dict[str, Any] | None = None,
    record: dict[str, Any] | None = None,
    run_ids: dict[str, str] | None = None,
    doc_ids: list[str] | None = None,
    out_dir: Callable[[str], Path] | None = None,
    make_current: bool = True,
) -> StageResult[T]:
    """Run `body` as one recorded, atomically published run of `spec` over `corpus` (None: the whole database).

    settings: the resolved settings; record: anything else that made the run (the codebook's content, model ids);
    run_ids: explicit runs of the stages it reads (else their current runs); doc_ids: a subset of the corpus;
    out_dir: where to write manifest.json beside the run's files, given the run id; make_current: False for a run
    that readers use only when named with `--run` (an imported or corrected coding), leaving the current run as is.
    """
    notes = [f"note: {n}" for n in _reap(conn)]
    selected: list[str] = []
    if spec.documents:
        selected = doc_ids if doc_ids is not None else list_doc_ids(conn, corpus=corpus)
        notes += ingest_warnings(conn, corpus)
        _check_reads(conn, spec, selected)
    inputs = {
        stage: run
        for stage in (*spec.reads_runs, *spec.uses_runs)
        if (run := _input_run(conn, stage, corpus, (run_ids or {}).get(stage), required=stage in spec.reads_runs))
    }
    manifest = {
        "settings": settings or {},
        **(record or {}),
        "spec": {"name": spec.name, "reads": list(spec.reads), "uses": list(spec.uses), "writes": list(spec.writes)},
        "input_runs": {stage: run.run_id for stage, run in inputs.items()},
    }
    run = start_run(conn, stage=spec.stage, scope=corpus, manifest=manifest, inputs=text_hashes(conn, selected))
    context = RunContext(conn, spec, run, selected, inputs)
    try:
        value = body(context)
        context.flush()
    except BaseException as exc:
        fail_run(conn, run.run_id, f"{type(exc).__name__}: {exc}")
        raise
    done = complete_run(conn, run, context.summary, make_current=make_current)
    notes += context.notes
    changed = [d for d, stale in run_documents(conn, done.run_id).items() if stale]
    if changed:
        notes.append(
            f"warning: {len(changed)} document(s) changed while this run read them ({_names(changed)}); "
            f"run `{STAGE_COMMANDS.get(spec.stage, spec.stage)}` again"
        )
    if out_dir is not None:
        folder = out_dir(done.run_id)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "manifest.json").write_text(
            json.dumps(json.loads(to_json(done.manifest)), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return StageResult(done, value, notes)


def read_run(
    conn: sqlite3.Connection, stage: str, *, corpus: str | None = None, run_id: str | None = None
) -> tuple[RunRecord, list[str]]:
    """The run a reading command uses (`run_id`, else the current complete run for the corpus) and notes to print:
    which run it is, an ingest that did not finish, and any of its documents that changed since."""
    _reap(conn)
    run = _input_run(conn, stage, corpus, run_id, required=True)
    assert run is not None
    notes = [f"using {run.describe()}", *ingest_warnings(conn, corpus)]
    changed = [d for d, stale in run_documents(conn, run.run_id).items() if stale]
    if changed:
        notes.append(
            f"warning: {len(changed)} document(s) changed since this run ({_names(changed)}): their results are "
            f"left out; run `{STAGE_COMMANDS.get(stage, stage)}` again"
        )
    return run, notes


def run_doc_ids(conn: sqlite3.Connection, run: RunRecord, *, corpus: str | None = None) -> list[str]:
    """The documents a run covered that still hold the text it read (optionally only those of `corpus`)."""
    current = [d for d, stale in run_documents(conn, run.run_id).items() if not stale]
    if corpus is None:
        return current
    in_corpus = set(list_doc_ids(conn, corpus=corpus))
    return [d for d in current if d in in_corpus]


def ingest_warnings(conn: sqlite3.Connection, corpus: str | None) -> list[str]:
    """Warnings that the corpus may be incomplete: an ingest that did not finish, or files only partly stored."""
    out = []
    last = latest_run(conn, "ingest")
    if last is not None and last.status == FAILED:
        out.append(
            f"warning: the last ingest ({last.run_id}) did not finish, so the corpus may lack files; "
            "run the same `textsamverkan ingest` again to complete it"
        )
    pending = incomplete_sources(conn, corpus=corpus)
    if pending:
        out.append(f"warning: {pending} document(s) come from files whose ingest stopped part-way; ingest them again")
    return out


def _reap(conn: sqlite3.Connection) -> list[str]:
    return [f"run {run_id} had stopped without finishing: marked failed" for run_id in reap_dead_runs(conn)]


def _check_reads(conn: sqlite3.Connection, spec: StageSpec, doc_ids: list[str]) -> None:
    if not doc_ids:
        raise UserError(
            E_STAGE_MISSING,
            "there are no documents to work on",
            "Run `textsamverkan ingest PATH…` first (and check --corpus).",
        )
    for layer in spec.reads:
        lacking = documents_lacking(conn, doc_ids, layer)
        if lacking:
            raise UserError(
                E_STAGE_MISSING,
                f"{spec.name} reads the '{layer}' layer, which {len(lacking)} of {len(doc_ids)} document(s) lack: "
                f"{_names(lacking)}",
                f"Run `{LAYER_PRODUCERS.get(layer, 'the stage that writes ' + layer)}` first.",
            )


def _input_run(
    conn: sqlite3.Connection, stage: str, corpus: str | None, run_id: str | None, *, required: bool
) -> RunRecord | None:
    command = STAGE_COMMANDS.get(stage, f"textsamverkan {stage}")
    if run_id:
        run = get_run(conn, run_id)
        if run is None:
            raise UserError(E_NO_RUN, f"no run '{run_id}'", "List runs with `textsamverkan runs`.")
        listing = f"`textsamverkan runs --stage {stage}`"
        if run.stage != stage:
            raise UserError(E_NO_RUN, f"run {run.run_id} is a {run.stage} run, not a {stage} run", f"List: {listing}.")
        if run.status != COMPLETE:
            raise UserError(
                E_NO_RUN,
                f"run {run.run_id} is {run.status}, not complete: its results are never read",
                f"Choose a complete run ({listing}), or run `{command}`.",
            )
        return run
    run = current_run(conn, stage, corpus) or (current_run(conn, stage, None) if corpus else None)
    if run is None and corpus is None:
        run = latest_run(conn, stage, status=COMPLETE, current_only=True)
    if run is None and required:
        where = f" for corpus {corpus}" if corpus else ""
        raise UserError(E_RUN_INPUT, f"there is no complete {stage} run{where}", f"Run `{command}` first.")
    return run


def _names(doc_ids: list[str], limit: int = 5) -> str:
    return ", ".join(doc_ids[:limit]) + (f" and {len(doc_ids) - limit} more" if len(doc_ids) > limit else "")
