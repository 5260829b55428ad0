"""Speaker-turn formats, detection, negative cases and options, on small texts written here."""

from __future__ import annotations

import pytest

from textsamverkan.errors import UserError
from textsamverkan.segment import NO_TURNS_NOTE, TurnSegmentation, resolve_known_turns, segment_turns
from textsamverkan.segment.names import is_questioner_label


def check(text: str, seg: TurnSegmentation) -> list[tuple[str, str]]:
    """Assert the offset invariants of every turn; return (label, spoken text) pairs."""
    ids = {s.id for s in seg.speakers}
    for t in seg.turns:
        assert 0 <= t.label_start <= t.label_end <= t.start <= t.end <= len(text)
        body = text[t.start : t.end]
        assert body and body == body.strip()
        assert t.speaker_id in ids
        assert t.as_span().quote(text) == body
    return [(t.label, text[t.start : t.end]) for t in seg.turns]


NAME_COLON = """Intervju om samverkan

Anna Berg: Hej och välkommen. Vi ska prata om samverkan.
Per: Tack. Det är roligt att vara här.
Jag tänkte börja med hemsjukvården.
Anna Berg: Hur har det gått under pandemin?
Per: Det har gått bra.
[Musik]
"""


def test_name_colon_with_continuation_lines() -> None:
    seg = segment_turns(NAME_COLON)
    assert seg.format == "name_colon"
    assert check(NAME_COLON, seg) == [
        ("Anna Berg", "Hej och välkommen. Vi ska prata om samverkan."),
        ("Per", "Tack. Det är roligt att vara här.\nJag tänkte börja med hemsjukvården."),
        ("Anna Berg", "Hur har det gått under pandemin?"),
        ("Per", "Det har gått bra."),
    ]
    assert NAME_COLON[seg.turns[0].label_start : seg.turns[0].label_end] == "Anna Berg:"
    assert [s.name for s in seg.speakers] == ["Anna Berg", "Per"]


def test_upper_case_names_and_header_alone_on_its_line() -> None:
    text = "ANNA:\nVälkommen hit.\n\nPER SVENSSON:\nTack så mycket.\n\nANNA:\nVad gör du?\n"
    seg = segment_turns(text)
    assert seg.format == "name_colon"
    assert check(text, seg) == [("ANNA", "Välkommen hit."), ("PER SVENSSON", "Tack så mycket."),
                                ("ANNA", "Vad gör du?")]
    assert [s.name for s in seg.speakers] == ["Anna", "Per Svensson"]
    assert seg.speakers[1].aliases == ["PER SVENSSON"]


def test_interview_codes() -> None:
    text = ("I: Kan du berätta om ditt arbete?\nIP1: Ja, jag jobbar på ett äldreboende.\nI: Hur var våren?\n"
            "IP 2: Den var tuff.\nIntervjuare: Och sedan?\nInformant 2: Bättre.\nR1: Håller med.\n")
    seg = segment_turns(text)
    assert seg.format == "interview_code"
    labels = [label for label, _ in check(text, seg)]
    assert labels == ["I", "IP1", "I", "IP 2", "Intervjuare", "Informant 2", "R1"]
    assert [s.name for s in seg.speakers] == ["I", "IP1", "IP 2", "Intervjuare", "Informant 2", "R1"]


def test_short_interview_codes_in_mixed_case() -> None:
    text = "Int: Hur började din dag?\nResp: Med rapporten från natten.\nInt: Och sedan?\nResp: Medicinrundan.\n"
    seg = segment_turns(text)
    assert seg.format == "interview_code"
    assert [label for label, _ in check(text, seg)] == ["Int", "Resp", "Int", "Resp"]
    assert [is_questioner_label(s.name) for s in seg.speakers] == [True, False]  # "Int" asks: not coded


def test_question_and_answer_labels_that_take_turns_are_an_interview() -> None:
    text = ("Fråga: Hur var det med skyddsutrustningen i våras?\nSvar: Vi hade för lite av allt, vi fick låna från "
            "tandvården.\nFråga: Och testningen?\nSvar: Den kom igång först i juni.\n")
    seg = segment_turns(text)
    assert seg.format == "interview_code"
    assert [label for label, _ in check(text, seg)] == ["Fråga", "Svar", "Fråga", "Svar"]
    assert [is_questioner_label(s.name) for s in seg.speakers] == [True, False]  # the questions are not coded


@pytest.mark.parametrize("text", [
    # numbered questions over a report's sections, answered in prose
    ("Rapport om samverkan\n\nFråga 1: Hur fungerade skyddsutrustningen?\nKommunerna rapporterar att tillgången "
     "var god under hösten.\n\nFråga 2: Hur fungerade testningen?\nTestningen kom igång i juni och fungerade väl.\n"),
    # questions and answers that do not take turns
    ("Fråga: Vem ansvarar för skyddsutrustningen?\nFråga: Vem betalar?\nSvar: Kommunen ansvarar och betalar för "
     "utrustningen enligt avtalet.\nFråga: Gäller det hemtjänsten?\nFråga: Och boendena?\n"),
])
def test_question_and_answer_labels_that_do_not_take_turns_are_headings(text: str) -> None:
    seg = segment_turns(text)
    assert seg.format == "none"
    assert not seg.speakers


def test_questions_taking_turns_with_a_named_speaker_are_the_interviewers() -> None:
    text = ("Fråga: Hur började det för er i mars?\nAnna: Vi fick ställa om allt på en vecka.\n"
            "Fråga: Och skyddsutrustningen?\nAnna: Den räckte inte, vi fick låna från tandvården.\n")
    seg = segment_turns(text)
    assert [label for label, _ in check(text, seg)] == ["Fråga", "Anna", "Fråga", "Anna"]
    assert [is_questioner_label(s.name) for s in seg.speakers] == [True, False]


def test_stray_questions_among_named_speakers_stay_in_their_turns() -> None:
    # two questions in a row, then an answer: the "Fråga:" lines do not take turns, so they are no speakers
    text = ("Anna: Vi fick ställa om allt på en vecka.\nFråga: Hur gick det?\nFråga: Och sedan?\n"
            "Per: Det gick bra till slut.\nAnna: Ja, men det tog tid.\nPer: Det gjorde det.\n")
    seg = segment_turns(text)
    assert [s.name for s in seg.speakers] == ["Anna", "Per"]


@pytest.mark.parametrize("text", [
    "[00:00:05] Anna: Hej och välkommen.\n[00:00:09] Per: Tack.\n[00:01:15] Anna: Hur har det gått?\n",
    "(00:00:05) Anna: Hej och välkommen.\n(00:00:09) Per: Tack.\n(00:01:15) Anna: Hur har det gått?\n",
    "00:00:05 Anna: Hej och välkommen.\n00:00:09 Per: Tack.\n00:01:15 Anna: Hur har det gått?\n",
    "Anna (00:00:05)\nHej och välkommen.\n\nPer (00:00:09)\nTack.\n\nAnna (00:01:15)\nHur har det gått?\n",
    "Anna (00:00:05) Hej och välkommen.\nPer (00:00:09) Tack.\nAnna (00:01:15) Hur har det gått?\n",
    "Anna 00:05\nHej och välkommen.\nPer 00:09\nTack.\nAnna 01:15\nHur har det gått?\n",
    "[00:00:05] Anna\nHej och välkommen.\n[00:00:09] Per\nTack.\n[00:01:15] Anna\nHur har det gått?\n",
])
def test_timestamp_formats(text: str) -> None:
    seg = segment_turns(text)
    assert seg.format == "timestamp_name"
    assert check(text, seg) == [("Anna", "Hej och välkommen."), ("Per", "Tack."), ("Anna", "Hur har det gått?")]
    assert [t.attrs["timestamp"][-4:] for t in seg.turns] == ["0:05", "0:09", "1:15"]


def test_voice_tags() -> None:
    text = "<v Anna Berg>Hej och välkommen.</v>\n<v Per>Tack.</v>\n<v Anna Berg>Hur har det gått?</v>\n"
    seg = segment_turns(text)
    assert seg.format == "voice_tag"
    assert check(text, seg) == [("Anna Berg", "Hej och välkommen."), ("Per", "Tack."),
                                ("Anna Berg", "Hur har det gått?")]


def test_known_turns_from_a_reader() -> None:
    text = "Hej och välkommen.\nTack.\nHur har det gått, Per?\n"
    seg = resolve_known_turns(text, [(0, 19, "Anna Berg"), (19, 25, "Per"), (25, len(text), "Anna Berg")])
    assert seg.format == "voice_tag"
    assert check(text, seg) == [("Anna Berg", "Hej och välkommen."), ("Per", "Tack."),
                                ("Anna Berg", "Hur har det gått, Per?")]
    assert all(t.label_start == t.label_end == t.start for t in seg.turns)


def test_name_lines_with_dashes_title_and_trailer() -> None:
    text = ("Avsnitt 12 om hemtjänst\n\nSara\n\n- Välkommen. Lina, hur började det?\n\nLina\n\n"
            "- Det började i mars.\n\nVi hade ont om skyddsutrustning.\n\nSara\n\n- Tack för att du kom.\n\n"
            "(Musik)\n\nTextning: Svensk Medietext\n")
    seg = segment_turns(text)
    assert seg.format == "name_line"
    assert check(text, seg) == [
        ("Sara", "Välkommen. Lina, hur började det?"),
        ("Lina", "Det började i mars.\n\nVi hade ont om skyddsutrustning."),
        ("Sara", "Tack för att du kom."),
    ]


def test_name_lines_without_dashes_when_the_names_are_spoken() -> None:
    text = ("Karin\nVälkommen Per. Hur har våren varit?\n\nPer\nTuff, Karin. Vi saknade skyddsutrustning.\n\n"
            "Karin\nOch nu?\n\nPer\nBättre.\n")
    seg = segment_turns(text)
    assert seg.format == "name_line"
    assert [label for label, _ in check(text, seg)] == ["Karin", "Per", "Karin", "Per"]


def test_trailer_that_is_a_sentence_stays_in_the_turn() -> None:
    text = "Anna: Hej.\nPer: Hej.\nAnna: Vad gör ni?\nPer: Vi jobbar.\nProduktionen ökar hela tiden.\n"
    seg = segment_turns(text)
    assert check(text, seg)[-1] == ("Per", "Vi jobbar.\nProduktionen ökar hela tiden.")


REPORT = """Rapport om samverkan

Syftet är att:
Beskriva hur kommuner och regioner samverkar kring hemsjukvård.

Syftet med kartläggningen är att:
Förbättra vården för äldre.

Obs: Rapporten är ett utkast.

Läs mer på https://www.socialstyrelsen.se/rapport och i bilagan.
Källa: Socialstyrelsen 2020.
Obs: Siffrorna är preliminära.
"""

SLIDES = """Kartläggning

Bakgrund
o Vård i hemmet utförs av primärvården
o Kommunerna ansvarar för hemsjukvård

Tillgänglighet
o Avsatt tid för läkare upplevs vara för låg
o För få hembesök

Region Halland
o Olika journalsystem

Region Halland
o Samordning läkare

● Dialog och uppföljning viktig.
"""

HEADINGS = """Samarbete för bättre vård

Inom regionen pågår ett utvecklingsarbete.

Axelkirurgi

I rapporter från HTA Syd visades att kirurgisk behandling inte ger bättre resultat.

Ablationer

Investeringar krävs för att möta ablationsbehoven.

Onkologisk vård

Samverkan kring onkologisk vård utvecklas positivt.
"""

GLOSSARY = """Ordlista

Socialstyrelsen: En myndighet under Socialdepartementet.
Folkhälsomyndigheten: Ansvarar för folkhälsofrågor.
IVO: Inspektionen för vård och omsorg granskar vården.
SKR: Sveriges Kommuner och Regioner.
"""

CONTACTS = "Mötet\n\nKontakt: Anna Berg\nTel: 08-123 45 67\nE-post: anna.berg@example.se\nDatum: 2020-05-01\n"

# A short exchange inside a long report: headers that cover a small part of the document are not a transcript.
QUOTE_IN_REPORT = ("Kommunerna beskriver läget så här i en intervju som genomfördes under hösten.\n\n"
                   "Anna: Det var svårt.\nPer: Ja.\nAnna: Men det gick.\n\n"
                   + "Rapporten fortsätter med en lång analys av samverkan mellan kommun och region. " * 12)


# Slides whose repeated titles are followed by "- " bullets, like name lines followed by "- " turns.
DASH_SLIDES = "".join(f"Huvudpunkter\n\n- Punkt {i} om samverkan\n- Mer om vården\n\nTillgänglighet\n\n- Utfall {i}\n\n"
                      for i in range(3))

# A web page ingested twice over: its boilerplate headings repeat and alternate like speakers.
WEB_PAGE = ("Regionernas samverkan\n\nVården har visat sin förmåga.\n\nPrenumerera\n\nFå nyheter via e-post.\n\n"
            "Kontaktformulär SKR\n\nVi kontrollerar att du är en människa.\n\nLäsarservice\n\nRing oss.\n\n") * 3


@pytest.mark.parametrize("text", [REPORT, SLIDES, HEADINGS, GLOSSARY, CONTACTS, QUOTE_IN_REPORT, DASH_SLIDES,
                                  WEB_PAGE, "", "Hej."],
                         ids=["report", "slides", "headings", "glossary", "contacts", "quote", "dash-slides",
                              "web-page", "empty", "short"])
def test_documents_without_turns(text: str) -> None:
    seg = segment_turns(text)
    assert seg.format == "none"
    assert seg.turns == [] and seg.speakers == []
    assert seg.notes[0] == NO_TURNS_NOTE


def test_near_miss_is_explained() -> None:
    seg = segment_turns(GLOSSARY)
    assert any("name_colon" in note and "not used" in note for note in seg.notes[1:])


def test_forced_format_accepts_what_detection_rejects() -> None:
    seg = segment_turns(GLOSSARY, format="name_colon")
    assert seg.format == "name_colon"
    assert [label for label, _ in check(GLOSSARY, seg)] == ["Socialstyrelsen", "Folkhälsomyndigheten", "IVO", "SKR"]


def test_forced_format_none_and_unknown_format() -> None:
    assert segment_turns(NAME_COLON, format="none").turns == []
    with pytest.raises(UserError) as err:
        segment_turns(NAME_COLON, format="name_colom")
    assert err.value.code == "E301"
    assert "name_colom" in err.value.message and "name_colon" in err.value.message


def test_forced_format_without_headers_is_none_with_a_note() -> None:
    seg = segment_turns(NAME_COLON, format="riksdag_protocol")
    assert seg.format == "none" and seg.turns == []
    assert "riksdag_protocol" in seg.notes[0]


def test_user_pattern_with_speaker_and_time() -> None:
    text = "#1 <Anna> 10.05 Hej alla.\n#2 <Per> 10.06 Hej.\n#3 <Anna> 10.07 Då börjar vi.\n"
    seg = segment_turns(text, pattern=r"#\d+ <(?P<speaker>\w+)> (?P<time>\d+\.\d+)")
    assert seg.format == "pattern"
    assert check(text, seg) == [("Anna", "Hej alla."), ("Per", "Hej."), ("Anna", "Då börjar vi.")]
    assert seg.turns[1].attrs == {"timestamp": "10.06"}
    assert text[seg.turns[0].label_start : seg.turns[0].label_end] == "#1 <Anna> 10.05"


def test_user_pattern_matching_nothing() -> None:
    seg = segment_turns(NAME_COLON, pattern=r"^SPEAKER (?P<speaker>\d+):")
    assert seg.format == "none" and seg.turns == []
    assert "SPEAKER" in seg.notes[0]


@pytest.mark.parametrize("pattern", [r"^(?P<speaker>[A-Z]+:", r"^(?P<speaker[A-Z]+):", r"^[A-Z]+:"])
def test_bad_user_pattern_raises_e301_naming_it(pattern: str) -> None:
    with pytest.raises(UserError) as err:
        segment_turns(NAME_COLON, pattern=pattern)
    assert err.value.code == "E301"
    assert repr(pattern) in err.value.message
    assert err.value.hint


def test_excluded_regions_never_become_turns() -> None:
    footer = "\nAnna: Dela på Facebook\nPer: Dela på X\n"
    text = NAME_COLON + footer
    start = text.index(footer)
    seg = segment_turns(text, exclude=[(start, len(text))])
    assert [label for label, _ in check(text, seg)] == ["Anna Berg", "Per", "Anna Berg", "Per"]
    assert all(t.end <= start for t in seg.turns)
    assert len(segment_turns(text).turns) == 6


def test_exclusion_cuts_a_turn_short() -> None:
    text = "Anna: Hej.\nPer: Hej hej.\nAnna: Vad bra.\nCOOKIES OCH VILLKOR\nMer här.\n"
    start = text.index("COOKIES")
    seg = segment_turns(text, exclude=[(start, start + len("COOKIES OCH VILLKOR"))])
    assert check(text, seg)[-1] == ("Anna", "Vad bra.")


def test_long_unattributed_text_gets_a_note() -> None:
    intro = "Det här är en lång inledning som ingen talare säger utan som står före samtalet. " * 2
    text = intro + "\n\n" + NAME_COLON.replace("[Musik]", "Anna: Tack.\nPer: Tack själv.\n" * 3)
    seg = segment_turns(text)
    assert seg.format == "name_colon"
    assert any("before the first turn" in note for note in seg.notes)


def test_headers_with_role_organisation_or_party() -> None:
    text = ("Anna Berg, enhetschef i Malmö stad\n- Hej och välkommen, Per.\n\n"
            "Per Holm (smittskyddsläkare, Region Skåne)\n- Tack Anna.\n\n"
            "Anna Berg, enhetschef i Malmö stad\n- Vad tycker du?\n\n"
            "Per Holm (smittskyddsläkare, Region Skåne)\n- Det går bra.\n")
    seg = segment_turns(text)
    assert seg.format == "name_line"
    assert [label for label, _ in check(text, seg)] == ["Anna Berg", "Per Holm", "Anna Berg", "Per Holm"]
    assert text[seg.turns[1].label_start : seg.turns[1].label_end] == "Per Holm (smittskyddsläkare, Region Skåne)"
    assert [(s.name, s.role, s.organisation) for s in seg.speakers] == [
        ("Anna Berg", "enhetschef", "Malmö stad"), ("Per Holm", "smittskyddsläkare", "Region Skåne")]

    text = "Moderator Anna: Välkomna.\nEva Lind (S): Tack.\nModerator Anna: Vad tycker du, Eva?\nEva Lind (S): Bra.\n"
    seg = segment_turns(text)
    assert [label for label, _ in check(text, seg)] == ["Anna", "Eva Lind", "Anna", "Eva Lind"]
    assert [(s.name, s.role, s.party) for s in seg.speakers] == [("Anna", "moderator", None),
                                                               ("Eva Lind", None, "S")]


def test_dialogue_dashes_and_caption_markers_belong_to_the_header() -> None:
    text = "- Anna: Hej!\n- Per: Hej, hur mår du?\n>> Anna: Bra.\n"
    seg = segment_turns(text)
    assert check(text, seg) == [("Anna", "Hej!"), ("Per", "Hej, hur mår du?"), ("Anna", "Bra.")]
    assert text[seg.turns[0].label_start : seg.turns[0].label_end] == "- Anna:"


@pytest.mark.parametrize(("asker", "answerer"), [("Intervjuare", "Intervjuperson"), ("Moderator", "Deltagare")])
def test_a_transcript_that_labels_only_the_one_who_asks_gives_the_answers_to_another(asker: str, answerer: str) -> None:
    text = (
        f"{asker}: Hur fick ni tag på munskydd i våras?\nVi fick låna från tandvården.\n"
        f"Sedan kom leveranserna från regionen i maj.\n{asker}: Och provtagningen?\nDen sköttes av vårdcentralen.\n"
    )
    seg = segment_turns(text)
    assert check(text, seg) == [
        (asker, "Hur fick ni tag på munskydd i våras?"),
        (answerer, "Vi fick låna från tandvården.\nSedan kom leveranserna från regionen i maj."),
        (asker, "Och provtagningen?"),
        (answerer, "Den sköttes av vårdcentralen."),
    ]
    assert any(f"are 2 answers of '{answerer}'" in note for note in seg.notes)


def test_the_one_who_asks_named_on_a_line_of_its_own_is_not_a_heading() -> None:
    """A Word transcript: "Intervjuare" on its own line over each question, the answers unlabelled below."""
    text = (
        "Intervjuare\nHur fick ni tag på munskydd i våras?\n\nVi fick låna från tandvården.\n"
        "Sedan kom leveranserna från regionen i maj.\n\nIntervjuare\nOch provtagningen?\n\n"
        "Den sköttes av vårdcentralen.\n\nIntervjuare\nHur är det nu?\n\nBättre.\n"
    )
    seg = segment_turns(text)
    assert seg.format == "name_line"
    assert [label for label, _body in check(text, seg)] == ["Intervjuare", "Intervjuperson"] * 3
    # a word alone on a line, repeated, is still a heading when it is no interviewer's label
    assert segment_turns(text.replace("Intervjuare", "Sammanfattning")).format == "none"


TABLE_TRANSCRIPT = """Intervju 3, hemtjänsten

Tid | Talare | Text
00:00:05 | Intervjuare | Hur fick ni tag på munskydd i våras?
00:00:12 | Informant | Vi fick låna från tandvården. Sedan kom leveranserna i maj.
00:00:40 | Intervjuare | Och provtagningen, hur gick den till?
00:00:45 | Informant | Den sköttes av vårdcentralen, men svaren dröjde.
"""


def test_a_transcript_in_a_table_has_turns() -> None:
    """A table of time, speaker and text (the DOCX and HTML readers join a row's cells with " | "): the speaker cell
    is the header, the text cell the turn; the table's header row is not a turn. Before, the rows were plain text
    and every question was coded."""
    seg = segment_turns(TABLE_TRANSCRIPT)
    assert seg.format == "table_row"
    assert check(TABLE_TRANSCRIPT, seg) == [
        ("Intervjuare", "Hur fick ni tag på munskydd i våras?"),
        ("Informant", "Vi fick låna från tandvården. Sedan kom leveranserna i maj."),
        ("Intervjuare", "Och provtagningen, hur gick den till?"),
        ("Informant", "Den sköttes av vårdcentralen, men svaren dröjde."),
    ]
    assert [t.attrs.get("timestamp") for t in seg.turns] == ["00:00:05", "00:00:12", "00:00:40", "00:00:45"]
    two_columns = "\n".join(line.split(" | ", 1)[1] for line in TABLE_TRANSCRIPT.splitlines()[3:])
    assert [label for label, _ in check(two_columns, segment_turns(two_columns))] == ["Intervjuare", "Informant"] * 2


def test_a_table_of_actions_is_not_a_transcript() -> None:
    text = ("Åtgärd | Ansvarig | Klart\nUtbildning i basala hygienrutiner | Enhetschef | mars\n"
            "Nytt lager av skyddsutrustning | Beredskapssamordnare | april\n"
            "Rutin för provtagning | Medicinskt ansvarig sjuksköterska | maj\n"
            "Utbildning i basala hygienrutiner | Enhetschef | oktober\n")
    assert segment_turns(text).format == "none"


def test_an_interview_code_after_a_name_is_the_speakers_role() -> None:
    """"Anna (intervjuare):" was no header at all (the code is no role word), so her questions ran into Per's turns."""
    text = ("Anna (intervjuare): Hur fick ni tag på munskydd?\nPer (undersköterska): Vi fick låna.\n"
            "Anna (intervjuare): Och provtagningen?\nPer (undersköterska): Vårdcentralen tog dem.\n")
    seg = segment_turns(text)
    assert [label for label, _ in check(text, seg)] == ["Anna", "Per", "Anna", "Per"]
    assert [(s.name, s.role) for s in seg.speakers] == [("Anna", "intervjuare"), ("Per", "undersköterska")]
    party = "Eva Lind (M): Vi har sagt det länge.\nPer Holm (S): Nej.\nEva Lind (M): Jo.\n"
    assert [(s.name, s.party, s.role) for s in segment_turns(party).speakers] == [
        ("Eva Lind", "M", None), ("Per Holm", "S", None)]


NAMED_INTERVIEW = (
    "Anna: Hur fick ni tag på munskydd i våras?\nPer: Vi fick låna från tandvården.\n"
    "Anna: Och provtagningen?\nPer: Vårdcentralen tog dem, svaren kom efter tre dagar.\n"
    "Anna: Hur är det med läkarna?\nPer: De kommer varannan vecka.\n"
    "Anna: Och hur fungerar informationen mellan er och regionen?\nPer: Sådär, faxen går fortfarande.\n"
    "Anna: Tack.\nPer: Tack själv.\n"
)


def test_the_one_of_two_who_asks_nearly_every_time_is_the_interviewer() -> None:
    """"Anna:" asks, "Per:" answers, and nothing says who is who: Anna gets the role, with a note."""
    seg = segment_turns(NAMED_INTERVIEW)
    assert [(s.name, s.role) for s in seg.speakers] == [("Anna", "intervjuare"), ("Per", None)]
    assert any("Anna is read as the interviewer" in note for note in seg.notes)
    # a conversation where both ask now and then (a podcast host and a guest) is left as it is
    chat = NAMED_INTERVIEW.replace("Anna: Hur är det med läkarna?", "Anna: Läkarna kommer ofta.").replace(
        "Per: De kommer varannan vecka.", "Per: Gör de verkligen det?")
    assert [s.role for s in segment_turns(chat).speakers] == [None, None]
    # three speakers: a focus group or a podcast, not an interview
    three = NAMED_INTERVIEW + "Lena: Får jag säga något om hemtjänsten?\nLena: Vi hade samma problem.\n"
    assert all(s.role is None for s in segment_turns(three).speakers)


def test_labelled_answers_are_left_as_they_are() -> None:
    text = "I: Hur fick ni tag på munskydd?\nIP: Vi fick låna.\nDet räckte inte.\nI: Och sedan?\nIP: Regionen hjälpte."
    seg = segment_turns(text)
    assert [label for label, _body in check(text, seg)] == ["I", "IP", "I", "IP"]
    assert not any("only the one who asks" in note for note in seg.notes)
