"""Riksdag constituencies (valkretsar) mapped to the 21 regions, so MPs' texts can be compared by region.

County constituencies ("Skåne läns norra och östra valkrets", "Västra Götalands läns västra valkrets") name
their county, which `normalise_region` understands; the three city constituencies do not, hence the table.
"""

from __future__ import annotations

import re

from textsamverkan.ingest.regions import fold, normalise_region

# City constituencies (kommunvalkretsar) → the region the municipality lies in.
CITY_CONSTITUENCIES = {
    "stockholms kommun": "Stockholm",
    "stockholm": "Stockholm",
    "goteborgs kommun": "Västra Götaland",
    "goteborg": "Västra Götaland",
    "malmo kommun": "Skåne",
    "malmo": "Skåne",
}


def constituency_region(name: str) -> str | None:
    """'Göteborgs kommuns valkrets' → 'Västra Götaland'; None when the name is not a known constituency."""
    key = fold(name)
    key = re.sub(r"\s+valkrets$", "", key).strip()
    key = re.sub(r"\bkommuns$", "kommun", key)
    if not key:
        return None
    if key in CITY_CONSTITUENCIES:
        return CITY_CONSTITUENCIES[key]
    region = normalise_region(key)
    return region.name if region.known and not region.members and region.name != "national" else None
