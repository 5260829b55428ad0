"""Read a REFI-QDA project (.qdpx or a bare project.qde): codes, text sources and their codings.

Used to bring a QDA tool's coding back (e.g. a researcher's manual coding, to measure agreement with the
automatic coding). Text comes from `PlainTextContent` or from `internal://` files in the archive's sources/
folder; selections on PDF representations are read the same way. Nothing is extracted to disk.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from textsamverkan.errors import E_MALFORMED, E_NOT_FOUND, UserError
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource

NS = "urn:QDA-XML:project:1.0"
_Q = "{" + NS + "}"
Reader = Callable[[str], bytes | None]


@dataclass
class QdaProject:
    """What a project file holds. Codes and sources carry their GUIDs as ids; codings refer to those GUIDs.

    `missing_text` lists sources whose text was not in the archive (their codings are still read).
    """

    name: str
    codes: list[QdaCode] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    codings: list[Coding] = field(default_factory=list)
    missing_text: list[str] = field(default_factory=list)

    def code_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.codes}

    def source_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.sources}


def read_qdpx(path: str | Path) -> QdaProject:
    """Parse a .qdpx archive (or a .qde file) into codes, sources and codings."""
    target = Path(path)
    if not target.is_file():
        raise UserError(E_NOT_FOUND, f"{target}: no such file", "Check the path to the .qdpx file.")
    if zipfile.is_zipfile(target):
        with zipfile.ZipFile(target) as archive:
            names = archive.namelist()
            qde = next((n for n in names if PurePosixPath(n).suffix.lower() == ".qde"), None)
            if qde is None:
                raise UserError(E_MALFORMED, f"{target}: the archive holds no project.qde",
                                "Export the project from the QDA tool as REFI-QDA (.qdpx).")
            members = set(names)
            return _parse(archive.read(qde), lambda name: archive.read(name) if name in members else None)
    return _parse(target.read_bytes(), lambda name: None)


def coding_set(project: QdaProject, *, by: str = "name") -> list[Coding]:
    """The project's codings as (source, start, end, code), with sources and codes named (by="name") or by GUID."""
    if by == "guid":
        return sorted(project.codings, key=_order)
    if by != "name":
        raise ValueError("by must be 'name' or 'guid'")
    codes, sources = project.code_names(), project.source_names()
    named = [Coding(sources.get(c.source, c.source), c.start, c.end, codes.get(c.code, c.code))
             for c in project.codings]
    return sorted(named, key=_order)


def _order(c: Coding) -> tuple[str, int, int, str]:
    return (c.source, c.start, c.end, c.code)


def _parse(xml: bytes, read_member: Reader) -> QdaProject:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise UserError(E_MALFORMED, f"project.qde is not well-formed XML ({exc})",
                        "Re-export the project from the QDA tool.") from exc
    if root.tag != _Q + "Project":
        raise UserError(E_MALFORMED, f"project.qde has root <{etree.QName(root).localname}>, not <Project> in {NS}",
                        "Export the project as REFI-QDA (QDA-XML 1.0).")
    project = QdaProject(name=root.get("name", ""))
    book = root.find(_Q + "CodeBook/" + _Q + "Codes")
    if book is not None:
        for code_el in book.findall(_Q + "Code"):
            _read_code(code_el, None, project.codes)
    for source_el in root.iter(_Q + "TextSource", _Q + "Representation"):
        _read_source(source_el, read_member, project)
    return project


def _read_code(el: etree._Element, parent: str | None, out: list[QdaCode]) -> None:
    description = el.findtext(_Q + "Description") or ""
    code = QdaCode(id=el.get("guid", ""), name=el.get("name", ""), description=description,
                   color=el.get("color"), parent=parent)
    out.append(code)
    for child in el.findall(_Q + "Code"):
        _read_code(child, code.id, out)


def _read_source(el: etree._Element, read_member: Reader, project: QdaProject) -> None:
    source_guid = el.get("guid", "")
    name = el.get("name", "") or source_guid
    text = el.findtext(_Q + "PlainTextContent")
    if text is None:
        text = _internal_text(el.get("plainTextPath", ""), read_member)
    if text is None:
        project.missing_text.append(name)
    variables = {}
    for value in el.findall(_Q + "VariableValue"):
        ref = value.find(_Q + "VariableRef")
        texts = [v.text or "" for v in value if v.tag != _Q + "VariableRef"]
        if ref is not None and texts:
            variables[ref.get("targetGUID", "")] = texts[0]
    project.sources.append(QdaSource(source_guid, name, text or "", variables))
    for selection in el.findall(_Q + "PlainTextSelection"):
        start, end = int(selection.get("startPosition", "0")), int(selection.get("endPosition", "0"))
        for coding in selection.findall(_Q + "Coding"):
            ref = coding.find(_Q + "CodeRef")
            if ref is not None:
                project.codings.append(Coding(source_guid, start, end, ref.get("targetGUID", "")))
    for coding in el.findall(_Q + "Coding"):  # a code applied to the whole source
        ref = coding.find(_Q + "CodeRef")
        if ref is not None:
            project.codings.append(Coding(source_guid, 0, len(text or ""), ref.get("targetGUID", "")))


def _internal_text(path: str, read_member: Reader) -> str | None:
    if not path.startswith("internal://"):
        return None
    data = read_member("sources/" + path[len("internal://"):])
    if data is None:
        return None
    return data.decode("utf-8-sig", errors="replace")
