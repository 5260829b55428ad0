"""Theme coding of the whole-document dev sets through `ingest` and `themes`, as a user runs them.

`devset.py --set devset_documentsN.jsonl` codes each document's lines itself (structure read, headings left out),
which measures the coder; this script writes each document to a text file, ingests the files (blocks, speaker
turns, passages) and runs the themes stage (rules and the learned layer, no topics), then reads the stored theme
spans back onto the set's lines. What ingest loses or misreads (a transcript's turns, passages) shows here and not
there.

    .venv/bin/python benchmarks/themes/pipeline_devset.py --sets 11,12,13,14 [--no-model] [--no-context-model]
        [--format docx]

`--format` writes each document as a user's file of that kind instead of plain text: DOCX (heading-like lines in a
Heading style), PDF (A4, wrapped by the layout, a running header and page numbers) or HTML (a site menu and footer
around the text, heading-like lines as <h2>), so what the readers lose or join shows too. `--speakers` writes the
transcripts' speaker labels another way: capitals ("MAJA STRAND:"), on a line of their own over the turn (as Word
transcripts do), after a timestamp ("[00:03:12] Maja Strand:"), with a timestamp on the name's line ("Maja Strand
00:03:12", as meeting-recording exports do), the interviews' codes I:/IP: (every answer labelled), the interviews
by first names, "Anna:" asking and "Per:" answering (`names`), or a table of time, speaker and text (with --format
docx or html a real table; in text, its cells joined by " | " as the readers give them).

Prints core-seven precision, recall and F1 per genre and overall, and all-fourteen F1 overall. Never used to fit or
tune: see README.md in this folder.
"""

from __future__ import annotations

import argparse
import html
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, cast

from devset import CORE_THEMES, HERE, load_items

CORE = set(CORE_THEMES)


def load(sets: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each document's lines, in order, from the named sets ("" or "1" is devset_documents.jsonl)."""
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in sets:
        for row in load_items(HERE / f"devset_documents{'' if n in ('', '1') else n}.jsonl"):
            docs[str(row["doc"])].append(cast(dict[str, Any], row))
    return docs


_SPEAKER_PREFIX = re.compile(r"^[A-ZÅÄÖ][\w.-]*(?: [A-ZÅÄÖ][\w-]*)?: ")


def looks_like_heading(line: str) -> bool:
    """A short line without sentence-final punctuation or speaker prefix: what a writer would style as a heading."""
    return len(line) <= 70 and not line.rstrip().endswith((".", "?", "!", ":", ";", ",")) and not (
        _SPEAKER_PREFIX.match(line)
    )


def write_txt(lines: list[str], path: Path) -> Path:
    path = path.with_suffix(".txt")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


TABLE_HEADER = "Tid | Talare | Text"
_TABLE_ROW = re.compile(r"(?:Tid|\d\d:\d\d:\d\d) \| [^|]* \| ")


def _runs(lines: list[str]) -> list[list[str]]:
    """The lines in runs: each table (consecutive rows of time, speaker and text from `--speakers table`) one run,
    every other line a run of its own."""
    runs: list[list[str]] = []
    for line in lines:
        if _TABLE_ROW.match(line) and runs and _TABLE_ROW.match(runs[-1][-1]):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def write_docx(lines: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    for run in _runs(lines):
        if not _TABLE_ROW.match(run[0]):
            document.add_paragraph(run[0], style="Heading 2" if looks_like_heading(run[0]) else None)
            continue
        table = document.add_table(rows=0, cols=3)
        for row in run:
            for cell, value in zip(table.add_row().cells, row.split(" | ", 2), strict=True):
                cell.text = value
    path = path.with_suffix(".docx")
    document.save(str(path))
    return path


def write_pdf(lines: list[str], path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    font = _unicode_font()
    for style in ("BodyText", "Heading2"):
        styles[style].fontName = font

    def furniture(canvas: Any, document: Any) -> None:
        canvas.setFont(font, 8)
        canvas.drawString(72, A4[1] - 40, "Dokument " + path.stem)
        canvas.drawString(A4[0] / 2, 30, str(document.page))

    path = path.with_suffix(".pdf")
    story = [Paragraph(html.escape(line), styles["Heading2" if looks_like_heading(line) else "BodyText"])
             for line in lines]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def _unicode_font() -> str:
    """DejaVu Sans where the system has it (reportlab's own fonts lack letters such as "ć"), else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):  # Debian, Fedora
        path = Path(folder) / "DejaVuSans.ttf"
        if path.exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(path)))
            return "DejaVuSans"
    return "Helvetica"


def _html_block(run: list[str]) -> str:
    if _TABLE_ROW.match(run[0]):
        cells = ("".join(f"<td>{html.escape(cell)}</td>" for cell in row.split(" | ", 2)) for row in run)
        return "<table>" + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>"
    return f"<h2>{html.escape(run[0])}</h2>" if looks_like_heading(run[0]) else f"<p>{html.escape(run[0])}</p>"


def write_html(lines: list[str], path: Path) -> Path:
    body = "\n".join(_html_block(run) for run in _runs(lines))
    page = (f"<!doctype html><html lang=sv><head><meta charset=utf-8><title>{path.stem}</title></head><body>"
            "<header><nav><ul><li><a href=/>Start</a></li><li><a href=/vard>Vård och omsorg</a></li>"
            "<li><a href=/kontakt>Kontakta oss</a></li></ul></nav></header>"
            f"<main><article>{body}</article></main>"
            "<footer><p>Telefon 0771-11 22 33</p><p>Om webbplatsen | Kakor | Tillgänglighet</p></footer>"
            "</body></html>")
    path = path.with_suffix(".html")
    path.write_text(page, encoding="utf-8")
    return path


WRITERS = {"txt": write_txt, "docx": write_docx, "pdf": write_pdf, "html": write_html}
TRANSCRIPTS = ("interview", "podcast", "focus")
STYLES = ("colon", "caps", "own-line", "timestamp", "name-time", "initials", "names", "table")


def _stamp(line: int) -> str:
    seconds = 17 * line + 5
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def styled(rows: list[dict[str, Any]], style: str) -> tuple[list[str], list[str]]:
    """A document's lines with its transcript's speaker labels written in `style`, and each row's words to find in
    the stored text (without the label where the style rewrote it). Written documents keep their lines."""
    lines: list[str] = []
    find: list[str] = []
    for n, row in enumerate(rows):
        text = str(row["text"])
        prefix = _SPEAKER_PREFIX.match(text) if row["genre"] in TRANSCRIPTS else None
        if style == "colon" or row["genre"] not in TRANSCRIPTS or (
            style in ("initials", "names") and row["genre"] != "interview"
        ):
            lines.append(text)
            find.append(text)
            continue
        label, words = (text[: prefix.end() - 2], text[prefix.end() :]) if prefix else ("", text)
        find.append(words)
        if style == "caps":
            lines.append(f"{label.upper()}: {words}" if label else words)
        elif style == "own-line":
            lines += ["", label, words, ""] if label else [words]
        elif style == "timestamp":
            lines.append(f"[{_stamp(n)}] {label}: {words}" if label else words)
        elif style == "name-time":
            lines += ["", f"{label}  {_stamp(n)}", words, ""] if label else [words]
        elif style == "table":  # time, speaker, text; an interview's unlabelled answers are the respondent's, IP
            lines += [TABLE_HEADER] if not lines or not _TABLE_ROW.match(lines[-1]) else []
            lines.append(f"{_stamp(n)} | {label or 'IP'} | {words}")
        elif style == "initials":  # the interviewer I:, every answer IP:
            lines.append(f"I: {words}" if label else f"IP: {words}")
        else:  # names: the interviewer and the one who answers by first name, every line labelled
            lines.append(f"Anna: {words}" if label else f"Per: {words}")
    return lines, find


def line_starts(text: str, lines: list[str]) -> list[int]:
    """Each line's start in the stored text, -1 where it is not found (whitespace may differ: a PDF's layout wraps
    lines, and the stored text keeps one space or line break where the reader joined them)."""
    starts, pos = [], 0
    for line in lines:
        pattern = r"\s+".join(re.escape(word) for word in line.split())
        found = re.compile(pattern).search(text, pos)
        starts.append(found.start() if found else -1)
        pos = found.start() if found else pos
    return starts


def coded_lines(
    docs: dict[str, list[dict[str, Any]]], *, model: bool, form: str = "txt", style: str = "colon",
    context_model: bool = True,
) -> dict[str, list[set[str]]]:  # fmt: skip
    """Each document's lines' codes as `ingest` and `themes` store them (a hit counts on the line its middle is in),
    the documents written as files of `form` (txt, docx, pdf, html) with speaker labels in `style`; `context_model`
    off reads transcripts with the relief (`--no-context-model`)."""
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
    from textsamverkan.stages.themes import run_themes
    from textsamverkan.store import connect

    out: dict[str, list[set[str]]] = {}
    lost: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        written = {doc: styled(rows, style) for doc, rows in docs.items()}
        files = [WRITERS[form](lines, Path(tmp) / doc) for doc, (lines, _find) in written.items()]
        conn = connect(Path(tmp) / "devset.db")
        ingest_paths(conn, files, IngestOptions())
        settings = {"topics": False, "model_coder": model, "context_model": context_model}
        run_themes(conn, settings=settings, outputs=Path(tmp) / "outputs")
        for doc_id, text in conn.execute("SELECT doc_id, text FROM documents").fetchall():
            name = Path(doc_id.rsplit("/", 1)[-1]).stem
            rows = docs[name]
            starts = line_starts(text, written[name][1])
            lost[name] = starts.count(-1)
            codes: list[set[str]] = [set() for _ in rows]
            spans = conn.execute("SELECT start, end, label FROM spans WHERE doc_id = ? AND layer = 'theme'", (doc_id,))
            for start, end, label in spans.fetchall():
                # the line holding the hit's middle: a hit on a table row or a paragraph without turns starts at the
                # row's time or speaker label, before the line's words
                middle = (start + end) // 2
                line = max((k for k, s in enumerate(starts) if 0 <= s <= middle), default=0)
                codes[line].add(label)
            out[name] = codes
    if sum(lost.values()):
        print("lines not found in the stored text:", {k: v for k, v in lost.items() if v})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="11,12,13,14", help="set numbers, comma-separated (1 is the first)")
    parser.add_argument("--no-model", action="store_true", help="the rules alone")
    parser.add_argument("--format", default="txt", choices=sorted(WRITERS), help="the kind of file each document is")
    parser.add_argument("--speakers", default="colon", choices=STYLES, help="how the transcripts label speakers")
    parser.add_argument("--no-context-model", action="store_true", help="transcripts read with the relief")
    args = parser.parse_args()
    docs = load(args.sets.split(","))
    predicted = coded_lines(
        docs, model=not args.no_model, form=args.format, style=args.speakers, context_model=not args.no_context_model
    )
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for doc, rows in docs.items():
        for row, codes in zip(rows, predicted[doc], strict=True):
            gold = {str(c) for c in row["codes"]}
            for key, keep in ((str(row["genre"]), CORE), ("all, core seven", CORE), ("all, fourteen codes", None)):
                g, p = (gold, codes) if keep is None else (gold & keep, codes & keep)
                counts[key][0] += len(g & p)
                counts[key][1] += len(p - g)
                counts[key][2] += len(g - p)
    layer = "rules alone" if args.no_model else "rules + learned layer" + (" (relief)" if args.no_context_model else "")
    print(f"sets {args.sets}, {layer}, through ingest and themes "
          f"as {args.format}, speakers {args.speakers}")
    print("| slice | P | R | F1 |\n|---|---|---|---|")
    for key, (tp, fp, fn) in sorted(counts.items(), key=lambda kv: (kv[0].startswith("all"), kv[0])):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {key} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()
