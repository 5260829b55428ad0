"""A speaker of a document: the one typed record for who speaks, from segmentation to tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Speaker:
    """A person (or interview role) who speaks in a document, with every label and spelling used for them."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    organisation: str | None = None
    party: str | None = None
