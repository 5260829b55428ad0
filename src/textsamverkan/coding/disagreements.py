"""The list a team reads in its consensus meeting: each passage where two codings of a code differ.

A passage is a stretch of text that either coder coded with the code (overlapping selections of both coders are
joined); it is listed when the two coders did not code exactly the same characters of it. Each row gives the
document, the passage's offsets and its reference (`doc_id:start-end`, which `textsamverkan show` opens and the
report links to), both coders' selections in it, how they differ, and the quote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textsamverkan.analysis.types import passage_ref
from textsamverkan.coding.agreement import covered, intersect, merge
from textsamverkan.export.qda_types import Coding

QUOTE_CHARS = 500
COLUMNS = [
    "ref", "doc_id", "start", "end", "code", "code_name", "difference", "coder_a", "selections_a", "coder_b",
    "selections_b", "characters_differing", "quote",
]


def disagreements(
    a: Sequence[Coding],
    b: Sequence[Coding],
    texts: Mapping[str, str],
    *,
    coder_a: str = "A",
    coder_b: str = "B",
    code_names: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One row per passage where A's and B's codings of a code differ, sorted by document, position and code."""
    names = code_names or {}
    by_a: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    by_b: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for c in a:
        by_a[(c.source, c.code)].append((c.start, c.end))
    for c in b:
        by_b[(c.source, c.code)].append((c.start, c.end))
    rows = []
    for key in sorted(set(by_a) | set(by_b)):
        doc_id, code = key
        text = texts.get(doc_id, "")
        sel_a, sel_b = sorted(set(by_a.get(key, []))), sorted(set(by_b.get(key, [])))
        for start, end in merge([*sel_a, *sel_b]):
            in_a = [s for s in sel_a if s[0] < end and s[1] > start]
            in_b = [s for s in sel_b if s[0] < end and s[1] > start]
            ma, mb = merge(in_a), merge(in_b)
            if ma == mb:
                continue
            common = covered(intersect(ma, mb))
            differing = covered(ma) + covered(mb) - 2 * common
            if not mb:
                kind = f"only {coder_a}"
            elif not ma:
                kind = f"only {coder_b}"
            else:
                kind = "boundaries differ"
            quote = text[start:end]
            rows.append({
                "ref": passage_ref(doc_id, start, end), "doc_id": doc_id, "start": start, "end": end,
                "code": code, "code_name": names.get(code, code), "difference": kind,
                "coder_a": coder_a, "selections_a": _spans(in_a), "coder_b": coder_b, "selections_b": _spans(in_b),
                "characters_differing": differing,
                "quote": quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…",
            })
    rows.sort(key=lambda r: (r["doc_id"], r["start"], r["end"], r["code"]))
    return rows


def _spans(spans: Sequence[tuple[int, int]]) -> str:
    return " | ".join(f"{s}-{e}" for s, e in spans)


def write_disagreements(rows: Sequence[Mapping[str, Any]], path: str | Path) -> Path:
    """Write the list as .xlsx (by suffix) or CSV (UTF-8 with BOM, Excel-safe)."""
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        return write_xlsx({"disagreements": rows}, target, columns={"disagreements": COLUMNS})
    from textsamverkan.export.csv_export import write_csv

    return write_csv(rows, target, columns=COLUMNS)
