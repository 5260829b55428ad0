"""End-to-end timing of the human-coding commands on a stored corpus: export → a second coder's edits → import →
agree (characters with a 1,000-replicate bootstrap, sentences, segments) → export with both coders → review sample
→ read back with a corrected run.

The corpus is the sample corpus's documents repeated with their sentences shuffled (seeded), so the codebook finds
hits; the "second coder" is the tool's own export with every tenth selection removed and every seventh shortened,
under another user's name. Only the timings mean anything; agreement figures on such data say nothing.

Run: PYTHONPATH=src python benchmarks/coding/bench_coding_runs.py [DOCUMENTS] [WORKDIR]
"""

from __future__ import annotations

import csv
import random
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from textsamverkan.cli.main import cli

SEEDS = Path(__file__).resolve().parents[2] / "corpora" / "seeds"
NS = "{urn:QDA-XML:project:1.0}"


def make_corpus(folder: Path, documents: int) -> None:
    rng = random.Random(18)
    sentences = [s for p in sorted(SEEDS.glob("*.txt")) for s in re.split(r"(?<=[.!?])\s+", p.read_text("utf-8"))]
    folder.mkdir(parents=True)
    for i in range(documents):
        picked = rng.sample(sentences, min(len(sentences), 60))
        (folder / f"doc_{i:04d}.txt").write_text(" ".join(picked) + "\n", encoding="utf-8")


def second_coder(exported: Path, edited: Path) -> None:
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(members["project.qde"])
    bo = "bbbbbbbb-0000-4000-8000-000000000001"
    etree.SubElement(root.find(NS + "Users"), NS + "User", guid=bo, name="Bo")
    for i, sel in enumerate(list(root.iter(NS + "PlainTextSelection"))):
        if i % 10 == 0:
            sel.getparent().remove(sel)
            continue
        if i % 7 == 0:
            sel.set("startPosition", str(int(sel.get("startPosition")) + 5))
        for el in (sel, *sel.iter(NS + "Coding")):
            el.set("creatingUser", bo)
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def timed(db: Path, label: str, *args: str) -> str:
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    print(f"{label}: {elapsed:.2f} s")
    return result.stdout


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    work = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp())
    make_corpus(work / "corpus", documents)
    db = work / "bench.db"
    timed(db, f"ingest {documents} documents", "ingest", str(work / "corpus"), "-q")
    out = timed(db, "themes", "themes", "--no-topics", "--outputs", str(work / "runs"))
    tool = re.search(r"run (\S+):", out)
    assert tool
    print(out.splitlines()[0][:160])
    timed(db, "export qdpx (every document, evidence memos)", "export", "--format", "qdpx", "-o",
          str(work / "tool.qdpx"))
    second_coder(work / "tool.qdpx", work / "bo.qdpx")
    out = timed(db, "import (one run per coder)", "import", str(work / "bo.qdpx"))
    print(out.strip())
    bo = re.search(r"^Bo: run (\S+),", out, flags=re.M)
    assert bo
    pair = ["--run", tool.group(1), "--against", bo.group(1), "--format", "csv"]
    out = timed(db, "agree, characters, 1,000 bootstrap replicates, disagreements.xlsx", "agree", *pair,
                "--disagreements", str(work / "disagreements.xlsx"))
    pooled = out.strip().splitlines()[-1].split(",")
    print(f"  pooled row: {pooled[:13]}")
    timed(db, "agree, sentences, 1,000 replicates", "agree", *pair, "--units", "sentences")
    timed(db, "agree, segments (90 %), 1,000 replicates", "agree", *pair, "--units", "segments")
    timed(db, "export qdpx with both coders", "export", "--format", "qdpx", "--run", tool.group(1), "--run",
          bo.group(1), "-o", str(work / "both.qdpx"))
    timed(db, "report --against (disagreement section)", "report", "--run", tool.group(1), "--against",
          bo.group(1), "-o", str(work / "consensus.html"))
    timed(db, "review: draw 30 hits + 10 uncoded", "review", "ppe", "-n", "30", "--uncoded", "10", "-o",
          str(work / "sheet.csv"))
    with (work / "sheet.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    for i, row in enumerate(rows):
        row["decision"] = "drop" if i % 5 == 0 else "keep"
    with (work / "sheet.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = timed(db, "review --read --corrected", "review", "--read", str(work / "sheet.csv"), "--corrected")
    print("  " + " · ".join(line for line in out.splitlines() if line.startswith(("precision", "corrected"))))


if __name__ == "__main__":
    main()
