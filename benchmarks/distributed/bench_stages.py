"""Whole commands in this process against `--workers N`: `annotate --force`, `themes --no-topics` and `claims` on a
synthetic corpus stored by `ingest`, timed as a user runs them (start-up, model loads, store reads and writes
included).

Usage: python benchmarks/distributed/bench_stages.py [--passages 20000] [--repeats 3] [--workers 2]
           [--stages annotate,themes,claims] [--json out.json]

The corpus is `bench_scale.synthetic_corpus` (passages of 3-6 sentences resampled from public Swedish text,
numbers perturbed), one CSV row per passage, ingested once into a temporary database. Each repeat runs every
configuration of a stage back to back (in-process first, then the workers), so slow spells of a shared machine hit
both; the table gives the median of the repeats and the speed-up of the medians. After the runs the annotation,
the theme table and the claims table of the last in-process and worker runs are compared (they must be identical).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import synthetic_corpus, write_json  # noqa: E402

COMMANDS = {
    "annotate": ["annotate", "--force"],
    "themes": ["themes", "--no-topics"],
    "claims": ["claims", "--format", "csv"],  # reads the current themes run when there is one
}


def cli(db: Path, *args: str) -> float:
    """Seconds one `textsamverkan` command took, run as its own process."""
    t0 = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).with_name("textsamverkan")), "--db", str(db), *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def annotation_digest(db: Path) -> str:
    """sha256 over every sentence and token span in the store."""
    from textsamverkan.store import connect
    from textsamverkan.store.documents import get_document, list_doc_ids

    conn = connect(db)
    digest = hashlib.sha256()
    for doc_id in list_doc_ids(conn):
        for s in get_document(conn, doc_id, layers=["sentence", "token"]).spans:
            digest.update(json.dumps([doc_id, s.start, s.end, s.layer, s.label, s.attrs], sort_keys=True).encode())
    conn.close()
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--stages", default="annotate,themes,claims")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        table = root / "synthetic.csv"
        corpus = synthetic_corpus(args.passages)
        with table.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "text"])
            writer.writerows(corpus)
        db = root / "bench.db"
        seconds = cli(db, "ingest", str(table), "-q")
        words = sum(len(t.split()) for _, t in corpus)
        print(f"- {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; {args.passages:,} "
              f"passages, {words:,} words; ingest {seconds:.1f} s\n")  # fmt: skip
        print("| command | configuration | seconds (median) | runs | words/s | speed-up |")
        print("|---|---|---|---|---|---|")
        for stage in args.stages.split(","):
            configs = {"in-process": [], f"--workers {args.workers}": []}
            digests: dict[str, str] = {}
            for _ in range(args.repeats):
                for config, times in configs.items():
                    extra = config.split() if config.startswith("--") else []
                    outputs = root / "out" / config.replace(" ", "")
                    more = {"themes": ["--outputs", str(outputs)], "claims": ["-o", str(outputs) + ".csv"]}
                    times.append(cli(db, *COMMANDS[stage], *extra, *more.get(stage, [])))
                    if stage == "annotate":
                        digests[config] = annotation_digest(db)
                    elif stage == "claims":
                        digests[config] = hashlib.sha256(Path(str(outputs) + ".csv").read_bytes()).hexdigest()
                    else:
                        (run,) = sorted(outputs.iterdir(), key=lambda p: p.stat().st_mtime)[-1:]
                        digests[config] = hashlib.sha256((run / "theme_passages.csv").read_bytes()).hexdigest()
            base = statistics.median(configs["in-process"])
            for config, times in configs.items():
                median = statistics.median(times)
                print(f"| {' '.join(COMMANDS[stage])} | {config} | {median:.1f} | "
                      f"{', '.join(f'{t:.1f}' for t in times)} | {words / median:,.0f} | {base / median:.2f}× |",
                      flush=True)  # fmt: skip
                results[f"{stage}/{config}"] = {"median_s": median, "runs": times}
            same = len(set(digests.values())) == 1
            results[f"{stage}/identical"] = same
            print(f"|  | outputs identical: {'yes' if same else 'NO'} | | | | |", flush=True)
    return write_json(args.json, results)


if __name__ == "__main__":
    sys.exit(main())
