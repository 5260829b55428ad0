"""Speaker identity: merged aliases, full names, roles, organisations and parties, speakers.csv, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.segment import (
    Speaker,
    Turn,
    TurnSegmentation,
    load_speakers_csv,
    resolve_speakers,
    segment_turns,
    speaker_table,
)
from textsamverkan.segment.names import display_name, fold, label_kind
from textsamverkan.segment.roles import read_role


def speakers(text: str) -> list[tuple[str, list[str], str | None, str | None, str | None]]:
    seg = segment_turns(text)
    assert seg.format != "none", seg.notes
    return [(s.name, s.aliases, s.role, s.organisation, s.party) for s in seg.speakers]


def by_name(seg: TurnSegmentation, name: str) -> Speaker:
    return next(s for s in seg.speakers if s.name == name)


PANEL = """Podd om smittskydd

Programledare: Välkomna! Med oss i dag har vi Karin Ek, medicinskt ansvarig sjuksköterska i Lunds kommun, och \
Per Holm som är smittskyddsläkare i Region Skåne. Dessutom kommunalrådet Eva Lind (S) från Malmö stad.
Karin: Tack för inbjudan.
Programledare: Per, hur ser du på läget?
Per: Det är lugnare nu.
Eva: Jag håller med Per.
Programledare: Jag heter Maria Svensson och är verksamhetschef på Göteborgs Stad. Karin, du är ju MAS?
Karin: Ja, precis.
"""


def test_first_names_join_introduced_full_names_with_roles() -> None:
    assert speakers(PANEL) == [
        ("Maria Svensson", ["Programledare"], "verksamhetschef", "Göteborgs Stad", None),
        ("Karin Ek", ["Karin"], "medicinskt ansvarig sjuksköterska", "Lunds kommun", None),
        ("Per Holm", ["Per"], "smittskyddsläkare", "Region Skåne", None),
        ("Eva Lind", ["Eva"], "kommunalråd", "Malmö stad", "S"),
    ]


PODCAST = """Avsnitt 12: Hemtjänst i pandemin

Sara

- Välkommen till podden. I dag pratar jag med Lina Persson som är enhetschef för hemtjänsten i Malmö stad och \
med Johan Eriksson, verksamhetschef på vårdcentralen Lunden i Region Skåne. Jag som leder samtalet heter Sara Holm \
och jobbar som kommunikatör på Folkhälsomyndigheten. Lina, hur började det?

Lina

- Det började i mars. Vi hade ont om skyddsutrustning.

Sara

- Johan, du som är verksamhetschef, hur såg det ut hos er?

Johan

- Vi fick ställa om snabbt. Socialnämndens ordförande ringde varje dag.

Sara

- Tack Lina Persson och Johan Eriksson.

(Musik)

Textning: Svensk Medietext
"""


def test_podcast_host_names_herself_and_guests() -> None:
    assert speakers(PODCAST) == [
        ("Sara Holm", ["Sara"], "kommunikatör", "Folkhälsomyndigheten", None),
        ("Lina Persson", ["Lina"], "enhetschef", "hemtjänsten i Malmö stad", None),
        ("Johan Eriksson", ["Johan"], "verksamhetschef", "vårdcentralen Lunden i Region Skåne", None),
    ]
    seg = segment_turns(PODCAST)
    assert PODCAST[seg.turns[-1].start : seg.turns[-1].end] == "Tack Lina Persson och Johan Eriksson."


def test_turns_point_at_their_speakers() -> None:
    seg = segment_turns(PANEL)
    ids = [t.speaker_id for t in seg.turns]
    assert ids == ["maria-svensson", "karin-ek", "maria-svensson", "per-holm", "eva-lind", "maria-svensson",
                   "karin-ek"]


def test_first_name_label_joins_the_only_full_name_label() -> None:
    text = ("Olivia Wigzell: Välkomna. Jag är generaldirektör på Socialstyrelsen.\nIrene: Tack.\n"
            "Olivia: Irène, vad tycker du? Du är ju folkhälsoråd.\nIréne: Jag tycker att samverkan är viktigt.\n")
    assert speakers(text) == [
        ("Olivia Wigzell", ["Olivia Wigzell", "Olivia"], "generaldirektör", "Socialstyrelsen", None),
        ("Irene", ["Irene", "Iréne", "Irène"], "folkhälsoråd", None, None),
    ]


def test_ambiguous_first_name_stays_separate() -> None:
    text = "Anna Berg: Hej.\nAnna Ek: Hej hej.\nAnna: Vem är jag?\nAnna Berg: Ingen vet.\nAnna Ek: Nej.\n"
    assert [s[0] for s in speakers(text)] == ["Anna Berg", "Anna Ek", "Anna"]
    assert any("'Anna' could be Anna Berg or Anna Ek" in note for note in segment_turns(text).notes)


def test_two_introduced_names_with_one_first_name_are_not_guessed() -> None:
    text = ("Moderator: Välkomna Anna Berg, enhetschef i Lunds kommun, och Anna Ek som är MAS i Region Skåne.\n"
            "Anna: Tack.\nModerator: Vad tycker ni?\nAnna: Bra.\n")
    assert [s[0] for s in speakers(text)] == ["Moderator", "Anna"]
    assert any("'Anna' could be Anna Berg or Anna Ek" in note for note in segment_turns(text).notes)


def test_surname_label_joins_the_introduced_full_name() -> None:
    text = ("Moderator: I studion finns Jeanette Andersson, strateg för nära vård på VästKom.\n"
            "Andersson: Tack.\nModerator: Berätta.\nAndersson: Gärna.\n")
    got = speakers(text)
    assert got[1] == ("Jeanette Andersson", ["Andersson"], "strateg för nära vård", "VästKom", None)


def test_case_and_diacritic_variants_are_one_speaker() -> None:
    text = "LENA HALLENGREN: Hej.\nPer: Hej.\nLena Hallengren: Tack.\nPer: Tack.\n"
    got = speakers(text)
    assert got[0][:2] == ("Lena Hallengren", ["LENA HALLENGREN", "Lena Hallengren"])
    assert len(got) == 2


def test_statement_in_own_turn_and_address_by_others() -> None:
    text = ("Sara: Välkommen Johan. Du är verksamhetschef på vårdcentralen Lunden, eller hur?\n"
            "Johan: Ja. Och Sara, du är ju kommunikatör.\n"
            "Sara: Precis, jag är kommunikatör på Folkhälsomyndigheten sedan i våras.\nJohan: Bra.\n")
    got = {s[0]: s for s in speakers(text)}
    assert got["Johan"][2:4] == ("verksamhetschef", "vårdcentralen Lunden")
    # her own statement outranks how Johan addresses her
    assert got["Sara"][2:4] == ("kommunikatör", "Folkhälsomyndigheten")


def test_introduction_outranks_address() -> None:
    text = ("Olivia\n\n- Vi har bjudit in Jeanette Andersson, strateg för nära vård på VästKom. Jeanette, du är "
            "vårdstrateg på VästKom. Berätta!\n\nJeanette\n\n- Gärna.\n\nOlivia\n\n- Tack.\n\nJeanette\n\n- Tack.\n")
    got = {s[0]: s for s in speakers(text)}
    assert got["Jeanette Andersson"][2:4] == ("strateg för nära vård", "VästKom")


@pytest.mark.parametrize(("phrase", "role", "organisation"), [
    ("hälso- och sjukvårdsdirektör i Västra Götalandsregionen och", "hälso- och sjukvårdsdirektör",
     "Västra Götalandsregionen"),
    ("strateg för nära vård på VästKom, det vill säga", "strateg för nära vård", "VästKom"),
    ("folkhälsoråd på Socialstyrelsen och den", "folkhälsoråd", "Socialstyrelsen"),
    ("enhetschef i Malmö stad.", "enhetschef", "Malmö stad"),
    ("medicinskt ansvarig sjuksköterska i Lunds kommun", "medicinskt ansvarig sjuksköterska", "Lunds kommun"),
    ("MAS i kommunen", "MAS", "kommunen"),
    ("smittskyddsläkare i Region Skåne", "smittskyddsläkare", "Region Skåne"),
    ("epidemiolog på Folkhälsomyndigheten", "epidemiolog", "Folkhälsomyndigheten"),
    ("kommunalråd (S) i Göteborgs Stad", "kommunalråd", None),
    ("verksamhetschef på Göteborgs Stad", "verksamhetschef", "Göteborgs Stad"),
    ("socialnämndens ordförande i Lund", "socialnämndens ordförande", "Lund"),
    ("biträdande enhetschef inom äldreomsorgen i Malmö", "biträdande enhetschef", "äldreomsorgen i Malmö"),
    ("utredare på Inspektionen för vård och omsorg", "utredare", "Inspektionen för vård och omsorg"),
    ("glad att vara här", None, None),
    ("inte läkare", None, None),
])
def test_read_role(phrase: str, role: str | None, organisation: str | None) -> None:
    reading = read_role(phrase, 0)
    if role is None:
        assert reading is None
    else:
        assert reading is not None
        assert (reading.role, reading.organisation) == (role, organisation)


def test_names_helpers() -> None:
    assert fold("Irène") == fold("Iréne") == fold("IRENE") == "irene"
    assert display_name("ANN-SOFIE VON ESSEN") == "Ann-Sofie von Essen"
    assert display_name("IP1") == "IP1"
    assert label_kind("Olivia Wigzell") == "name"
    assert label_kind("IP 2") == "code"
    assert label_kind("Syftet med kartläggningen är att") is None
    assert label_kind("Obs") is None
    assert label_kind("https") is None


# --- speakers.csv -----------------------------------------------------------------------------------------------


def test_speakers_csv_merges_and_sets_fields(tmp_path: Path) -> None:
    text = "Anna Berg: Hej.\nAnna Ek: Hej hej.\nAnna: Vem är jag?\nAnna Berg: Ingen vet.\nAnna Ek: Nej.\n"
    csv_file = tmp_path / "speakers.csv"
    csv_file.write_text("name,aliases,role,organisation,party\n"
                        "Anna Ek,Anna,MAS,Region Skåne,\n"
                        "Anna Berg,,enhetschef,,\n", encoding="utf-8")
    seg = segment_turns(text, speakers_file=csv_file)
    assert [(s.name, s.aliases, s.role, s.organisation) for s in seg.speakers] == [
        ("Anna Berg", ["Anna Berg"], "enhetschef", None),
        ("Anna Ek", ["Anna Ek", "Anna"], "MAS", "Region Skåne"),
    ]
    assert [t.speaker_id for t in seg.turns] == ["anna-berg", "anna-ek", "anna-ek", "anna-berg", "anna-ek"]


def test_speakers_csv_renames_a_code(tmp_path: Path) -> None:
    csv_file = tmp_path / "speakers.csv"
    csv_file.write_text("name;aliases;role\nKarin Ek;IP1;undersköterska\n", encoding="utf-8-sig")
    rows = load_speakers_csv(csv_file)
    assert rows[0].name == "Karin Ek" and rows[0].aliases == ("IP1",) and rows[0].role == "undersköterska"
    text = "I: Berätta.\nIP1: Jag jobbar natt.\nI: Hur är det?\nIP1: Tungt.\n"
    res = resolve_speakers(text, segment_turns(text).turns, overrides=rows)
    assert [(s.id, s.name, s.role) for s in res.speakers] == [("i", "I", None), ("karin-ek", "Karin Ek",
                                                                                  "undersköterska")]
    assert {t.speaker_id for t in res.turns} == {"i", "karin-ek"}


@pytest.mark.parametrize(("content", "code", "words"), [
    ("namn,aliases\nAnna,\n", "E106", ["'name' column"]),
    ("name,organization\nAnna,SKR\n", "E106", ["organization", "organisation"]),
    ("name,role\n,chef\n", "E106", ["line 2", "empty"]),
])
def test_speakers_csv_errors(tmp_path: Path, content: str, code: str, words: list[str]) -> None:
    csv_file = tmp_path / "speakers.csv"
    csv_file.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_speakers_csv(csv_file)
    assert err.value.code == code
    assert all(w in err.value.message for w in words)


def test_speakers_csv_missing_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        load_speakers_csv(tmp_path / "nope.csv")
    assert err.value.code == "E101"
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("name\nIrène\n".encode("latin-1"))
    with pytest.raises(UserError) as err:
        load_speakers_csv(bad)
    assert err.value.code == "E104"


# --- tables and the direct API ----------------------------------------------------------------------------------


def test_speaker_table_counts_words_and_shares() -> None:
    text = "Anna: Ett två tre.\nPer: Fyra.\nAnna: Fem sex sju åtta.\nPer: Nio.\n"
    seg = segment_turns(text)
    rows = speaker_table(text, seg)
    assert [(r["speaker"], r["turns"], r["words"], r["share"]) for r in rows] == [
        ("Anna", 2, 7, round(7 / 9, 4)), ("Per", 2, 2, round(2 / 9, 4))]
    assert set(rows[0]) == {"speaker", "speaker_id", "aliases", "role", "organisation", "party", "turns", "words",
                            "share"}


def test_speaker_table_of_a_plain_document_is_empty() -> None:
    assert speaker_table("Bara text.", segment_turns("Bara text.")) == []


def test_resolve_speakers_directly() -> None:
    text = "Olivia Wigzell\nHej.\nOlivia\nHej igen.\n"
    turns = [Turn(15, 19, "Olivia Wigzell", 0, 14), Turn(27, 36, "Olivia", 20, 26)]
    res = resolve_speakers(text, turns)
    assert [(s.id, s.name, s.aliases) for s in res.speakers] == [("olivia-wigzell", "Olivia Wigzell",
                                                                  ["Olivia Wigzell", "Olivia"])]
    assert [t.speaker_id for t in res.turns] == ["olivia-wigzell", "olivia-wigzell"]
    assert resolve_speakers(text, []).speakers == []


def test_aliases_follow_first_use() -> None:
    text = "Olivia: Hej.\nPer: Hej.\nOlivia Wigzell: Tack.\nPer: Tack.\n"
    assert speakers(text)[0][:2] == ("Olivia Wigzell", ["Olivia", "Olivia Wigzell"])
