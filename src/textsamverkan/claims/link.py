"""Link external statements to passages and judge them: hybrid ranking, then a verdict with reasons per candidate.

`Linker` is a pure ranking object: it is given the passages (anything with doc_id, start, end, speaker and text) and
their vectors, plus the query encoder, and never reads a database or loads a model itself (stages/link.py does that).
Each passage gets `score = weight * cosine + (1 - weight) * bm25 / (bm25 + saturation)`. The best `RERANK_DEPTH` are
ordered again by what their best sentence holds, since a long speaker turn that says the statement in one sentence
otherwise loses to short lines that share a name: first by `score + EVIDENCE_WEIGHT * overlap` (the share of the
statement's words found, by their first letters, in one sentence: cheap), then the best `FULL_DEPTH` of those and the
`KEEP_RANKED` best by score alone by `score + EVIDENCE_WEIGHT * coverage` (the best evidence as the verdict scores
it); when the first passage's evidence already holds `SURE` of the statement, the order stays as it is. The top k
are judged by `claims.verdict` on their best sentence(s), in rank order, stopping once no lower passage can change
the verdict. `supported` on a result keeps the old meaning (the best score among the k reaches `threshold`);
`verdict` says whether the evidence actually backs the statement. The ranking defaults were calibrated with the
static-sv embedder on benchmarks/claims/eval_statements.json (see eval_link.py).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from textsamverkan.claims.verdict import MAX_STATEMENT_CHARS, Judgement
from textsamverkan.settings import default

DEFAULT_WEIGHT = 0.7
DEFAULT_SATURATION = 8.0
RERANK_DEPTH = 40
FULL_DEPTH = 12
KEEP_RANKED = 6
SURE = 0.9
EVIDENCE_WEIGHT = 0.5
DEFAULT_THRESHOLD: float = default("link", "threshold")  # the settings table holds the value
DEFAULT_LINK_EMBEDDER: str = default("link", "link_embedder")


@functools.cache
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on one thread. One statement against the passages is a small product:
    split over threads it waits on them whenever the cores are busy (the learned verifier's threads, other work),
    and its last bits would depend on how many cores the machine has."""
    return _blas_controller().limit(limits=1, user_api="blas")


class PassageLike(Protocol):
    """What the linker needs of a passage reference."""

    @property
    def doc_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class QueryEncoder(Protocol):
    def encode(self, texts: Sequence[str], *, kind: Any = ...) -> Any: ...


@dataclass(frozen=True)
class Support:
    """One candidate passage for a statement, with its scores, provenance and (when judged) its verdict."""

    doc_id: str
    start: int
    end: int
    score: float
    cosine: float
    bm25: float
    speaker: str
    quote: str
    context: str = ""  # the document's title, organisation and region, which judging may use for actors and places
    judgement: Judgement | None = None


@dataclass(frozen=True)
class LinkResult:
    """`supported`: the best ranking score reaches the threshold; `verdict`: what the evidence says (see verdict.py)."""

    statement: str
    supported: bool
    supports: list[Support]
    verdict: str = "no_evidence"
    decided_by: int | None = None
    notes: list[str] = field(default_factory=list)


class Linker:
    """Passages indexed for BM25 plus their given vectors; `link(statement)` ranks them and judges the best k."""

    def __init__(
        self,
        passages: Sequence[PassageLike],
        vectors: Any,
        encoder: QueryEncoder,
        *,
        speakers: Sequence[str] | None = None,
        contexts: Sequence[str] | None = None,
        weight: float = DEFAULT_WEIGHT,
        saturation: float = DEFAULT_SATURATION,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        import numpy as np

        from textsamverkan.claims.bm25 import BM25, terms

        self.refs = list(passages)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        if len(self.refs) != len(self.vectors):
            raise ValueError(f"{len(self.refs)} passages but {len(self.vectors)} vectors")
        self.model = encoder
        self.quotes: list[str] = [ref.text for ref in self.refs]
        self.speakers: list[str] = list(speakers) if speakers is not None else [r.speaker or "" for r in self.refs]
        self.contexts: list[str] = list(contexts) if contexts is not None else [""] * len(self.refs)
        self.bm25 = BM25([terms(q) for q in self.quotes])
        self.weight = weight
        self.saturation = saturation
        self.threshold = threshold

    def scores(self, statement: str) -> tuple[Any, Any, Any]:
        """Hybrid, cosine and BM25 scores of every passage for `statement` (numpy arrays)."""
        import numpy as np

        from textsamverkan.claims.bm25 import terms

        query = np.asarray(self.model.encode([statement], kind="query"), dtype=np.float32).reshape(-1)
        with _one_blas_thread():
            cosine = np.asarray(self.vectors @ query, dtype=np.float64)
        lexical = np.asarray(self.bm25.scores(terms(statement)), dtype=np.float64)
        hybrid = self.weight * cosine + (1 - self.weight) * lexical / (lexical + self.saturation)
        return hybrid, cosine, lexical

    def link(
        self, statement: str, *, k: int = 5, judge: bool = True, stop_early: bool = True, learned: bool = False
    ) -> LinkResult:
        """The top-k passages for `statement`, best first (ties: document order), each judged when `judge`
        (`judge_ranked`; `stop_early` and `learned` as there)."""
        ranked = self.rank(statement, k=k)
        return judge_ranked(ranked, stop_early=stop_early, learned=learned) if judge else ranked

    def rank(self, statement: str, *, k: int = 5) -> LinkResult:
        """The top-k passages for `statement`, best first (ties: document order), not judged yet."""
        import numpy as np

        notes: list[str] = []
        if len(statement) > MAX_STATEMENT_CHARS:
            notes.append(f"statement cut to its first {MAX_STATEMENT_CHARS} characters for judging")
        if not self.refs:
            return LinkResult(statement, False, [], "no_evidence", None, [*notes, "no passages to link against"])
        hybrid, cosine, lexical = self.scores(statement)
        order = self._rerank(statement, np.lexsort((np.arange(len(hybrid)), -hybrid))[:RERANK_DEPTH], hybrid)[:k]
        supports = [
            Support(
                doc_id=self.refs[i].doc_id,
                start=self.refs[i].start,
                end=self.refs[i].end,
                score=round(float(hybrid[i]), 4),
                cosine=round(float(cosine[i]), 4),
                bm25=round(float(lexical[i]), 4),
                speaker=self.speakers[i],
                quote=self.quotes[i],
                context=self.contexts[i],
            )
            for i in order
        ]
        supported = bool(supports) and max(s.score for s in supports) >= self.threshold
        return LinkResult(statement, supported, supports, notes=notes)

    def _rerank(self, statement: str, shortlist: Any, hybrid: Any) -> list[int]:
        """The shortlisted passages ordered by ranking score plus `EVIDENCE_WEIGHT` times the overlap of their best
        sentence; then the first `FULL_DEPTH` of them, and the `KEEP_RANKED` best by ranking score, by ranking score
        plus that weight times their best evidence's coverage (ties: the earlier order); unchanged when the first
        passage's evidence already holds `SURE` of the statement."""
        from textsamverkan.claims.evidence import best_evidence, overlap

        def reorder(indices: list[int], evidence: Any) -> list[int]:
            combined = {i: float(hybrid[i]) + EVIDENCE_WEIGHT * evidence(statement, self.quotes[i]) for i in indices}
            return sorted(indices, key=lambda i: -combined[i])

        ranked = [int(i) for i in shortlist]
        if not ranked or best_evidence(statement, self.quotes[ranked[0]]).coverage >= SURE:
            return ranked  # the first passage already holds the statement: nothing can come closer
        cheap = reorder(ranked, overlap)
        # the ranking's own best stay in the full comparison: the cheap overlap misses what only the full one sees
        # (an acronym spelt out, "IVA-platser" in "intensivvårdsplatser")
        full = cheap[:FULL_DEPTH] + [i for i in ranked[:KEEP_RANKED] if i not in cheap[:FULL_DEPTH]]
        rest = [i for i in cheap if i not in full]
        return reorder(full, lambda s, q: best_evidence(s, q).coverage) + rest


def judge_ranked(ranked: LinkResult, *, stop_early: bool = True, learned: bool = False) -> LinkResult:
    """`ranked` with its candidates judged in rank order and the statement's verdict. Pure (it needs nothing but
    the ranked result), so it runs wherever the work is sent.

    `stop_early`: leave unjudged (judgement None) the lower passages that cannot change the verdict: once a passage
    supports the statement, a lower-ranked one could only matter as an equally close contradiction, and its
    closeness is at most 1 + half its ranking score. `learned`: when the verdict is `partly`, the learned verifier
    reads the candidates judged `partly` only for want of words (claims/learned.py) and may make them `supported`."""
    from textsamverkan.claims.verdict import RIVAL_MARGIN, held_share, overall
    from textsamverkan.claims.verdict import judge as judge_passage

    supports = list(ranked.supports)
    closest_support: float | None = None
    for n, s in enumerate(supports):
        if stop_early and closest_support is not None and 1.0 + 0.5 * s.score < closest_support - RIVAL_MARGIN:
            break  # neither this passage nor any lower one can come as close as the support already found
        j = judge_passage(ranked.statement, s.quote, offset=s.start, context=s.context)
        supports[n] = replace(s, judgement=j)
        if j.verdict == "supported":
            closest_support = max(closest_support or 0.0, held_share(j.reasons) + 0.5 * s.score)
    judged = [n for n, s in enumerate(supports) if s.judgement is not None]
    if not judged:
        return replace(ranked, supports=supports)
    judgements = [j for j in (supports[n].judgement for n in judged) if j is not None]
    scores = [supports[n].score for n in judged]
    verdict, decided = overall(judgements, scores)
    if learned and verdict == "partly":
        from textsamverkan.claims.learned import second_look

        judgements = second_look(ranked.statement, judgements)
        for n, j in zip(judged, judgements, strict=True):
            supports[n] = replace(supports[n], judgement=j)
        verdict, decided = overall(judgements, scores)
    decided_by = judged[decided] if decided is not None else None
    return replace(ranked, supports=supports, verdict=verdict, decided_by=decided_by)


def judge_shard(ranked: Sequence[LinkResult], *, learned: bool = False) -> list[LinkResult]:
    """`judge_ranked` over a shard of ranked statements (the per-statement work a runner can send to workers)."""
    return [judge_ranked(r, learned=learned) for r in ranked]


def read_statements_with_notes(path: Any) -> tuple[list[str], list[str]]:
    """Statements from a text file (one per line; blank lines and #-comments skipped) or a CSV with a `statement`
    column, decoded as ingest decodes text (UTF-8, else CP1252 with a note), and notes for the user."""
    import csv

    from textsamverkan.errors import E_EMPTY, E_MALFORMED, UserError, did_you_mean
    from textsamverkan.ingest.readers.base import ReadOptions, read_text_file

    file = Path(path)
    text, notes = read_text_file(file, ReadOptions())  # E102 empty, E103 binary, CP1252 and UTF-16 noted
    if file.suffix.lower() in (".csv", ".tsv"):
        dialect = csv.excel_tab if file.suffix.lower() == ".tsv" or "\t" in text.splitlines()[0] else csv.excel
        if file.suffix.lower() == ".csv" and ";" in text.splitlines()[0] and "," not in text.splitlines()[0]:
            reader = csv.DictReader(text.splitlines(), delimiter=";")
        else:
            reader = csv.DictReader(text.splitlines(), dialect=dialect)
        columns = [c.strip() for c in (reader.fieldnames or [])]
        if "statement" not in [c.lower() for c in columns]:
            raise UserError(
                E_MALFORMED,
                f"{file}: no 'statement' column (columns: {', '.join(columns) or 'none'})."
                + did_you_mean("statement", columns),
                "Give the CSV a header row with a 'statement' column, or use a text file with one statement a line.",
            )
        name = next(c for c in (reader.fieldnames or []) if c.strip().lower() == "statement")
        statements = [(r.get(name) or "").strip() for r in reader]
        statements = [s for s in statements if s]
    else:
        statements = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not statements:
        raise UserError(E_EMPTY, f"{file}: no statements in the file", "Write one statement per line.")
    long = [n for n, s in enumerate(statements, 1) if len(s) > MAX_STATEMENT_CHARS]
    if long:
        notes.append(
            f"{len(long)} statement(s) longer than {MAX_STATEMENT_CHARS} characters (first: no. {long[0]}); "
            "they are ranked whole but judged on their first part. Split them into single claims for a clear verdict."
        )
    return statements, notes


def read_statements(path: Any) -> list[str]:
    """Statements from a text file or a CSV (see `read_statements_with_notes`)."""
    return read_statements_with_notes(path)[0]
