"""The QDPX reader does not trust its input: sizes and compression ratios are checked before anything is read,
members nobody refers to are never read, and bad positions are coded errors naming the file and the element."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from textsamverkan.errors import E_MALFORMED, E_TOO_LARGE, UserError
from textsamverkan.export import qdpx_read
from textsamverkan.export.qda_types import Coding, QdaCode, QdaSource
from textsamverkan.export.qdpx import project_xml, write_qdpx
from textsamverkan.export.qdpx_read import read_qdpx

TEXT = "Skyddsutrustningen räckte inte till alla."
CODES = [QdaCode("ppe", "Skyddsutrustning")]


def _project(tmp_path: Path, start: str = "0", end: str = "16") -> Path:
    xml = project_xml([QdaSource("s1", "Källa", TEXT)], CODES, [Coding("s1", 0, 16, "ppe")]).decode("utf-8")
    xml = xml.replace('startPosition="0"', f'startPosition="{start}"').replace(
        'endPosition="16"', f'endPosition="{end}"')
    path = tmp_path / "p.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name in _source_members(xml):
            archive.writestr(name, TEXT)
    return path


def _source_members(xml: str) -> list[str]:
    start = xml.index("internal://") + len("internal://")
    return ["sources/" + xml[start : xml.index('"', start)]]


def test_a_member_far_larger_than_its_compressed_size_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_qdpx(tmp_path / "ok.qdpx", [QdaSource("s1", "Källa", TEXT)], CODES, [Coding("s1", 0, 16, "ppe")])
    with zipfile.ZipFile(path) as archive:
        entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            # the source text is padded with 8 MB of zeros: it compresses about 1000 to 1
            archive.writestr(name, data + b"\0" * (8 << 20) if name.startswith("sources/") else data)
    read_calls: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        read_calls.append(getattr(name, "filename", str(name)))
        return original(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(UserError) as info:
        read_qdpx(bomb)
    assert info.value.code == E_TOO_LARGE
    assert "bomb.qdpx" in info.value.message and "sources/" in info.value.message
    assert not any(name.startswith("sources/") for name in read_calls)


def test_a_member_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qdpx_read, "MAX_MEMBER_BYTES", 1000)
    path = write_qdpx(tmp_path / "big.qdpx", [QdaSource("s1", "Källa", "x" * 5000)], CODES, [])
    with pytest.raises(UserError) as info:
        read_qdpx(path)
    assert info.value.code == E_TOO_LARGE


def test_members_nobody_refers_to_are_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sources/thumbnail.bin", b"\0" * (8 << 20))
        archive.writestr("sources/other.txt", "not referenced")
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", str(name)))
        return original(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    project = read_qdpx(path)
    assert project.sources[0].text == TEXT
    assert "sources/thumbnail.bin" not in opened and "sources/other.txt" not in opened


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("abc", "16", "startPosition 'abc' is not a whole number"),
        ("0", "1e3", "endPosition '1e3' is not a whole number"),
        ("-5", "16", "negative"),
        ("10", "4", "ends before it starts"),
        ("0", "99999999999999999999999", "beyond the end"),
        ("0", "42", "beyond the end"),
    ],
)
def test_bad_positions_are_coded_errors_naming_file_and_element(
    tmp_path: Path, start: str, end: str, words: str
) -> None:
    path = _project(tmp_path, start, end)
    with pytest.raises(UserError) as info:
        read_qdpx(path)
    assert info.value.code == E_MALFORMED
    message = info.value.message
    assert "p.qdpx" in message and "PlainTextSelection" in message and "Källa" in message
    assert words in message


def test_a_selection_ending_exactly_at_the_end_of_the_text_is_fine(tmp_path: Path) -> None:
    project = read_qdpx(_project(tmp_path, "0", str(len(TEXT))))
    assert project.codings[0].end == len(TEXT)
