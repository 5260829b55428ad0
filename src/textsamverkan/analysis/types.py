"""The plain inputs of the analysis functions: coded passages and per-document facts.

The store and the theme coder produce these; compare, terms and the exports read only these, so they can be
tested on hand-made lists and used without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CodedPassage:
    """One passage `[start, end)` of a document's canonical text coded with a theme.

    `quote` is `text[start:end]`; `score` and `method` say how the coder decided (e.g. 0.82, "codebook.v1");
    speaker, speaker_role and organisation are those of the person speaking in the passage, where known.
    """

    doc_id: str
    start: int
    end: int
    quote: str
    theme: str
    score: float = 1.0
    method: str = ""
    speaker: str | None = None
    speaker_role: str | None = None
    organisation: str | None = None

    @property
    def ref(self) -> str:
        """The passage's id as every table writes it: `doc_id:start-end`."""
        return passage_ref(self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class DocInfo:
    """What the comparison needs to know of one document.

    `words` is the document's word count (the denominator of rates); `speakers` maps each speaker to the words
    they speak. `speaker_roles` and `speaker_organisations` (optional) map speakers to their role and organisation
    so that rates by role count the words of speakers who were never coded. `extra` holds further metadata
    (e.g. party) that can be used as a group key by name.
    """

    doc_id: str
    corpus: str = ""
    region: str = ""
    organisation: str = ""
    kind: str = ""
    date: str = ""
    words: int = 0
    title: str = ""
    speakers: dict[str, int] = field(default_factory=dict)
    speaker_roles: dict[str, str] = field(default_factory=dict)
    speaker_organisations: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


def passage_ref(doc_id: str, start: int, end: int) -> str:
    """`doc_id:start-end`, the id of a passage in tables, exports and the report."""
    return f"{doc_id}:{start}-{end}"


def parse_ref(ref: str) -> tuple[str, int, int]:
    """The inverse of `passage_ref`; the document id may itself contain ':'."""
    doc_id, _, offsets = ref.rpartition(":")
    start_text, _, end_text = offsets.partition("-")
    if not doc_id or not start_text.isdigit() or not end_text.isdigit():
        raise ValueError(f"not a passage id of the form doc_id:start-end: {ref!r}")
    return doc_id, int(start_text), int(end_text)
