"""What a detection of personal data is: a typed span of the canonical text with its confidence and its finder.

Plain data, no I/O: the detectors produce these, the pseudonymiser and the review list read them, and the stage
runner can store them as a `pii` span layer (label = type; attrs = confidence, source).
"""

from __future__ import annotations

from dataclasses import dataclass

PERSONNUMMER = "PERSONNUMMER"
SAMORDNINGSNUMMER = "SAMORDNINGSNUMMER"
TELEFON = "TELEFON"
EPOST = "E-POST"
ADRESS = "ADRESS"
URL = "URL"
PERSON = "PERSON"

TYPES = (PERSONNUMMER, SAMORDNINGSNUMMER, TELEFON, EPOST, ADRESS, URL, PERSON)
STRUCTURED = (PERSONNUMMER, SAMORDNINGSNUMMER, TELEFON, EPOST)

# What an identifier becomes in redacted text; persons get a pseudonym ("Person 3") instead.
PLACEHOLDERS = {
    PERSONNUMMER: "[PERSONNUMMER]",
    SAMORDNINGSNUMMER: "[PERSONNUMMER]",
    TELEFON: "[TELEFON]",
    EPOST: "[E-POST]",
    ADRESS: "[ADRESS]",
    URL: "[URL]",
    PERSON: "[PERSON]",
}


@dataclass(frozen=True)
class Detection:
    """`text[start:end]` is personal data of `type`; `source` names the rule or model that found it.

    `confidence` is 0–1: 0.99 for a checksum-valid number, lower for context-only evidence. `person` is the
    person key (folded full name) a PERSON detection was resolved to, where known, so that every mention of one
    person gets one pseudonym.
    """

    start: int
    end: int
    type: str
    text: str
    confidence: float
    source: str
    person: str = ""

    def overlaps(self, other: Detection) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class KnownPerson:
    """A person the caller already knows by name: a speaker with the aliases used for them, and their role."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
