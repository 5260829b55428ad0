"""Inputs a hostile or unlucky user gives ingest (and link): each is stored or gets a coded, actionable error, and the
run record is finished; nothing hangs, crashes or is dropped silently."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from textsamverkan.claims.link import read_statements_with_notes
from textsamverkan.errors import E_BINARY, E_OPTION, E_TOO_LARGE, ReadError, UserError
from textsamverkan.ingest.document_builder import TurnOptions
from textsamverkan.ingest.pipeline import FileOutcome, IngestOptions, ingest_paths
from textsamverkan.ingest.readers import read_file
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.segment.turn_formats import compile_user_pattern, split_lines
from textsamverkan.store import connect

TEXT = "Samverkan mellan regionen och kommunerna fungerade bra under våren.\n"


def _runs(db: Path) -> list[str]:
    with sqlite3.connect(db) as raw:
        return [r[0] for r in raw.execute("SELECT status FROM runs")]


def _only(outcomes: list[FileOutcome], status: str) -> list[FileOutcome]:
    return [o for o in outcomes if o.status == status]


# --- item 5: a file name that is not UTF-8 --------------------------------------------------------------------------


def test_a_non_utf8_file_name_is_stored_and_the_run_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "namn"
    folder.mkdir()
    bad = os.fsdecode(b"caf\xe9 r\xf6st.txt")  # Latin-1 bytes in a file name
    (folder / bad).write_text(TEXT, encoding="utf-8")
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "t.db"
    conn = connect(db)
    summary = ingest_paths(conn, [folder], IngestOptions())
    assert not summary.failed, summary.failed
    ids = sorted(i for o in summary.outcomes for i in o.doc_ids)
    assert ids == ["namn/caf\\xe9 r\\xf6st.txt", "namn/ok.txt"]
    for outcome in summary.outcomes:
        outcome.path.encode("utf-8")  # printable on a UTF-8 terminal
    assert _runs(db) == ["complete"]  # finished, not left "running"
    again = ingest_paths(conn, [folder], IngestOptions())
    assert {o.status for o in again.outcomes} == {"unchanged"}


def test_a_non_utf8_name_given_directly_and_failing_still_finishes_the_run(tmp_path: Path) -> None:
    bad = tmp_path / os.fsdecode(b"tom\xff.txt")
    bad.write_bytes(b"")
    db = tmp_path / "t.db"
    summary = ingest_paths(connect(db), [bad], IngestOptions())
    [failed] = summary.failed
    assert "[E102]" in failed.error and "tom\\xff.txt" in failed.error
    assert _runs(db) == ["complete"]  # finished (a failed file does not fail the ingest run), not left "running"


# --- item 7: a speaker pattern that backtracks ----------------------------------------------------------------------


def test_a_catastrophic_speaker_pattern_stops_with_e301() -> None:
    text = "a" * 40 + "!\n" + "Anna: hej\n"
    find = compile_user_pattern(r"^(?P<speaker>(a|aa)+)$", seconds=0.5)
    started = time.monotonic()
    with pytest.raises(UserError) as err:
        find(text, split_lines(text))
    assert time.monotonic() - started < 20  # the timeout is checked coarsely; `re` would run for hours
    assert err.value.code == E_OPTION and "backtracks" in err.value.message


@pytest.mark.parametrize(("pattern", "fails"), [(r"^(?P<speaker>(a+)+)$", False), (r"^(?P<speaker>(a|aa)+)$", True)])
def test_ingest_with_a_catastrophic_pattern_never_hangs(tmp_path: Path, pattern: str, fails: bool) -> None:
    path = tmp_path / "a.txt"
    path.write_text("a" * 40 + "!\nAnna: hej\n", encoding="utf-8")
    started = time.monotonic()
    summary = ingest_paths(connect(tmp_path / "t.db"), [path], IngestOptions(turns=TurnOptions(pattern=pattern)))
    assert time.monotonic() - started < 30
    assert [("[E301]" in f.error) for f in summary.failed] == ([True] if fails else [])


def test_an_ordinary_pattern_still_finds_speakers() -> None:
    text = "Anna: hej\nBo: hallå\n"
    headers = compile_user_pattern(r"^(?P<speaker>[A-ZÅÄÖ][a-zåäö]+):")(text, split_lines(text))
    assert [h.label for h in headers] == ["Anna", "Bo"]


# --- item 8: link's statements file ---------------------------------------------------------------------------------


def test_statements_in_cp1252_are_decoded_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes("Äldreomsorgen saknade skyddsutrustning.\nVården blev bättre.\n".encode("cp1252"))
    statements, notes = read_statements_with_notes(path)
    assert statements == ["Äldreomsorgen saknade skyddsutrustning.", "Vården blev bättre."]
    assert any("1252" in n for n in notes)
    table = tmp_path / "s.csv"
    table.write_bytes("id;statement\n1;Är det så?\n".encode("cp1252"))
    assert read_statements_with_notes(table)[0] == ["Är det så?"]


def test_a_binary_statements_file_is_e103(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReadError) as err:
        read_statements_with_notes(path)
    assert err.value.code == E_BINARY


# --- item 9: the smaller ones ---------------------------------------------------------------------------------------


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(TEXT.encode(encoding))
        [doc] = list(read_file(path))
        assert doc.text == TEXT


def test_text_with_nul_bytes_suggests_encoding(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Hej\x00 d\x00\x00r.\x00\n\x00\x00\x00\x01")
    with pytest.raises(ReadError) as err:
        list(read_file(path))
    assert err.value.code == E_BINARY and "--encoding" in err.value.hint


def test_mixed_separators_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,text,region\n1,Första raden,Skåne\n2,Andra raden;Halland\n", encoding="utf-8")
    docs = list(read_file(path))
    notes = [n for d in docs for n in d.notes]
    assert any("row 2" in n and "';'" in n for n in notes), notes


def test_symlink_loops_and_dangling_links_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "länkar"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    summary = ingest_paths(connect(tmp_path / "t.db"), [folder], IngestOptions())
    skipped = {Path(o.path).name: o.notes[0] for o in _only(summary.outcomes, "skipped")}
    assert "dangling" in skipped["dangling.txt"]
    assert "loops" in skipped["self.txt"]
    assert "folder" in skipped["loop"]
    assert len(_only(summary.outcomes, "stored")) == 1


def test_an_unreadable_file_is_e112_not_please_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr("textsamverkan.ingest.pipeline.file_sha256", lambda p: "0" * 64)
    [failed] = ingest_paths(connect(tmp_path / "t.db"), [path], IngestOptions()).failed
    assert "[E112]" in failed.error and "Permission denied" in failed.error and "report" not in failed.error


def _rewrite_member(path: Path, member: str, change: callable) -> None:  # type: ignore[valid-type]
    with zipfile.ZipFile(path) as source:
        entries = [(i.filename, source.read(i)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            target.writestr(name, change(data) if name == member else data)


def test_docx_external_entity_keeps_the_text_after_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Före MARK efter.")
    path = tmp_path / "xxe.docx"
    document.save(str(path))

    def inject(data: bytes) -> bytes:
        head, rest = data.split(b"?>", 1)
        doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        return head + b"?>" + doctype + rest.replace(b"MARK", b"&xxe;")

    _rewrite_member(path, "word/document.xml", inject)
    [doc] = list(read_file(path))
    assert doc.text == "Före  efter." and "root:" not in doc.text


def _docx_with_member(tmp_path: Path, name: str, megabytes: int) -> Path:
    document = docx.Document()
    document.add_paragraph(TEXT.strip())
    path = tmp_path / "bomb.docx"
    document.save(str(path))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package, package.open(name, "w") as member:
        block = b"\0" * (1 << 20)
        for _ in range(megabytes):
            member.write(block)
    return path


def test_docx_bomb_in_an_image_is_never_decompressed(tmp_path: Path) -> None:
    path = _docx_with_member(tmp_path, "docProps/thumbnail.jpeg", 400)
    assert path.stat().st_size < 3 * 1024 * 1024
    code = (
        "from pathlib import Path; from textsamverkan.ingest.readers import read_file;"
        f"[d] = list(read_file(Path({str(path)!r}))); assert d.text.startswith('Samverkan'), d.text;"
        "print(next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM')) // 1024)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) < 250, f"peak memory {proc.stdout.strip()} MB"


@pytest.mark.parametrize(("megabytes", "words"), [(120, "unpacks to"), (10, "expands")])
def test_docx_bomb_in_xml_is_refused_from_its_declared_size_or_ratio(
    tmp_path: Path, megabytes: int, words: str
) -> None:
    path = _docx_with_member(tmp_path, "customXml/item9.xml", megabytes)
    started = time.monotonic()
    with pytest.raises(ReadError) as err:
        list(read_file(path, ReadOptions(max_file_mb=25)))
    assert err.value.code == E_TOO_LARGE and words in err.value.message
    assert time.monotonic() - started < 10
