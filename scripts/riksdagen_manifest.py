"""Build a table of the Riksdag interpellations 2020–2021 with each author's region, ready for ingest.

One row per interpellation: dok_id, text (background and questions), title, date, author, party, region (from
the author's constituency on the day the interpellation was sent), district, recipient and source URL.

    python scripts/riksdagen_manifest.py OUT.csv [--shared ../shared]
    textsamverkan ingest OUT.csv --kind interpellation

The data come from ../shared/data/riksdagen (swerik-project; see the NOTES.md files there).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from textsamverkan.analysis.valkrets import constituency_region

COLUMNS = [
    "dok_id", "text", "title", "subject", "date", "author", "party", "gender", "region", "district",
    "district_match", "recipient", "recipient_party", "session", "keyword_match", "swerik_id", "source_url",
]
INTERPELLATIONS = Path("data/riksdagen/interpellations/interpellations_2020_2021.csv")
MANDATES = Path("data/riksdagen/persons/member_of_parliament.csv")


@dataclass(frozen=True)
class Mandate:
    """One period as member of parliament for one constituency."""

    start: str
    end: str
    district: str


def default_shared() -> Path:
    """../shared beside the repository (where CI and the workstations keep the shared data)."""
    return (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()


def read_mandates(path: Path) -> dict[str, list[Mandate]]:
    """Mandates per person id, with a district, ordered by start date."""
    mandates: dict[str, list[Mandate]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["district"].strip():
                mandates[row["person_id"]].append(Mandate(row["start"], row["end"] or "9999", row["district"]))
    for items in mandates.values():
        items.sort(key=lambda m: (m.start, m.end))
    return mandates


def district_on(mandates: list[Mandate], date: str) -> tuple[str, str]:
    """The district of the mandate covering `date` ("exact"), else of the mandate nearest in time ("nearest")."""
    covering = [m for m in mandates if m.start[: len(date)] <= date <= m.end.ljust(len(date), "9")]
    if covering:
        return covering[-1].district, "exact"
    if not mandates:
        return "", "none"
    nearest = min(mandates, key=lambda m: min(abs(_days(m.start) - _days(date)), abs(_days(m.end) - _days(date))))
    return nearest.district, "nearest"


def _days(date: str) -> int:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + (parts[2] - 1)


def subject(title: str) -> str:
    """'Interpellation 2020/21:267 av X (M) till Y (S) om Oberoende utredning' → 'Oberoende utredning'."""
    _, sep, rest = title.partition(" om ")
    return rest.strip() if sep else title.strip()


def build_rows(shared: Path) -> list[dict[str, str]]:
    """The manifest rows, in the order of the source table."""
    mandates = read_mandates(shared / MANDATES)
    csv.field_size_limit(2**31 - 1)
    rows: list[dict[str, str]] = []
    with (shared / INTERPELLATIONS).open(encoding="utf-8", newline="") as handle:
        for source in csv.DictReader(handle):
            district, match = district_on(mandates.get(source["author_id"], []), source["date_sent"])
            text = "\n\n".join(t.strip() for t in (source["context_text"], source["question_text"]) if t.strip())
            rows.append({
                "dok_id": source["source_url"].rstrip("/").rsplit("/", 1)[-1] or source["id"],
                "text": text,
                "title": source["title"],
                "subject": subject(source["title"]),
                "date": source["date_sent"],
                "author": source["author_name"],
                "party": source["author_party"],
                "gender": source["author_gender"],
                "region": constituency_region(district) or "",
                "district": district,
                "district_match": match,
                "recipient": source["recipient_name"],
                "recipient_party": source["recipient_party"],
                "session": source["session"],
                "keyword_match": source["keyword_match"],
                "swerik_id": source["id"],
                "source_url": source["source_url"],
            })
    return rows


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    """UTF-8 CSV with a header; the text column keeps its line breaks (quoted)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the CSV file to write (outside the repository, e.g. /tmp/ip.csv)")
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared data folder")
    args = parser.parse_args(argv)
    if not (args.shared / INTERPELLATIONS).is_file():
        print(f"error: {args.shared / INTERPELLATIONS} not found; pass --shared PATH", file=sys.stderr)
        return 2
    rows = build_rows(args.shared)
    write_rows(rows, args.out)
    regions = Counter(r["region"] or "(none)" for r in rows)
    matches = Counter(r["district_match"] for r in rows)
    print(f"{len(rows)} interpellations → {args.out}")
    print(f"district by date: {dict(matches)}; regions: {len(regions)}; without region: {regions.get('(none)', 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
