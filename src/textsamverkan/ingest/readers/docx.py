"""Word documents (python-docx): paragraphs and tables in document order, headings and list items marked.

Headings are paragraphs whose style (or a style it is based on) is Heading N / Rubrik N / Title or carries
an outline level; list items have a List style or numbering (numPr). Both become `structure` spans in raw
offsets. Table rows become one line each, cells separated by " | ". Tracked deletions are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree

from textsamverkan.errors import E_EMPTY, E_MALFORMED, E_TOO_LARGE, E_UNSUPPORTED, ReadError
from textsamverkan.ingest.readers.base import ReadOptions, TextBlock, assemble_blocks, read_bytes
from textsamverkan.model import RawDocument, Span

_Element = etree._Element

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_T, _TAB, _BR, _CR, _NB_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
_TEXTBOX = qn("w:txbxContent")
# Subtrees whose text is not part of the paragraph: tracked deletions and moves, duplicate fallback content,
# paragraph properties.
_SKIP = frozenset({qn("w:del"), qn("w:moveFrom"), _MC + "Fallback", qn("w:pPr"), qn("w:rPr")})
_VAL = qn("w:val")

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|överskrift)\s*([1-9])$")
_TITLE_STYLE = re.compile(r"^(?:title|titel|rubrik)$")
_LIST_STYLE = re.compile(r"^(?:list|liststycke|punktlista|numrerad lista)")
_BULLET_CHARS = ("•", "◦", "▪", "‣", "·", "\uf0b7", "o ", "- ", "– ", "— ", "* ")
_MANUAL_NUMBER = re.compile(r"(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s")  # "1. ", "a) ", "iv. " typed by hand
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Zip bombs: only the parts the reader needs (XML and relationships) are ever decompressed, streamed in chunks and
# never past their declared size; together they may unpack to at most this many times the file-size limit (and at
# least _MIN_XML_MB), and one part may not expand more than _MAX_RATIO times when it is over _RATIO_FLOOR bytes.
# Images, thumbnails and embedded objects are replaced by empty parts without being read.
_MAX_EXPANSION = 4
_MIN_XML_MB = 64
_MAX_RATIO = 200
_RATIO_FLOOR = 4 * 1024 * 1024
_NEEDED_SUFFIXES = (".xml", ".rels")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str
    numbered: bool
    outline_level: int | None


_Block = TextBlock


def read(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
    data = read_bytes(path, options)
    document = _open(data, path, options)
    styles = _styles(document)
    try:
        blocks = list(_blocks(document.element.body, styles))
    except (ValueError, TypeError, AttributeError) as exc:  # XML that parses but breaks the schema
        raise ReadError(str(path), E_MALFORMED, f"the DOCX is damaged ({exc})",
                        "Open it in Word or LibreOffice and save it again, or export it as PDF.") from exc
    if not blocks:
        raise ReadError(str(path), E_EMPTY, "the document has no text",
                        "If it holds only images or scanned pages, OCR it or export its text first.")
    text, structure = _assemble(blocks)
    metadata = _metadata(document)
    if "title" not in metadata:
        title = next((b.text for b in blocks if b.kind == "heading" and b.level == 0), "")
        if title:
            metadata["title"] = " ".join(title.split())
    yield RawDocument(source_path=str(path), text=text, format="docx", metadata=metadata, structure=structure)


def _open(data: bytes, path: Path, options: ReadOptions) -> Any:
    """The python-docx Document, after checks for old .doc files and zip bombs."""
    name = str(path)
    if data.startswith(_OLE_SIGNATURE):
        raise ReadError(name, E_UNSUPPORTED, "this is not a DOCX package but an old Word 97–2003 .doc file "
                        "or a password-protected document",
                        "Open it in Word or LibreOffice and save it as .docx without a password, or export "
                        "it as PDF.")
    try:
        return docx.Document(io.BytesIO(_text_parts_only(data, name, options)))
    except ReadError:
        raise
    except Exception as exc:  # BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError, ...
        message = " ".join(str(exc).split())[:160]
        raise ReadError(name, E_MALFORMED, f"the DOCX is damaged or not a DOCX file ({type(exc).__name__}: "
                        f"{message})", "Open it in Word or LibreOffice and save it again, or export it as "
                        "PDF.") from exc


def _text_parts_only(data: bytes, name: str, options: ReadOptions) -> bytes:
    """The package with every part the reader does not need (images, thumbnails, embedded files) emptied, after
    checking each needed part's declared size and compression ratio; decompression is bounded either way."""
    limit = max(_MAX_EXPANSION * options.max_file_mb, _MIN_XML_MB) * 1024 * 1024
    hint = "Split the document, or raise the limit with --max-file-mb."
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        needed = [i for i in infos if i.filename.lower().endswith(_NEEDED_SUFFIXES) and not i.is_dir()]
        declared = sum(i.file_size for i in needed)
        if declared > limit:
            raise ReadError(name, E_TOO_LARGE, f"the DOCX unpacks to {declared / 1024 / 1024:.0f} MB of XML, over "
                            f"the {limit / 1024 / 1024:.0f} MB allowed", hint)
        for info in needed:
            if info.file_size > _RATIO_FLOOR and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
                raise ReadError(name, E_TOO_LARGE, f"the DOCX part {info.filename} expands "
                                f"{info.file_size / max(info.compress_size, 1):.0f} times (a zip bomb?)", hint)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as filtered:
            for info in infos:
                if info.is_dir():
                    continue
                keep = info in needed
                filtered.writestr(info.filename, _read_member(package, info) if keep else b"")
    return out.getvalue()


def _read_member(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read in chunks; zipfile stops at the declared size and checks the CRC."""
    chunks: list[bytes] = []
    with package.open(info) as member:
        while chunk := member.read(_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def _t_text(el: _Element) -> str:
    """A w:t's text; an unresolved entity (&xxe;), comment or instruction inside is dropped, the text after kept."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child, etree._Entity | etree._Comment | etree._ProcessingInstruction):
            parts.append(child.tail or "")
        else:
            parts.append("".join(str(t) for t in child.itertext()))
    return "".join(parts)


def _val(el: _Element | None, tag: str) -> str:
    child = el.find(tag) if el is not None else None
    return (child.get(_VAL) or "") if child is not None else ""


def _styles(document: Any) -> dict[str, _Style]:
    """Paragraph styles by id: name, base style, numbering and outline level."""
    table: dict[str, _Style] = {}
    try:
        root = document.styles.element
    except Exception:  # a damaged or missing styles part: no style information
        return table
    for style in root.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        ppr = style.find(qn("w:pPr"))
        table[style_id] = _Style(
            name=_val(style, qn("w:name")).strip().lower(),
            based_on=_val(style, qn("w:basedOn")),
            numbered=_numbered(ppr),
            outline_level=_outline_level(ppr),
        )
    return table


def _numbered(ppr: _Element | None) -> bool:
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    return numpr is not None and _val(numpr, qn("w:numId")) not in ("", "0")


def _outline_level(ppr: _Element | None) -> int | None:
    level = _val(ppr, qn("w:outlineLvl"))
    return int(level) if level.isdigit() and int(level) < 9 else None


def _kind(p: _Element, styles: dict[str, _Style]) -> tuple[str, int]:
    """("heading", level), ("bullet", 0) or ("para", 0) from the paragraph's own properties and style chain.
    Level 0 is the document title (Title style)."""
    ppr = p.find(qn("w:pPr"))
    own_outline = _outline_level(ppr)
    if own_outline is not None:
        return "heading", own_outline + 1
    listed = _numbered(ppr)
    style_id = _val(ppr, qn("w:pStyle"))
    seen: set[str] = set()
    while style_id and style_id not in seen and style_id in styles:
        seen.add(style_id)
        style = styles[style_id]
        for name in (style.name, style_id.lower()):
            if match := _HEADING_STYLE.match(name):
                return "heading", int(match.group(1))
            if _TITLE_STYLE.match(name):
                return "heading", 0
        if style.outline_level is not None:
            return "heading", style.outline_level + 1
        if _LIST_STYLE.match(style.name) or _LIST_STYLE.match(style_id.lower()) or style.numbered:
            listed = True
        style_id = style.based_on
    return ("bullet" if listed else "para"), 0


def _blocks(container: _Element, styles: dict[str, _Style]) -> Iterator[_Block]:
    """Blocks of a body, table cell or text box, in document order."""
    for child in container.iterchildren():
        if child.tag == _P:
            text, boxes = _paragraph_text(child)
            text = text.strip()
            if text:
                kind, level = _kind(child, styles)
                yield _Block(kind, text, level)
            for box in boxes:
                yield from _blocks(box, styles)
        elif child.tag == _TBL:
            yield from _table(child, styles)
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from _blocks(content, styles)


def _paragraph_text(p: _Element) -> tuple[str, list[_Element]]:
    """The paragraph's visible text (tabs, line breaks and inserted text included) and its text boxes."""
    out: list[str] = []
    boxes: list[_Element] = []
    stack = list(reversed(list(p)))  # reversed onto a stack: elements come off in document order
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _SKIP:
            continue
        if tag == _TEXTBOX:
            boxes.append(el)
        elif tag == _T:
            out.append(_t_text(el))
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NB_HYPHEN:
            out.append("-")
        else:
            stack.extend(reversed(list(el)))
    return "".join(out), boxes


def _table(tbl: _Element, styles: dict[str, _Style]) -> Iterator[_Block]:
    """One block per row (cells joined by " | "); a single-column table (a frame or layout box) is read as
    ordinary body content."""
    rows = [[tc for tc in _children(tr, _TC)] for tr in _children(tbl, _TR)]
    if all(len(cells) <= 1 for cells in rows):
        for cells in rows:
            for tc in cells:
                yield from _blocks(tc, styles)
        return
    for cells in rows:
        texts = [" ".join(" ".join(b.text for b in _blocks(tc, styles)).split()) for tc in cells]
        if any(texts):
            yield _Block("row", " | ".join(texts).rstrip())


def _children(el: _Element, tag: str) -> Iterator[_Element]:
    """Direct children with `tag`, looking through content controls (w:sdt) and custom XML wrappers."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _assemble(blocks: list[_Block]) -> tuple[str, list[Span]]:
    """Join blocks: list items and table rows one per line, everything else separated by a blank line."""
    return assemble_blocks(
        blocks,
        tight=lambda previous, kind: previous == kind and kind in ("bullet", "row"),
        has_marker=lambda text: text.startswith(_BULLET_CHARS) or bool(_MANUAL_NUMBER.match(text)),
    )


def _metadata(document: Any) -> dict[str, Any]:
    """Title, author and creation date from the core properties, where set."""
    metadata: dict[str, Any] = {}
    try:
        core = document.core_properties
        title = " ".join((core.title or "").split())
        author = " ".join((core.author or "").split())
        created = core.created
    except Exception:  # a damaged core-properties part is not worth failing the file for
        return metadata
    if title and title != "Word Document":  # python-docx's default when the file has no core properties
        metadata["title"] = title
    if author:
        metadata["author"] = author
    if created is not None:
        metadata["created"] = created.isoformat()
    return metadata
