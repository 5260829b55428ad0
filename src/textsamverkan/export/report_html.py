"""Building blocks of the HTML report: escaping, anchors, colours, tables and documents with marked passages.

Every piece of document text and metadata goes through `esc` (html.escape), so a document that contains
markup shows it as text.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textsamverkan.analysis.types import parse_ref, passage_ref


def esc(value: Any) -> str:
    """Text for HTML content or attributes: None → '', everything escaped (quotes included)."""
    return "" if value is None else html.escape(str(value), quote=True)


def digest(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]


def doc_anchor(doc_id: str) -> str:
    """The id of a document's source view (stable, safe in URLs whatever the document id holds)."""
    return "d-" + digest(doc_id)


def passage_anchor(doc_id: str, start: int, end: int) -> str:
    """The id of the <mark> of passage doc_id:start-end."""
    return "p-" + digest(passage_ref(doc_id, start, end))


def fmt_number(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}".replace(",", "\u202f")
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return str(value)


def link(href: str | None, text: str, title: str = "") -> str:
    """An <a> (text already escaped by the caller), or the bare text when there is nowhere to go."""
    if not href:
        return text
    title_attr = f' title="{esc(title)}"' if title else ""
    return f'<a href="#{esc(href)}"{title_attr}>{text}</a>'


def heat_colour(fraction: float) -> tuple[str, str]:
    """Background and text colour for a cell at `fraction` (0–1) of its row's maximum: white → deep blue."""
    f = min(1.0, max(0.0, fraction))
    low, high = (247, 251, 255), (8, 81, 156)
    r, g, b = (round(lo + (hi - lo) * f) for lo, hi in zip(low, high, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}", ("#ffffff" if f > 0.55 else "#111111")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, cls: str = "") -> str:
    """A table from already-escaped cell HTML, in a box that scrolls sideways when the table is wider than the page."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cls_attr = f' class="{cls}"' if cls else ""
    return f'<div class="wide"><table{cls_attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


@dataclass(frozen=True)
class Highlight:
    """A passage to mark in a document's source view, with the label shown on hover."""

    start: int
    end: int
    label: str


def marked_text(text: str, doc_id: str, highlights: Sequence[Highlight]) -> str:
    """The document text, escaped, with each highlight wrapped in <mark>; overlapping highlights are split at
    every boundary, and each passage's first piece carries its id (extra ids as empty anchors)."""
    valid = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in valid), *(h.end for h in valid)})
    starts: dict[int, list[Highlight]] = {}
    for h in sorted(valid, key=lambda h: (h.start, h.end, h.label)):
        starts.setdefault(h.start, []).append(h)
    pieces: list[str] = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        segment = esc(text[a:b])
        over = [h for h in valid if h.start <= a and b <= h.end]
        if not over:
            pieces.append(segment)
            continue
        beginning = starts.get(a, [])
        ids = list(dict.fromkeys(passage_anchor(doc_id, h.start, h.end) for h in beginning))
        extra = "".join(f'<span class="anchor" id="{i}"></span>' for i in ids[1:])
        id_attr = f' id="{ids[0]}"' if ids else ""
        labels = "; ".join(dict.fromkeys(h.label for h in over))
        pieces.append(f'{extra}<mark{id_attr} title="{esc(labels)}">{segment}</mark>')
    return "".join(pieces)


def ref_links(refs: Iterable[str], texts: Mapping[str, str], *, numbered: bool = True) -> str:
    """Links [1] [2] … to passages by id, with the quote as tooltip; refs to absent documents are left plain."""
    parts = []
    for i, ref in enumerate(refs, start=1):
        try:
            doc_id, start, end = parse_ref(ref)
        except ValueError:
            parts.append(esc(ref))
            continue
        quote = texts.get(doc_id, "")[start:end]
        label = f"[{i}]" if numbered else esc(ref)
        href = passage_anchor(doc_id, start, end) if doc_id in texts else None
        parts.append(link(href, label, " ".join(quote.split())[:300]))
    return " ".join(parts)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|\*|~~|`)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)", re.DOTALL)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def plain_quote(text: str) -> str:
    """A quote as a reader should see it: Markdown syntax (headings, emphasis, links, list and quote markers,
    rules) removed, the words kept, whitespace collapsed. Only for display; offsets still point at the stored text."""
    out = _MD_LINK.sub(r"\1", text)
    out = _MD_HEADING.sub("", out)
    out = _MD_QUOTE.sub("", out)
    out = _MD_RULE.sub(" ", out)
    out = _MD_BULLET.sub("", out)
    for _ in range(2):  # nested emphasis such as ***x***
        out = _MD_EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(4), out)
    return " ".join(out.split())
