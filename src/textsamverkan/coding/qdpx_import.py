"""Bring a QDA project's coding back: per-coder codings on our documents, with codes matched to our codebook.

Sources are matched to corpus documents by the sha256 of their text. A source that names a document (our
`document_id` variable, our description, or its name) but whose text differs is an error naming both, because
positions in a different text point at the wrong words. Codes are matched by GUID (the one our export gives each
code), then by name or id (case-insensitive); codes the codebook does not know are returned as new codes and
reported. Each coding belongs to its `creatingUser`, or to `coder` when given.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textsamverkan.errors import E_PROJECT_MISMATCH, UserError
from textsamverkan.export.qda_positions import POSITION_NAMES
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource
from textsamverkan.export.qdpx import DOCUMENT_ID_VARIABLE, code_guid, source_name
from textsamverkan.export.qdpx_read import PositionChoice, QdaProject, read_qdpx

_OUR_DESCRIPTION = re.compile(r"^textsamverkan document (.+)$")
UNKNOWN_CODER = "unknown coder"


@dataclass
class ImportedCodings:
    """Codings per coder (source = document id, code = code id of the codebook, or of `new_codes`) and a report.

    `documents` maps each matched source GUID to its document id; `unmatched_sources` names sources that match no
    document (their codings are left out); `notes` says in sentences what was assumed and found.
    """

    by_coder: dict[str, list[Coding]] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)
    new_codes: list[QdaCode] = field(default_factory=list)
    codes_by_guid: int = 0
    codes_by_name: int = 0
    unmatched_sources: list[str] = field(default_factory=list)
    positions: str = ""
    notes: list[str] = field(default_factory=list)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_codings(
    path: str | Path,
    texts: Mapping[str, str],
    codes: Sequence[QdaCode],
    *,
    coder: str | None = None,
    positions: PositionChoice = "auto",
) -> ImportedCodings:
    """Read a .qdpx and return its codings per coder on the corpus `texts` (document id → canonical text)."""
    project = read_qdpx(path, positions=positions)
    return codings_from_project(project, texts, codes, coder=coder, label=str(path))


def codings_from_project(
    project: QdaProject,
    texts: Mapping[str, str],
    codes: Sequence[QdaCode],
    *,
    coder: str | None = None,
    label: str = "the project",
) -> ImportedCodings:
    """`import_codings` on a project already read."""
    result = ImportedCodings(positions=project.positions)
    result.notes.append(f"positions read as {POSITION_NAMES[project.positions]}: {project.positions_note}")
    result.documents = _match_documents(project, texts, label, result)
    code_map = _match_codes(project, codes, result)
    by_coder: dict[str, set[Coding]] = defaultdict(set)
    fallback = project.users.get(project.creating_user, "") or UNKNOWN_CODER
    for c in project.codings:
        doc_id = result.documents.get(c.source)
        if doc_id is None:
            continue
        if c.end > len(texts[doc_id]):
            raise UserError(E_PROJECT_MISMATCH, f"{label}: a coding {c.start}-{c.end} reaches beyond the end of "
                            f"document {doc_id} ({len(texts[doc_id])} characters)",
                            "The project's source text is missing or differs; re-export it with its sources.")
        name = coder or project.users.get(c.user, "") or fallback
        by_coder[name].add(Coding(doc_id, c.start, c.end, code_map[c.code], user=name))
    result.by_coder = {name: sorted(found) for name, found in sorted(by_coder.items())}
    counts = ", ".join(f"{name}: {len(found)}" for name, found in result.by_coder.items()) or "none"
    result.notes.append(f"codings per coder: {counts}")
    return result


def _claimed_document(source: QdaSource, project: QdaProject, texts: Mapping[str, str]) -> str | None:
    claimed = source.variables.get(DOCUMENT_ID_VARIABLE)
    if claimed in texts:
        return claimed
    match = _OUR_DESCRIPTION.match(project.descriptions.get(source.id, "").strip())
    if match and match.group(1) in texts:
        return match.group(1)
    if source.name in texts:
        return source.name
    by_name = [doc_id for doc_id in texts if source_name(doc_id) == source.name]
    return by_name[0] if len(by_name) == 1 else None


def _match_documents(
    project: QdaProject, texts: Mapping[str, str], label: str, result: ImportedCodings
) -> dict[str, str]:
    by_hash: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(texts):
        by_hash[text_hash(texts[doc_id])].append(doc_id)
    matched: dict[str, str] = {}
    differing: list[str] = []
    for source in project.sources:
        claimed = _claimed_document(source, project, texts)
        if source.name in project.missing_text:
            if claimed is not None:
                matched[source.id] = claimed
                result.notes.append(f"source '{source.name}' has no text in the project; matched to {claimed} "
                                    "by its name, positions not checked against the text")
            else:
                result.unmatched_sources.append(source.name)
            continue
        candidates = by_hash.get(text_hash(source.text), [])
        if candidates:
            matched[source.id] = claimed if claimed in candidates else candidates[0]
        elif claimed is not None:
            differing.append(f"'{source.name}' (document {claimed}: {_first_difference(source.text, texts[claimed])})")
        else:
            result.unmatched_sources.append(source.name)
    if differing:
        raise UserError(E_PROJECT_MISMATCH, f"{label}: the text of {len(differing)} source(s) differs from the "
                        f"corpus: {'; '.join(differing[:10])}" + (" …" if len(differing) > 10 else ""),
                        "Code the documents as exported (do not edit their text in the QDA tool), or re-ingest "
                        "the edited text as new documents.")
    if result.unmatched_sources:
        result.notes.append(f"{len(result.unmatched_sources)} source(s) match no document and were left out: "
                            + ", ".join(result.unmatched_sources[:10]))
    return matched


def _first_difference(ours: str, theirs: str) -> str:
    for i, (x, y) in enumerate(zip(ours, theirs, strict=False)):
        if x != y:
            return f"first difference at character {i}"
    if ours.replace("\r\n", "\n") == theirs:
        return "line ends differ (\\r\\n)"
    return f"lengths differ ({len(ours)} vs {len(theirs)} characters)"


def _match_codes(project: QdaProject, codes: Sequence[QdaCode], result: ImportedCodings) -> dict[str, str]:
    by_guid = {code_guid(c.id): c.id for c in codes} | {c.id: c.id for c in codes}
    by_name: dict[str, str] = {}
    for c in codes:
        by_name.setdefault(c.name.casefold(), c.id)
        by_name.setdefault(c.id.casefold(), c.id)
    mapping: dict[str, str] = {}
    taken = {c.id for c in codes}
    for code in project.codes:
        if code.id in by_guid:
            mapping[code.id] = by_guid[code.id]
            result.codes_by_guid += 1
        elif code.name.casefold() in by_name:
            mapping[code.id] = by_name[code.name.casefold()]
            result.codes_by_name += 1
        else:
            new_id = _new_id(code.name, taken)
            taken.add(new_id)
            mapping[code.id] = new_id
            result.new_codes.append(QdaCode(new_id, code.name, code.description, code.color,
                                            mapping.get(code.parent) if code.parent else None))
    for coding in project.codings:  # codings that name a code the codebook section lacks
        if coding.code not in mapping:
            new_id = _new_id(coding.code, taken)
            taken.add(new_id)
            mapping[coding.code] = new_id
            result.new_codes.append(QdaCode(new_id, coding.code))
    if result.new_codes:
        result.notes.append(f"{len(result.new_codes)} code(s) not in the codebook were added: "
                            + ", ".join(c.name for c in result.new_codes))
    result.notes.append(f"codes matched by GUID: {result.codes_by_guid}, by name: {result.codes_by_name}")
    return mapping


def _new_id(name: str, taken: set[str]) -> str:
    """A code id the codebook accepts (lower-case ASCII letters, digits and _): `imported_<name>`."""
    ascii_name = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode("ascii")
    base = "imported_" + (re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_") or "code")
    new_id, n = base, 1
    while new_id in taken:
        n += 1
        new_id = f"{base}_{n}"
    return new_id
