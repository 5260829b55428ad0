"""Claim verification: each reason kind on small Swedish examples, evidence choice, verdicts, bad statement files,
the pure Linker, conflicts across documents, and the `link` output columns."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from fake_linker import P

from paths import REPO, SEEDS
from textsamverkan.claims.conflicts import find_conflicts
from textsamverkan.claims.evidence import best_evidence
from textsamverkan.claims.link import Linker, read_statements_with_notes
from textsamverkan.claims.quantities import describe, format_value, parse_quantities
from textsamverkan.claims.reasons.content import compare_content
from textsamverkan.claims.reasons.dates import compare_dates
from textsamverkan.claims.reasons.direction import compare_direction, pole
from textsamverkan.claims.reasons.entities import compare_entities
from textsamverkan.claims.reasons.negation import compare_negation
from textsamverkan.claims.reasons.numbers import compare_numbers
from textsamverkan.claims.verdict import judge, judge_evidence, one_line, overall
from textsamverkan.errors import UserError


# --- claims worth checking: quantities ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "enligt lagen (2021:789) om särskilda begränsningar",
        "Regeringen beslutade den 23 november 2020.",
        "prop. 2019/20:132 och SOU 2020:80",
        "förmaksflimmer (delprojekt 13)",
        "enligt 3 § och 2 kap. 5 §",
        "Kontakt: 08-405 32 76",
        "1. Inledning och bakgrund",
        "se sidan 14 i rapporten",
        "Ändringarna träder i kraft 2020-04-07.",
    ],
)
def test_dates_statute_list_page_and_phone_numbers_are_not_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def test_amounts_print_in_plain_swedish_not_scientific_notation() -> None:
    (q,) = parse_quantities("Totalt har regeringen föreslagit 20 miljarder kronor 2020.")
    assert q.value == 2e10 and q.unit == "kr"
    assert describe(q).startswith("20 miljarder kr")
    assert format_value(12.5e9) == "12,5 miljarder" and format_value(2000) == "2 000" and format_value(1.5) == "1,5"
    assert "e+" not in describe(q)
    (tal,) = parse_quantities("ett 30-tal delprojekt")
    assert describe(tal).startswith("30-tal")


# --- reasons, one kind at a time ----------------------------------------------------------------------------------
def test_number_conflict_found_and_missing() -> None:
    source = "Regionen anställde drygt 30 sjuksköterskor under våren."
    assert compare_numbers("Drygt 300 sjuksköterskor anställdes.", source).conflict == [("drygt 300", "drygt 30")]
    assert compare_numbers("Omkring trettio sjuksköterskor anställdes.", source).found
    assert compare_numbers("Hälften av sjuksköterskorna slutade.", source).missing == ["Hälften"]
    assert compare_numbers("Antalet platser har fördubblats.", "Antalet platser har tredubblats.").conflict
    assert compare_numbers("Antalet blev dubbelt så stort.", "Antalet har fördubblats.").found


def test_percent_and_number_words() -> None:
    assert compare_numbers("Femton procent var positiva.", "Drygt 15 % av testerna var positiva.").found
    assert compare_numbers("50 procent var positiva.", "Drygt 15 % av testerna var positiva.").conflict


def test_dates_and_periods() -> None:
    assert compare_dates("Från vecka 27 testades personalen.", "Från vecka 17 testades personalen.").conflict
    assert compare_dates("Det hände i oktober.", "Det hände i april 2020.").conflict
    assert compare_dates("Den 3 mars kom beslutet.", "Beslutet kom den 3 mars 2020.").found
    assert compare_dates("Hösten 2021 kom förslaget.", "Hösten 2019 kom förslaget.").conflict
    assert compare_dates("Sedan 2017 arbetar vi så.", "Vi arbetar så.").missing == ["2017"]


def test_actors_places_and_names() -> None:
    assert compare_entities("Kommunen hjälpte till.", "Regionen hjälpte till.").conflict == [("Kommunen", "Regionen")]
    assert compare_entities("Region Kalmar fick stöd.", "Region Skåne fick stöd.").conflict
    assert compare_entities("VGR har 49 kommuner.", "Västra Götalandsregionen har 49 kommuner.").found
    assert compare_entities("Kiruna fick hjälp.", "Kommunerna fick hjälp.").missing == ["Kiruna"]
    assert compare_entities("Kommunal personal testades.", "Kommunernas personal testades.").found


def test_a_generic_actor_is_never_a_named_ones_rival() -> None:
    generic = compare_entities("Myndigheten får 1,5 miljoner kronor.", "Jämställdhetsmyndigheten får 1 500 000 kronor.")
    assert generic.found == ["Myndigheten"] and not generic.conflict
    assert not compare_entities("Privata utförare fick stöd.", "Regionen fick stöd.").conflict
    assert not compare_entities("Staten tar kostnaden.", "Regeringen tar kostnaden.").conflict  # one side
    assert compare_entities("Kommunen tar kostnaden.", "Regeringen tar kostnaden.").conflict  # still rivals


def test_negation_forms_and_non_denials() -> None:
    assert compare_negation(
        "Kommunerna fick ingen hjälp av regionen.", "Kommunerna fick stor hjälp av regionen."
    ).conflict
    assert compare_negation("Behovet täcks fullt ut.", "Behovet av läkare täcks inte fullt ut.").conflict
    assert not compare_negation("Behovet täcks inte helt.", "Behovet av läkare täcks inte fullt ut.").conflict
    assert not compare_negation(
        "Personalen testades regelbundet.", "Vi testade personalen regelbundet för att se om de kan arbeta eller inte."
    ).conflict


def test_a_negation_conflicts_only_on_what_it_denies() -> None:
    # the same said with a negative word that is no cue: the evidence denies "omfattar", which the statement lacks
    assert not compare_negation(
        "Vården och socialtjänsten ligger utanför uppdraget.",
        "Uppdraget omfattar inte hälso- och sjukvårdsområdet och socialtjänst.",
    ).conflict
    # a denial of the shared verb or object stays a conflict, function words between them skipped
    assert compare_negation("Uppdraget omfattar vården.", "Uppdraget omfattar inte vården.").conflict
    assert compare_negation("Stödet gäller inte för deras familjer.", "Stödet gäller för familjerna.").conflict


def test_direction_lexicon_and_antonyms() -> None:
    assert pole("minskade") == ("mängd", 1) and pole("ökade") == ("mängd", 0)
    assert pole("personalökningen") == ("mängd", 0)  # compound head
    assert pole("otillräcklig") == ("tillgång", 1)  # o- flips
    assert compare_direction("Antalet minskade.", "Antalet ökade kraftigt.").conflict == [("minskade", "ökade")]
    assert compare_direction("Det var god tillgång på handsprit.", "Det var brist på handsprit.").conflict
    assert compare_direction("Läget försämrades.", "Läget förbättrades.").conflict
    assert compare_direction("Tillgången har byggts ut.", "Tillgången har dragits ned.").conflict
    assert compare_direction("Färre besök.", "Fler besök.").conflict
    assert not compare_direction("Andelen blev lägre.", "Andelen har minskat.").conflict


def test_content_lemmas_are_compound_aware() -> None:
    outcome, coverage = compare_content("Skyddsutrustningen räckte inte.", "Vi fick skyddsutrustning.")
    assert "skyddsutrustning" in outcome.found
    _outcome, coverage = compare_content("Läkartiden är kort.", "Tiden för läkare är kort.")
    assert coverage == 1.0
    outcome, _ = compare_content("Det saknades handskar.", "Det saknades munskydd.")
    assert outcome.missing


# --- evidence and verdicts ----------------------------------------------------------------------------------------
PASSAGE = (
    "Vi började testa tidigt. Från vecka 17 har vi testat kommunal personal regelbundet. "
    "Det har varit runt 2000 i veckan som har testat sig. Det var ett stort arbete."
)


def test_evidence_is_the_best_sentence_with_offsets() -> None:
    ev = best_evidence("Ungefär 2 000 testade sig varje vecka.", PASSAGE, offset=100)
    assert ev.quote == "Det har varit runt 2000 i veckan som har testat sig."
    assert PASSAGE[ev.start - 100 : ev.end - 100] == ev.quote


def test_evidence_is_a_pair_when_the_statement_spans_two_sentences() -> None:
    # "anställda" is "personal" (synonym lexicon) in one sentence, the amount is in the next
    ev = best_evidence("Ungefär 2 000 anställda testade sig varje vecka.", PASSAGE)
    assert ev.quote.startswith("Från vecka 17 har vi testat kommunal personal regelbundet. ")
    assert ev.quote.endswith("Det har varit runt 2000 i veckan som har testat sig.")


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Sedan vecka 17 har kommunens personal testats regelbundet.", "supported"),
        ("Från vecka 27 har kommunal personal testats regelbundet.", "contradicted"),
        ("Runt 20 000 i veckan har testat sig.", "contradicted"),
        ("I Kiruna har kommunal personal testats regelbundet sedan vecka 17.", "partly"),
        ("Vargstammen i Värmland har växt.", "no_evidence"),
    ],
)
def test_verdicts(statement: str, verdict: str) -> None:
    assert judge(statement, PASSAGE).verdict == verdict


def test_reasons_are_data_and_summarised_in_one_line() -> None:
    verdict, confidence, reasons = judge_evidence(
        "Drygt 300 sjuksköterskor anställdes i regionen.", "Regionen anställde drygt 30 sjuksköterskor."
    )
    assert verdict == "contradicted" and 0 < confidence <= 1
    assert reasons["conflict"]["number"] == [["drygt 300", "drygt 30"]]
    json.dumps(reasons)
    assert "number: drygt 300 ≠ drygt 30" in one_line(reasons)


def test_overall_says_conflicting_when_passages_disagree() -> None:
    a = judge("Antalet platser ökade i regionen.", "Antalet platser ökade i regionen.")
    b = judge("Antalet platser ökade i regionen.", "Antalet platser minskade i regionen.")
    assert (a.verdict, b.verdict) == ("supported", "contradicted")
    assert overall([a, b]) == ("conflicting", 0)
    assert overall([]) == ("no_evidence", None)


# --- the Linker is pure: passages and vectors in, ranked and judged candidates out ---------------------------------
class FakeEncoder:
    def encode(self, texts: list[str], *, kind: str = "query") -> np.ndarray:
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def test_linker_ranks_and_judges_given_passages_without_a_database() -> None:
    passages = [P("a", 0, len(PASSAGE), None, PASSAGE), P("b", 0, 24, "s1", "Fotboll spelades i maj.")]
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    linker = Linker(passages, vectors, FakeEncoder(), speakers=["", "Anna"])
    result = linker.link("Från vecka 27 har kommunal personal testats regelbundet.", k=2)
    assert result.supports[0].doc_id == "a"
    assert result.verdict == "contradicted"
    assert result.supports[0].judgement is not None
    assert result.supports[0].judgement.reasons["conflict"]["date"]
    with pytest.raises(ValueError):
        Linker(passages, vectors[:1], FakeEncoder())


# --- conflicts across documents ------------------------------------------------------------------------------------
def test_conflicting_claims_across_documents() -> None:
    rows = [
        {
            "doc_id": "a",
            "start": 0,
            "end": 10,
            "quote": "Antalet intensivvårdsplatser i regionen ökade kraftigt under våren.",
        },
        {
            "doc_id": "b",
            "start": 5,
            "end": 20,
            "quote": "Antalet intensivvårdsplatser i regionen minskade under våren.",
        },
        {"doc_id": "b", "start": 30, "end": 40, "quote": "Skolorna i Malmö fick fler lärare."},
        {"doc_id": "c", "start": 0, "end": 9, "quote": "Antalet intensivvårdsplatser i regionen ökade under våren."},
    ]
    pairs = find_conflicts(rows)
    assert {(p["doc_id_a"], p["doc_id_b"]) for p in pairs} == {("a", "b"), ("b", "c")}
    assert all(p["kinds"] == ["direction"] for p in pairs)


# --- bad statement files -------------------------------------------------------------------------------------------
def test_bad_statement_files_give_coded_errors_or_notes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_statements_with_notes(empty)
    assert err.value.code == "E102"
    comments = tmp_path / "comments.txt"
    comments.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(UserError):
        read_statements_with_notes(comments)
    cp1252 = tmp_path / "excel.csv"
    cp1252.write_bytes("statement;källa\nAntalet vårdplatser ökade i Skåne.;rapport\n".encode("cp1252"))
    statements, notes = read_statements_with_notes(cp1252)
    assert statements == ["Antalet vårdplatser ökade i Skåne."] and any("Windows-1252" in n for n in notes)
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("påstående,källa\nEtt påstående,x\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_statements_with_notes(nocol)
    assert err.value.code == "E106" and "påstående" in err.value.message
    long = tmp_path / "long.txt"
    long.write_text("Antalet vårdplatser ökade. " * 200 + "\n", encoding="utf-8")
    statements, notes = read_statements_with_notes(long)
    assert len(statements) == 1 and any("longer than" in n for n in notes)


# --- the CLI output columns ---------------------------------------------------------------------------------------
def _run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from textsamverkan.cli.main import main; main()", "--db", str(db), *args],
        capture_output=True, text=True, cwd=REPO, timeout=600,
    )  # fmt: skip


@pytest.mark.slow
def test_link_cli_keeps_its_columns_and_adds_verdicts(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    assert _run("ingest", str(SEEDS), db=db).returncode == 0
    statements = tmp_path / "s.txt"
    statements.write_text(
        "Antalet intensivvårdsplatser i landet har tredubblats.\nFotbollslandslaget vann mot Norge.\n", encoding="utf-8"
    )
    out = _run("link", str(statements), "-k", "2", "--format", "csv", db=db)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    for column in ("statement_no", "statement", "rank", "status", "score", "speaker", "doc_id", "start", "end", "quote",
                   "verdict", "confidence", "evidence_start", "evidence_end", "evidence_quote", "reasons"):  # fmt: skip
        assert column in rows[0]
    first = [r for r in rows if r["statement_no"] == "1"]
    assert first[0]["status"] == "contradicted"
    assert json.loads(first[0]["reasons"])["conflict"]["number"]
    js = json.loads(_run("link", str(statements), "-k", "1", "--format", "json", db=db).stdout)
    assert isinstance(js[0]["reasons"], dict)
    table = _run("link", str(statements), "-k", "1", db=db).stdout
    assert "verdict" in table and "reason" in table
    bad = tmp_path / "bad.csv"
    bad.write_text("text\nhej\n", encoding="utf-8")
    failed = _run("link", str(bad), db=db)
    assert failed.returncode != 0 and "E106" in failed.stderr and "Traceback" not in failed.stderr


def test_first_and_last_of_a_month_are_dates() -> None:
    from textsamverkan.claims.reasons.dates import compare_dates

    assert compare_dates("senast sista december 2020", "senast den 31 december 2020").found
    assert compare_dates("senast sista december 2020", "senast den 30 december 2020").conflict
    assert compare_dates("från första april", "från den 1 april").found
    assert compare_dates("sista februari 2024", "den 29 februari 2024").found  # a leap year
    verdict, _, reasons = judge_evidence(
        "Rapporten ska lämnas senast sista december 2020.", "Rapporten lämnas senast den 31 december 2020."
    )
    assert verdict == "supported" and "sista" not in reasons.get("missing", [])
