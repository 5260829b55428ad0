"""Ingest throughput (documents/s, MB/s) and peak memory on real corpora from ../shared/data.

Each measurement runs in a fresh process so peak memory (ru_maxrss) belongs to that run alone. Running the same
corpus at two sizes shows whether memory grows with corpus size (it must not: ingest streams).

    .venv/bin/python benchmarks/bench_ingest.py            # prints a Markdown table for benchmarks/RESULTS.md
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data").resolve()

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.store import connect
db, *paths = sys.argv[1:]
files = [p for a in paths for p in ([Path(a)] if Path(a).is_file() else Path(a).rglob("*")) if p.is_file()]
size = sum(p.stat().st_size for p in files)
conn = connect(db)
t0 = time.perf_counter()
summary = ingest_paths(conn, [Path(p) for p in paths], IngestOptions(read=ReadOptions(max_file_mb=100)))
seconds = time.perf_counter() - t0
print(json.dumps({"documents": summary.documents, "failed": len(summary.failed), "seconds": seconds,
                  "mb": size / 1e6, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(paths: list[Path]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(Path(tmp) / "b.db"), *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def subset_csv(source: Path, rows: int, target: Path) -> Path:
    with (
        source.open(encoding="utf-8", newline="") as src,
        target.open("w", encoding="utf-8", newline="") as dst,
    ):
        import csv

        reader = csv.reader(src)
        writer = csv.writer(dst)
        for i, row in enumerate(reader):
            if i > rows:
                break
            writer.writerow(row)
    return target


def main() -> None:
    gov = DATA / "regeringen_g0vse" / "docs"
    interp = DATA / "riksdagen" / "interpellations" / "interpellations_2020_2021.csv"
    cases: list[tuple[str, list[Path]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        small_gov = Path(tmp) / "gov_small"
        for i, md in enumerate(sorted(gov.rglob("*.md"))):
            if i % 4 == 0:
                target = small_gov / md.relative_to(gov)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(md, target)
        cases += [("regeringen_g0vse, 1/4", [small_gov]), ("regeringen_g0vse, all", [gov])]
        cases += [
            ("interpellations CSV, 300 rows", [subset_csv(interp, 300, Path(tmp) / "i300.csv")]),
            ("interpellations CSV, all", [interp]),
        ]
        print(
            f"Machine: {platform.machine()}, {platform.python_version()}, "
            f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; {date.today()}\n"
        )
        print("| corpus | documents | MB | seconds | documents/s | MB/s | peak memory (MB) |")
        print("|---|---|---|---|---|---|---|")
        for name, paths in cases:
            r = measure(paths)
            print(
                f"| {name} | {r['documents']:.0f} | {r['mb']:.1f} | {r['seconds']:.1f} | "
                f"{r['documents'] / r['seconds']:.0f} | {r['mb'] / r['seconds']:.2f} | {r['peak_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
