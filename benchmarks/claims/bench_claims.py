"""Claim extraction speed and linking 1,000 statements against the interpellations corpus (after embeddings are cached).

    .venv/bin/python benchmarks/claims/bench_claims.py [--embedder static-sv] [--rules-only]

Ingests ../shared/data/riksdagen/interpellations into a temporary database, extracts claims (words/s), embeds
every passage once (cached), then links 1,000 statements: sentences sampled with a fixed seed from the corpus and
lightly reworded (first word dropped) so they are not verbatim quotes.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CSV = (REPO / ".." / "shared" / "data" / "riksdagen" / "interpellations" / "interpellations_2020_2021.csv").resolve()


def main() -> None:
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
    from textsamverkan.stages.claims import run_claims
    from textsamverkan.stages.link import build_linker, link_statements
    from textsamverkan.store import connect
    from textsamverkan.store.documents import list_doc_ids

    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="static-sv")
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--rules-only", action="store_true", help="without the learned verifier (as link by default)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "b.db")
        ingest_paths(conn, [CSV], IngestOptions())
        words = conn.execute("SELECT SUM(n_words) FROM documents").fetchone()[0]
        t0 = time.perf_counter()
        claims = run_claims(conn).value
        extract_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        build_linker(conn, list_doc_ids(conn), embedder=args.embedder)
        first_index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        linker = build_linker(conn, list_doc_ids(conn), embedder=args.embedder)
        cached_index_s = time.perf_counter() - t0
        rng = random.Random(20201)
        sentences = [s for q in linker.quotes for s in re.split(r"(?<=[.!?])\s+", q) if 8 <= len(s.split()) <= 30]
        statements = [" ".join(s.split()[1:]) for s in rng.sample(sentences, args.statements)]
        t0, c0 = time.perf_counter(), time.process_time()
        # what `textsamverkan link` runs: rank, then judge (with the learned verifier unless --rules-only)
        rows = link_statements(linker, statements, k=5, learned=not args.rules_only)
        link_s, link_cpu = time.perf_counter() - t0, time.process_time() - c0
        status = {r["statement_no"]: r["status"] for r in rows}
        supported = sum(v == "supported" for v in status.values())
        judged = sum(r["verdict"] is not None for r in rows)
        verdicts = {v: sum(s == v for s in status.values()) for v in sorted(set(status.values()))}
    print(f"corpus: {len(linker.quotes)} passages, {words} words; embedder {args.embedder}")
    print(f"| claim extraction | {len(claims)} claims | {extract_s:.1f} s | {words / extract_s:,.0f} words/s |")
    print(f"| link index, embeddings computed | | {first_index_s:.1f} s | |")
    print(f"| link index, embeddings cached | | {cached_index_s:.1f} s | |")
    print(
        f"| link {args.statements} statements (cached) | {supported} supported | {link_s:.1f} s "
        f"({link_cpu:.1f} s CPU) | {args.statements / link_s:,.0f} statements/s |"
    )
    print(f"candidates judged: {judged} of {5 * args.statements}; verdicts: {verdicts}")
    lifted = sum("learned" in (r["reasons"] or {}) for r in rows)
    print(f"candidates the learned verifier made supported: {lifted}")


if __name__ == "__main__":
    main()
