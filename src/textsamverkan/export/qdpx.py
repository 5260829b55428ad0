"""Write a REFI-QDA project (.qdpx) that QDA tools (QualCoder, ATLAS.ti, MAXQDA, NVivo) can open.

The archive holds `project.qde` (QDA-XML, namespace urn:QDA-XML:project:1.0, valid against Project-mrt2019.xsd)
and `sources/<guid>.txt`, each source's canonical text in UTF-8 with "\n" line ends. Codings are
`PlainTextSelection` elements whose `startPosition`/`endPosition` count characters (Unicode code points) from 0,
end exclusive, so `text[start:end]` is the quote (QualCoder counts the same way). Document metadata become
text variables. GUIDs are derived from the ids (uuid5), so the same inputs give a byte-identical file.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from lxml import etree

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import E_MALFORMED, UserError
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource
from textsamverkan.export.zipfiles import write_zip

NS = "urn:QDA-XML:project:1.0"
_Q = "{" + NS + "}"
NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e2f-9a0c-1d2e3f4a5b6c")
_RGB = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NAME_CHARS = 200


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for an object of `kind` identified by `parts`."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join([kind, *(str(p) for p in parts)])))


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def project_xml(
    sources: Sequence[QdaSource],
    codes: Sequence[QdaCode],
    codings: Sequence[Coding],
    *,
    project_name: str = "textsamverkan",
    user_name: str = "textsamverkan",
    descriptions: Mapping[tuple[str, int, int], str] | None = None,
) -> bytes:
    """The project.qde document. `codings` name sources by `QdaSource.id` and codes by `QdaCode.id`;
    `descriptions` (optional) gives a note per selection (source id, start, end), e.g. the coder and score."""
    _check(sources, codes, codings)
    user = guid("user", user_name)
    root = etree.Element(_Q + "Project", nsmap={None: NS})  # type: ignore[dict-item]
    root.set("name", _clean(project_name))
    root.set("origin", "textsamverkan")
    root.set("creatingUserGUID", user)
    users = etree.SubElement(root, _Q + "Users")
    etree.SubElement(users, _Q + "User", guid=user, name=_clean(user_name))
    if codes:
        _codebook(root, codes)
    variable_names = sorted({k for s in sources for k in s.variables})
    if variable_names:
        variables = etree.SubElement(root, _Q + "Variables")
        for name in variable_names:
            etree.SubElement(variables, _Q + "Variable", guid=guid("variable", name), name=_clean(name),
                             typeOfVariable="Text")
    by_source: dict[str, list[Coding]] = defaultdict(list)
    for coding in codings:
        by_source[coding.source].append(coding)
    code_guids = {c.id: guid("code", c.id) for c in codes}
    if sources:
        sources_el = etree.SubElement(root, _Q + "Sources")
        for source in sources:
            _source(sources_el, source, by_source.get(source.id, []), code_guids, user, descriptions or {})
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_qdpx(
    path: str | Path,
    sources: Sequence[QdaSource],
    codes: Sequence[QdaCode],
    codings: Sequence[Coding],
    *,
    project_name: str = "textsamverkan",
    user_name: str = "textsamverkan",
    descriptions: Mapping[tuple[str, int, int], str] | None = None,
) -> Path:
    """Write the .qdpx archive: project.qde and one UTF-8 text file per source under sources/."""
    xml = project_xml(sources, codes, codings, project_name=project_name, user_name=user_name,
                      descriptions=descriptions)
    entries = [("project.qde", xml)]
    entries += [(f"sources/{guid('source', s.id)}.txt", s.text.encode("utf-8")) for s in sources]
    return write_zip(entries, path)


def _check(sources: Sequence[QdaSource], codes: Sequence[QdaCode], codings: Sequence[Coding]) -> None:
    source_text = {}
    for s in sources:
        if s.id in source_text:
            raise UserError(E_MALFORMED, f"source id '{s.id}' is given twice", "Give each source once.")
        source_text[s.id] = s.text
    code_ids = {c.id for c in codes}
    if len(code_ids) != len(codes):
        raise UserError(E_MALFORMED, "code ids must be unique", "Give each code once.")
    for c in codes:
        if c.color is not None and not _RGB.match(c.color):
            raise UserError(E_MALFORMED, f"code '{c.name}' has colour '{c.color}', not #rrggbb",
                            "Give colours as hex, e.g. #1b9e77, or leave them out.")
        if c.parent is not None and c.parent not in code_ids:
            raise UserError(E_MALFORMED, f"code '{c.name}' has parent '{c.parent}', which is not a code",
                            "Add the parent code or drop the parent.")
    for coding in codings:
        if coding.source not in source_text:
            raise UserError(E_MALFORMED, f"a coding refers to source '{coding.source}', which is not exported",
                            "Pass every coded document as a source.")
        if coding.code not in code_ids:
            raise UserError(E_MALFORMED, f"a coding refers to code '{coding.code}', which is not in the codebook",
                            "Pass the codebook's codes (codes_from_codebook) with the codings.")
        if not 0 <= coding.start <= coding.end <= len(source_text[coding.source]):
            raise UserError(E_MALFORMED, f"coding {coding.source}:{coding.start}-{coding.end} lies outside the "
                            f"source text ({len(source_text[coding.source])} characters)",
                            "Re-run the coding on the current documents.")


def _codebook(root: etree._Element, codes: Sequence[QdaCode]) -> None:
    book = etree.SubElement(root, _Q + "CodeBook")
    codes_el = etree.SubElement(book, _Q + "Codes")
    children: dict[str | None, list[QdaCode]] = defaultdict(list)
    for code in codes:
        children[code.parent].append(code)

    def add(parent_el: etree._Element, code: QdaCode) -> None:
        el = etree.SubElement(parent_el, _Q + "Code", guid=guid("code", code.id), name=_clean(code.name),
                              isCodable="true")
        if code.color:
            el.set("color", code.color)
        if code.description:
            etree.SubElement(el, _Q + "Description").text = _clean(code.description)
        for child in children.get(code.id, []):
            add(el, child)

    for top in children.get(None, []):
        add(codes_el, top)


def _source(
    parent: etree._Element,
    source: QdaSource,
    codings: list[Coding],
    code_guids: Mapping[str, str],
    user: str,
    descriptions: Mapping[tuple[str, int, int], str],
) -> None:
    source_guid = guid("source", source.id)
    el = etree.SubElement(parent, _Q + "TextSource", guid=source_guid, name=_clean(source.name),
                          plainTextPath=f"internal://{source_guid}.txt", creatingUser=user)
    selections: dict[tuple[int, int], list[str]] = defaultdict(list)
    for coding in sorted(codings, key=lambda c: (c.start, c.end, c.code)):
        if coding.code not in selections[(coding.start, coding.end)]:
            selections[(coding.start, coding.end)].append(coding.code)
    for (start, end), code_ids in selections.items():
        quote = " ".join(source.text[start:end].split())
        name = quote if len(quote) <= NAME_CHARS else quote[: NAME_CHARS - 1] + "…"
        sel = etree.SubElement(el, _Q + "PlainTextSelection", guid=guid("selection", source.id, start, end),
                               name=_clean(name), startPosition=str(start), endPosition=str(end),
                               creatingUser=user)
        note = descriptions.get((source.id, start, end))
        if note:
            etree.SubElement(sel, _Q + "Description").text = _clean(note)
        for code_id in code_ids:
            coding_el = etree.SubElement(sel, _Q + "Coding", guid=guid("coding", source.id, start, end, code_id),
                                         creatingUser=user)
            etree.SubElement(coding_el, _Q + "CodeRef", targetGUID=code_guids[code_id])
    for name in sorted(source.variables):
        value = etree.SubElement(el, _Q + "VariableValue")
        etree.SubElement(value, _Q + "VariableRef", targetGUID=guid("variable", name))
        etree.SubElement(value, _Q + "TextValue").text = _clean(str(source.variables[name]))


def write_passages_qdpx(
    path: str | Path,
    passages: Sequence[CodedPassage],
    texts: Mapping[str, str],
    codes: Sequence[QdaCode],
    *,
    docs: Sequence[DocInfo] = (),
    include_uncoded: bool = False,
    project_name: str = "textsamverkan",
) -> Path:
    """Export coded passages as a QDA project: one source per document (named by its id), one code per theme.

    `texts` maps document ids to canonical text; each passage's quote must still equal `text[start:end]`.
    Themes are matched to codes by code id. Document metadata from `docs` become variables. Documents without
    passages are left out unless `include_uncoded`.
    """
    code_ids = {c.id for c in codes}
    notes: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    codings: list[Coding] = []
    for p in sorted(passages, key=lambda p: (p.doc_id, p.start, p.end, p.theme, -p.score, p.method)):
        text = texts.get(p.doc_id)
        if text is None:
            raise UserError(E_MALFORMED, f"passage {p.ref} belongs to document '{p.doc_id}', whose text was not given",
                            "Pass the text of every coded document.")
        if text[p.start : p.end] != p.quote:
            raise UserError(E_MALFORMED, f"passage {p.ref}: its quote no longer matches the document text",
                            "The document changed after coding; re-run the theme coding.")
        if p.theme not in code_ids:
            raise UserError(E_MALFORMED, f"passage {p.ref} has theme '{p.theme}', which is not a code",
                            "Pass the codebook's codes (codes_from_codebook) for every theme.")
        codings.append(Coding(p.doc_id, p.start, p.end, p.theme))
        notes[(p.doc_id, p.start, p.end)].append(f"{p.theme}: {p.method or 'coded'} score={p.score:.3f}")
    info = {d.doc_id: d for d in docs}
    wanted = sorted(texts) if include_uncoded else sorted({c.source for c in codings})
    sources = [QdaSource(doc_id, doc_id, texts[doc_id], _variables(info.get(doc_id))) for doc_id in wanted]
    descriptions = {k: "; ".join(v) for k, v in notes.items()}
    return write_qdpx(path, sources, codes, codings, project_name=project_name, descriptions=descriptions)


def _variables(doc: DocInfo | None) -> dict[str, str]:
    if doc is None:
        return {}
    values = {"title": doc.title, "corpus": doc.corpus, "region": doc.region, "organisation": doc.organisation,
              "kind": doc.kind, "date": doc.date, **doc.extra}
    return {k: str(v) for k, v in values.items() if v}
