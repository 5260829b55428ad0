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
    assert not is_person_label("Zorana")
    assert is_person_label("Zorana", names=text_names("Vi har bjudit in Zorana Hussein från Region Skåne."))
    assert is_person_label("Zorana", names=text_names("Det var något som Zorana sa tidigare."))
    assert is_person_label("Zorana", {"role": "enhetschef"})  # the header said who she is


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

Zorana: Hur har det varit i hemtjänsten under våren?
Erik: Tack för frågan, Zorana. Det har varit tungt, men vi har fått skyddsutrustning.
Zorana: Har ni samverkat med regionen?
Erik: Ja, varje vecka med smittskyddsläkaren.
"""


def test_a_law_list_is_not_a_transcript_and_an_interview_is() -> None:
    law = segment_turns(LAW_PAGE)
    assert law.format == "none" and not law.turns
    assert any("do not look like people" in n and "Ikraftträdande" in n for n in law.notes)
    interview = segment_turns(INTERVIEW)  # "Zorana" is not a common name, but Erik names her mid-sentence
    assert interview.format == "name_colon" and len(interview.turns) == 4
    unnamed = segment_turns(INTERVIEW.replace(", Zorana.", "."))  # no evidence at all: not guessed, but said
    assert unnamed.format == "none" and any("force format 'name_colon'" in n for n in unnamed.notes)
    assert segment_turns(LAW_PAGE, format="name_colon").turns  # forcing a format still works


ROUND_OF_NAMES = """Moderator: Välkomna, och tack för att ni ställer upp på er rast.
Moderator: Vi börjar med en runda där ni säger namn och vad ni gör här.
Zorana: Zorana, undersköterska på avdelning två, snart nitton år.
Kenneth: Kenneth, sjuksköterska, jag har de två övre avdelningarna.
Xhevat: Xhevat, jag jobbar natt.
Moderator: Vad har varit svårast det senaste året?
Zorana: Att vi aldrig får veta i förväg när någon kommer från sjukhuset.
Xhevat: Och handskarna i rätt storlek finns aldrig.
Kenneth: Vi har fått ringa läkaren varje kväll.
Zorana: Det bästa vore om någon från oss fick vara med när de planerar hemgången.
Xhevat: På natten är vi två på fyrtio boende.
"""


def test_a_speaker_who_says_their_own_name_at_a_turn_start_is_a_person() -> None:
    """A focus group's round of names ("Zorana: Zorana, undersköterska …"): names no list holds are people, so the
    group keeps its turns (before, two unlisted names of five left the whole transcript without turns)."""
    assert not is_person_label("Zorana") and not is_person_label("Xhevat")  # in no list
    group = segment_turns(ROUND_OF_NAMES)
    assert group.format == "name_colon" and len(group.turns) == 11
    assert {t.label for t in group.turns} == {"Moderator", "Zorana", "Kenneth", "Xhevat"}
    # a heading word opening its own line's text is no self-introduction: "Bakgrund: Bakgrund, …" is not a name
    assert segment_turns(LAW_PAGE.replace("Ändring: Lagen", "Ändring: Ändring, lagen")).format == "none"


def test_a_short_unlisted_name_in_capitals_is_a_person_when_the_text_writes_it_as_a_name() -> None:
    """"ZORA:" in an all-capital transcript looked like an acronym ("SFS", "EU") and cost the podcast its turns."""
    text = ("PER: Välkommen, Zora, vad gör en hygiensjuksköterska?\nZORA: Vi hjälper boendena med rutinerna.\n"
            "PER: Och i våras?\nZORA: Då var det mest skyddsutrustning.\nPER: Tack, Zora.\n")
    assert [t.label for t in segment_turns(text).turns] == ["PER", "ZORA", "PER", "ZORA", "PER"]
    assert not is_person_label("ZORA", names=text_names("Regeringen gav ZORA i uppdrag att utreda."))
    assert not is_person_label("SKR", names=text_names("Det var något som SKR sa tidigare."))


@pytest.mark.parametrize("name", ["Sanna", "Dragan", "Leila", "Hodan", "Göran", "Aino"])
def test_one_first_name_list_serves_speakers_and_pseudonyms(name: str) -> None:
    """Names the name detector knew but the speaker-label check did not (a focus group lost its turns)."""
    from textsamverkan.pii.names import first_names
    from textsamverkan.segment.names import fold

    assert is_person_label(name)
    assert fold(name) in first_names()


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
