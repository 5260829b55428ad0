"""Where the UD treebanks and the build folder are, for every NLP build script (shared data beside the clone)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared" / "data" / "ud"
TB = SHARED / "UD_Swedish-Talbanken"
V1_TRAIN = TB / "v1.0-train" / "sv-ud-train.conll"
V2_DEV = TB / "sv_talbanken-ud-dev.conllu"
V2_TEST = TB / "sv_talbanken-ud-test.conllu"
PUD = SHARED / "UD_Swedish-PUD" / "sv_pud-ud-test.conllu"
