"""Claims: detection rules, Swedish quantities, SourceRef round trips and re-anchoring, and statement linking."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paths import SEEDS
from textsamverkan.claims.extract import classify
from textsamverkan.claims.link import read_statements
from textsamverkan.claims.quantities import parse_quantities
from textsamverkan.claims.sourceref import make_ref, verify
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.stages.claims import run_claims, stored_claims, verify_claims
from textsamverkan.stages.link import build_linker
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, list_doc_ids


@pytest.mark.parametrize(
    ("sentence", "claim_type"),
    [
        ("Antalet intensivvårdsplatser i landet har fördubblats.", "change"),
        ("Drygt 15 % av de testade var positiva.", "quantity"),
        ("Under perioden har det varit runt 2000 i veckan som har testat sig.", "quantity"),
        ("Samverkan har fungerat väldigt bra.", "evaluation"),
        ("Det fanns stora brister av skyddsutrustning.", "problem"),
        ("Vi hade brist på testutrustning i början.", "problem"),
        ("Besöken ställdes in på grund av smittrisken.", "cause"),
        ("Alla patienter bör ha en individuell vårdplan.", "obligation"),
        ("Kommunerna måste ta fram rutiner för detta.", "obligation"),
    ],
)
def test_claims_are_found_with_their_type(sentence: str, claim_type: str) -> None:
    match = classify(sentence)
    assert match is not None and match.type == claim_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Hur har arbetet bedrivits under pandemin och vad har det betytt?",
        "Hej och välkomna till Socialstyrelsens podcast.",
        "Jag går vidare till dig, Ann.",
        "Tack.",
        "Kort om kartläggningen",
        "Goda och konstruktiva dialoger.",
        "Vi träffades i Göteborg på tisdagen.",
    ],
)
def test_questions_greetings_headings_and_plain_statements_are_not_claims(sentence: str) -> None:
    assert classify(sentence) is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("drygt 15 % positiva", 15.0, "%", "drygt"),
        ("15 procent av de testade", 15.0, "%", ""),
        ("drygt 2 000 personer", 2000.0, "personer", "drygt"),
        ("2 000 patienter", 2000.0, "patienter", ""),
        ("1,5 miljoner kronor", 1_500_000.0, "kr", ""),
        ("runt 2000 i veckan", 2000.0, "", "runt"),
        ("tre gånger fler besök", 3.0, "gånger", ""),
        ("antalet har fördubblats", 2.0, "gånger", ""),
        ("väntetiden har halverats", 0.5, "gånger", ""),
        ("tolv kommuner", 12.0, "kommuner", ""),
        ("cirka tusen personer", 1000.0, "personer", "cirka"),
        # a bound word is a word of its own, never the end of another: "behöver" holds no "över"
        ("Sverige behöver 800 000 nya bostäder", 800_000.0, "", ""),
        ("och därutöver 40 platser", 40.0, "platser", ""),
    ],
)
def test_quantities(text: str, value: float, unit: str, approx: str) -> None:
    (q,) = parse_quantities(text)
    assert (q.value, q.unit, q.approx) == (value, unit, approx)
    assert text[q.start : q.end] == q.text


def test_quantity_details_and_non_amounts() -> None:
    (rate,) = parse_quantities("runt 2000 i veckan testades")
    assert rate.per == "i veckan" and rate.measures == "testades"
    (share,) = parse_quantities("drygt 15 % positiva")
    assert share.measures == "positiva"
    assert parse_quantities("under 2020 och covid-19 i avsnitt 83 av en god vård") == []


def test_sourceref_reanchors_after_edits() -> None:
    text = "Inledning. Antalet platser har fördubblats. Slut."
    start = text.index("Antalet")
    ref = make_ref("d", text, start, text.index(" Slut"))
    assert verify(ref, text).status == "ok"
    edited = "Ny mening först. " + text
    moved = verify(ref, edited)
    assert moved.status == "moved" and moved.start is not None and moved.end is not None
    assert edited[moved.start : moved.end] == ref.quote and moved.start == start + len("Ny mening först. ")
    assert verify(ref, text.replace("Antalet platser har fördubblats. ", "")).status == "lost"
    assert verify(ref, None).status == "lost"


def test_sourceref_prefers_matching_context_and_refuses_to_guess() -> None:
    text = "A säger: Det har fungerat bra. B säger: Det har fungerat bra. Slut."
    second = text.rindex("Det har")
    ref = make_ref("d", text, second, second + len("Det har fungerat bra."))
    edited = "Förord. " + text
    result = verify(ref, edited)
    assert result.status == "moved" and result.start == second + len("Förord. ")
    bare = make_ref("d", "x Det. y", 2, 6)
    assert verify(bare, "Det. x Det. y Det. x Det. y").status == "ambiguous"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    conn = connect(tmp_path_factory.mktemp("claims") / "c.db")
    ingest_paths(conn, [SEEDS], IngestOptions())
    return conn


def test_every_seed_claim_round_trips_with_speaker(seeds_db: sqlite3.Connection) -> None:
    rows = run_claims(seeds_db).value
    assert len(rows) > 50
    assert {r["type"] for r in rows} == {"quantity", "change", "evaluation", "problem", "cause", "obligation"}
    texts: dict[str, str] = {}
    for row in rows:
        text = texts.setdefault(row["doc_id"], get_document(seeds_db, row["doc_id"], layers=[]).text)
        assert text[row["start"] : row["end"]] == row["quote"]
    ppe = next(r for r in rows if "brister av skyddsutrustning" in r["quote"])
    assert ppe["type"] == "problem" and ppe["speaker"] == "Jeanette Andersson" and ppe["organisation"] == "VästKom"
    tests = next(r for r in rows if "runt 2000 i veckan" in r["quote"])
    assert tests["type"] == "quantity" and "runt 2 000" in tests["quantities"]
    assert stored_claims(seeds_db)[1] == rows
    assert {r["status"] for r in verify_claims(seeds_db)[0]} == {"ok"}


def test_verify_after_a_document_changes(seeds_db: sqlite3.Connection) -> None:
    run_claims(seeds_db)
    doc_id = "seeds/000_c76800d400e5fe0b.txt"
    text = get_document(seeds_db, doc_id, layers=[]).text
    gone = "Antalet intensivvårdsplatser i landet har fördubblats."
    changed = "Ny inledning. " + text.replace(gone, "")
    seeds_db.execute("UPDATE documents SET text = ? WHERE doc_id = ?", (changed, doc_id))
    rows = [r for r in verify_claims(seeds_db)[0] if r["doc_id"] == doc_id]
    lost = [r for r in rows if r["status"] == "lost"]
    assert [r["quote"] for r in lost] == ["• " + gone]
    for r in rows:
        if r["status"] == "moved":
            assert changed[r["new_start"] : r["new_end"]] == r["quote"]
    assert any(r["status"] == "moved" for r in rows)
    seeds_db.execute("UPDATE documents SET text = ? WHERE doc_id = ?", (text, doc_id))


def test_link_finds_support_and_says_when_there_is_none(seeds_db: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(
        "# statements\nUnder pandemin blev antalet IVA-platser dubbelt så många.\n"
        "I början av pandemin saknades skyddsutrustning.\nFotbollsallsvenskan spelades utan publik.\n",
        encoding="utf-8",
    )
    statements = read_statements(path)
    assert len(statements) == 3
    linker = build_linker(seeds_db, list_doc_ids(seeds_db), embedder="static-sv")
    icu, ppe, football = (linker.link(s, k=5) for s in statements)
    assert icu.supported and "intensivvårdsplatser i landet har fördubblats" in icu.supports[0].quote
    assert ppe.supported and any("brister av skyddsutrustning" in s.quote for s in ppe.supports)
    assert not football.supported
    top = icu.supports[0]
    text = get_document(seeds_db, top.doc_id, layers=[]).text
    assert text[top.start : top.end] == top.quote
