"""Speaker formats only where there are speakers: labels must look like people, roles or interview codes
(issue 19, item 2)."""

from __future__ import annotations

import pytest

from paths import shared_path
from textsamverkan.ingest.document_builder import TurnOptions, build_document
from textsamverkan.ingest.readers import read_file
from textsamverkan.segment.name_likeness import is_person_label, text_names
from textsamverkan.segment.turns import segment_turns


@pytest.mark.parametrize(
    "label",
    ["Olivia", "IRENE", "Iréne", "Olivia Wigzell", "LENA HALLENGREN", "Anna af Sillén", "IP1", "Intervjuare",
     "Talare 2", "Moderator", "Ordföranden", "Ann-Britt", "Lars-Olof", "Hans Dahlgren"],
)
def test_people_roles_and_codes_are_person_labels(label: str) -> None:
    assert is_person_label(label)


@pytest.mark.parametrize(
    "label",
    ["Ikraftträdande", "Beslutsunderlag", "SFS", "Ändring", "Ändringar", "Bakgrund", "Lagrummet", "Region Halland",
     "EU", "Socialstyrelsen", "Västra Götaland", "Sammanfattning", "Prop"],
)
def test_headings_are_not_person_labels(label: str) -> None:
    assert not is_person_label(label)


def test_an_uncommon_first_name_needs_the_text_to_write_it_as_a_name() -> None:
    assert not is_person_label("Zainab")
    assert is_person_label("Zainab", names=text_names("Vi har bjudit in Zainab Hussein från Region Skåne."))
    assert is_person_label("Zainab", names=text_names("Det var något som Zainab sa tidigare."))
    assert is_person_label("Zainab", {"role": "enhetschef"})  # the header said who she is


LAW_PAGE = """# Viktigare lagar och förordningar

### Nya regler om vaccination

Ändring: Lagen om vaccination mot covid-19.
Beslutsunderlag: Prop. 2020/21:100

SFS: 2021:100

Ikraftträdande: 1 januari 2021

Ändring: Förordningen om vaccinationsbevis.
Beslutsunderlag: Prop. 2020/21:101

SFS: 2021:101

Ikraftträdande: 1 juli 2021
"""

INTERVIEW = """Intervju om hemtjänsten

Zainab: Hur har det varit i hemtjänsten under våren?
Erik: Tack för frågan, Zainab. Det har varit tungt, men vi har fått skyddsutrustning.
Zainab: Har ni samverkat med regionen?
Erik: Ja, varje vecka med smittskyddsläkaren.
"""


def test_a_law_list_is_not_a_transcript_and_an_interview_is() -> None:
    law = segment_turns(LAW_PAGE)
    assert law.format == "none" and not law.turns
    assert any("do not look like people" in n and "Ikraftträdande" in n for n in law.notes)
    interview = segment_turns(INTERVIEW)  # "Zainab" is not a common name, but Erik names her mid-sentence
    assert interview.format == "name_colon" and len(interview.turns) == 4
    unnamed = segment_turns(INTERVIEW.replace(", Zainab.", "."))  # no evidence at all: not guessed, but said
    assert unnamed.format == "none" and any("force format 'name_colon'" in n for n in unnamed.notes)
    assert segment_turns(LAW_PAGE, format="name_colon").turns  # forcing a format still works


def test_no_government_page_is_read_as_a_transcript() -> None:
    """All 487 shared government pages: none is a transcript (none of them is one: they are press releases,
    assignments, memoranda, speeches by one person and law lists)."""
    docs = shared_path("data", "regeringen_g0vse", "docs")
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) == 487
    transcripts = []
    for page in pages:
        for raw in read_file(page):
            doc, _ = build_document(raw, doc_id=page.name, metadata={}, source_sha256="", turn_options=TurnOptions())
            if doc.spans_on("turn"):
                transcripts.append(page.name)
    assert transcripts == []
