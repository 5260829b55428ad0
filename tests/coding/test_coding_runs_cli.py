"""Human coding in the loop through the CLI: a two-coder QDPX round trip (export → a second coder's edits → import →
agree → export with both users, valid REFI-QDA) and a review round trip (sample → filled sheet → precision with
interval → corrected run read by compare, export and report)."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook

from paths import SEEDS, shared_path
from textsamverkan.cli.main import cli
from textsamverkan.coding.measures import wilson_interval
from textsamverkan.coding.qdpx_import import import_codings
from textsamverkan.errors import UserError
from textsamverkan.export.qda_types import QdaCode
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, list_doc_ids
from textsamverkan.store.runs import get_run

NS = "{urn:QDA-XML:project:1.0}"


def invoke(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def fails(db: Path, *args: str) -> UserError:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert isinstance(result.exception, UserError), result.output
    return result.exception


@pytest.fixture()
def coded(tmp_path: Path) -> tuple[Path, str]:
    """A workspace with the sample corpus coded once; returns the database and the themes run id."""
    db = tmp_path / "t.db"
    invoke(db, "ingest", str(SEEDS), "-q")
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"))
    runs = json.loads(invoke(db, "runs", "--stage", "themes", "--format", "json"))
    return db, runs[0]["run_id"]


def _validate(path: Path) -> etree._Element:
    schema = etree.XMLSchema(etree.parse(str(shared_path("schemas", "refi-qda", "Project-mrt2019.xsd"))))
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(root), schema.error_log
    return root


def _selection(source: etree._Element, guid: str, user: str, start: int, end: int, code: str) -> None:
    sel = etree.SubElement(source, NS + "PlainTextSelection", guid=guid, name="Anna", startPosition=str(start),
                           endPosition=str(end), creatingUser=user)
    coding = etree.SubElement(sel, NS + "Coding", guid=guid[:-1] + "f", creatingUser=user)
    etree.SubElement(coding, NS + "CodeRef", targetGUID=code)


def _code_guid(root: etree._Element, name: str) -> str:
    return next(c.get("guid") for c in root.iter(NS + "Code") if c.get("name") == name)


def _second_coder(exported: Path, edited: Path) -> dict[str, tuple[str, int, int]]:
    """Anna's edits in a QDA tool: she codes one of the tool's PPE selections exactly, one of its testing selections
    10 characters shorter at the start, and 50 characters with a code of her own; she deletes one of the tool's
    selections. Returns her selections by code name (document id, start, end)."""
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(members["project.qde"])
    anna = "aaaaaaaa-0000-4000-8000-000000000001"
    etree.SubElement(root.find(NS + "Users"), NS + "User", guid=anna, name="Anna")
    own = "aaaaaaaa-0000-4000-8000-000000000002"
    etree.SubElement(root.find(NS + "CodeBook/" + NS + "Codes"), NS + "Code", guid=own, name="Egen kod",
                     isCodable="true")
    ppe, testing = _code_guid(root, "Skyddsutrustning"), _code_guid(root, "Testning och smittspårning")

    def first_with(code: str) -> tuple[etree._Element, etree._Element]:
        for source in root.iter(NS + "TextSource"):
            for sel in source.iter(NS + "PlainTextSelection"):
                refs = [r.get("targetGUID") for r in sel.iter(NS + "CodeRef")]
                if refs == [code]:
                    return source, sel
        raise AssertionError(code)

    def doc_id(source: etree._Element) -> str:
        return source.findtext(NS + "Description").removeprefix("textsamverkan document ")

    mine = {}
    source, sel = first_with(ppe)
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    _selection(source, "aaaaaaaa-0000-4000-8000-000000000010", anna, start, end, ppe)
    mine["ppe"] = (doc_id(source), start, end)
    source, sel = first_with(testing)
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    _selection(source, "aaaaaaaa-0000-4000-8000-000000000020", anna, start + 10, end, testing)
    mine["testing"] = (doc_id(source), start + 10, end)
    _selection(source, "aaaaaaaa-0000-4000-8000-000000000030", anna, 0, 50, own)
    mine["own"] = (doc_id(source), 0, 50)
    source, sel = first_with(_code_guid(root, "Läkarmedverkan"))
    source.remove(sel)
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return mine


def test_two_coders_round_trip_through_import_agree_and_export(coded: tuple[Path, str], tmp_path: Path) -> None:
    db, tool_run = coded
    invoke(db, "export", "--format", "qdpx", "-o", str(tmp_path / "tool.qdpx"))
    exported = _validate(tmp_path / "tool.qdpx")
    assert len(list(exported.iter(NS + "TextSource"))) == len(list(SEEDS.glob("*.txt")))
    memos = [d.text or "" for d in exported.iter(NS + "PlainTextSelection") for d in d.iter(NS + "Description")]
    assert memos and all("automatic coding" in m for m in memos) and any(" matched: " in m for m in memos)
    mine = _second_coder(tmp_path / "tool.qdpx", tmp_path / "anna.qdpx")

    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(tmp_path / "anna.qdpx")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    runs = dict(re.findall(r"^(\S+): run (\S+),", result.stdout, flags=re.M))
    assert sorted(runs) == ["Anna", "textsamverkan"]
    assert "not in the codebook were added: Egen kod" in result.stderr
    anna_run = runs["Anna"]
    conn = connect(db)
    record = get_run(conn, anna_run)
    conn.close()
    assert record is not None and record.stage == "themes"
    assert record.manifest["method"] == "human" and record.manifest["coder"] == "Anna"
    assert "imported_egen_kod:" in record.manifest["codebook"]["yaml"]
    current = {r["run_id"] for r in json.loads(invoke(db, "runs", "--format", "json")) if r["current"]}
    assert tool_run in current and anna_run not in current  # the automatic coding stays current

    # the tool's own codings came back as the tool's coder, less the one Anna deleted
    tool_back = json.loads(invoke(db, "agree", "--run", tool_run, "--against", runs["textsamverkan"], "--format",
                                  "json", "--bootstrap", "0"))
    pooled = tool_back[-1]
    assert pooled["code"] == "(all codes)" and pooled["only_b"] == 0 and pooled["only_a"] > 0

    disagreements = tmp_path / "disagreements.csv"
    rows = json.loads(invoke(db, "agree", "--run", tool_run, "--against", anna_run, "--format", "json",
                             "--disagreements", str(disagreements)))
    by_code = {r["code_id"]: r for r in rows}
    _doc, start, end = mine["ppe"]
    assert by_code["ppe"]["both"] == end - start and by_code["ppe"]["only_b"] == 0
    assert by_code["ppe"]["precision"] == 1.0 and by_code["ppe"]["coder_b"] == "Anna"
    assert (by_code["imported_egen_kod"]["only_b"], by_code["imported_egen_kod"]["both"]) == (50, 0)
    assert by_code["imported_egen_kod"]["code"] == "Egen kod"
    pooled = by_code["(all codes)"]
    assert pooled["kappa_low"] <= pooled["kappa"] <= pooled["kappa_high"]
    with disagreements.open(encoding="utf-8-sig") as handle:
        listed = list(csv.DictReader(handle))
    kinds = {(r["code"], r["difference"]) for r in listed}
    assert ("testing", "boundaries differ") in kinds and ("imported_egen_kod", "only Anna") in kinds
    assert ("ppe", "only textsamverkan") in kinds and ("ppe", "boundaries differ") not in kinds

    # the file itself, one of its coders, against the tool's run: the same counts with the roles swapped
    from_file = {r["code_id"]: r for r in json.loads(invoke(
        db, "agree", str(tmp_path / "anna.qdpx"), "--coder", "Anna", "--format", "json", "--bootstrap", "0"))}
    assert (from_file["ppe"]["both"], from_file["ppe"]["only_a"]) == (end - start, 0)
    assert from_file["ppe"]["only_b"] == by_code["ppe"]["only_a"]
    assert fails(db, "agree", str(tmp_path / "anna.qdpx"), "--coder", "Nobody").code == "E301"

    # characters are not the only unit; sentences and MAXQDA-style segments work between runs too
    sentences = json.loads(invoke(db, "agree", "--run", tool_run, "--against", anna_run, "--units", "sentences",
                                  "--format", "json", "--bootstrap", "0"))
    assert {r["unit"] for r in sentences} == {"sentence"}
    segments = {r["code_id"]: r for r in json.loads(invoke(
        db, "agree", "--run", tool_run, "--against", anna_run, "--units", "segments", "--format", "json",
        "--bootstrap", "0", "--exclude-uncoded"))}
    assert segments["ppe"]["both"] == 1 and segments["ppe"]["kappa_bp"] is not None

    # both coders in one project, the researcher as its user
    invoke(db, "export", "--format", "qdpx", "--run", tool_run, "--run", anna_run, "--user", "Forskare",
           "-o", str(tmp_path / "both.qdpx"))
    root = _validate(tmp_path / "both.qdpx")
    assert sorted(u.get("name") for u in root.iter(NS + "User")) == ["Anna", "Forskare", "textsamverkan"]
    assert len(list(root.iter(NS + "TextSource"))) == len(list(SEEDS.glob("*.txt")))
    conn = connect(db)
    texts = {d: get_document(conn, d, layers=[]).text for d in list_doc_ids(conn)}
    conn.close()
    back = import_codings(tmp_path / "both.qdpx", texts, [QdaCode("ppe", "Skyddsutrustning")])
    anna = {(c.source, c.start, c.end) for c in back.by_coder["Anna"]}
    assert anna == set(mine.values())
    assert len(back.by_coder["textsamverkan"]) > len(anna)

    # the human run is readable wherever a coding run is
    comparison = json.loads(invoke(db, "compare", "--run", anna_run, "--by", "kind", "--format", "json"))
    assert {c["theme"] for c in comparison} == {"ppe", "testing", "imported_egen_kod"}
    invoke(db, "report", "--run", anna_run, "-o", str(tmp_path / "anna.html"))
    assert "Egen kod" in (tmp_path / "anna.html").read_text(encoding="utf-8")

    # the consensus meeting's report: every listed disagreement links to its passage marked in the document
    invoke(db, "report", "--run", tool_run, "--against", anna_run, "--sources", "cited", "-o",
           str(tmp_path / "consensus.html"))
    html = (tmp_path / "consensus.html").read_text(encoding="utf-8")
    section = html[html.index('<section id="disagreements">'):]
    section = section[: section.index("</section>")]
    links = re.findall(r'href="#(p-[0-9a-f]+)"', section)
    assert len(links) == len(listed) and all(f'id="{anchor}"' in html for anchor in links)
    assert "only Anna" in section and "Egen kod" in section


def test_agree_needs_a_file_or_a_second_run(coded: tuple[Path, str], tmp_path: Path) -> None:
    db, tool_run = coded
    assert fails(db, "agree").code == "E301"
    assert fails(db, "agree", "--run", tool_run, "--against", tool_run).code == "E301"
    invoke(db, "export", "--format", "qdpx", "-o", str(tmp_path / "t.qdpx"))
    assert fails(db, "agree", str(tmp_path / "t.qdpx"), "--against", tool_run).code == "E301"
    assert fails(db, "export", "--format", "csv", "-o", str(tmp_path / "c"), "--run", tool_run, "--run",
                 tool_run).code == "E301"


def test_import_of_an_edited_text_names_the_source(coded: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = coded
    invoke(db, "export", "--format", "qdpx", "-o", str(tmp_path / "t.qdpx"))
    with zipfile.ZipFile(tmp_path / "t.qdpx") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    source = next(n for n in members if n.startswith("sources/"))
    members[source] = members[source].replace(b"a", b"e", 1)
    with zipfile.ZipFile(tmp_path / "edited.qdpx", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    error = fails(db, "import", str(tmp_path / "edited.qdpx"))
    assert error.code == "E111" and "first difference at character" in str(error)


def test_review_round_trip_gives_precision_and_a_corrected_run(coded: tuple[Path, str], tmp_path: Path) -> None:
    db, tool_run = coded
    sheet = tmp_path / "ppe.xlsx"
    out = invoke(db, "review", "ppe", "-n", "5", "--uncoded", "3", "--seed", "7", "-o", str(sheet))
    assert "5 of 10 hits of ppe" in out and tool_run in out
    book = load_workbook(sheet)
    rows = book.active
    header = [c.value for c in rows[1]]
    col = {name: header.index(name) for name in header}
    hits = [r for r in rows.iter_rows(min_row=2) if r[col["kind"]].value == "hit"]
    uncoded = [r for r in rows.iter_rows(min_row=2) if r[col["kind"]].value == "uncoded"]
    assert len(hits) == 5 and len(uncoded) == 3 and {r[col["run"]].value for r in hits} == {tool_run}
    for i, row in enumerate(hits):
        row[col["decision"]].value = "drop" if i == 0 else "keep"
    for i, row in enumerate(uncoded):
        row[col["decision"]].value = "ja" if i == 0 else "nej"
    book.save(sheet)
    dropped = (hits[0][col["doc_id"]].value, int(hits[0][col["start"]].value), int(hits[0][col["end"]].value))
    added = (uncoded[0][col["doc_id"]].value, int(uncoded[0][col["start"]].value), int(uncoded[0][col["end"]].value))

    out = invoke(db, "review", "--read", str(sheet), "--corrected", "--training", str(tmp_path / "train.csv"))
    figures = dict(re.findall(r"^(\w+): (.*)$", out, flags=re.M))
    low, high = wilson_interval(4, 5) or (0.0, 0.0)
    assert figures["precision"] == "0.8000"
    assert (float(figures["precision_low"]), float(figures["precision_high"])) == pytest.approx((low, high), abs=1e-4)
    assert figures["estimated_missed"] == f"{1 / 3 * int(figures['uncoded_population']):.4f}"
    review_run = re.search(r"^review run (\S+)$", out, flags=re.M)
    corrected = re.search(r"^corrected coding run (\S+) ", out, flags=re.M)
    assert review_run and corrected
    conn = connect(db)
    review = get_run(conn, review_run.group(1))
    fixed = get_run(conn, corrected.group(1))
    conn.close()
    assert review is not None and review.stage == "review" and review.input_runs == {"themes": tool_run}
    assert review.manifest["summary"]["precision"] == pytest.approx(0.8)
    assert fixed is not None and fixed.stage == "themes" and fixed.manifest["corrects"] == tool_run
    with (tmp_path / "train.csv").open(encoding="utf-8-sig") as handle:
        assert sorted(int(r["label"]) for r in csv.DictReader(handle)) == [0, 0, 0, 1, 1, 1, 1, 1]

    run_id = corrected.group(1)
    invoke(db, "export", "--format", "json", "--run", run_id, "-o", str(tmp_path / "fixed.json"))
    passages = json.loads((tmp_path / "fixed.json").read_text(encoding="utf-8"))["tables"]["passages"]
    ppe = {(p["doc_id"], p["start"], p["end"]): p for p in passages if p["theme"] == "ppe"}
    assert len(ppe) == 10 and dropped not in ppe and ppe[added]["method"] == "human"
    comparison = json.loads(invoke(db, "compare", "--run", run_id, "--by", "corpus", "--format", "json"))
    assert next(c for c in comparison if c["theme"] == "ppe")["passages"] == 10
    invoke(db, "report", "--run", run_id, "-o", str(tmp_path / "fixed.html"))
    assert "Skyddsutrustning" in (tmp_path / "fixed.html").read_text(encoding="utf-8")
    current = {r["run_id"] for r in json.loads(invoke(db, "runs", "--format", "json")) if r["current"]}
    assert tool_run in current and run_id not in current


def test_review_refuses_a_sheet_whose_hits_are_not_in_the_run(coded: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = coded
    sheet = tmp_path / "s.csv"
    invoke(db, "review", "ppe", "-n", "3", "-o", str(sheet))
    with sheet.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["start"] = str(int(rows[0]["start"]) + 1)
    for row in rows:
        row["decision"] = "keep"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    error = fails(db, "review", "--read", str(sheet))
    assert error.code == "E106" and "not hits of run" in str(error)
    assert fails(db, "review", "no_such_code", "-o", str(tmp_path / "x.csv")).code == "E109"


def test_an_imported_run_is_read_only_when_named_even_with_corpus_scoped_runs(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    invoke(db, "ingest", str(SEEDS), "-q")
    corpus = json.loads(invoke(db, "corpus", "--format", "json"))[0]["corpus"]
    invoke(db, "themes", "--no-topics", "--corpus", corpus, "--outputs", str(tmp_path / "runs"))
    tool_run = json.loads(invoke(db, "runs", "--stage", "themes", "--format", "json"))[0]["run_id"]
    invoke(db, "export", "--format", "qdpx", "-o", str(tmp_path / "t.qdpx"))
    imported = CliRunner().invoke(cli, ["--db", str(db), "import", str(tmp_path / "t.qdpx"), "--coder", "Bo"])
    bo_run = re.search(r"^Bo: run (\S+),", imported.stdout, flags=re.M)
    assert bo_run and bo_run.group(1) != tool_run
    result = CliRunner().invoke(cli, ["--db", str(db), "compare", "--format", "json"], catch_exceptions=False)
    assert f"using themes run {tool_run}" in result.stderr
    made_current = CliRunner().invoke(cli, ["--db", str(db), "import", str(tmp_path / "t.qdpx"), "--coder", "Cy",
                                            "--corpus", corpus, "--make-current"])
    cy_run = re.search(r"^Cy: run (\S+),", made_current.stdout, flags=re.M)
    assert cy_run
    result = CliRunner().invoke(cli, ["--db", str(db), "compare", "--corpus", corpus], catch_exceptions=False)
    assert f"using themes run {cy_run.group(1)}" in result.stderr
