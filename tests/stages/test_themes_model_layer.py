"""The model layer through the themes stage: on by default, it adds `model` hits with evidence where the rules found
nothing and records the per-code thresholds in the run; --no-model-coder leaves the rules alone."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from textsamverkan.cli.main import cli
from textsamverkan.errors import UserError
from textsamverkan.store import connect
from textsamverkan.store.runs import list_runs


def invoke(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _corpus(folder: Path) -> None:
    rng = random.Random(1)
    ppe = ["Leveransen av skyddsutrustning till lagret på boendet var försenad igen.",
           "Bristen på skyddsutrustning i lagret gjorde leveransen akut.",
           "Kommunen fick en leverans av munskydd till lagret."]
    other = ["Kommunen byggde en ny skola i centrum.", "Regeringen presenterade budgeten för nästa år.",
             "Vädret var kallt under hela veckan.", "Eleverna läste böcker i biblioteket.",
             "Tåget var försenat på grund av snö.", "Politikerna debatterade skatterna länge."]
    folder.mkdir()
    for d in range(6):
        lines = [rng.choice(ppe) for _ in range(15)] + [rng.choice(other) for _ in range(40)]
        rng.shuffle(lines)
        if d == 0:  # protective equipment in other words: no rule matches it
            lines.append("Vi klippte hål i sopsäckar och drog dem över kläderna innan vi gick in till de sjuka.")
        (folder / f"doc{d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding the synthetic corpus above."""
    path = tmp_path / "t.db"
    _corpus(tmp_path / "corpus")
    invoke(path, "ingest", str(tmp_path / "corpus"), "-q")
    return path


def _run_dir(run_root: Path) -> Path:
    """The one run folder under `run_root`."""
    (run,) = list(run_root.iterdir())
    return run


def _rows(run_root: Path) -> list[dict[str, str]]:
    with (_run_dir(run_root) / "theme_passages.csv").open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow
def test_model_layer_adds_model_hits_unless_switched_off(db: Path, tmp_path: Path, session_cache: Path) -> None:
    invoke(db, "themes", "--no-topics", "--no-model-coder", "--outputs", str(tmp_path / "off"))
    assert {r["method"] for r in _rows(tmp_path / "off")} == {"lexical"}
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "on"))
    rows = _rows(tmp_path / "on")
    model = [r for r in rows if r["method"] == "model"]
    assert [(r["theme"], "sopsäckar" in r["quote"]) for r in model] == [("ppe", True)]
    evidence = json.loads(model[0]["evidence"])
    assert {"score", "threshold", "words", "nearest"} <= set(evidence)
    lexical = {(r["document"], r["start"], r["theme"]) for r in rows if r["method"] == "lexical"}
    assert not {(r["document"], r["start"], r["theme"]) for r in model} & lexical
    assert list((session_cache / "textsamverkan" / "model_coder").glob("*.pkl"))  # fitted once, kept for any corpus


@pytest.mark.slow
def test_model_layer_on_two_workers_gives_the_in_process_table(db: Path, tmp_path: Path) -> None:
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "here"))
    invoke(db, "themes", "--no-topics", "--workers", "2", "--outputs", str(tmp_path / "workers"))
    here, workers = _rows(tmp_path / "here"), _rows(tmp_path / "workers")
    assert any(r["method"] == "model" for r in here)  # the fitted layer was applied on the workers, too
    assert [{**r, "run": ""} for r in here] == [{**r, "run": ""} for r in workers]


@pytest.mark.slow
def test_a_coding_run_teaches_the_learned_coder(db: Path, tmp_path: Path) -> None:
    invoke(db, "themes", "--no-topics", "--no-model-coder", "--outputs", str(tmp_path / "coder"))
    coder_run = _run_dir(tmp_path / "coder").name
    invoke(db, "themes", "--no-topics", "--learn-from", coder_run, "--outputs", str(tmp_path / "taught"))
    summary = json.loads((_run_dir(tmp_path / "taught") / "manifest.json").read_text(encoding="utf-8"))["summary"]
    examples = summary["model_coder_examples"]
    assert examples["run"] == coder_run and examples["per_code"]["ppe"] >= 15  # the coder's ppe sentences
    assert examples["sentences"] > examples["per_code"]["ppe"]  # uncoded sentences of coded documents: negatives
    assert "model_coder" in summary
    runs_before = len(list_runs(connect(db)))
    result = CliRunner().invoke(cli, ["--db", str(db), "themes", "--no-topics", "--learn-from", "nosuchrun"])
    assert isinstance(result.exception, UserError) and "nosuchrun" in str(result.exception)
    assert len(list_runs(connect(db))) == runs_before  # refused before a run was started


@pytest.mark.slow
def test_model_agreement_sets_how_sure_a_model_hit_must_be(db: Path, tmp_path: Path) -> None:
    # the sopsäckar sentence is coded at an agreement a little above 1.0: a stricter run leaves it to the rules
    invoke(db, "themes", "--no-topics", "--model-agreement", "1.3", "--outputs", str(tmp_path / "strict"))
    assert {r["method"] for r in _rows(tmp_path / "strict")} == {"lexical"}
    invoke(db, "themes", "--no-topics", "--model-agreement", "0.95", "--outputs", str(tmp_path / "loose"))
    assert any(r["method"] == "model" for r in _rows(tmp_path / "loose"))


@pytest.mark.slow
def test_tables_count_the_learned_layers_passages_apart_and_can_leave_them_out(db: Path, tmp_path: Path) -> None:
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "on"))
    with (_run_dir(tmp_path / "on") / "theme_summary.csv").open(encoding="utf-8-sig") as handle:
        summary = [r for r in csv.DictReader(handle) if r["theme"] == "ppe" and r["level"] == "document"]
    assert {r["key"]: r["model_passages"] for r in summary if r["model_passages"] != "0"} == {"corpus/doc0.txt": "1"}
    compare = ["--db", str(db), "compare", "--table", "themes", "--themes", "ppe", "--format", "csv"]
    counted = CliRunner().invoke(cli, compare, catch_exceptions=False)
    rules = CliRunner().invoke(cli, [*compare, "--no-model-hits"], catch_exceptions=False)
    assert "1 of the" in counted.stderr and "learned layer alone" in counted.stderr
    assert "left out 1 passages only the learned layer coded" in rules.stderr
    counts = [int(next(csv.DictReader(r.stdout.splitlines()))["passages"]) for r in (counted, rules)]
    assert counts[0] == counts[1] + 1


TRANSCRIPT = [
    "Anna: Hur gick det med testningen på boendet i våras?",
    "Bo: Vi fick åka till vårdcentralen och ta prov på varandra i bilen.",
    "Bo: Och svaret kom aldrig.",
    "Anna: Vad gjorde ni då?",
    "Bo: Vi väntade och hoppades, det fanns inte mycket mer att göra.",
]


@pytest.mark.slow
def test_a_transcript_is_read_by_the_context_model_unless_switched_off(tmp_path: Path) -> None:
    """In a transcript the answer that names nothing ("Och svaret kom aldrig.") is coded through the lines before it,
    the same on two workers as in one process; the run records the context model; --no-context-model reads the
    transcript with the relief instead."""
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "intervju.txt").write_text("\n".join(TRANSCRIPT) + "\n", encoding="utf-8")
    db = tmp_path / "talk.db"
    invoke(db, "ingest", str(folder), "-q")
    tables = {}
    for name, options in (("on", []), ("workers", ["--workers", "2"]), ("off", ["--no-context-model"])):
        invoke(db, "themes", "--no-topics", *options, "--outputs", str(tmp_path / name))
        tables[name] = _rows(tmp_path / name)
    answer = [r for r in tables["on"] if "svaret kom aldrig" in r["quote"]]
    assert [(r["theme"], r["method"]) for r in answer] == [("testing", "model")]
    evidence = json.loads(answer[0]["evidence"])
    assert evidence["context_model"]["probability"] >= evidence["context_model"]["cut"]
    assert [{**r, "run": ""} for r in tables["on"]] == [{**r, "run": ""} for r in tables["workers"]]
    assert not [r for r in tables["off"] if "context_model" in r["evidence"]]
    summary = json.loads((_run_dir(tmp_path / "on") / "manifest.json").read_text(encoding="utf-8"))["summary"]
    assert summary["context_model"]["cut"] > 0.5 and summary["context_model"]["labelled"] >= 100
    off = json.loads((_run_dir(tmp_path / "off") / "manifest.json").read_text(encoding="utf-8"))["summary"]
    assert "context_model" not in off
