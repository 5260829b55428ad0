"""Worked example: compare Swedish regions on covid-era themes in the Riksdag interpellations 2020–2021.

Builds the interpellation table with each author's region (scripts/riksdagen_manifest.py), ingests it into a
temporary workspace with the real `textsamverkan ingest`, codes sentences for a few themes, compares regions,
parties and half-years, finds distinctive terms, exports everything (CSV, XLSX, JSON, QDPX, HTML) and prints
what a researcher would conclude, with timings.

    .venv/bin/python benchmarks/compare/riksdagen_example.py [--out DIR] [--coder auto|themes|keywords]

The coder: "themes" uses textsamverkan.themes with its bundled codebook (lexical rules); "keywords" a small
stand-in of regular expressions per theme (below); "auto" the former when its codebook is installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from textsamverkan.analysis.compare import Comparison, compare
from textsamverkan.analysis.terms import distinctive_terms, group_term_counts, simple_term_counts
from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import UserError
from textsamverkan.export.csv_export import write_csv_tables
from textsamverkan.export.json_export import tables_document, write_json
from textsamverkan.export.qda_types import codes_from_codebook
from textsamverkan.export.qdpx import write_passages_qdpx
from textsamverkan.export.report import write_report
from textsamverkan.export.xlsx_export import write_xlsx
from textsamverkan.store.db import connect
from textsamverkan.store.documents import document_rows, iter_documents

REPO = Path(__file__).resolve().parents[2]

# Stand-in coding: a sentence is coded with a theme when one of these patterns occurs in it (case-insensitive).
KEYWORD_THEMES: dict[str, tuple[str, str]] = {
    "pandemi": ("Pandemin (covid-19)", r"\b(?:covid\w*|corona\w*|pandemi\w*|sars-cov-2)"),
    "aldreomsorg": ("Äldreomsorg", r"\b(?:äldreomsorg\w*|äldreboend\w*|särskild\w* boend\w*|särskilt boende\w*|"
                    r"hemtjänst\w*|vård- och omsorgsboend\w*|omsorgsboend\w*)"),
    "skyddsutrustning": ("Skyddsutrustning", r"\b(?:skyddsutrustning\w*|munskydd\w*|visir\w*|andningsskydd\w*|"
                         r"skyddsmask\w*|skyddsmateriel\w*|handsprit\w*)"),
    "testning": ("Testning och smittspårning", r"\b(?:testning\w*|testa(?:s|t|ts|d|de)?|tester(?:na)?|"
                 r"testkapacitet\w*|provtagning\w*|smittspårning\w*|snabbtest\w*|antigentest\w*|"
                 r"antikroppstest\w*|covidtest\w*|självtest\w*|pcr\w*)\b"),
    "samverkan": ("Samverkan", r"\b(?:samverk\w*|samarbet\w*|samordn\w*)"),
}
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


def load_manifest_module() -> Any:
    spec = importlib.util.spec_from_file_location("riksdagen_manifest", REPO / "scripts" / "riksdagen_manifest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks, whitespace trimmed (good enough for a stand-in)."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def keyword_passages(doc_id: str, text: str, author: str) -> list[CodedPassage]:
    compiled = {k: re.compile(p, re.IGNORECASE) for k, (_, p) in KEYWORD_THEMES.items()}
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        for theme, pattern in compiled.items():
            if pattern.search(sentence):
                out.append(CodedPassage(doc_id, start, end, sentence, theme, 1.0, "keywords.v1", author, "ledamot",
                                        "Sveriges riksdag"))
    return out


def themes_coder() -> Any:
    """The theme helper's lexical coder, or None when its package or bundled codebook is not there."""
    try:
        from textsamverkan.segment.sentences import simple_sentences
        from textsamverkan.themes.codebook import load_default_codebook
        from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
    except ImportError:
        return None
    try:
        codebook = load_default_codebook()
    except (UserError, OSError):
        return None
    matcher = LexicalMatcher(codebook)

    def code(doc_id: str, text: str, author: str) -> list[CodedPassage]:
        hits = code_sentences(simple_sentences(doc_id, text, [(0, len(text))]), codebook, matcher=matcher)
        return [CodedPassage(h.doc_id, h.start, h.end, text[h.start:h.end], h.code, h.score, h.method, author,
                             "ledamot", "Sveriges riksdag") for h in hits]

    code.codebook = codebook  # type: ignore[attr-defined]
    return code


REPEAT = 3  # compare and export steps run this often; the median is reported


def timed(label: str, timings: dict[str, list[float]], func: Any, *args: Any, repeat: int = 1, **kwargs: Any) -> Any:
    """Run `func` `repeat` times, keep the last result and every duration (seconds)."""
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func(*args, **kwargs)
        timings.setdefault(label, []).append(time.perf_counter() - t0)
    return result


def bench(label: str, timings: dict[str, list[float]], func: Any, *args: Any, **kwargs: Any) -> Any:
    """`timed` with REPEAT runs (for the fast compare and export steps, whose times vary with machine load)."""
    return timed(label, timings, func, *args, repeat=REPEAT, **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="folder for the exports (default: a temp folder)")
    parser.add_argument("--coder", choices=("auto", "themes", "keywords"), default="keywords")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="riksdagen-compare-"))
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, list[float]] = {}

    manifest = load_manifest_module()
    table = out / "interpellations.csv"
    manifest.write_rows(timed("manifest", timings, manifest.build_rows, manifest.default_shared()), table)
    db = out / "workspace.db"
    db.unlink(missing_ok=True)
    exe = Path(sys.executable).with_name("textsamverkan")
    timed("ingest (CLI)", timings, subprocess.run,
          [str(exe), "--db", str(db), "ingest", str(table), "--kind", "interpellation"],
          check=True, capture_output=True)

    conn = connect(db, must_exist=True)
    words = {r["doc_id"]: r["words"] for r in document_rows(conn)}
    docs: list[DocInfo] = []
    texts: dict[str, str] = {}
    t0 = time.perf_counter()
    for d in iter_documents(conn, layers=[]):
        m = d.metadata
        author = str(m.get("author", ""))
        docs.append(DocInfo(d.doc_id, corpus=str(m.get("corpus", "riksdagen")), region=str(m.get("region", "")),
                            organisation="Sveriges riksdag", kind=str(m.get("kind", "")), date=str(m.get("date", "")),
                            words=words[d.doc_id], title=str(m.get("subject") or m.get("title", "")),
                            speakers={author: words[d.doc_id]} if author else {},
                            speaker_roles={author: "ledamot"} if author else {},
                            extra={"party": str(m.get("party", "")), "author": author}))
        texts[d.doc_id] = d.text
    timings["load from store"] = [time.perf_counter() - t0]

    coder = themes_coder() if args.coder in ("auto", "themes") else None
    if args.coder == "themes" and coder is None:
        print("textsamverkan.themes or its bundled codebook is not available", file=sys.stderr)
        return 2
    authors = {d.doc_id: d.extra["author"] for d in docs}
    t0 = time.perf_counter()
    passages: list[CodedPassage] = []
    for doc_id, text in texts.items():
        passages.extend((coder or keyword_passages)(doc_id, text, authors[doc_id]))
    timings["coding"] = [time.perf_counter() - t0]
    if coder is not None:
        codebook = coder.codebook
        themes = [c.id for c in codebook.codes]
        names = {c.id: c.label_sv for c in codebook.codes}
        codes = codes_from_codebook(themes, [names[t] for t in themes], [c.description for c in codebook.codes],
                                    [c.color for c in codebook.codes])
        coder_name = f"textsamverkan.themes ({codebook.name})"
    else:
        themes = list(KEYWORD_THEMES)
        names = {k: v[0] for k, v in KEYWORD_THEMES.items()}
        codes = codes_from_codebook(themes, [names[t] for t in themes], [v[1] for v in KEYWORD_THEMES.values()])
        coder_name = "keyword stand-in (keywords.v1)"

    by_region = bench("compare by region", timings, compare, passages, docs, by="region", themes=themes)
    by_region_authors = bench("compare by region, authors as clusters", timings, compare, passages, docs,
                              by="region", themes=themes, cluster="author")
    by_party = bench("compare by party", timings, compare, passages, docs, by="party", themes=themes)
    by_region_half = bench("compare region × half-year", timings, compare, passages, docs, by="region,half",
                           themes=themes)
    by_quarter = bench("compare by quarter", timings, compare, passages, docs, by="quarter", themes=themes)

    stop = _stopwords()
    t0 = time.perf_counter()
    doc_counts = {doc_id: simple_term_counts(text, stopwords=stop, min_length=3) for doc_id, text in texts.items()}
    timings["term counts"] = [time.perf_counter() - t0]
    party_terms = bench("distinctive terms by party", timings, distinctive_terms,
                        group_term_counts(doc_counts, docs, "party"), top=8, min_count=5)
    region_terms = bench("distinctive terms by region", timings, distinctive_terms,
                         group_term_counts(doc_counts, docs, "region"), top=8, min_count=5)

    tables = {f"region_{k}": v for k, v in by_region.tables().items()}
    tables["party_comparison"] = by_party.cells
    tables["party_tests"] = by_party.tests
    tables["region_half"] = by_region_half.cells
    tables["terms_party"] = party_terms
    tables["terms_region"] = region_terms
    columns = {f"region_{k}": v for k, v in by_region.columns().items()}
    columns["region_half"] = by_region_half.columns()["comparison"]
    bench("export CSV (excel)", timings, write_csv_tables, tables, out / "csv", columns=columns)
    bench("export CSV (excel-sv)", timings, write_csv_tables, tables, out / "csv-sv", columns=columns,
          dialect="excel-sv")
    bench("export XLSX", timings, write_xlsx, tables, out / "comparison.xlsx", columns=columns)
    bench("export JSON", timings, write_json,
          tables_document(tables, settings=by_region.settings, notes=by_region.notes), out / "comparison.json")
    bench("export QDPX", timings, write_passages_qdpx, out / "riksdagen.qdpx", passages, texts, codes, docs=docs)
    bench("export HTML report", timings, write_report, out / "report.html", docs, texts, passages=passages,
          comparison=by_region_authors, unclustered=by_region, speakers=_author_rows(docs),
          title="Riksdagens interpellationer 2020–2021: teman per region",
          subtitle=f"{len(docs)} interpellations; coding: {coder_name}", theme_names=names)

    _print_findings(docs, passages, by_region, by_region_authors, by_party, by_region_half, by_quarter,
                    party_terms, region_terms, names, coder_name)
    print("\n## Timings (s)")
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {_cpus()} CPUs")
    print(f"(median of {REPEAT} runs for compare, terms and exports; one run otherwise)")
    for label, seconds in timings.items():
        print(f"- {label}: {statistics.median(seconds):.3f}")
    print("\nsizes: " + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in
                                 (out / "comparison.xlsx", out / "comparison.json", out / "riksdagen.qdpx",
                                  out / "report.html")))
    print(f"outputs in {out}")
    return 0


def _author_rows(docs: list[DocInfo], top: int = 20) -> list[dict[str, Any]]:
    """The most prolific authors as speaker rows: their words and share of all words."""
    words: Counter[str] = Counter()
    party = {}
    for d in docs:
        words[d.extra["author"]] += d.words
        party[d.extra["author"]] = d.extra["party"]
    total = sum(words.values()) or 1
    return [{"speaker": a, "role": "ledamot", "organisation": party[a], "words": n, "share": round(n / total, 4)}
            for a, n in words.most_common(top)]


def _stopwords() -> set[str]:
    try:
        from spacy.lang.sv.stop_words import STOP_WORDS
    except ImportError:
        return set()
    return set(STOP_WORDS) | {"ministern", "statsrådet", "regeringen", "vidta", "avser", "åtgärder", "fråga",
                              "mot", "bakgrund", "ovanstående", "vill"}


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


def _print_findings(
    docs: list[DocInfo], passages: list[CodedPassage], by_region: Comparison, by_region_authors: Comparison,
    by_party: Comparison,
    by_region_half: Comparison, by_quarter: Comparison, party_terms: list[dict[str, Any]],
    region_terms: list[dict[str, Any]], names: dict[str, str], coder_name: str,
) -> None:
    print(f"# Riksdag interpellations 2020–2021: {len(docs)} documents, {sum(d.words for d in docs):,} words")
    print(f"coding: {coder_name}; {len(passages)} coded sentences in {len({p.doc_id for p in passages})} documents")
    authors_by_region: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        authors_by_region[d.region][d.extra["author"]] += 1
    print("\n## Themes overall")
    for r in by_region.themes:
        print(f"- {names.get(r['theme'], r['theme'])}: {r['passages']} sentences, {r['per_1000']:.2f} per 1,000 "
              f"words (95 % CI {r['per_1000_low']:.2f}–{r['per_1000_high']:.2f}), in {r['documents_coded']} of "
              f"{r['documents']} interpellations ({100 * r['share_documents']:.1f} %); e.g. {r['examples'][:1]}")
    for title, comp in (("region", by_region), ("region, authors as clusters", by_region_authors),
                        ("party", by_party), ("quarter", by_quarter), ("region × half-year", by_region_half)):
        print(f"\n## By {title}: tests of association (share of documents coded)")
        for t in comp.tests:
            effect = (f"η² = {t['statistic']}" if t["method"] == "cluster permutation"
                      else f"Cramér's V = {t['cramers_v']}")
            print(f"- {names.get(t['theme'], t['theme'])}: {t['method']}, p = {t['p_value']}, BH-adjusted "
                  f"{t['p_adjusted']}, {effect}; highest {t['highest_group']} "
                  f"({t['highest_share']}), lowest {t['lowest_group']} ({t['lowest_share']})")
    print("\n## Regions with at least 40 interpellations: share coded and rate per 1,000 words")
    big = [g["group"] for g in by_region.groups if g["documents"] >= 40]
    for theme in by_region.settings["themes"]:
        cells = [c for c in by_region.cells if c["theme"] == theme and c["group"] in big]
        parts = [f"{c['group']} {100 * c['share_documents']:.0f} % ({c['per_1000']:.2f} "
                 f"[{c['per_1000_low']:.2f}–{c['per_1000_high']:.2f}])" for c in cells]
        print(f"- {names.get(theme, theme)}: " + "; ".join(parts))
    print("\n## Who writes a region's interpellations (top author's share)")
    for region in big:
        author, n = authors_by_region[region].most_common(1)[0]
        total = sum(authors_by_region[region].values())
        print(f"- {region}: {total} interpellations by {len(authors_by_region[region])} MPs; "
              f"{author} wrote {n} ({100 * n / total:.0f} %)")
    print("\n## By quarter (share of interpellations coded)")
    for theme in by_quarter.settings["themes"]:
        cells = [c for c in by_quarter.cells if c["theme"] == theme]
        print(f"- {names.get(theme, theme)}: " + ", ".join(
            f"{c['group']} {100 * (c['share_documents'] or 0):.0f} %" for c in cells))
    print("\n## Distinctive words by party (z, informative Dirichlet prior)")
    for party in sorted({r["group"] for r in party_terms}):
        words = [f"{r['term']} ({r['z']:.1f})" for r in party_terms if r["group"] == party][:6]
        print(f"- {party}: " + ", ".join(words))
    print("\n## Distinctive words, largest regions")
    for region in big[:6]:
        words = [f"{r['term']} ({r['z']:.1f})" for r in region_terms if r["group"] == region][:6]
        print(f"- {region}: " + ", ".join(words))


if __name__ == "__main__":
    sys.exit(main())
