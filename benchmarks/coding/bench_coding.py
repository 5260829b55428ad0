"""Benchmarks for human coding in the loop: peak memory of reading a QDPX decompression bomb, and the time of
agreement (with a 1,000-replicate bootstrap), disagreement lists and QDPX export/import on a synthetic corpus.

Run: PYTHONPATH=src python benchmarks/coding/bench_coding.py [WORKDIR]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from textsamverkan.coding.agreement import compare_codings
from textsamverkan.coding.disagreements import disagreements
from textsamverkan.coding.qdpx_import import import_codings
from textsamverkan.export.qda_types import Coding, QdaCode
from textsamverkan.export.qdpx import corpus_sources, write_qdpx

BOMB_CHILD = """
import resource, sys
from textsamverkan.errors import UserError
from textsamverkan.export.qdpx_read import read_qdpx
try:
    read_qdpx(sys.argv[1])
    print("read")
except UserError as exc:
    print(exc.code)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def make_bomb(path: Path, gigabytes: float) -> None:
    """A project whose one source is `gigabytes` of zeros (about 1 MB compressed per GB)."""
    xml = ('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="bomb"><Sources>'
           '<TextSource guid="00000000-0000-0000-0000-000000000001" name="a" plainTextPath="internal://a.txt"/>'
           "</Sources></Project>")
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        with archive.open("sources/a.txt", "w", force_zip64=True) as handle:
            for _ in range(int(gigabytes * 1024)):
                handle.write(chunk)


def bench_bomb(work: Path) -> None:
    bomb = work / "bomb.qdpx"
    make_bomb(bomb, 1.0)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", BOMB_CHILD, str(bomb)], capture_output=True, text=True, check=True)
    outcome, peak = out.stdout.split()
    print(f"1 GB bomb ({bomb.stat().st_size / 1e6:.1f} MB file): {outcome}, peak RSS {peak} MB, "
          f"{time.perf_counter() - started:.2f} s")


def bench_agreement(work: Path) -> None:
    rng = random.Random(0)
    words = ["region", "kommun", "samverkan", "vård", "omsorg", "äldre", "plan", "testning", "skydd", "personal"]
    texts = {f"corpus/doc{i:04d}.txt": " ".join(rng.choice(words) for _ in range(800)) for i in range(500)}
    codes = [QdaCode(f"c{k}", f"Kod {k}") for k in range(10)]
    a, b = [], []
    for doc, text in texts.items():
        for _ in range(12):
            s = rng.randint(0, len(text) - 300)
            code = f"c{rng.randint(0, 9)}"
            a.append(Coding(doc, s, s + rng.randint(50, 300), code, user="A"))
            if rng.random() < 0.8:
                s2 = max(0, s + rng.randint(-40, 40))
                b.append(Coding(doc, s2, min(len(text), s2 + rng.randint(50, 300)), code, user="B"))
    lengths = {d: len(t) for d, t in texts.items()}
    chars = sum(lengths.values())
    for unit in ("character", "segment"):
        started = time.perf_counter()
        rows = compare_codings(a, b, unit=unit, lengths=lengths)  # type: ignore[arg-type]
        print(f"agreement, {unit} units, 500 docs ({chars / 1e6:.1f} M chars), {len(a) + len(b)} codings, "
              f"10 codes, bootstrap 1,000: {time.perf_counter() - started:.2f} s "
              f"(pooled kappa {rows[-1]['kappa']}, % {rows[-1]['percent_agreement']:.3f})")
    started = time.perf_counter()
    rows = disagreements(a, b, texts)
    print(f"disagreement list: {len(rows)} rows in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    path = write_qdpx(work / "two.qdpx", corpus_sources(texts), codes, [*a, *b], user_name="Researcher",
                      created="2026-12-02T00:00:00Z")
    written = time.perf_counter() - started
    started = time.perf_counter()
    imported = import_codings(path, texts, codes)
    print(f"QDPX with two coders: written in {written:.2f} s ({path.stat().st_size / 1e6:.1f} MB), imported in "
          f"{time.perf_counter() - started:.2f} s ({sum(len(v) for v in imported.by_coder.values())} codings)")


def main() -> None:
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    bench_bomb(work)
    bench_agreement(work)
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
