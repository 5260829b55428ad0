"""Read a REFI-QDA project (.qdpx or a bare project.qde): users, codes, text sources and their codings.

Used to bring a QDA tool's coding back (a researcher's manual coding, to measure agreement or import it as a
coding run). Text comes from `PlainTextContent` or from `internal://` files in the archive's sources/ folder;
selections on PDF representations are read the same way. Nothing is extracted to disk.

The archive is not trusted: every member's declared size and compression ratio is checked before it is read,
only project.qde and the source files it names are ever read, reads are capped at the declared size, and a
position that is not a whole number, negative, reversed or beyond the end of its text is a coded error naming
the file, the element and the source.

Positions: QDA tools count either Unicode code points (QualCoder) or UTF-16 code units (NVivo, MAXQDA,
ATLAS.ti); see `textsamverkan.export.qda_positions`. `positions="auto"` decides from the project's `origin`,
then from selections that are valid in only one count; the choice and the reason are kept in the project.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from lxml import etree

from textsamverkan.errors import E_MALFORMED, E_NOT_FOUND, E_OPTION, E_TOO_LARGE, UserError
from textsamverkan.export.qda_positions import POSITION_NAMES, PositionMap, Positions, has_astral
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource

NS = "urn:QDA-XML:project:1.0"
_Q = "{" + NS + "}"
MAX_MEMBER_BYTES = 256 << 20  # one member, uncompressed
MAX_TOTAL_BYTES = 1 << 30  # every member read, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, for members larger than RATIO_FLOOR
RATIO_FLOOR = 1 << 20
_INTEGER = re.compile(r"^\s*[+-]?\d{1,30}\s*$")
PositionChoice = Literal["auto", "utf16", "codepoints"]


@dataclass
class _Selection:
    element: str
    guid: str
    source: str
    start: int
    end: int
    code: str
    user: str


@dataclass
class QdaProject:
    """What a project file holds. Codes and sources carry their GUIDs as ids; codings refer to those GUIDs and
    carry the GUID of their creating user (`users` maps user GUIDs to names).

    `missing_text` lists sources whose text was not in the archive (their codings are still read).
    `positions` is how the file counted positions ("utf16" or "codepoints"), `positions_note` why that was assumed;
    every coding here is already converted to code points of the source text.
    """

    name: str
    codes: list[QdaCode] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    codings: list[Coding] = field(default_factory=list)
    missing_text: list[str] = field(default_factory=list)
    users: dict[str, str] = field(default_factory=dict)
    origin: str = ""
    creating_user: str = ""
    descriptions: dict[str, str] = field(default_factory=dict)
    positions: Positions = "utf16"
    positions_note: str = ""

    def code_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.codes}

    def source_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.sources}


def read_qdpx(path: str | Path, *, positions: PositionChoice = "auto") -> QdaProject:
    """Parse a .qdpx archive (or a .qde file) into users, codes, sources and codings (positions in code points)."""
    if positions not in ("auto", "utf16", "codepoints"):
        raise UserError(E_OPTION, f"positions must be auto, utf16 or codepoints, not '{positions}'",
                        "Use --positions auto unless you know how the tool counted.")
    target = Path(path)
    if not target.is_file():
        raise UserError(E_NOT_FOUND, f"{target}: no such file", "Check the path to the .qdpx file.")
    if zipfile.is_zipfile(target):
        try:
            with zipfile.ZipFile(target) as archive:
                return _read_archive(target, archive, positions)
        except zipfile.BadZipFile as exc:
            raise UserError(E_MALFORMED, f"{target}: a damaged zip archive ({exc})",
                            "Export the project from the QDA tool again.") from exc
    _check_size(target, "the file", target.stat().st_size, target.stat().st_size)
    return _parse(target, target.read_bytes(), {}, positions)


def _read_archive(target: Path, archive: zipfile.ZipFile, positions: PositionChoice) -> QdaProject:
    infos = {info.filename: info for info in archive.infolist()}
    qde = next((n for n in infos if PurePosixPath(n).suffix.lower() == ".qde"), None)
    if qde is None:
        raise UserError(E_MALFORMED, f"{target}: the archive holds no project.qde",
                        "Export the project from the QDA tool as REFI-QDA (.qdpx).")
    budget = [MAX_TOTAL_BYTES]
    xml = _read_member(target, archive, infos[qde], budget)
    root = _root(target, xml)
    del xml
    texts: dict[str, bytes] = {}
    for el in root.iter(_Q + "TextSource", _Q + "Representation"):
        member = _internal_member(el.get("plainTextPath", ""))
        if member is None or member in texts:
            continue
        info = infos.get(member) or _case_insensitive(infos, member)
        if info is not None:
            texts[member] = _read_member(target, archive, info, budget)
    return _project(target, root, texts, positions)


def _case_insensitive(infos: dict[str, zipfile.ZipInfo], member: str) -> zipfile.ZipInfo | None:
    lowered = member.lower()
    return next((info for name, info in infos.items() if name.lower() == lowered), None)


def _check_size(target: Path, member: str, size: int, compressed: int) -> None:
    if size > MAX_MEMBER_BYTES:
        raise UserError(E_TOO_LARGE, f"{target}: {member} declares {size:,} bytes, over the limit of "
                        f"{MAX_MEMBER_BYTES:,} for one member", "This is not a plausible QDA project; check the file.")
    if size > RATIO_FLOOR and size > MAX_RATIO * max(compressed, 1):
        raise UserError(E_TOO_LARGE, f"{target}: {member} would expand {size // max(compressed, 1):,} times "
                        f"({compressed:,} → {size:,} bytes), more than the {MAX_RATIO} times text ever does",
                        "The archive looks like a decompression bomb; it was not read.")


def _read_member(target: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """Read one member after checking its declared size and ratio, never more than it declared."""
    _check_size(target, info.filename, info.file_size, info.compress_size)
    if info.file_size > budget[0]:
        raise UserError(E_TOO_LARGE, f"{target}: the members read so far exceed {MAX_TOTAL_BYTES:,} bytes",
                        "This is not a plausible QDA project; check the file.")
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UserError(E_MALFORMED, f"{target}: {info.filename} cannot be read ({exc})",
                        "Export the project from the QDA tool again.") from exc
    if len(data) > info.file_size:
        raise UserError(E_MALFORMED, f"{target}: {info.filename} holds more than it declares",
                        "The archive is damaged or forged; it was not read.")
    budget[0] -= len(data)
    return data


def _root(target: Path, xml: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise UserError(E_MALFORMED, f"{target}: project.qde is not well-formed XML ({exc})",
                        "Re-export the project from the QDA tool.") from exc
    if root.tag != _Q + "Project":
        raise UserError(E_MALFORMED, f"{target}: project.qde has root <{etree.QName(root).localname}>, not "
                        f"<Project> in {NS}", "Export the project as REFI-QDA (QDA-XML 1.0).")
    return root


def _parse(target: Path, xml: bytes, texts: dict[str, bytes], positions: PositionChoice) -> QdaProject:
    return _project(target, _root(target, xml), texts, positions)


def _project(target: Path, root: etree._Element, texts: dict[str, bytes], positions: PositionChoice) -> QdaProject:
    project = QdaProject(name=root.get("name", ""), origin=root.get("origin", ""),
                         creating_user=root.get("creatingUserGUID", ""))
    for user in root.iterfind(_Q + "Users/" + _Q + "User"):
        project.users[user.get("guid", "")] = user.get("name", "") or user.get("guid", "")
    book = root.find(_Q + "CodeBook/" + _Q + "Codes")
    if book is not None:
        for code_el in book.findall(_Q + "Code"):
            _read_code(code_el, None, project.codes)
    variables = {v.get("guid", ""): v.get("name", "") for v in root.iterfind(_Q + "Variables/" + _Q + "Variable")}
    selections: list[_Selection] = []
    for source_el in root.iter(_Q + "TextSource", _Q + "Representation"):
        selections += _read_source(target, source_el, texts, variables, project)
    _resolve_positions(target, project, selections, positions)
    return project


def _read_code(el: etree._Element, parent: str | None, out: list[QdaCode]) -> None:
    description = el.findtext(_Q + "Description") or ""
    code = QdaCode(id=el.get("guid", ""), name=el.get("name", ""), description=description,
                   color=el.get("color"), parent=parent)
    out.append(code)
    for child in el.findall(_Q + "Code"):
        _read_code(child, code.id, out)


def _read_source(
    target: Path, el: etree._Element, texts: dict[str, bytes], variables: dict[str, str], project: QdaProject
) -> list[_Selection]:
    source_guid = el.get("guid", "")
    name = el.get("name", "") or source_guid
    text = el.findtext(_Q + "PlainTextContent")
    if text is None:
        member = _internal_member(el.get("plainTextPath", ""))
        data = texts.get(member) if member else None
        if data is None and member:
            data = next((v for k, v in texts.items() if k.lower() == member.lower()), None)
        text = None if data is None else data.decode("utf-8-sig", errors="replace")
    if text is None:
        project.missing_text.append(name)
    values = {}
    for value in el.findall(_Q + "VariableValue"):
        ref = value.find(_Q + "VariableRef")
        found = [v.text or "" for v in value if v.tag != _Q + "VariableRef"]
        if ref is not None and found:
            key = ref.get("targetGUID", "")
            values[variables.get(key) or key] = found[0]
    project.sources.append(QdaSource(source_guid, name, text or "", values))
    description = el.findtext(_Q + "Description")
    if description:
        project.descriptions[source_guid] = description
    out: list[_Selection] = []
    for selection in el.findall(_Q + "PlainTextSelection"):
        where = f"{target}: PlainTextSelection {selection.get('guid', '?')} in source '{name}'"
        start = _position(selection.get("startPosition"), "startPosition", where)
        end = _position(selection.get("endPosition"), "endPosition", where)
        if start < 0 or end < 0:
            raise UserError(E_MALFORMED, f"{where}: negative position ({start}-{end})",
                            "Positions count characters from 0; re-export the project.")
        if end < start:
            raise UserError(E_MALFORMED, f"{where}: the selection ends before it starts ({start}-{end})",
                            "Re-export the project from the QDA tool.")
        for coding in selection.findall(_Q + "Coding"):
            ref = coding.find(_Q + "CodeRef")
            if ref is not None:
                user = coding.get("creatingUser") or selection.get("creatingUser") or el.get("creatingUser") or ""
                out.append(_Selection(where, selection.get("guid", ""), source_guid, start, end,
                                      ref.get("targetGUID", ""), user))
    for coding in el.findall(_Q + "Coding"):  # a code applied to the whole source
        ref = coding.find(_Q + "CodeRef")
        if ref is not None:
            project.codings.append(Coding(source_guid, 0, len(text or ""), ref.get("targetGUID", ""),
                                          user=coding.get("creatingUser") or ""))
    return out


def _position(value: str | None, attribute: str, where: str) -> int:
    if value is None or not _INTEGER.match(value):
        raise UserError(E_MALFORMED, f"{where}: {attribute} '{value}' is not a whole number",
                        "Positions are whole numbers of characters; re-export the project from the QDA tool.")
    return int(value)


def _resolve_positions(
    target: Path, project: QdaProject, selections: list[_Selection], choice: PositionChoice
) -> None:
    maps = {s.id: PositionMap(s.text) for s in project.sources if has_astral(s.text)}
    if choice != "auto":
        project.positions, project.positions_note = choice, "as asked"
    else:
        project.positions, project.positions_note = _guess(project.origin, selections, maps)
    known = {s.id for s in project.sources if s.name not in project.missing_text}
    lengths = {s.id: len(s.text) for s in project.sources}
    for sel in selections:
        start, end = sel.start, sel.end
        if sel.source in maps:
            converted = (maps[sel.source].convert(start, project.positions),
                         maps[sel.source].convert(end, project.positions))
            if converted[0] is None or converted[1] is None:
                unit = POSITION_NAMES[project.positions]
                raise UserError(E_MALFORMED, f"{sel.element}: {start}-{end} is not a position in "
                                f"{unit} of the source text (beyond the end, or inside a character)",
                                "Try --positions utf16 or --positions codepoints.")
            start, end = converted[0], converted[1]
        elif sel.source in known and end > lengths[sel.source]:
            raise UserError(E_MALFORMED, f"{sel.element}: the selection {start}-{end} reaches beyond the end of "
                            f"the text ({lengths[sel.source]} characters)",
                            "The source text in the archive does not belong to this coding; re-export it.")
        project.codings.append(Coding(sel.source, start, end, sel.code, user=sel.user))


def _guess(origin: str, selections: list[_Selection], maps: dict[str, PositionMap]) -> tuple[Positions, str]:
    if not maps:
        return "utf16", "no source has characters outside the BMP, so both counts agree"
    lowered = origin.lower()
    if "positions: code points" in lowered or "qualcoder" in lowered:
        return "codepoints", f"the project was written by '{origin}', which counts code points"
    if "positions: utf-16" in lowered or any(t in lowered for t in ("nvivo", "maxqda", "atlas")):
        return "utf16", f"the project was written by '{origin}', which counts UTF-16 units"
    fits = {"utf16": 0, "codepoints": 0}
    for sel in selections:
        if sel.source not in maps:
            continue
        for unit in fits:
            if None in (maps[sel.source].convert(sel.start, unit), maps[sel.source].convert(sel.end, unit)):  # type: ignore[arg-type]
                fits[unit] += 1
    if fits["utf16"] and not fits["codepoints"]:
        return "codepoints", f"{fits['utf16']} selection(s) are impossible in UTF-16 units"
    if fits["codepoints"] and not fits["utf16"]:
        return "utf16", f"{fits['codepoints']} selection(s) reach beyond the text in code points"
    return "utf16", f"origin '{origin or 'unknown'}' does not say; UTF-16 units is what most QDA tools count"


def coding_set(project: QdaProject, *, by: str = "name") -> list[Coding]:
    """The project's codings as (source, start, end, code), with sources and codes named (by="name") or by GUID."""
    if by == "guid":
        return sorted(project.codings, key=_order)
    if by != "name":
        raise ValueError("by must be 'name' or 'guid'")
    codes, sources = project.code_names(), project.source_names()
    named = [Coding(sources.get(c.source, c.source), c.start, c.end, codes.get(c.code, c.code), user=c.user)
             for c in project.codings]
    return sorted(named, key=_order)


def _order(c: Coding) -> tuple[str, int, int, str]:
    return (c.source, c.start, c.end, c.code)


def _internal_member(path: str) -> str | None:
    if not path.startswith("internal://"):
        return None
    name = path[len("internal://"):]
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    return "sources/" + name
