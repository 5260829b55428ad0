"""Swedish region names normalised to the 21 regions, and the six healthcare regions kept as named groups."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

REGIONS = (
    "Blekinge",
    "Dalarna",
    "Gotland",
    "Gävleborg",
    "Halland",
    "Jämtland Härjedalen",
    "Jönköping",
    "Kalmar",
    "Kronoberg",
    "Norrbotten",
    "Skåne",
    "Stockholm",
    "Södermanland",
    "Uppsala",
    "Värmland",
    "Västerbotten",
    "Västernorrland",
    "Västmanland",
    "Västra Götaland",
    "Örebro",
    "Östergötland",
)

# The six healthcare regions (sjukvårdsregioner): kept as a group, not collapsed into one region.
GROUPS = {
    "Södra sjukvårdsregionen": ("Skåne", "Blekinge", "Halland", "Kronoberg"),
    "Västra sjukvårdsregionen": ("Västra Götaland", "Halland"),
    "Sydöstra sjukvårdsregionen": ("Östergötland", "Jönköping", "Kalmar"),
    "Sjukvårdsregion Stockholm-Gotland": ("Stockholm", "Gotland"),
    "Sjukvårdsregion Mellansverige": (
        "Uppsala",
        "Södermanland",
        "Värmland",
        "Örebro",
        "Västmanland",
        "Dalarna",
        "Gävleborg",
    ),
    "Norra sjukvårdsregionen": ("Västerbotten", "Norrbotten", "Västernorrland", "Jämtland Härjedalen"),
}
NATIONAL = "national"

_ALIASES = {
    "vgr": "Västra Götaland",
    "vastra gotalandsregionen": "Västra Götaland",
    "vastra gotaland": "Västra Götaland",
    "vastra gotalands": "Västra Götaland",
    "sormland": "Södermanland",
    "sodermanlands": "Södermanland",
    "jamtland": "Jämtland Härjedalen",
    "harjedalen": "Jämtland Härjedalen",
    "jamtlands": "Jämtland Härjedalen",
    "jamtland harjedalen": "Jämtland Härjedalen",
    "rjl": "Jönköping",
    "jonkopings": "Jönköping",
    "sll": "Stockholm",
    "stockholms": "Stockholm",
    "skanes": "Skåne",
    "uppsala": "Uppsala",
    "orebro": "Örebro",
    "gotlands": "Gotland",
    "kalmar": "Kalmar",
    "blekinge": "Blekinge",
    "hallands": "Halland",
    "kronobergs": "Kronoberg",
    "varmlands": "Värmland",
    "vastmanlands": "Västmanland",
    "dalarnas": "Dalarna",
    "gavleborgs": "Gävleborg",
    "vasternorrlands": "Västernorrland",
    "vasterbottens": "Västerbotten",
    "norrbottens": "Norrbotten",
    "ostergotlands": "Östergötland",
}
_NATIONAL = {"national", "nationell", "nationellt", "riket", "sverige", "hela landet", "sweden", "riks"}
_GROUP_ALIASES = {
    "sodra sjukvardsregionen": "Södra sjukvårdsregionen",
    "sodra regionvardsnamnden": "Södra sjukvårdsregionen",
    "vastra sjukvardsregionen": "Västra sjukvårdsregionen",
    "sydostra sjukvardsregionen": "Sydöstra sjukvårdsregionen",
    "sjukvardsregion stockholm-gotland": "Sjukvårdsregion Stockholm-Gotland",
    "stockholm-gotland": "Sjukvårdsregion Stockholm-Gotland",
    "sjukvardsregion mellansverige": "Sjukvårdsregion Mellansverige",
    "mellansverige": "Sjukvårdsregion Mellansverige",
    "norra sjukvardsregionen": "Norra sjukvårdsregionen",
}


def fold(name: str) -> str:
    """Lower-case ASCII key: diacritics stripped, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", ascii_only).strip().casefold()


_BY_FOLD = {fold(r): r for r in REGIONS}


@dataclass(frozen=True)
class RegionName:
    """A normalised region: one of the 21 regions, a healthcare-region group, 'national', or unknown (as written)."""

    name: str
    members: tuple[str, ...] = ()
    known: bool = True


@lru_cache(maxsize=1 << 16)
def normalise_region(value: str) -> RegionName:
    """'Västra Götalandsregionen', 'VGR', 'Region Skåne', 'Skåne län' → the region's short name (cached: claim
    checking asks it of every capitalised run of words it reads)."""
    key = fold(value)
    if not key:
        return RegionName("", known=False)
    if key in _NATIONAL:
        return RegionName(NATIONAL)
    if key in _GROUP_ALIASES:
        group = _GROUP_ALIASES[key]
        return RegionName(group, GROUPS[group])
    key = re.sub(r"^(?:region|landstinget|regionen)\s+", "", key)
    key = re.sub(r"\s+(?:lans?|landsting|regionen)\b.*$", "", key)
    key = re.sub(r"regionen$", "", key).strip()
    if key in _BY_FOLD:
        return RegionName(_BY_FOLD[key])
    if key in _ALIASES:
        return RegionName(_ALIASES[key])
    if key.endswith("s") and key[:-1] in _BY_FOLD:
        return RegionName(_BY_FOLD[key[:-1]])
    return RegionName(value.strip(), known=False)
