"""One self-contained HTML report: corpus overview, themes, a theme × group heatmap, speaker shares, topics, claims
and a source view of every document with the cited passages highlighted.

Every number and quote links into the same file: counts of documents to a list of those documents, rates to
example passages, passages to their <mark> in the document's source view. No network access is needed or
allowed (inline CSS and JS, and a Content-Security-Policy that forbids loading anything).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textsamverkan.analysis.compare import Comparison, compare
from textsamverkan.analysis.examples import representative_passages
from textsamverkan.analysis.types import CodedPassage, DocInfo, parse_ref
from textsamverkan.export.report_conflicts import conflict_refs, conflicts_section
from textsamverkan.export.report_disagreements import disagreement_section
from textsamverkan.export.report_html import (
    Highlight,
    digest,
    doc_anchor,
    esc,
    fmt_number,
    heat_colour,
    link,
    marked_text,
    passage_anchor,
    plain_quote,
    ref_links,
    table,
)

OVERVIEW_KEYS = ("corpus", "kind", "region")
MIN_GROUP_DOCUMENTS = 5
REF_SEPARATOR = " | "
_CSS = """
:root{--ink:#111;--muted:#555;--line:#ddd;--accent:#08519c}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fafafa}
header{background:#08306b;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.6rem}
header p{margin:.3rem 0 0;color:#c6dbef}nav{background:#fff;border-bottom:1px solid var(--line);padding:.5rem 2rem;
position:sticky;top:0;z-index:2}nav a{margin-right:1rem}main{padding:0 2rem 3rem;max-width:1400px;min-width:0}
section{min-width:0;overflow-wrap:break-word;
background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem 1.4rem;margin:1.2rem 0}
h2{margin-top:.2rem;color:var(--accent)}a{color:var(--accent)}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#f0f3f7}td.num,th.num{text-align:right}
.wide{overflow-x:auto;max-width:100%}
.scroll{overflow:auto;max-width:100%;max-height:80vh;border:1px solid var(--line)}.scroll>table{margin:0}
table.heat td{text-align:center;min-width:3.6rem;white-space:nowrap}table.heat td a{color:inherit}
table.heat th{position:sticky;top:0;z-index:1}table.heat tbody th{left:0;position:sticky;z-index:1;background:#f0f3f7}
table.heat thead th{max-width:9rem;min-width:5rem;
white-space:normal;overflow-wrap:normal;hyphens:auto;vertical-align:bottom}
table.heat small{display:block;opacity:.8}
table.heat td.small{background:#f4f4f4;color:#555}.tie{font-style:italic}
.bar{display:inline-block;height:.7rem;background:#6baed6;vertical-align:middle;margin-right:.4rem}
.muted{color:var(--muted)}.note{color:var(--muted);font-size:.85rem}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid #9ecae1;background:#f7fbff}
.text{white-space:pre-wrap;font:14px/1.6 Georgia,serif;background:#fff;padding:.6rem;border:1px solid var(--line)}
mark{background:#fee391}mark:target,.anchor:target+mark{background:#fd8d3c;outline:2px solid #d94801}
details.doc>summary{cursor:pointer;font-weight:600}details.doc{margin:.4rem 0}ul.docs{columns:2}
"""
_JS = """
function openTarget(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
var el=document.getElementById(id);if(!el)return;var d=el.closest('details');
while(d){d.open=true;d=d.parentElement.closest('details');}
el.scrollIntoView({block:'center'});}
window.addEventListener('hashchange',openTarget);window.addEventListener('DOMContentLoaded',openTarget);
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def build_report(
    docs: Sequence[DocInfo],
    texts: Mapping[str, str],
    *,
    passages: Sequence[CodedPassage] = (),
    comparison: Comparison | None = None,
    speakers: Sequence[Mapping[str, Any]] = (),
    topics: Sequence[Mapping[str, Any]] = (),
    claims: Sequence[Mapping[str, Any]] = (),
    disagreements: Sequence[Mapping[str, Any]] = (),
    agreement: Sequence[Mapping[str, Any]] = (),
    conflicts: Sequence[Mapping[str, Any]] = (),
    title: str = "textsamverkan report",
    subtitle: str = "",
    sources: str = "all",
    theme_names: Mapping[str, str] | None = None,
    examples_per_theme: int = 5,
    min_group_documents: int = MIN_GROUP_DOCUMENTS,
    unclustered: Comparison | None = None,
    claims_note: str = "",
) -> str:
    """The report as one HTML string.

    `texts` maps document ids to canonical text. `comparison` drives the heatmap (by default one by region is
    computed from `passages`). `speakers` are rows with speaker, words, share (and doc_id, role, organisation
    where known); `topics` is any table (cells holding passage ids doc:start-end become links); `claims` are
    rows with doc_id, start, end and claim/quote text; `conflicts` are pairs from `claims.conflicts.find_conflicts`
    (section in export/report_conflicts.py). `sources="cited"` keeps only documents something links
    to. `subtitle` is shown under the title (e.g. the run id and date; the report itself holds no clock time,
    so the same inputs give the same file).

    Groups with fewer than `min_group_documents` documents are shown apart below the heatmap, uncoloured. When
    `comparison` was clustered (e.g. by author), `unclustered` (the same comparison counting documents as
    independent) is shown beside it so a reader sees which differences vanish once authors are counted once.
    Example quotes are the most typical passages of each theme, spread over documents, with Markdown removed.
    `claims_note` is shown when there are no claims (e.g. which claims run was read).
    `disagreements` / `agreement` (rows of `coding.disagreements` / `coding.agreement`) add a section of the
    passages where two codings differ.
    """
    names = dict(theme_names or {})
    if comparison is None and passages:
        comparison = compare(passages, docs, by="region", min_documents=min_group_documents)
    highlights: dict[str, list[Highlight]] = defaultdict(list)
    for p in passages:
        highlights[p.doc_id].append(Highlight(p.start, p.end, names.get(p.theme, p.theme)))
    for claim in claims:
        ref = _claim_ref(claim)
        if ref is not None:
            highlights[ref[0]].append(Highlight(ref[1], ref[2], "claim"))
    for doc_id, start, end in conflict_refs(conflicts):  # pairs from claims.conflicts.find_conflicts
        highlights[doc_id].append(Highlight(start, end, "conflicting claim"))
    for ref_text in _refs_in_rows(topics):
        try:
            doc_id, start, end = parse_ref(ref_text)
        except ValueError:
            continue
        highlights[doc_id].append(Highlight(start, end, "topic example"))

    differing = (disagreement_section(disagreements, texts, highlights, agreement=agreement)
                 if disagreements or agreement else "")
    shown = _shown_documents(docs, texts, highlights, speakers, sources)
    parts = [
        _overview(docs, shown, passages),
        _themes(comparison, passages, texts, names, examples_per_theme) if comparison else "",
        _heatmap(comparison, texts, names, min_group_documents, unclustered) if comparison else "",
        _speakers(speakers, shown),
        _topics(topics, texts),
        _claims(claims, texts, names, claims_note),
        conflicts_section(conflicts, texts) if conflicts else "",
        differing,
        _document_lists(docs, shown),
        _sources(docs, texts, highlights, shown),
    ]
    nav = [("overview", "Overview"), ("themes", "Themes"), ("heatmap", "Heatmap"), ("speakers", "Speakers"),
           ("topics", "Topics"), ("claims", "Claims"), ("conflicts", "Conflicts"),
           ("disagreements", "Disagreements"), ("sources", "Sources")]
    body = "".join(parts)
    nav_html = "".join(f'<a href="#{k}">{v}</a>' for k, v in nav if f'<section id="{k}">' in body)
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style><script>{_JS}</script></head><body>"
        f"<header><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header><nav>{nav_html}</nav><main>"
        + body
        + "</main></body></html>\n"
    )


def write_report(path: str | Path, docs: Sequence[DocInfo], texts: Mapping[str, str], **options: Any) -> Path:
    """Write `build_report(docs, texts, **options)` to `path` (UTF-8)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(build_report(docs, texts, **options), encoding="utf-8")
    return target


# -- sections --------------------------------------------------------------------------------------------------


def _shown_documents(
    docs: Sequence[DocInfo],
    texts: Mapping[str, str],
    highlights: Mapping[str, list[Highlight]],
    speakers: Sequence[Mapping[str, Any]],
    sources: str,
) -> set[str]:
    if sources not in ("all", "cited"):
        raise ValueError("sources must be 'all' or 'cited'")
    with_text = {d.doc_id for d in docs if d.doc_id in texts}
    if sources == "all":
        return with_text
    cited = set(highlights) | {str(r.get("doc_id")) for r in speakers if r.get("doc_id")}
    return with_text & cited


def _overview(docs: Sequence[DocInfo], shown: set[str], passages: Sequence[CodedPassage]) -> str:
    words = sum(d.words for d in docs)
    head = (f"<p><strong>{link('list-all', fmt_number(len(docs)))}</strong> documents, "
            f"<strong>{fmt_number(words)}</strong> words, <strong>{fmt_number(len(passages))}</strong> coded "
            f"passages in {fmt_number(len({p.doc_id for p in passages}))} documents.</p>")
    tables = []
    for key in OVERVIEW_KEYS:
        groups: dict[str, list[DocInfo]] = defaultdict(list)
        for d in docs:
            groups[getattr(d, key) or "(unknown)"].append(d)
        if len(groups) <= 1 and key != "region":
            continue
        rows = []
        for value in sorted(groups, key=lambda v: (v.startswith("("), v.casefold())):
            members = groups[value]
            coded = len({p.doc_id for p in passages} & {d.doc_id for d in members})
            rows.append([esc(value), link(_list_id(key, value), fmt_number(len(members))),
                         fmt_number(sum(d.words for d in members)), fmt_number(coded)])
        tables.append(f"<h3>By {esc(key)}</h3>" + table([esc(key), "documents", "words", "with coded passages"], rows))
    return f'<section id="overview"><h2>Corpus overview</h2>{head}{"".join(tables)}</section>'


def _themes(
    comparison: Comparison, passages: Sequence[CodedPassage], texts: Mapping[str, str], names: Mapping[str, str],
    limit: int,
) -> str:
    rows = []
    for r in comparison.themes:
        interval = _interval(r)
        rows.append([
            esc(names.get(r["theme"], r["theme"])),
            fmt_number(r["passages"]),
            link(_first_anchor(r["examples"]), fmt_number(r["per_1000"])) + f' <span class="muted">({interval})</span>',
            fmt_number(r["documents_coded"]) + f' <span class="muted">/ {fmt_number(r["documents"])}</span>',
            ref_links(r["examples"], texts),
        ])
    over = comparison.settings.get("intervals_over", "document")
    overview = table(["theme", "passages", f"per 1,000 words (95 % interval, clustered by {esc(over)})",
                      "documents coded", "examples"], rows)
    by_theme: dict[str, list[CodedPassage]] = defaultdict(list)
    for p in passages:
        by_theme[p.theme].append(p)
    quotes = []
    for theme in comparison.settings.get("themes", sorted(by_theme)):
        best = representative_passages(by_theme.get(theme, []), limit)
        if not best:
            continue
        items = "".join(
            f'<blockquote class="quote">{link(passage_anchor(p.doc_id, p.start, p.end), esc(plain_quote(p.quote)))}'
            f'<br><span class="note">{esc(p.ref)} · score {p.score:.2f} · {esc(p.method)}</span></blockquote>'
            for p in best
        )
        quotes.append(f"<h3>{esc(names.get(theme, theme))}</h3>{items}")
    note = ('<p class="note">Example quotes: the most typical passages of each theme (closest to the words its '
            "passages share), at most one per document until every document has given one.</p>")
    return f'<section id="themes"><h2>Themes</h2>{overview}{note}{"".join(quotes)}</section>'


def _heatmap(
    comparison: Comparison,
    texts: Mapping[str, str],
    names: Mapping[str, str],
    min_documents: int,
    unclustered: Comparison | None,
) -> str:
    groups = list(dict.fromkeys(c["group"] for c in comparison.cells))
    themes = list(dict.fromkeys(c["theme"] for c in comparison.cells))
    cells = {(c["theme"], c["group"]): c for c in comparison.cells}
    sizes = {r["group"]: r for r in comparison.groups}
    small = [g for g in groups if (sizes.get(g, {}).get("documents") or 0) < min_documents]
    large = [g for g in groups if g not in small]
    top = {t: max((cells[(t, g)]["per_1000"] or 0.0 for g in large), default=0.0) for t in themes}
    clustered = comparison.settings.get("cluster")
    head = "<tr><th>" + esc(" × ".join(comparison.keys)) + "</th><th>documents</th><th>words</th>" + "".join(
        f"<th>{esc(names.get(t, t))}</th>" for t in themes) + "</tr>"

    def rows_of(members: Sequence[str], coloured: bool) -> str:
        rows = []
        for g in members:
            size = sizes.get(g, {})
            row = [f"<th>{esc(g)}</th>", f'<td class="num">{fmt_number(size.get("documents"))}</td>',
                   f'<td class="num">{fmt_number(size.get("words"))}</td>']
            for theme in themes:
                row.append(_heat_cell(cells[(theme, g)], g, names.get(theme, theme), top[theme], coloured, clustered))
            rows.append("<tr>" + "".join(row) + "</tr>")
        return "".join(rows)

    heat = (f'<div class="scroll" id="heat-scroll"><table class="heat" id="heat-main"><thead>{head}</thead>'
            f"<tbody>{rows_of(large, True)}</tbody></table></div>")
    apart = ""
    if small:
        apart = (f'<h3 id="small-groups">Groups with fewer than {min_documents} documents (not coloured)</h3>'
                 '<p class="note">Too few documents for their rates to mean much; shown for completeness, left out of '
                 "the colour scale and never named the highest or lowest group.</p>"
                 f'<div class="scroll"><table class="heat" id="heat-small"><thead>{head}</thead>'
                 f"<tbody>{rows_of(small, False)}</tbody></table></div>")
    return (
        f'<section id="heatmap"><h2>Theme × {esc(" × ".join(comparison.keys))}</h2>'
        '<p class="note">Coded passages per 1,000 words; below each rate, the documents coded of the documents in '
        "the group" + (f" and the {esc(clustered)}s coded of the {esc(clustered)}s (a document without one counts "
                       "as its own)" if clustered else "")
        + ". Colour is scaled within each theme (column) over the groups shown here. Each number links to an "
        "example passage; hover for the interval and counts. The table scrolls sideways when it is wider than the "
        "page.</p>"
        f"{heat}{apart}{_tests(comparison, names, unclustered)}</section>"
    )


def _heat_cell(c: Mapping[str, Any], group: str, theme_name: str, top: float, coloured: bool,
               clustered: str | None) -> str:
    rate = c["per_1000"]
    counts = f"{c['documents_coded']}/{c['documents']} dok."
    if clustered:
        counts += f" · {c.get('clusters_coded', 0)}/{c.get('clusters', 0)} {clustered}s"
    tip = (f"{group}, {theme_name}: {c['passages']} passages in {c['words']} words; 95 % interval "
           f"{_interval(c)}; {c['documents_coded']} of {c['documents']} documents coded")
    if clustered:
        tip += f"; {c.get('clusters_coded', 0)} of {c.get('clusters', 0)} {clustered}s"
    body = link(_first_anchor(c["examples"]), fmt_number(rate), tip) if rate is not None else "–"
    body += f"<small>{esc(counts)}</small>"
    if not coloured:
        return f'<td class="small" title="{esc(tip)}">{body}</td>'
    back, fore = heat_colour((rate or 0.0) / top if top else 0.0)
    return f'<td style="background:{back};color:{fore}" title="{esc(tip)}">{body}</td>'


def _tests(comparison: Comparison, names: Mapping[str, str], unclustered: Comparison | None) -> str:
    cluster = comparison.settings.get("cluster")
    plain = {t["theme"]: t for t in unclustered.tests} if unclustered else {}
    headers = ["theme", "test", "p", "p (BH-adjusted)"]
    if plain:
        headers.append("p (BH), documents as independent")
    headers += ["effect", "highest share", "lowest share", "note"]
    rows = []
    for t in comparison.tests:
        effect = (f"η² {fmt_number(t['statistic'], 3)}" if t["method"] == "cluster permutation"
                  else f"V {fmt_number(t['cramers_v'], 3)}")
        row = [esc(names.get(t["theme"], t["theme"])), esc(t["method"]), fmt_number(t["p_value"], 4),
               fmt_number(t["p_adjusted"], 4)]
        if plain:
            row.append(fmt_number(plain.get(t["theme"], {}).get("p_adjusted"), 4))
        row += [effect, _ranked(t["highest_group"], t["highest_share"]), _ranked(t["lowest_group"], t["lowest_share"]),
                esc(t["note"])]
        rows.append(row)
    intro = ""
    if cluster:
        intro = (f'<p class="note">Tests count each {esc(cluster)} once (a permutation test over {esc(cluster)}s), '
                 f"because documents by the same {esc(cluster)} are not independent. "
                 + ("The column “documents as independent” shows what a document-level test would say." if plain
                    else "") + "</p>")
    notes = "".join(f"<li>{esc(n)}</li>" for n in comparison.notes)
    return ("<h3>Does coding depend on the group?</h3>" + intro + table(headers, rows)
            + (f"<ul class='note'>{notes}</ul>" if notes else ""))


def _ranked(group: Any, share: Any) -> str:
    if group is None:
        return "–"
    text = f"{esc(group)} ({fmt_number(share, 3)})"
    return f'<span class="tie">{text}</span>' if str(group).startswith("tie") else text


def _interval(row: Mapping[str, Any]) -> str:
    low = row.get("per_1000_low_clustered", row.get("per_1000_low"))
    high = row.get("per_1000_high_clustered", row.get("per_1000_high"))
    return f"{fmt_number(low)}–{fmt_number(high)}"


def _speakers(rows: Sequence[Mapping[str, Any]], shown: set[str]) -> str:
    if not rows:
        return '<section id="speakers"><h2>Speaker shares</h2><p class="muted">No speaker turns stored.</p></section>'
    body = []
    widest = max((float(r.get("share") or 0.0) for r in rows), default=0.0) or 1.0
    for r in rows:
        share = float(r.get("share") or 0.0)
        doc_id = str(r.get("doc_id") or "")
        words = fmt_number(r.get("words"))
        body.append([
            esc(r.get("speaker")), esc(r.get("role")), esc(r.get("organisation")),
            link(doc_anchor(doc_id) if doc_id in shown else None, esc(doc_id)) if doc_id else "",
            link(doc_anchor(doc_id) if doc_id in shown else None, words),
            f'<span class="bar" style="width:{share / widest * 160:.0f}px"></span>{share * 100:.1f} %',
        ])
    return ('<section id="speakers"><h2>Speaker shares</h2>'
            + table(["speaker", "role", "organisation", "document", "words", "share of talk"], body) + "</section>")


def _topics(rows: Sequence[Mapping[str, Any]], texts: Mapping[str, str]) -> str:
    if not rows:
        return '<section id="topics"><h2>Topics</h2><p class="muted">No topics given.</p></section>'
    columns = list(dict.fromkeys(k for r in rows for k in r))
    body = [[_topic_cell(r.get(c), texts) for c in columns] for r in rows]
    return f'<section id="topics"><h2>Topics</h2>{table([esc(c) for c in columns], body)}</section>'


def _topic_cell(value: Any, texts: Mapping[str, str]) -> str:
    refs = _refs_of(value)
    if refs:
        items = []
        for ref in refs:
            doc_id, start, end = parse_ref(ref)
            quote = plain_quote(texts.get(doc_id, "")[start:end])
            shown = esc(quote[:140] + ("…" if len(quote) > 140 else "")) or esc(ref)
            items.append(f"<li>{link(passage_anchor(doc_id, start, end) if doc_id in texts else None, shown, ref)}"
                         "</li>")
        return f'<ul class="reps">{"".join(items)}</ul>'
    if isinstance(value, list | tuple):
        return esc(", ".join(str(v) for v in value))
    return fmt_number(value, 3) if isinstance(value, float) else esc(value)


def _refs_of(value: Any) -> list[str]:
    """The passage ids a cell holds (a list of them, or text joined by " | " as topics.csv writes them); [] when
    the cell holds anything else."""
    values = value if isinstance(value, list | tuple) else (
        str(value).split(REF_SEPARATOR.strip()) if isinstance(value, str) else [value])
    parts = [str(v).strip() for v in values if str(v).strip()]
    return parts if parts and all(_is_ref(v) for v in parts) else []


def _claims(rows: Sequence[Mapping[str, Any]], texts: Mapping[str, str], names: Mapping[str, str],
            note: str) -> str:
    if not rows:
        return (f'<section id="claims"><h2>Claims</h2><p class="muted">{esc(note or "No claims given.")}</p>'
                "</section>")
    items = []
    for claim in rows:
        ref = _claim_ref(claim)
        text = claim.get("claim") or claim.get("text") or ""
        quote = texts.get(ref[0], "")[ref[1]:ref[2]] if ref else str(claim.get("quote") or "")
        where = link(passage_anchor(*ref) if ref and ref[0] in texts else None,
                     esc(plain_quote(quote) or "(no quote)"))
        themes = claim.get("themes") or []
        facts = [("type", claim.get("type")), ("themes", ", ".join(names.get(t, t) for t in themes)),
                 ("speaker", claim.get("speaker")), ("role", claim.get("role")),
                 ("organisation", claim.get("organisation")), ("quantities", claim.get("quantities"))]
        facts += [(k, claim.get(k)) for k in ("verdict", "status", "label", "score") if claim.get(k) is not None]
        extra = " · ".join(f"{k}: {v}" for k, v in facts if v not in (None, "", []))
        verdict = claim.get("verdict") or claim.get("status")
        badge = f'<span class="verdict">{esc(verdict)}</span> ' if verdict else ""
        items.append("<li>" + (f"<strong>{esc(text)}</strong>" if text else "") + badge
                     + f"<blockquote>{where}</blockquote>"
                     + (f'<span class="note">{esc(extra)}</span>' if extra else "") + "</li>")
    head = f'<p class="note">{esc(note)}</p>' if note else ""
    return f'<section id="claims"><h2>Claims</h2>{head}<ol>{"".join(items)}</ol></section>'


def _document_lists(docs: Sequence[DocInfo], shown: set[str]) -> str:
    blocks = [_doc_list("list-all", "All documents", docs, shown)]
    for key in OVERVIEW_KEYS:
        groups: dict[str, list[DocInfo]] = defaultdict(list)
        for d in docs:
            groups[getattr(d, key) or "(unknown)"].append(d)
        for value, members in sorted(groups.items()):
            blocks.append(_doc_list(_list_id(key, value), f"{key} = {value}", members, shown))
    return f'<section id="lists"><h2>Document lists</h2>{"".join(blocks)}</section>'


def _doc_list(anchor: str, heading: str, docs: Sequence[DocInfo], shown: set[str]) -> str:
    items = "".join(
        f"<li>{link(doc_anchor(d.doc_id) if d.doc_id in shown else None, esc(d.title or d.doc_id))}"
        f' <span class="muted">{esc(d.date)} · {fmt_number(d.words)} words</span></li>'
        for d in sorted(docs, key=lambda d: (d.date, d.doc_id))
    )
    return (f'<details class="doc" id="{anchor}"><summary>{esc(heading)} ({fmt_number(len(docs))})</summary>'
            f'<ul class="docs">{items}</ul></details>')


def _sources(
    docs: Sequence[DocInfo], texts: Mapping[str, str], highlights: Mapping[str, list[Highlight]], shown: set[str]
) -> str:
    blocks = []
    for d in sorted((d for d in docs if d.doc_id in shown), key=lambda d: d.doc_id):
        marks = highlights.get(d.doc_id, [])
        labels = Counter(h.label for h in marks)
        meta = " · ".join(esc(v) for v in (d.doc_id, d.region, d.organisation, d.kind, d.date) if v)
        summary = f"{esc(d.title or d.doc_id)} <span class='muted'>({meta}; {fmt_number(d.words)} words"
        counts = ", ".join(f"{esc(k)}: {v}" for k, v in sorted(labels.items()))
        summary += (", " + counts if counts else "") + ")</span>"
        blocks.append(f'<details class="doc" id="{doc_anchor(d.doc_id)}"><summary>{summary}</summary>'
                      f'<div class="text">{marked_text(texts[d.doc_id], d.doc_id, marks)}</div></details>')
    return (f'<section id="sources"><h2>Sources</h2><p class="note">{len(blocks)} documents; highlighted passages '
            f"are the ones the tables cite.</p>{''.join(blocks)}</section>")


# -- helpers ---------------------------------------------------------------------------------------------------


def _list_id(key: str, value: str) -> str:
    return f"list-{key}-{digest(value)}"


def _first_anchor(refs: Sequence[str]) -> str | None:
    for ref in refs:
        try:
            return passage_anchor(*parse_ref(ref))
        except ValueError:
            continue
    return None


def _is_ref(value: str) -> bool:
    try:
        parse_ref(value)
    except ValueError:
        return False
    return True


def _refs_in_rows(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return [ref for row in rows for value in row.values() for ref in _refs_of(value)]


def _claim_ref(claim: Mapping[str, Any]) -> tuple[str, int, int] | None:
    doc_id, start, end = claim.get("doc_id"), claim.get("start"), claim.get("end")
    if doc_id is None or start is None or end is None:
        return None
    try:
        return str(doc_id), int(start), int(end)
    except (TypeError, ValueError):
        return None
