"""How well `is_person_label` tells people from headings, on data it was not written from.

Positives: names of members of the Swedish parliament (riksdagen-persons, name.csv), judged as full names and as
bare first names with no help from the text (the hardest case: "Olivia:"). Members born 1940-1969 were looked at
while writing the first-name list (dev); those born 1970 or later were not (held out). Negatives:
every distinct line-start `Label:` of 1–4 capitalised words in the government pages (markdown bold removed),
i.e. what a `name_colon` reading would propose there. Labels judged people are printed for inspection.

    python benchmarks/speakers/eval_label_likeness.py ../shared/data
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from textsamverkan.segment.name_likeness import is_person_label
from textsamverkan.segment.names import is_name_label


def _names(persons: Path, lo: str, hi: str) -> list[str]:
    """Primary names (two words or more) of members born in [lo, hi), one per person."""
    with (persons / "person.csv").open(encoding="utf-8") as handle:
        born = {r["person_id"]: r["born"][:4] for r in csv.DictReader(handle)}
    with (persons / "name.csv").open(encoding="utf-8") as handle:
        return [r["name"] for r in csv.DictReader(handle) if r["primary_name"] == "True"
                and lo <= born.get(r["person_id"], "") < hi and len(r["name"].split()) >= 2]


def main(data: Path) -> None:
    persons = data / "riksdagen" / "persons"
    for part, lo, hi in (("dev, born 1940-1969", "1940", "1970"), ("held out, born 1970-", "1970", "3000")):
        names = _names(persons, lo, hi)
        firsts = [n.split()[0] for n in names]
        distinct = sorted(set(firsts))
        full_ok = sum(is_person_label(n) for n in names)
        first_ok = sum(is_person_label(f) for f in firsts)
        distinct_ok = sum(is_person_label(f) for f in distinct)
        print(f"{part}: full names {full_ok}/{len(names)} = {full_ok / len(names):.3f}; bare first names "
              f"{first_ok}/{len(firsts)} people = {first_ok / len(firsts):.3f}, {distinct_ok}/{len(distinct)} "
              f"distinct names = {distinct_ok / len(distinct):.3f}")
    labels: set[str] = set()
    for page in (data / "regeringen_g0vse" / "docs").rglob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*(?:\*\*)?([^:*\n]{1,60}?)(?:\*\*)?\s*:(?:\*\*)?(?:\s|$)", line)
            if m and is_name_label(m.group(1).strip()):
                labels.add(m.group(1).strip())
    judged = sorted(label for label in labels if is_person_label(label))
    print(f"government-page labels of name shape: {len(labels)}; judged people: {len(judged)}")
    for label in judged:
        print("   ", label)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
