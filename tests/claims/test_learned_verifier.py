"""The learned verifier (claims/learned.py): it reads only candidates the rules judge `partly` for want of words,
lifts them to `supported` with its probability among the reasons, never touches a conflict or a missing number, date
or name; `link` gives the rules alone unless asked for it with `--learned-verifier`."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_linker import fake_linker

from textsamverkan.claims import learned
from textsamverkan.claims.evidence import Evidence
from textsamverkan.claims.verdict import Judgement, assess, one_line
from textsamverkan.errors import UserError

# a restatement in other words: the rules do not find "förebygga" in "arbetet mot"
RESTATED = "Myndigheten ska ta fram en vägledning för hur kommunerna kan förebygga ensamhet bland äldre."
SOURCE = ("Myndigheten får i uppdrag att utarbeta ett stöd till kommunerna i arbetet mot ofrivillig ensamhet hos äldre "
          "personer.")  # fmt: skip


def _judgement(statement: str, evidence: str) -> Judgement:
    verdict, confidence, reasons, words_only = assess(statement, evidence, evidence)
    return Judgement(verdict, confidence, Evidence(0, len(evidence), evidence, 0.0), reasons, words_only)


def test_only_a_partly_for_want_of_words_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def sure(statement: str, evidence: str) -> float:
        read.append(evidence)
        return 1.0

    monkeypatch.setattr(learned, "entailment", sure)
    number = _judgement("Regionen har anställt 300 sjuksköterskor.", "Regionen har anställt 30 sjuksköterskor.")
    missing_date = _judgement("Regionen anställde fler sjuksköterskor i april 2021.",
                              "Regionen anställde fler sjuksköterskor.")  # fmt: skip
    assert number.verdict == "contradicted" and not number.words_only
    assert missing_date.verdict == "partly" and not missing_date.words_only
    assert learned.second_look("x", [number, missing_date]) == [number, missing_date]
    assert read == []


def test_a_lift_keeps_the_rules_reasons_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "entailment", lambda statement, evidence: 0.9999)
    j = _judgement(RESTATED, SOURCE)
    assert j.verdict == "partly" and j.words_only
    (lifted,) = learned.second_look(RESTATED, [j])
    assert lifted.verdict == "supported"
    assert lifted.reasons["learned"]["entailment"] == 0.9999
    assert lifted.reasons["missing"] == j.reasons["missing"]
    assert one_line(lifted.reasons).startswith("said in other words (learned verifier 1.000)")
    monkeypatch.setattr(learned, "entailment", lambda statement, evidence: 0.5)
    assert learned.second_look(RESTATED, [j]) == [j]


def test_the_model_reads_at_most_three_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(learned, "entailment", lambda s, e: read.append(e) or 0.0)
    learned.second_look(RESTATED, [_judgement(RESTATED, SOURCE)] * 5)
    assert len(read) == learned.MODEL_CANDIDATES


def test_the_linker_lifts_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "entailment", lambda statement, evidence: 0.9999)
    linker = fake_linker([SOURCE, "Kommunen bygger en ny förskola."], [0.9, 0.1])
    assert linker.link(RESTATED, k=2).verdict == "partly"
    result = linker.link(RESTATED, k=2, learned=True)
    assert result.verdict == "supported"
    assert result.decided_by is not None and "learned" in result.supports[result.decided_by].judgement.reasons  # type: ignore[union-attr]


def test_a_missing_model_is_a_coded_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TEXTSAMVERKAN_MODELS", str(tmp_path))
    learned.manifest.cache_clear()
    try:
        with pytest.raises(UserError) as err:
            learned.second_look(RESTATED, [_judgement(RESTATED, SOURCE)])
        assert err.value.code == "E402" and "--no-learned-verifier" in err.value.hint
    finally:
        learned.manifest.cache_clear()


def test_the_bundled_model_lifts_a_restatement_and_not_another_goal() -> None:
    """The shipped weights load on the built e5-small-sv and separate a restatement from a statement of another aim
    that the rules also judge `partly` for want of words."""
    other_goal = "Myndigheten ska ta fram en vägledning för hur kommunerna kan bygga fler äldreboenden."
    restated, other = _judgement(RESTATED, SOURCE), _judgement(other_goal, SOURCE)
    assert restated.words_only and other.words_only
    assert [j.verdict for j in learned.second_look(RESTATED, [restated])] == ["supported"]
    assert [j.verdict for j in learned.second_look(other_goal, [other])] == ["partly"]


def test_a_group_of_people_swapped_is_never_read() -> None:
    """"barn" for the evidence's "äldre" is a near-miss the rules already see; the model is not asked."""
    swapped = _judgement(RESTATED.replace("äldre", "barn"), SOURCE)
    assert swapped.verdict == "partly" and not swapped.words_only


def test_link_lifts_with_learned_verifier_and_not_by_default(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from paths import REPO

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "from textsamverkan.cli.main import main; main()", "--db", str(tmp_path / "w.db"),
             *args], capture_output=True, text=True, cwd=REPO, timeout=600,
        )  # fmt: skip

    (tmp_path / "uppdrag.txt").write_text(f"Uppdrag om ensamhet\n\n{SOURCE}\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text(RESTATED + "\n", encoding="utf-8")
    assert run("ingest", str(tmp_path / "uppdrag.txt")).returncode == 0
    learned = run("link", str(tmp_path / "s.txt"), "-k", "1", "--learned-verifier", "--format", "json")
    default = run("link", str(tmp_path / "s.txt"), "-k", "1", "--format", "json")
    assert learned.returncode == 0 and default.returncode == 0, learned.stderr + default.stderr
    (lifted,), (ruled,) = json.loads(learned.stdout), json.loads(default.stdout)
    assert lifted["status"] == "supported" and lifted["reasons"]["learned"]["entailment"] >= 0.99
    assert ruled["status"] == "partly" and "learned" not in ruled["reasons"]


def test_a_verifier_without_its_base_model_is_a_coded_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil

    (tmp_path / learned.MODEL_NAME).mkdir()
    shutil.copy(learned.model_path() / learned.MANIFEST, tmp_path / learned.MODEL_NAME / learned.MANIFEST)
    monkeypatch.setenv("TEXTSAMVERKAN_MODELS", str(tmp_path))
    learned.manifest.cache_clear()
    learned._model.cache_clear()
    try:
        with pytest.raises(UserError) as err:
            learned.entailment(RESTATED, SOURCE)
        assert err.value.code == "E402" and "is not built" in err.value.message and "make models" in err.value.hint
    finally:
        learned.manifest.cache_clear()
        learned._model.cache_clear()
