"""Build the bundled Swedish thesaurus (claim verification, codebook suggestions) from LibreOffice's th_sv_SE.

The source is Viggo Kann's synonym list as shipped with LibreOffice (Debian package `mythes-sv`:
/usr/share/mythes/th_sv_SE_v2.dat, ISO-8859-1, MyThes format: "word|n" then n lines "|synonym|synonym…"). This
script keeps single-word entries and synonyms only, lower-cases them, converts to UTF-8 and writes one line per
headword ("word synonym synonym …") to src/textsamverkan/nlp/thesaurus_sv.txt with the original notice and a
note that it was modified, as its licence asks.

    apt-get install mythes-sv   # or take th_sv_SE_v2.dat from the LibreOffice dictionaries
    .venv/bin/python scripts/nlp/build_thesaurus.py /usr/share/mythes/th_sv_SE_v2.dat
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "textsamverkan" / "nlp" / "thesaurus_sv.txt"
NOTICE = """\
# Swedish synonyms, one headword per line followed by its synonyms.
# Source: th_sv_SE (LibreOffice Swedish thesaurus), Copyright 2009 Viggo Kann.
# THIS MATERIAL IS PROVIDED AS IS, WITH ABSOLUTELY NO WARRANTY EXPRESSED OR IMPLIED. ANY USE IS AT YOUR OWN RISK.
# Permission is hereby granted to use or copy this program for any purpose, provided the above notices are retained
# on all copies. Permission to modify the code and to distribute modified code is granted, provided the above
# notices are retained, and a notice that the code was modified is included with the above copyright notice.
# Modified for textsamverkan (scripts/nlp/build_thesaurus.py): converted to UTF-8, lower-cased, entries and
# synonyms of more than one word left out.
"""


def single_word(text: str) -> bool:
    """A word of letters (and hyphens) only, at least three long."""
    return len(text) >= 3 and " " not in text and all(c.isalpha() or c == "-" for c in text)


def read_mythes(path: Path) -> dict[str, set[str]]:
    """Headword → synonyms from a MyThes .dat file (single words only)."""
    lines = path.read_bytes().decode("iso-8859-1").splitlines()
    table: dict[str, set[str]] = {}
    head = ""
    for line in lines[1:]:
        if not line.startswith("|"):
            head = line.split("|", 1)[0].strip().lower()
            continue
        if not single_word(head):
            continue
        synonyms = {s.strip().lower() for s in line.split("|")[1:]}
        table.setdefault(head, set()).update(s for s in synonyms if single_word(s) and s != head)
    return {head: synonyms for head, synonyms in table.items() if synonyms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="th_sv_SE_v2.dat")
    args = parser.parse_args()
    table = read_mythes(args.source)
    body = "".join(f"{head} {' '.join(sorted(table[head]))}\n" for head in sorted(table))
    OUT.write_text(NOTICE + body, encoding="utf-8")
    print(f"{len(table)} headwords → {OUT}")


if __name__ == "__main__":
    main()
