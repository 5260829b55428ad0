"""REFI-QDA codebook exchange (QDC): export a codebook to QDC XML and import one back.

A QDC file is `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid name isCodable color>
<Description/>…</Code></Codes></CodeBook>`, codes nesting for hierarchy (the same structure as the project
format's CodeBook, schema in ../shared/schemas/refi-qda). Our code id is kept in the GUID, a uuid5 derived from
it (`code_guid`), so a codebook exported here and edited in another QDA program comes back with its ids, rules and
exemplars: on import, a code whose GUID belongs to a code of the `base` codebook (the default one unless given)
keeps that code's id and rules and takes its name (label_sv), description, colour and place in the hierarchy
from the file. A code made elsewhere gets an id from its name, its name as a phrase and its description as a
semantic exemplar, so it can still be matched; write proper rules for it in YAML (see `dump_codebook`).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_METADATA, UserError
from textsamverkan.themes.codebook import Code, Codebook, Exemplar, load_default_codebook
from textsamverkan.themes.terms import parse_phrase

QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0"
PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"
# Fixed namespace for code GUIDs: uuid5(NAMESPACE_URL, "https://textsamverkan/codebook").
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://textsamverkan/codebook")


def code_guid(code_id: str) -> str:
    """The stable GUID of a code id (uuid5), the same on every machine and in every export."""
    return str(uuid.uuid5(GUID_NAMESPACE, code_id))


def slug(name: str) -> str:
    """A code id from a display name: "Vårdhygien & smittskydd" → "vardhygien_smittskydd"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")
    if not s:
        s = "code"
    return s if s[0].isalpha() else f"c_{s}"


def qdc_bytes(codebook: Codebook, *, namespace: str = QDC_NAMESPACE, origin: str = "textsamverkan") -> bytes:
    """The codebook as QDC XML (UTF-8). `namespace=PROJECT_NAMESPACE` gives the CodeBook element of a .qde."""
    from lxml import etree

    ns = f"{{{namespace}}}"
    nsmap: Any = {None: namespace}  # the default namespace (lxml's None key)
    root = etree.Element(ns + "CodeBook", nsmap=nsmap)
    if namespace == QDC_NAMESPACE:
        root.set("origin", origin)
    codes_el = etree.SubElement(root, ns + "Codes")
    children: dict[str | None, list[Code]] = {}
    for c in codebook.codes:
        children.setdefault(c.parent, []).append(c)

    def add(parent_el: Any, code: Code) -> None:
        el = etree.SubElement(parent_el, ns + "Code")
        el.set("guid", code_guid(code.id))
        el.set("name", code.label_sv)
        el.set("isCodable", "true" if code.codable else "false")
        if code.color:
            el.set("color", code.color)
        if code.description:
            etree.SubElement(el, ns + "Description").text = code.description
        for child in children.get(code.id, []):
            add(el, child)

    for top in children.get(None, []):
        add(codes_el, top)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return out


def write_qdc(codebook: Codebook, path: str | Path) -> None:
    """Write the codebook as a .qdc file."""
    Path(path).write_bytes(qdc_bytes(codebook))


def read_qdc(path: str | Path, *, base: Codebook | None = None) -> Codebook:
    """Read a .qdc file into a Codebook; codes whose GUID is one of `base`'s (default codebook) keep its rules."""
    p = Path(path)
    return parse_qdc(p.read_bytes(), source=str(p), base=base)


def parse_qdc(data: bytes, *, source: str = "<qdc>", base: Codebook | None = None) -> Codebook:
    """Parse QDC XML (codebook or project namespace); E109 with file and line for anything malformed."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        raise UserError(E_METADATA, f"{source}:{line}: not well-formed XML ({exc.msg})",
                        "export the codebook again from the QDA program (REFI-QDA codebook, .qdc)") from exc
    ns = etree.QName(root).namespace or ""
    if etree.QName(root).localname != "CodeBook" or ns not in (QDC_NAMESPACE, PROJECT_NAMESPACE):
        raise UserError(E_METADATA, f"{source}:{root.sourceline}: the root element is not a REFI-QDA CodeBook",
                        f"expected <CodeBook xmlns=\"{QDC_NAMESPACE}\">")
    q = f"{{{ns}}}" if ns else ""
    codes_el = root.find(q + "Codes")
    if codes_el is None:
        raise UserError(E_METADATA, f"{source}:{root.sourceline}: the CodeBook has no <Codes> element")
    template = base or load_default_codebook()
    known = {code_guid(c.id): c for c in template.codes}
    used: set[str] = set()
    codes: list[Code] = []

    def walk(el: Any, parent: str | None) -> None:
        guid = (el.get("guid") or "").strip("{}").lower()
        name = (el.get("name") or "").strip()
        codable = el.get("isCodable")
        if not guid or not name or codable is None:
            missing = [a for a, v in (("guid", guid), ("name", name), ("isCodable", codable)) if not v]
            raise UserError(E_METADATA, f"{source}:{el.sourceline}: a <Code> lacks {', '.join(missing)}",
                            "every Code needs guid, name and isCodable attributes")
        if codable not in ("true", "false", "1", "0"):
            raise UserError(E_METADATA, f"{source}:{el.sourceline}: isCodable must be true or false, not '{codable}'")
        desc_el = el.find(q + "Description")
        description = (desc_el.text or "").strip() if desc_el is not None else ""
        color = el.get("color")
        base_code = known.get(guid)
        if base_code is not None and base_code.id not in used:
            code = Code(
                **{
                    **_fields(base_code),
                    "label_sv": name,
                    "description": description,
                    "parent": parent,
                    "color": color,
                    "codable": codable in ("true", "1"),
                    "line": el.sourceline or 0,
                }
            )
        else:
            cid = _unique(slug(name), used)
            code = Code(
                id=cid,
                label_sv=name,
                description=description,
                parent=parent,
                color=color,
                phrases=_name_phrase(name),
                exemplars=(Exemplar(f"{cid}/ex1", description),) if description else (),
                codable=codable in ("true", "1"),
                line=el.sourceline or 0,
            )
        used.add(code.id)
        codes.append(code)
        for child in el.findall(q + "Code"):
            walk(child, code.id)

    for el in codes_el.findall(q + "Code"):
        walk(el, None)
    if not codes:
        raise UserError(E_METADATA, f"{source}:{codes_el.sourceline}: the CodeBook has no codes")
    all_known = all(code_guid(c.id) in known for c in codes)
    return Codebook(
        name=template.name if all_known else (Path(source).stem if source != "<qdc>" else "qdc"),
        codes=tuple(codes),
        version=template.version,
        language=template.language,
        description=template.description if all_known else "",
        semantic_model=template.semantic_model,
        semantic_threshold=template.semantic_threshold,
        semantic_margin=template.semantic_margin,
        source=source,
    )


def _fields(code: Code) -> dict[str, Any]:
    from dataclasses import fields

    return {f.name: getattr(code, f.name) for f in fields(code)}


def _unique(cid: str, used: set[str]) -> str:
    if cid not in used:
        return cid
    n = 2
    while f"{cid}_{n}" in used:
        n += 1
    return f"{cid}_{n}"


def _name_phrase(name: str) -> tuple[Any, ...]:
    words = re.findall(r"[^\W\d_]+", name.lower())
    if not words or len(words) > 6:
        return ()
    return (parse_phrase(" ".join(words)),)
