"""PDF files (pypdf): the text of each page, pages joined by a form feed, with a page locator per page.

Repeated page headers/footers and bare page numbers are dropped only when that is safe: a line (digits aside)
at the top or bottom of most pages of a document of three pages or more, the same outermost line on both pages of
a two-page document whose pages are numbered, or a lone number at a page's top or bottom that follows the page
sequence. Anything else is kept; the normaliser downstream joins the paragraphs a page break cut.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pypdf
from pypdf.errors import DependencyError

from textsamverkan.errors import E_EMPTY, E_MALFORMED, E_MISSING_PACKAGE, E_UNSUPPORTED, ReadError, UserError
from textsamverkan.ingest.readers.base import ReadOptions, format_ranges, read_bytes
from textsamverkan.model import Locator, RawDocument

PAGE_BREAK = "\n\f\n"

_DAMAGED_HINT = "Re-export it from the source program or convert it to text."
_ZONE = 2  # lines at the top and at the bottom of a page where headers, footers and page numbers sit
_MAX_FURNITURE_CHARS = 120
_MAX_RUNNING_CHARS = 60  # a line with a running page number ("Rapport 2020 | Sida 3 av 12") is short
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sidan|page|s\.|p\.)\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?\s*(?:(?:av|of|/)\s*\d{1,4}|\(\d{1,4}\))?$",
    re.IGNORECASE,
)
_PLACEHOLDERS = frozenset({"untitled", "anonymous", "unspecified", "unknown", "none"})


def read(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
    data = read_bytes(path, options)
    with _quiet_pypdf() as problems:
        pages, labels, metadata, notes = _extract(data, str(path))
    if problems:
        notes.append(f"pypdf worked around {len(problems)} problem(s) in the file's structure "
                     f"(first: {problems[0][:120]}); check the text for gaps")
    pages, furniture_notes = strip_furniture(pages)
    notes.extend(furniture_notes)
    if not any(lines for lines in pages):
        raise ReadError(str(path), E_EMPTY, "the PDF has no extractable text (scanned pages or images only?)",
                        "Run OCR on it first (e.g. `ocrmypdf -l swe in.pdf out.pdf`) and ingest the result.")
    blank = [i + 1 for i, lines in enumerate(pages) if not lines]
    if blank:
        notes.append(f"no text on page(s) {format_ranges(blank)} (images or scans?); "
                     "OCR the PDF to include them")
    text, locators = _join(pages, labels)
    metadata["pages"] = len(pages)
    yield RawDocument(source_path=str(path), text=text, format="pdf", metadata=metadata,
                      locators=locators, notes=notes)


@contextmanager
def _quiet_pypdf() -> Iterator[list[str]]:
    """Collect pypdf's logged warnings instead of printing them to stderr; silence its Python warnings."""
    problems: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(record.getMessage())

    logger = logging.getLogger("pypdf")
    handler = _Collect(logging.WARNING)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield problems
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _extract(data: bytes, name: str) -> tuple[list[list[str]], list[str], dict[str, Any], list[str]]:
    """(lines of each page, page labels, metadata, notes); raises ReadError for damaged or locked files."""
    notes: list[str] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, name)
        page_objects = list(reader.pages)
    except UserError:
        raise
    except DependencyError as exc:
        raise _missing_crypto(name, exc) from exc
    except Exception as exc:  # pypdf raises many types on broken files (PdfReadError, ValueError, KeyError)
        raise ReadError(name, E_MALFORMED, f"the PDF is damaged or truncated ({_short(exc)})",
                        _DAMAGED_HINT) from exc
    pages: list[list[str]] = []
    failed: list[int] = []
    for number, page in enumerate(page_objects, start=1):
        try:
            raw = page.extract_text() or ""
        except DependencyError as exc:
            raise _missing_crypto(name, exc) from exc
        except Exception:  # one broken page should not cost the others
            failed.append(number)
            raw = ""
        pages.append(_page_lines(raw))
    if failed and len(failed) == len(page_objects):
        raise ReadError(name, E_MALFORMED, "the PDF is damaged or truncated (no page could be read)",
                        _DAMAGED_HINT)
    if failed:
        notes.append(f"page(s) {format_ranges(failed)} could not be read (the file is partly damaged); "
                     "their text is missing")
    return pages, _labels(reader, len(pages)), _metadata(reader), notes


def _decrypt(reader: pypdf.PdfReader, name: str) -> None:
    """Open a PDF that is encrypted with an empty user password (only copying or printing restricted)."""
    if reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
        raise ReadError(name, E_UNSUPPORTED, "the PDF is password-protected and cannot be opened without its "
                        "password", "Open it with the password and save an unprotected copy (or export it to "
                        "text), then ingest that.")


def _missing_crypto(name: str, exc: Exception) -> ReadError:
    return ReadError(name, E_MISSING_PACKAGE, "the PDF is encrypted with AES, which needs the "
                     f"'cryptography' package ({_short(exc)})", "Install it: pip install 'pypdf[crypto]'")


def _short(exc: Exception) -> str:
    message = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _page_lines(raw: str) -> list[str]:
    """A page's text as lines without trailing spaces or blank lines at either end. Form feeds in the text
    become newlines, so that the page break is the only form feed in the result."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [line.rstrip() for line in raw.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    return lines[start:]


def _collapse(line: str) -> str:
    return " ".join(line.split())


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def _edges(pages: list[list[str]], drop: list[set[int]], top: bool) -> dict[int, int]:
    """page -> index of its outermost line (first or last) that is not blank and not dropped yet."""
    edges: dict[int, int] = {}
    for page, lines in enumerate(pages):
        remaining = [i for i, line in enumerate(lines) if line.strip() and i not in drop[page]]
        if remaining:
            edges[page] = remaining[0] if top else remaining[-1]
    return edges


def _running(lines: dict[int, str], threshold: int) -> bool:
    """True when one of the numbers in these lines (page -> line) runs with the page number, as in
    "Sida 3 av 12" on page 3: the same offset from the page number on `threshold` pages or more."""
    numbers = {page: [int(n) for n in re.findall(r"\d+", line)] for page, line in lines.items()}
    for k in range(max((len(v) for v in numbers.values()), default=0)):
        offsets = Counter(v[k] - (page + 1) for page, v in numbers.items() if len(v) > k)
        if offsets and offsets.most_common(1)[0][1] >= threshold:
            return True
    return False


def strip_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop repeated page headers/footers and page numbers from the pages' lines; (pages, notes).

    Conservative by design. On documents of 3+ pages, the outermost line at the top (then the next one, up to
    two) or bottom is dropped when it is the same on 60 % of the pages or more, at most 120 characters long
    and has a letter. Outermost lines of at most 60 characters that differ only in digits count as the same
    when a number in them runs with the page number ("Sida 3 av 12"). A lone number at a page's top or
    bottom is dropped when it follows the page sequence (page index plus the same offset) on at least two
    pages, or is "1" on a one-page document. A two-page document loses its outermost top or bottom line only when
    both pages are numbered and the line is the same on both (a report's running header, which would cut a
    sentence running over the break); without page numbers a repeated line, such as a table's heading, is kept.
    """
    n = len(pages)
    drop: list[set[int]] = [set() for _ in pages]
    example = ""
    if n == 2:
        example = _two_page_header(pages, drop)
    if n >= 3:
        threshold = max(3, math.ceil(0.6 * n))
        for top in (True, False):
            for depth in range(_ZONE):
                edges = _edges(pages, drop, top)
                outer = {page: _collapse(pages[page][i]) for page, i in edges.items()}
                outer = {page: line for page, line in outer.items()
                         if len(line) <= _MAX_FURNITURE_CHARS and re.search(r"[^\W\d_]", line)}
                exact = Counter(outer.values())
                by_mask: dict[str, dict[int, str]] = {}
                for page, line in outer.items():
                    by_mask.setdefault(_mask(line), {})[page] = line
                furniture = {line for line, count in exact.items() if count >= threshold}
                for group in by_mask.values():
                    if depth == 0 and len(group) >= threshold and _running(group, threshold) \
                            and all(len(line) <= _MAX_RUNNING_CHARS for line in group.values()):
                        furniture.update(group.values())
                hits = [page for page, line in outer.items() if line in furniture]
                if not hits:
                    break
                for page in hits:
                    drop[page].add(edges[page])
                    example = example or outer[page]
    furniture_pages = sum(1 for indexes in drop if indexes)
    numbered = _page_numbers(pages, drop)
    for page, i in numbered:
        drop[page].add(i)
    notes: list[str] = []
    if furniture_pages:
        notes.append(f"dropped a repeated page header/footer (e.g. '{example[:60]}') "
                     f"on {furniture_pages} pages")
    if numbered:
        notes.append(f"dropped page numbers on {len(numbered)} page(s)")
    cleaned = [_page_lines("\n".join(line for i, line in enumerate(lines) if i not in drop[page]))
               for page, lines in enumerate(pages)]
    return cleaned, notes


def _two_page_header(pages: list[list[str]], drop: list[set[int]]) -> str:
    """Mark in `drop` the outermost top and bottom lines that are the same on both pages of a two-page document
    whose pages both carry a page number among their first or last `_ZONE` lines; the first line marked, or ""."""
    numbers = _zone_numbers(pages)
    if len(numbers) != 2:
        return ""
    beside_numbers = [drop[page] | {numbers[page]} for page in (0, 1)]
    example = ""
    for top in (True, False):
        edges = _edges(pages, beside_numbers, top)
        outer = [_collapse(pages[page][edges[page]]) for page in edges]
        if len(outer) == 2 and outer[0] == outer[1] and len(outer[0]) <= _MAX_FURNITURE_CHARS \
                and re.search(r"[^\W\d_]", outer[0]):
            for page in (0, 1):
                drop[page].add(edges[page])
            example = example or outer[0]
    return example


def _page_offset(line: str, page: int) -> int | None:
    """How far a lone page number on this line (page index from 0) lies from the page's place, or None."""
    match = _PAGE_NUMBER.match(line.strip())
    return int(match.group(1)) - (page + 1) if match else None


def _zone_numbers(pages: list[list[str]]) -> dict[int, int]:
    """page -> line of a lone number among the page's first or last `_ZONE` lines that follows the page sequence
    with the same offset on every page (a page number drawn before or after a header line), or {}."""
    candidates: dict[int, dict[int, int]] = {}
    for page, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for i in dict.fromkeys(filled[:_ZONE] + filled[-_ZONE:]):
            offset = _page_offset(lines[i], page)
            if offset is not None:
                candidates.setdefault(offset, {}).setdefault(page, i)
    return next((found for found in candidates.values() if len(found) == len(pages)), {})


def _page_numbers(pages: list[list[str]], drop: list[set[int]]) -> list[tuple[int, int]]:
    """(page, line) of lone page numbers at a page's first or last remaining line that follow the sequence."""
    candidates: list[tuple[int, int, int]] = []
    for page, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line.strip() and i not in drop[page]]
        for i in sorted({filled[0], filled[-1]} if filled else set()):
            offset = _page_offset(lines[i], page)
            if offset is not None:
                candidates.append((page, i, offset))
    if not candidates:
        return []
    offset, count = Counter(c[2] for c in candidates).most_common(1)[0]
    if count >= 2 or (len(pages) == 1 and offset == 0):
        return [(page, i) for page, i, off in candidates if off == offset]
    return []


def _join(pages: list[list[str]], labels: list[str]) -> tuple[str, list[Locator]]:
    parts: list[str] = []
    locators: list[Locator] = []
    pos = 0
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            parts.append(PAGE_BREAK)
            pos += len(PAGE_BREAK)
        page_text = "\n".join(lines)
        label = labels[number - 1] if number - 1 < len(labels) else ""
        attrs = {"label": label} if label and label != str(number) else {}
        locators.append(Locator(pos, pos + len(page_text), "page", str(number), attrs))
        parts.append(page_text)
        pos += len(page_text)
    return "".join(parts), locators


def _labels(reader: pypdf.PdfReader, count: int) -> list[str]:
    """The printed page labels ("iii", "12"), when the PDF defines them."""
    try:
        labels = [str(label) for label in reader.page_labels]
    except Exception:  # a broken label tree is not worth failing the file for
        return []
    return labels if len(labels) == count else []


def _info(value: Any) -> str:
    text = " ".join(str(value or "").split())
    return "" if text.lower() in _PLACEHOLDERS else text


def _metadata(reader: pypdf.PdfReader) -> dict[str, Any]:
    """Title, author and creation date from the PDF's document information, where present and meaningful."""
    metadata: dict[str, Any] = {}
    try:
        info = reader.metadata
        if info is None:
            return metadata
        title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", _info(info.title))
        title = re.sub(r"\.(?:docx?|pptx?|odt)$", "", title, flags=re.IGNORECASE)
        if title:
            metadata["title"] = title
        if author := _info(info.author):
            metadata["author"] = author
    except Exception:  # broken information dictionaries are common and harmless to skip
        return metadata
    try:
        created = info.creation_date
        if created is not None:
            metadata["created"] = created.isoformat()
    except Exception:  # an unparseable date string
        pass
    return metadata
