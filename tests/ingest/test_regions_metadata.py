"""Region names, kinds and dates normalised; manifests read with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.ingest.metadata import normalise_metadata, read_manifest
from textsamverkan.ingest.regions import REGIONS, normalise_region


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Västra Götalandsregionen", "Västra Götaland"),
        ("VGR", "Västra Götaland"),
        ("Region Skåne", "Skåne"),
        ("Skåne län", "Skåne"),
        ("Stockholms läns landsting", "Stockholm"),
        ("Region Sörmland", "Södermanland"),
        ("Jönköpings län", "Jönköping"),
        ("Region Jämtland Härjedalen", "Jämtland Härjedalen"),
        ("vastra gotaland", "Västra Götaland"),
        ("Västra Götalands läns norra", "Västra Götaland"),
        ("Riket", "national"),
    ],
)
def test_region_names(written: str, expected: str) -> None:
    assert normalise_region(written).name == expected


def test_all_21_regions_and_the_southern_group() -> None:
    assert len(REGIONS) == 21
    assert all(normalise_region(f"Region {r}").name == r for r in REGIONS)
    south = normalise_region("Södra sjukvårdsregionen")
    assert south.name == "Södra sjukvårdsregionen"
    assert set(south.members) == {"Skåne", "Blekinge", "Halland", "Kronoberg"}


def test_metadata_normalised_with_notes() -> None:
    result = normalise_metadata(
        {"region": "VGR", "kind": "Podcast", "date": "2020-05-03 kl 10", "extra": " x "}
    )
    assert result.values == {
        "region": "Västra Götaland",
        "region_as_written": "VGR",
        "kind": "transcript",
        "date": "2020-05-03",
        "extra": "x",
        "language": "sv",
    }
    odd = normalise_metadata({"region": "Atlantis", "kind": "roman", "date": "våren"})
    assert len(odd.notes) == 3 and odd.values["region"] == "Atlantis"


def test_manifest_without_file_column(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("name,title\na.txt,A\n", encoding="utf-8")
    with pytest.raises(UserError, match="no column naming the files") as err:
        read_manifest(manifest)
    assert err.value.code == "E108"
