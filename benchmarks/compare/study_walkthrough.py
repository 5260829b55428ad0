"""The README's study walkthrough, run as a user would: government pages and Riksdag interpellations, end to end
through the command line, with and without counting authors once.

Builds the interpellation table with each author's region (scripts/riksdagen_manifest.py), ingests it and the
government pages (with their manifest) into a fresh workspace, codes them with the bundled codebook, extracts
claims, compares regions counting documents apart (`--cluster none`) and counting each author once (the default
when authors wrote several documents, as `--cluster author`), compares the two corpora and the quarters, writes the
report and the XLSX export, and prints what a researcher would conclude, with timings.

    .venv/bin/python benchmarks/compare/study_walkthrough.py [--out DIR] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


class Workspace:
    """Runs `textsamverkan --db DB ...` as a user would, timing each command."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.exe = str(Path(sys.executable).with_name("textsamverkan"))
        self.timings: list[tuple[str, float]] = []

    def run(self, label: str, *args: str) -> subprocess.CompletedProcess[str]:
        t0 = time.perf_counter()
        done = subprocess.run([self.exe, "--db", str(self.db), *args], capture_output=True, text=True, check=False)
        self.timings.append((label, time.perf_counter() - t0))
        if done.returncode != 0:
            raise SystemExit(f"{label} failed ({done.returncode}):\n{done.stderr}")
        return done

    def table(self, label: str, *args: str) -> tuple[list[dict[str, Any]], str]:
        done = self.run(label, *args, "--format", "json")
        rows: list[dict[str, Any]] = json.loads(done.stdout)
        return rows, done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="folder for the workspace and outputs")
    parser.add_argument("--shared", type=Path, default=(REPO / ".." / "shared").resolve())
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="study-walkthrough-"))
    out.mkdir(parents=True, exist_ok=True)
    data = args.shared / "data"
    db = out / "study.db"
    db.unlink(missing_ok=True)
    ws = Workspace(db)

    table = out / "interpellations.csv"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(REPO / "scripts" / "riksdagen_manifest.py"), str(table), "--shared",
                    str(args.shared)], check=True, capture_output=True)
    ws.timings.append(("manifest", time.perf_counter() - t0))
    ws.run("ingest interpellations", "ingest", str(table), "--kind", "interpellation", "-q")
    pages = data / "regeringen_g0vse"
    ws.run("ingest government pages", "ingest", str(pages / "docs"), "--manifest", str(pages / "manifest.csv"),
           "--corpus", "regeringen", "--kind", "web", "--organisation", "Regeringskansliet", "-q")
    ws.run("themes (bundled codebook)", "themes", "--no-topics", "--outputs", str(out / "runs"))
    ws.run("claims", "claims", "--format", "json", "-o", str(out / "claims.json"))

    scope = ("--corpus", "interpellations")
    by_doc, _ = ws.table("compare region, documents apart", "compare", *scope, "--by", "region", "--cluster", "none",
                         "--table", "tests")
    by_author, note = ws.table("compare region, authors once (default)", "compare", *scope, "--by", "region",
                               "--table", "tests")
    cells, _ = ws.table("compare region cells", "compare", *scope, "--by", "region")
    corpora, _ = ws.table("compare corpus", "compare", "--by", "corpus", "--table", "tests")
    corpus_cells, _ = ws.table("compare corpus cells", "compare", "--by", "corpus")
    quarters, _ = ws.table("compare quarter", "compare", *scope, "--by", "quarter", "--table", "tests")
    report = out / "report.html"
    ws.run("report (all corpora, by region)", "report", "-o", str(report))
    ws.run("export xlsx", "export", "--format", "xlsx", "-o", str(out / "study.xlsx"))

    print(f"# Study walkthrough: {out}")
    print("\n## Clustering note printed by compare")
    print("".join(line for line in note.splitlines(keepends=True) if "clustered" in line).strip())
    print("\n## Regions (interpellations): BH-adjusted p, documents apart vs. authors once")
    doc_p = {r["theme"]: r for r in by_doc}
    for r in by_author:
        d = doc_p[r["theme"]]
        print(f"- {r['theme']}: documents {d['p_adjusted']} ({d['method']}), authors {r['p_adjusted']}; highest "
              f"{r['highest_group']} ({r['highest_share']}), lowest {r['lowest_group']} ({r['lowest_share']})")
    significant = [r["theme"] for r in by_doc if r["p_adjusted"] is not None and r["p_adjusted"] < 0.05]
    remaining = [r["theme"] for r in by_author if r["p_adjusted"] is not None and r["p_adjusted"] < 0.05]
    tested = [r["p_adjusted"] for r in by_author if r["p_adjusted"] is not None]
    print(f"documents apart: {len(significant)} of {len(by_doc)} themes differ by region at BH p < 0.05 "
          f"({', '.join(significant)}); authors once: {len(remaining)} ({', '.join(remaining) or 'none'}); "
          f"smallest clustered BH p {min(tested) if tested else None}")
    wide = [c for c in cells if c["passages"] and c["per_1000_high_clustered"] is not None
            and c["per_1000_high"] is not None]
    ratio = sorted((c["per_1000_high_clustered"] - c["per_1000_low_clustered"])
                   / max(1e-9, c["per_1000_high"] - c["per_1000_low"]) for c in wide)
    if ratio:
        print(f"clustered intervals are {ratio[len(ratio) // 2]:.2f}× as wide as the Poisson ones (median over "
              f"{len(ratio)} coded cells; max {ratio[-1]:.1f}×)")
    print("\n## Government pages vs. interpellations (authors once; pages without author count apart)")
    shares = {(c["group"], c["theme"]): c for c in corpus_cells}
    for r in corpora:
        g = shares[("regeringen", r["theme"])]
        i = shares[("interpellations", r["theme"])]
        print(f"- {r['theme']}: regeringen {g['share_documents']}, interpellations {i['share_documents']}, "
              f"BH p {r['p_adjusted']}")
    print("\n## Quarters (interpellations, authors once)")
    for r in quarters:
        print(f"- {r['theme']}: BH p {r['p_adjusted']}; highest {r['highest_group']} ({r['highest_share']}), "
              f"lowest {r['lowest_group']} ({r['lowest_share']})")
    print("\n## Timings (s)")
    print(f"machine: {platform.platform()}, Python {platform.python_version()}")
    for label, seconds in ws.timings:
        print(f"- {label}: {seconds:.2f}")
    print(f"\nreport {report.stat().st_size / 1e6:.1f} MB, xlsx {(out / 'study.xlsx').stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
