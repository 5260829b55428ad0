"""Build the bundled Stanza model models/stanza_sv with Stanza's own training tools, offline, from open data.

    python scripts/nlp/build_stanza.py prepare     # Stanza's dataset preparation (needs convert_ud.py output)
    python scripts/nlp/build_stanza.py tokenize    # tokenizer + sentence splitter (~5 min)
    python scripts/nlp/build_stanza.py vectors     # build_vectors.py: open-text word vectors for the tagger
    python scripts/nlp/build_stanza.py pos         # UPOS/XPOS/FEATS tagger on those vectors (~25 min)
    python scripts/nlp/build_stanza.py lemma       # seq2seq + dictionary lemmatizer (~8 min)
    python scripts/nlp/build_stanza.py assemble    # copy models + write textsamverkan_stanza.json
    python scripts/nlp/build_stanza.py all

Data: build/nlp/ud/stanza_ud/UD_Swedish-Talbanken (train = Talbanken v1 converted + v2 dev + PUD, dev = held-out
tenth, test = Talbanken v2 test), written by convert_ud.py. No charlm, no downloads (`--no_charlm`, `--gold`),
seeds fixed, one thread. Small settings keep the models small and the training inside the time budget.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_spacy import write_train_forms

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORK = REPO / "build" / "nlp" / "stanza"
OUT = REPO / "models" / "stanza_sv"
TREEBANK = "UD_Swedish-Talbanken"
VERSION = "0.2.0"
PRETRAIN = REPO / "build" / "nlp" / "vectors" / "sv_open.pretrain.pt"


def run(module: str, *args: str) -> None:
    env = dict(
        os.environ,
        UDBASE=str(REPO / "build" / "nlp" / "ud" / "stanza_ud"),
        DATA_ROOT=str(WORK / "data"),
        STANZA_RESOURCES_DIR=str(WORK / "resources"),
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
    )
    cmd = [sys.executable, "-m", module, *args]
    print("+", " ".join(cmd), flush=True)
    WORK.mkdir(parents=True, exist_ok=True)
    subprocess.run(cmd, check=True, env=env, cwd=WORK)


def prepare() -> None:
    run("stanza.utils.datasets.prepare_tokenizer_treebank", TREEBANK)
    run("stanza.utils.datasets.prepare_pos_treebank", TREEBANK)
    run("stanza.utils.datasets.prepare_lemma_treebank", TREEBANK, "--gold")


def tokenize() -> None:
    run("stanza.utils.training.run_tokenizer", TREEBANK, "--no_charlm", "--save_dir", "saved_models/tokenize",
        "--steps", "600", "--seed", "1234")


def pos() -> None:
    run("stanza.utils.training.run_pos", TREEBANK, "--no_charlm", "--save_dir", "saved_models/pos",
        "--wordvec_pretrain_file", str(PRETRAIN), "--max_steps", "500", "--eval_interval", "100",
        "--fix_eval_interval", "--hidden_dim", "128", "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "128",
        "--composite_deep_biaff_hidden_dim", "64", "--word_emb_dim", "50", "--num_layers", "1",
        "--batch_size", "100", "--log_step", "10", "--seed", "1234")


def lemma() -> None:
    run("stanza.utils.training.run_lemma", TREEBANK, "--no_charlm", "--save_dir", "saved_models/lemma",
        "--num_epoch", "3", "--batch_size", "200", "--seed", "1234")


def assemble() -> None:
    """Copy the trained files into models/stanza_sv and describe them in textsamverkan_stanza.json."""
    OUT.mkdir(parents=True, exist_ok=True)
    found = {
        "tokenize": sorted((WORK / "saved_models" / "tokenize").glob("sv_talbanken*tokenizer.pt")),
        "pos": sorted((WORK / "saved_models" / "pos").glob("sv_talbanken*tagger.pt")),
        "lemma": sorted((WORK / "saved_models" / "lemma").glob("sv_talbanken*lemmatizer.pt")),
    }
    processors: dict[str, str] = {}
    for proc, files in found.items():
        if files:
            shutil.copyfile(files[0], OUT / f"{proc}.pt")
            processors[proc] = f"{proc}.pt"
    manifest: dict[str, object] = {
        "name": "stanza_sv_textsamverkan",
        "version": VERSION,
        "language": "sv",
        "processors": processors,
        "license": "CC BY-SA 4.0 (derived from UD Swedish-Talbanken and UD Swedish-PUD)",
    }
    if "pos" in processors:
        shutil.copyfile(PRETRAIN, OUT / "pretrain.pt")
        manifest["pretrain"] = {"pos": "pretrain.pt"}
    write_train_forms(OUT / "train_forms.txt")  # the same list as the spaCy model's, for the lemma fallback
    # Stanza reads resources.json even when every model path is given; an empty one means "nothing to download".
    (OUT / "resources.json").write_text("{}\n", encoding="utf-8")
    (OUT / "textsamverkan_stanza.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"wrote {OUT} ({size / 1e6:.1f} MB): {processors}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["prepare", "tokenize", "vectors", "pos", "lemma", "assemble", "all"])
    step = ap.parse_args().step
    if step in ("prepare", "all"):
        prepare()
    if step in ("tokenize", "all"):
        tokenize()
    if step in ("vectors", "all"):
        subprocess.run([sys.executable, str(HERE / "build_vectors.py")], check=True)
    if step in ("pos", "all"):
        pos()
    if step in ("lemma", "all"):
        lemma()
    if step in ("assemble", "all"):
        assemble()


if __name__ == "__main__":
    main()
