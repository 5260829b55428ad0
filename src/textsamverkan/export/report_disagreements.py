"""The report's disagreement section: each passage where two codings of a code differ, with both coders'
selections and a link to the passage marked in its document — what a team reads in its consensus meeting."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

from textsamverkan.export.report_html import Highlight, esc, fmt_number, link, passage_anchor, table

MAX_ROWS = 500
QUOTE_CHARS = 300


def disagreement_section(
    rows: Sequence[Mapping[str, Any]],
    texts: Mapping[str, str],
    highlights: MutableMapping[str, list[Highlight]],
    *,
    agreement: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The section's HTML from `disagreements(...)` rows (and, optionally, the agreement rows per code); adds a
    highlight per listed passage to `highlights` so each row links to its place in the document."""
    coders = (rows[0]["coder_a"], rows[0]["coder_b"]) if rows else (
        (agreement[0]["coder_a"], agreement[0]["coder_b"]) if agreement else ("A", "B"))
    head = (f"<p>{fmt_number(len(rows))} passages where {esc(coders[0])} and {esc(coders[1])} coded differently"
            + (f"; the first {MAX_ROWS} are listed" if len(rows) > MAX_ROWS else "") + ".</p>")
    summary = ""
    if agreement:
        summary = table(
            ["code", "units", "% agreement", "kappa (95 % interval)", "alpha"],
            [[esc(r["code"]), esc(r["unit"]), fmt_number(r.get("percent_agreement"), 3),
              _with_interval(r.get("kappa"), r.get("kappa_low"), r.get("kappa_high")),
              fmt_number(r.get("alpha"), 3)] for r in agreement],
        )
    body = []
    for row in rows[:MAX_ROWS]:
        doc_id, start, end = str(row["doc_id"]), int(row["start"]), int(row["end"])
        label = f"disagreement: {row.get('code_name') or row['code']}"
        highlights.setdefault(doc_id, []).append(Highlight(start, end, label))
        quote = " ".join(str(row.get("quote", "")).split())
        quote = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
        href = passage_anchor(doc_id, start, end) if doc_id in texts else None
        body.append([link(href, esc(quote or row["ref"]), str(row["ref"])), esc(row.get("code_name") or row["code"]),
                     esc(row["difference"]), esc(row["selections_a"]), esc(row["selections_b"]),
                     fmt_number(row.get("characters_differing"))])
    listing = table(["passage", "code", "difference", esc(coders[0]), esc(coders[1]), "characters differing"], body)
    return f'<section id="disagreements"><h2>Disagreements</h2>{head}{summary}{listing}</section>'


def _with_interval(value: Any, low: Any, high: Any) -> str:
    if value is None:
        return "–"
    if low is None or high is None:
        return fmt_number(value, 3)
    return f"{fmt_number(value, 3)} ({fmt_number(low, 3)}–{fmt_number(high, 3)})"
