"""Build the bundled Swedish valence lexicon (claim verification: an evaluative word swapped for its opposite) from
the Swedish translation of VADER.

The source is `vader_lexicon.txt` of the PyPI package vadersentiment-swedish 1.0.3 (MIT licence; VADER by C.J.
Hutto, Swedish translation by its package authors): one entry per line, "token<TAB>mean valence<TAB>…", valence
from -4 to 4. This script keeps entries that are single Swedish words (letters, at least three), their mean valence
only, and writes them with the licence notice to src/textsamverkan/nlp/valence_sv.txt.

    .venv/bin/pip download --no-deps vadersentiment-swedish==1.0.3 && tar xzf vaderSentiment-swedish-1.0.3.tar.gz
    .venv/bin/python scripts/nlp/build_valence.py vaderSentiment-swedish-1.0.3/vaderSentiment/vader_lexicon.txt
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "textsamverkan" / "nlp" / "valence_sv.txt"
NOTICE = """\
# Swedish words and their valence (-4 very negative … 4 very positive), one per line: "word valence".
# Source: vader_lexicon.txt of vadersentiment-swedish 1.0.3, the Swedish translation of VADER
# (Valence Aware Dictionary and sEntiment Reasoner, Hutto & Gilbert 2014).
# The MIT License (MIT). Copyright (c) 2016 C.J. Hutto.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
# permit persons to whom the Software is furnished to do so, subject to the following conditions: The above
# copyright notice and this permission notice shall be included in all copies or substantial portions of the
# Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
# LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT
# SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
# CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
# IN THE SOFTWARE.
# Modified for textsamverkan (scripts/nlp/build_valence.py): single words of letters only, lower-cased, the mean
# valence only.
"""


def entries(path: Path) -> dict[str, float]:
    """Word → mean valence, for entries that are one word of at least three letters."""
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        word = cells[0].strip().lower()
        if len(word) >= 3 and all(c.isalpha() for c in word):
            table.setdefault(word, float(cells[1]))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lexicon", type=Path, help="vader_lexicon.txt of vadersentiment-swedish")
    args = parser.parse_args()
    table = entries(args.lexicon)
    OUT.write_text(NOTICE + "".join(f"{w} {v:g}\n" for w, v in sorted(table.items())), encoding="utf-8")
    print(f"{len(table)} words → {OUT}")


if __name__ == "__main__":
    main()
