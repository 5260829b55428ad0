"""Write a REFI-QDA project (.qdpx) that QDA tools (QualCoder, ATLAS.ti, MAXQDA, NVivo) open without complaint.

The archive holds `project.qde` (QDA-XML, namespace urn:QDA-XML:project:1.0, valid against Project-mrt2019.xsd)
and `sources/<guid>.txt`, each source's canonical text in UTF-8 with "\n" line ends. Codings are
`PlainTextSelection` elements, end exclusive. Positions count UTF-16 code units by default (what NVivo, MAXQDA and
ATLAS.ti count) or Unicode code points (`positions="codepoints"`, what QualCoder stores); the two differ only after
characters outside the BMP, and the project's `origin` says which was written so our reader takes it back right.

Several coders fit in one project: each coding's `user` (a name) becomes a `User`, and its selections carry that
user as `creatingUser`; codings without a user belong to `user_name` (the researcher, `--user`). Source names are
file names without folders or extension (QualCoder adds the extension itself); the document id is kept in the
source's description and a `document_id` variable. Every element carries a creation date. GUIDs are derived from
the ids (uuid5), so the same inputs give a byte-identical file.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from lxml import etree

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import E_MALFORMED, E_OPTION, UserError
from textsamverkan.export.qda_positions import POSITIONS, PositionMap, Positions
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource
from textsamverkan.export.zipfiles import write_zip

NS = "urn:QDA-XML:project:1.0"
_Q = "{" + NS + "}"
NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e2f-9a0c-1d2e3f4a5b6c")
_RGB = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
NAME_CHARS = 200
DOCUMENT_ID_VARIABLE = "document_id"
ORIGIN = "textsamverkan"
POSITION_LABELS = {"utf16": "utf-16", "codepoints": "code points"}
NoteKey = tuple[str, str, int, int, str]  # user, source id, start, end, code id


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for an object of `kind` identified by `parts`."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join([kind, *(str(p) for p in parts)])))


def code_guid(code_id: str) -> str:
    """The GUID a code of our codebook gets in every project we write (import matches codes by it)."""
    return guid("code", code_id)


def origin_text(positions: Positions) -> str:
    """The project's `origin`: our name and how positions are counted, which our reader reads back."""
    return f"{ORIGIN} (positions: {POSITION_LABELS[positions]})"


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def timestamp(value: datetime.datetime | str | None) -> str:
    """An xsd:dateTime in UTC (`2026-12-02T10:00:00Z`); None means now."""
    if isinstance(value, str):
        return value
    moment = value or datetime.datetime.now(datetime.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_name(doc_id: str) -> str:
    """A name QDA tools can use as a file name: the last path part of the id, without its extension."""
    last = PureWindowsPath(PurePosixPath(doc_id).name).name
    stem = last.rsplit(".", 1)[0] if "." in last.strip(".") else last
    return _NAME_UNSAFE.sub("_", stem).strip(" ._") or "document"


def unique_source_names(doc_ids: Sequence[str]) -> dict[str, str]:
    """`source_name` of each id, with " (2)", " (3)" … added where two ids give the same name."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in doc_ids:
        base = source_name(doc_id)
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base} ({n})"
        taken.add(name.lower())
        names[doc_id] = name
    return names


def project_xml(
    sources: Sequence[QdaSource],
    codes: Sequence[QdaCode],
    codings: Sequence[Coding],
    *,
    project_name: str = "textsamverkan",
    user_name: str = "textsamverkan",
    notes: Mapping[NoteKey, str] | None = None,
    positions: Positions = "utf16",
    created: datetime.datetime | str | None = None,
) -> bytes:
    """The project.qde document. `codings` name sources by `QdaSource.id`, codes by `QdaCode.id` and their coder by
    `Coding.user` (empty: `user_name`); `notes` gives a memo per coding (user, source id, start, end, code id), e.g.
    the rule evidence of an automatic coding."""
    if positions not in POSITIONS:
        raise UserError(E_OPTION, f"positions must be one of {', '.join(POSITIONS)}, not '{positions}'",
                        "Use utf16 for NVivo, MAXQDA and ATLAS.ti, codepoints for QualCoder.")
    _check(sources, codes, codings)
    when = timestamp(created)
    user_names = sorted({c.user for c in codings if c.user} - {user_name})
    user_guids = {name: guid("user", name) for name in [user_name, *user_names]}
    user_guids[""] = user_guids[user_name]
    main_user = user_guids[user_name]
    root = etree.Element(_Q + "Project", nsmap={None: NS})  # type: ignore[dict-item]
    root.set("name", _clean(project_name))
    root.set("origin", origin_text(positions))
    root.set("creatingUserGUID", main_user)
    root.set("creationDateTime", when)
    users = etree.SubElement(root, _Q + "Users")
    for name in [user_name, *user_names]:
        etree.SubElement(users, _Q + "User", guid=user_guids[name], name=_clean(name))
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
    code_guids = {c.id: code_guid(c.id) for c in codes}
    if sources:
        sources_el = etree.SubElement(root, _Q + "Sources")
        for source in sources:
            _source(sources_el, source, by_source.get(source.id, []), code_guids, user_guids, notes or {},
                    positions, when)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_qdpx(
    path: str | Path,
    sources: Sequence[QdaSource],
    codes: Sequence[QdaCode],
    codings: Sequence[Coding],
    *,
    project_name: str = "textsamverkan",
    user_name: str = "textsamverkan",
    notes: Mapping[NoteKey, str] | None = None,
    positions: Positions = "utf16",
    created: datetime.datetime | str | None = None,
) -> Path:
    """Write the .qdpx archive: project.qde and one UTF-8 text file per source under sources/."""
    xml = project_xml(sources, codes, codings, project_name=project_name, user_name=user_name, notes=notes,
                      positions=positions, created=created)
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
        el = etree.SubElement(parent_el, _Q + "Code", guid=code_guid(code.id), name=_clean(code.name),
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
    user_guids: Mapping[str, str],
    notes: Mapping[NoteKey, str],
    positions: Positions,
    when: str,
) -> None:
    source_guid = guid("source", source.id)
    main_user = user_guids[""]
    el = etree.SubElement(parent, _Q + "TextSource", guid=source_guid, name=_clean(source.name),
                          plainTextPath=f"internal://{source_guid}.txt", creatingUser=main_user,
                          creationDateTime=source.created or when)
    if source.description:
        etree.SubElement(el, _Q + "Description").text = _clean(source.description)
    mapping = PositionMap(source.text) if positions == "utf16" else None
    selections: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for coding in sorted(codings, key=lambda c: (c.user, c.start, c.end, c.code)):
        if coding.code not in selections[(coding.user, coding.start, coding.end)]:
            selections[(coding.user, coding.start, coding.end)].append(coding.code)
    for (user, start, end), code_ids in sorted(selections.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        quote = " ".join(source.text[start:end].split())
        name = quote if len(quote) <= NAME_CHARS else quote[: NAME_CHARS - 1] + "…"
        written = (mapping.to_utf16(start), mapping.to_utf16(end)) if mapping else (start, end)
        sel = etree.SubElement(el, _Q + "PlainTextSelection", guid=guid("selection", user, source.id, start, end),
                               name=_clean(name), startPosition=str(written[0]), endPosition=str(written[1]),
                               creatingUser=user_guids[user], creationDateTime=when)
        memo = "\n".join(notes[k] for k in ((user, source.id, start, end, c) for c in code_ids) if k in notes)
        if memo:
            etree.SubElement(sel, _Q + "Description").text = _clean(memo)
        for code_id in code_ids:
            coding_el = etree.SubElement(sel, _Q + "Coding", guid=guid("coding", user, source.id, start, end, code_id),
                                         creatingUser=user_guids[user], creationDateTime=when)
            etree.SubElement(coding_el, _Q + "CodeRef", targetGUID=code_guids[code_id])
    for name in sorted(source.variables):
        value = etree.SubElement(el, _Q + "VariableValue")
        etree.SubElement(value, _Q + "VariableRef", targetGUID=guid("variable", name))
        etree.SubElement(value, _Q + "TextValue").text = _clean(str(source.variables[name]))


def evidence_note(code_name: str, method: str, score: float, evidence: Mapping[str, Any] | None = None) -> str:
    """The memo an automatic coding carries: code, method, score, and each rule with the words it matched."""
    parts = [f"{code_name}: automatic coding ({method or 'coded'}), score {score:.3f}"]
    for rule in (evidence or {}).get("rules", []) or []:
        words = ", ".join(str(t) for t in rule.get("text", []))
        parts.append(f"rule {rule.get('rule', '?')}" + (f" matched: {words}" if words else ""))
    if evidence and evidence.get("exemplar"):
        similarity = evidence.get("similarity")
        parts.append(f"closest example: {evidence['exemplar']}"
                     + (f" (similarity {similarity})" if similarity is not None else ""))
    return "; ".join(parts)


def corpus_sources(
    texts: Mapping[str, str], docs: Sequence[DocInfo] = (), created: Mapping[str, str] | None = None
) -> list[QdaSource]:
    """Every document as a source, sorted by id: a clean name, the id in a variable and the description, the
    document's metadata as variables, and its creation date where `created` gives one."""
    info = {d.doc_id: d for d in docs}
    names = unique_source_names(sorted(texts))
    return [
        QdaSource(doc_id, names[doc_id], texts[doc_id],
                  {DOCUMENT_ID_VARIABLE: doc_id, **_variables(info.get(doc_id))},
                  created=(created or {}).get(doc_id, ""), description=f"textsamverkan document {doc_id}")
        for doc_id in sorted(texts)
    ]


def write_passages_qdpx(
    path: str | Path,
    passages: Sequence[CodedPassage],
    texts: Mapping[str, str],
    codes: Sequence[QdaCode],
    *,
    docs: Sequence[DocInfo] = (),
    include_uncoded: bool = True,
    project_name: str = "textsamverkan",
    user_name: str = "textsamverkan",
    coder: str = "",
    evidence: Mapping[tuple[str, int, int, str], Mapping[str, Any]] | None = None,
    extra_codings: Sequence[Coding] = (),
    positions: Positions = "utf16",
    created: datetime.datetime | str | None = None,
    created_docs: Mapping[str, str] | None = None,
) -> Path:
    """Export coded passages as a QDA project: one source per document, one code per theme.

    `texts` maps document ids to canonical text; each passage's quote must still equal `text[start:end]`. Every
    document in `texts` is a source unless `include_uncoded` is False. The passages are coded by `coder` (default:
    `user_name`); each carries a memo with its method, score and, from `evidence` (keyed by doc, start, end, theme),
    the rules and matched words. `extra_codings` (source = document id, code = code id, user = coder name) adds
    other coders' codings, e.g. a human coding imported before.
    """
    code_ids = {c.id for c in codes}
    names = {c.id: c.name for c in codes}
    notes: dict[NoteKey, str] = {}
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
        codings.append(Coding(p.doc_id, p.start, p.end, p.theme, user=coder))
        key = (coder, p.doc_id, p.start, p.end, p.theme)
        if key not in notes:
            notes[key] = evidence_note(names[p.theme], p.method, p.score,
                                       (evidence or {}).get((p.doc_id, p.start, p.end, p.theme)))
    codings += list(extra_codings)
    wanted = set(texts) if include_uncoded else {c.source for c in codings}
    sources = corpus_sources({d: texts[d] for d in wanted if d in texts}, docs, created_docs)
    return write_qdpx(path, sources, codes, codings, project_name=project_name, user_name=user_name, notes=notes,
                      positions=positions, created=created)


def _variables(doc: DocInfo | None) -> dict[str, str]:
    if doc is None:
        return {}
    values = {"title": doc.title, "corpus": doc.corpus, "region": doc.region, "organisation": doc.organisation,
              "kind": doc.kind, "date": doc.date, **doc.extra}
    return {k: str(v) for k, v in values.items() if v}
