"""Minimal CoNLL-U reading and writing for the NLP build scripts (no dependency beyond the standard library).

A sentence is a list of comment lines plus a list of 10-column token rows; multiword and empty-node rows are kept
as they are (Swedish UD has none) so that writing a file back gives the same columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)


@dataclass
class Sentence:
    """One CoNLL-U sentence: its `# ...` comment lines and its token rows (lists of 10 strings)."""

    comments: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def words(self) -> list[list[str]]:
        """Token rows of syntactic words only (integer ids)."""
        return [r for r in self.rows if r[ID].isdigit()]

    def text(self) -> str:
        """The sentence text from `# text =`, else rebuilt from forms and SpaceAfter=No."""
        for c in self.comments:
            if c.startswith("# text = "):
                return c[len("# text = ") :]
        parts: list[str] = []
        for r in self.words:
            parts.append(r[FORM])
            if "SpaceAfter=No" not in r[MISC].split("|"):
                parts.append(" ")
        return "".join(parts).strip()


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U (or CoNLL-X style 10-column) file."""
    sent = Sentence()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if sent.rows:
                    yield sent
                sent = Sentence()
            elif line.startswith("#"):
                sent.comments.append(line)
            else:
                cols = line.split("\t")
                if len(cols) != 10:
                    raise ValueError(f"{path}: expected 10 columns, got {len(cols)}: {line!r}")
                sent.rows.append(cols)
    if sent.rows:
        yield sent


def write_conllu(sentences: list[Sentence], path: Path) -> None:
    """Write sentences as CoNLL-U, each followed by a blank line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for s in sentences:
            for c in s.comments:
                fh.write(c + "\n")
            for r in s.rows:
                fh.write("\t".join(r) + "\n")
            fh.write("\n")
