"""Build the bundled spaCy pipeline models/sv_core_textsamverkan from ../shared/data, step by step.

    python scripts/nlp/build_spacy.py data       # convert UD + NER data (convert_ud.py, convert_ner.py, DocBins)
    python scripts/nlp/build_spacy.py pretrain   # pretrain the UD tok2vec on open Swedish text (~30 min)
    python scripts/nlp/build_spacy.py train-ud   # tok2vec+morphologizer+trainable_lemmatizer+parser+senter (~25 min)
    python scripts/nlp/build_spacy.py train-ner  # NER with its own tok2vec on the klintan corpus (~5 min)
    python scripts/nlp/build_spacy.py assemble   # UD pipeline + sourced NER + abbreviations -> models/
    python scripts/nlp/build_spacy.py all

Training runs on one CPU thread with seed 0 (configs in scripts/nlp/configs/). Intermediate files go to
build/nlp/ (git-ignored). LinES is never used for training (non-commercial licence); Talbanken v2 test and the
NER test split are used only by benchmarks/nlp/eval_nlp.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BUILD = REPO / "build" / "nlp"
PRETRAIN = BUILD / "pretrain"
OUT = REPO / "models" / "sv_core_textsamverkan"
VERSION = "0.2.0"
V2_WEIGHT = 3  # Talbanken v2 dev sentences count three times: they alone follow the test set's conventions

# Swedish abbreviations spaCy's sv tokenizer exceptions split (checked with spacy 3.8: "prop." -> "prop", ".").
EXTRA_ABBREVIATIONS = (
    "ca.", "prop.", "st.", "nr.", "bet.", "dnr.", "ff.", "fr.a.", "enl.", "avd.", "uppl.", "mom.",
    "mdkr.", "tkr.", "resp.", "förf.", "inkl.", "exkl.", "ang.",
)


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    subprocess.run(cmd, check=True, env=env, cwd=REPO)


def data() -> None:
    py = sys.executable
    run([py, str(HERE / "convert_ud.py"), "--report", "--v2-weight", str(V2_WEIGHT)])
    run([py, str(HERE / "convert_ner.py")])
    for split in ("train", "dev", "test"):
        run([py, "-m", "spacy", "convert", str(BUILD / "ud" / f"{split}.conllu"), str(BUILD / "spacy"),
             "-c", "conllu", "-n", "10", "-l", "sv"])


def pretrain() -> None:
    """Pretrain the UD config's tok2vec (spaCy's character objective) on the open Swedish text of build_vectors.py."""
    from build_vectors import open_text_paragraphs

    PRETRAIN.mkdir(parents=True, exist_ok=True)
    raw = PRETRAIN / "raw.jsonl"
    with raw.open("w", encoding="utf-8") as fh:
        for paragraph in open_text_paragraphs(BUILD / "ud" / "train.conllu"):
            fh.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
    run([sys.executable, "-m", "spacy", "pretrain", str(HERE / "configs" / "spacy_ud.cfg"), str(PRETRAIN / "out"),
         "--paths.raw_text", str(raw), "--system.seed", "0"])


def train(config: str, train_path: Path, dev_path: Path, out: Path, *extra: str) -> None:
    run([sys.executable, "-m", "spacy", "train", str(HERE / "configs" / config), "--output", str(out),
         "--paths.train", str(train_path), "--paths.dev", str(dev_path), "--system.seed", "0", *extra])


def assemble() -> None:
    """Join the UD pipeline and the NER component, add abbreviations, set meta, write models/ and its vocab list."""
    import spacy

    nlp = spacy.load(BUILD / "spacy" / "ud_model" / "model-best")
    ner_nlp = spacy.load(BUILD / "spacy" / "ner_model" / "model-best")
    # give the NER its own copy of its tok2vec so it can live beside the UD tok2vec
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    # before the parser and senter: spaCy's NER never lets an entity cross a sentence start, so a wrong boundary
    # would cut names; it was trained on text without sentence boundaries, as it now runs
    nlp.add_pipe("ner", source=ner_nlp, before="parser")
    tokenizer: Any = nlp.tokenizer
    for abbr in EXTRA_ABBREVIATIONS:
        for form in (abbr, abbr[0].upper() + abbr[1:]):
            tokenizer.add_special_case(form, [{"ORTH": form}])
    nlp.disable_pipe("senter")  # as in sv_core_news_*: the parser segments; the backend enables senter without it
    nlp.meta.update(
        {
            "name": "core_textsamverkan",
            "version": VERSION,
            "description": "Swedish pipeline for textsamverkan: tokenizer with Swedish abbreviations, UPOS and "
            "morphology, trainable lemmatizer, dependency parser, sentence segmenter, NER (PER/ORG/LOC/MISC). "
            "Trained on UD Talbanken (v1.0 train converted and harmonised to today's v2 annotation, v2 dev), UD "
            "Swedish PUD and the klintan Swedish NER corpus; the UD tok2vec was pretrained on public Swedish text "
            "(Riksdag interpellations, regeringen.se pages).",
            "license": "CC BY-SA 4.0",
            "author": "textsamverkan",
            "sources": [
                {"name": "UD_Swedish-Talbanken (v1.0 train, v2 dev)", "license": "CC BY-SA 4.0",
                 "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken"},
                {"name": "UD_Swedish-PUD", "license": "CC BY-SA 4.0",
                 "url": "https://github.com/UniversalDependencies/UD_Swedish-PUD"},
                {"name": "klintan/swedish-ner-corpus", "license": "CC BY 4.0",
                 "url": "https://github.com/klintan/swedish-ner-corpus"},
            ],
        }
    )
    OUT.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(OUT)
    write_train_forms(OUT / "train_forms.txt")
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"wrote {OUT} ({size / 1e6:.1f} MB)")


def write_train_forms(path: Path) -> None:
    """Lower-cased word forms of the UD training data: the lemma fallback treats other forms as unseen."""
    forms: set[str] = set()
    for line in (BUILD / "ud" / "train.conllu").read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            forms.add(line.split("\t")[1].lower())
    path.write_text("\n".join(sorted(forms)) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["data", "pretrain", "train-ud", "train-ner", "assemble", "all"])
    step = ap.parse_args().step
    if step in ("data", "all"):
        data()
    if step in ("pretrain", "all"):
        pretrain()
    if step in ("train-ud", "all"):
        spacy_dir = BUILD / "spacy"
        # the weights after the last pretraining epoch ([pretraining] max_epochs in the config) start the tok2vec
        train("spacy_ud.cfg", spacy_dir / "train.spacy", spacy_dir / "dev.spacy", spacy_dir / "ud_model",
              "--paths.init_tok2vec", str(PRETRAIN / "out" / "model-last.bin"))
    if step in ("train-ner", "all"):
        ner_dir = BUILD / "ner"
        train("spacy_ner.cfg", ner_dir / "train.spacy", ner_dir / "dev.spacy", BUILD / "spacy" / "ner_model")
    if step in ("assemble", "all"):
        assemble()


if __name__ == "__main__":
    main()
