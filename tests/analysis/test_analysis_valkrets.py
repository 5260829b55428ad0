"""Riksdag constituencies map to regions, and the interpellation table gets a region for every row."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from paths import REPO, shared_path
from textsamverkan.analysis.valkrets import constituency_region


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Stockholms kommuns valkrets", "Stockholm"),
        ("Stockholms läns valkrets", "Stockholm"),
        ("Göteborgs kommuns valkrets", "Västra Götaland"),
        ("Malmö kommuns valkrets", "Skåne"),
        ("Västra Götalands läns västra valkrets", "Västra Götaland"),
        ("Skåne läns norra och östra valkrets", "Skåne"),
        ("Jämtlands läns valkrets", "Jämtland Härjedalen"),
        ("Gotlands läns valkrets", "Gotland"),
        ("Örebro läns valkrets", "Örebro"),
    ],
)
def test_constituency_names_map_to_regions(name: str, region: str) -> None:
    assert constituency_region(name) == region


def test_unknown_names_map_to_none() -> None:
    assert constituency_region("") is None
    assert constituency_region("Eskilstuna och Strängnäs valkrets") is None
    assert constituency_region("Södra sjukvårdsregionen") is None  # a group of regions is not a constituency


def test_every_constituency_of_2020_2021_maps() -> None:
    path = shared_path("data", "riksdagen", "persons", "member_of_parliament.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        districts = {r["district"] for r in csv.DictReader(handle)
                     if r["district"] and r["end"] >= "2020" and r["start"] <= "2021-12-31"}
    assert len(districts) == 29
    assert all(constituency_region(d) for d in districts), [d for d in districts if not constituency_region(d)]


def _manifest_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("riksdagen_manifest", REPO / "scripts" / "riksdagen_manifest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_manifest_has_one_row_per_interpellation_with_region(tmp_path: Path) -> None:
    shared = shared_path("data", "riksdagen").parents[1]
    manifest = _manifest_module()
    rows = manifest.build_rows(shared)
    assert len(rows) == 1382
    assert all(r["region"] for r in rows)
    assert {r["district_match"] for r in rows} == {"exact"}
    first = rows[0]
    assert first["dok_id"] == "H710243" and first["date"] == "2020-01-02" and first["party"] == "KD"
    assert first["region"] == "Jönköping" and first["subject"] == "Nedläggning av den nationella hjälplinjen"
    out = tmp_path / "ip.csv"
    assert manifest.main([str(out), "--shared", str(shared)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        back = list(csv.DictReader(handle))
    assert back[0]["text"] == first["text"] and list(back[0]) == manifest.COLUMNS


def test_manifest_rows_ingest_with_region_and_kind(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from textsamverkan.cli.main import cli
    from textsamverkan.store.db import connect
    from textsamverkan.store.documents import document_rows

    shared = shared_path("data", "riksdagen").parents[1]
    manifest = _manifest_module()
    rows = manifest.build_rows(shared)[:12]
    table = tmp_path / "ip.csv"
    manifest.write_rows(rows, table)
    db = tmp_path / "ip.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(table), "--kind", "interpellation"])
    assert result.exit_code == 0, result.output
    stored = document_rows(connect(db, must_exist=True))
    assert len(stored) == 12
    assert [r["region"] for r in stored] == [r["region"] for r in rows]
    assert {r["kind"] for r in stored} == {"interpellation"}
    assert stored[0]["doc_id"].endswith("#H710243")
