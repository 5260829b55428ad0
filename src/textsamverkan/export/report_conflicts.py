"""The HTML report's section on conflicting claims across documents: both quotes, where they stand, and why.

Input are the plain rows of `claims.conflicts.find_conflicts` (subject, kinds, doc_id_a/start_a/end_a/quote_a, the
same for b, reasons). Each pair becomes a row with the shared subject, the two quotes (linked to their place in the
Sources section when the document is in the report) and the disagreement in words ("number: 300 ≠ 30"). Kept apart
from report.py so the report's other sections can change without touching this one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textsamverkan.export.report_html import esc, link, passage_anchor, table

KIND_NAMES = {"number": "number", "direction": "direction", "negation": "polarity"}


def conflict_refs(pairs: Sequence[Mapping[str, Any]]) -> list[tuple[str, int, int]]:
    """(doc_id, start, end) of both claims of every pair: what the Sources section should highlight."""
    refs: list[tuple[str, int, int]] = []
    for pair in pairs:
        for side in ("a", "b"):
            ref = _ref(pair, side)
            if ref is not None:
                refs.append(ref)
    return refs


def conflicts_section(
    pairs: Sequence[Mapping[str, Any]], texts: Mapping[str, str], names: Mapping[str, str] | None = None
) -> str:
    """The section's HTML (`names`: document id → display name). Empty input gives a short note, not an empty table."""
    head = '<section id="conflicts"><h2>Conflicting claims</h2>'
    if not pairs:
        return head + '<p class="muted">No conflicting claims across documents.</p></section>'
    shown = dict(names or {})
    rows = []
    for pair in pairs:
        rows.append(
            [
                esc(pair.get("subject", "")),
                _quote(pair, "a", texts, shown),
                _quote(pair, "b", texts, shown),
                esc(describe_disagreement(pair.get("reasons", {}))),
            ]
        )
    note = (
        f'<p class="note">{len(pairs)} pairs of claims in different documents about the same subject (shared content '
        "words) that disagree on a number, a direction or the polarity. A pair is a lead to read, not a verdict: "
        "the two may speak of different times, places or measures.</p>"
    )
    return head + note + table(["subject", "claim", "conflicting claim", "disagreement"], rows) + "</section>"


def describe_disagreement(reasons: Mapping[str, Any]) -> str:
    """The conflicts of a pair in words: "number: 300 sjuksköterskor ≠ 30 sjuksköterskor; direction: ökade ≠ …"."""
    parts = []
    for kind, found in reasons.get("conflict", {}).items():
        pairs = ", ".join(f"{a} ≠ {b}" for a, b in found)
        parts.append(f"{KIND_NAMES.get(kind, kind)}: {pairs}")
    return "; ".join(parts)


def _ref(pair: Mapping[str, Any], side: str) -> tuple[str, int, int] | None:
    doc_id, start, end = pair.get(f"doc_id_{side}"), pair.get(f"start_{side}"), pair.get(f"end_{side}")
    if doc_id is None or start is None or end is None:
        return None
    try:
        return str(doc_id), int(start), int(end)
    except (TypeError, ValueError):
        return None


def _quote(pair: Mapping[str, Any], side: str, texts: Mapping[str, str], names: Mapping[str, str]) -> str:
    ref = _ref(pair, side)
    quote = str(pair.get(f"quote_{side}") or "")
    href = passage_anchor(*ref) if ref is not None and ref[0] in texts else None
    where = esc(names.get(ref[0], ref[0])) if ref is not None else ""
    return f"{link(href, esc(quote or '(no quote)'))}" + (f'<br><span class="note">{where}</span>' if where else "")
