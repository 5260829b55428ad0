"""Build the Swedish training data for the bundled pipelines from ../shared/data (licence-clean sources only).

Sources (all CC BY-SA 4.0): Talbanken UD v1.0 train (no lemmas, UD v1 labels), Talbanken UD v2 dev, Swedish PUD.
LinES (non-commercial) is never read here; Talbanken v2 *test* is only copied for evaluation.

Steps for the v1 file:
1. UD v1 → v2 with udapi's `ud.Convert1to2` (dobj→obj, nsubjpass→nsubj:pass, neg→advmod, mwe→fixed, name→flat:name,
   nmod→obl under predicates, CONJ→CCONJ, copula→AUX, ...), then fixes udapi leaves: aux/aux:pass verbs → AUX,
   the v1 tag `DT` → PRON for possessives (SUC `PS`) else DET, `obl:poss`→`nmod:poss`, `nmod:agent`→`obl:agent`.
2. Talbanken's own v1 → v2 re-annotation restored where udapi cannot know it (harmonise_v1.py: negation PART,
   subjunctions, comparatives, infinitive markers, adjectival quantifiers, word-by-word multiword expressions,
   closed-class UPOS re-keyed from the v2 data).
3. Morphological features re-keyed to v2 conventions: (form, XPOS) → the most frequent v2 FEATS seen in the
   lemma-bearing v2 data, else XPOS → most frequent v2 FEATS, else the converted v1 FEATS.
4. Lemmas filled deterministically: (form, XPOS) → most frequent v2 lemma, else (form, UPOS), else simplemma's
   Swedish lexicon (lower-cased except proper nouns). `--report` measures this fill on Talbanken v2 test.
5. `# text` and `SpaceAfter=No` rebuilt with a small detokenizer (v1 has neither), so tokenizers can train.

Output (default build/nlp/ud): train.conllu, dev.conllu (every 10th sentence of the combined set, held out for
model selection), test.conllu (Talbanken v2 test, untouched), and a Stanza-style UD tree under stanza_ud/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conllu import DEPREL, FEATS, FORM, HEAD, LEMMA, MISC, UPOS, XPOS, Sentence, read_conllu, write_conllu
from harmonise_v1 import Tree, harmonise, unfix_prepositional
from ud_paths import PUD, REPO, V1_TRAIN, V2_DEV, V2_TEST

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "»"}
NO_SPACE_AFTER = {"(", "[", "{", "«"}
QUOTES = {'"', "'", "”", "“", "’"}


def udapi_convert(path: Path) -> list[Sentence]:
    """Run udapi's UD v1 → v2 conversion (a subprocess, so udapi stays a build-time tool only)."""
    udapy = Path(sys.executable).with_name("udapy")
    out = subprocess.run(
        [str(udapy), "-q", "read.Conllu", f"files={path}", "ud.Convert1to2", "write.Conllu"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    tmp = REPO / "build" / "nlp" / "_udapi.conllu"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(out, encoding="utf-8")
    return list(read_conllu(tmp))


def fix_v1(sent: Sentence) -> None:
    """Label fixes udapi's generic conversion leaves for Talbanken v1 (see module docstring)."""
    for r in sent.words:
        if r[UPOS] == "DT":
            r[UPOS] = "PRON" if r[XPOS].startswith("PS") else "DET"
        if r[DEPREL] in {"aux", "aux:pass", "cop"} and r[UPOS] == "VERB":
            r[UPOS] = "AUX"
        if r[DEPREL] == "obl:poss":
            r[DEPREL] = "nmod:poss"
        if r[DEPREL] == "nmod:agent":
            r[DEPREL] = "obl:agent"


def detokenize(sent: Sentence) -> None:
    """Set SpaceAfter=No by simple punctuation rules and add `# text` (v1 has no raw text)."""
    words = sent.words
    open_quote = False
    for i, r in enumerate(words):
        nxt = words[i + 1][FORM] if i + 1 < len(words) else None
        no_space = False
        if r[FORM] in NO_SPACE_AFTER:
            no_space = True
        if r[FORM] in QUOTES:
            if not open_quote:
                no_space = True
            open_quote = not open_quote
        if nxt is not None and (nxt in NO_SPACE_BEFORE or (nxt in QUOTES and open_quote)):
            no_space = True
        misc = [m for m in r[MISC].split("|") if m and m != "_" and m != "SpaceAfter=No"]
        if no_space and nxt is not None:
            misc.append("SpaceAfter=No")
        r[MISC] = "|".join(misc) if misc else "_"
    sent.comments = [c for c in sent.comments if not c.startswith("# text")]
    sent.comments.append("# text = " + sent.text())


class Lexicon:
    """Most frequent lemma and FEATS per (form, XPOS) and per (form, UPOS) from lemma-bearing v2 data."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.lemma_fx: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.lemma_fu: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.feats_fx: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.feats_x: dict[str, Counter[str]] = defaultdict(Counter)
        for s in sentences:
            for r in s.words:
                form = r[FORM].lower()
                self.lemma_fx[form, r[XPOS]][r[LEMMA]] += 1
                self.lemma_fu[form, r[UPOS]][r[LEMMA]] += 1
                self.feats_fx[form, r[XPOS]][r[FEATS]] += 1
                self.feats_x[r[XPOS]][r[FEATS]] += 1

    def lemma(self, form: str, upos: str, xpos: str) -> tuple[str, str]:
        """A lemma for the token and the source that gave it ("form+xpos", "form+upos", "simplemma")."""
        from simplemma import lemmatize

        key = form.lower()
        if (key, xpos) in self.lemma_fx:
            return self.lemma_fx[key, xpos].most_common(1)[0][0], "form+xpos"
        if (key, upos) in self.lemma_fu:
            return self.lemma_fu[key, upos].most_common(1)[0][0], "form+upos"
        if upos == "PROPN":
            return form, "propn"
        if upos in {"PUNCT", "NUM", "SYM"}:
            return form, "identity"
        return lemmatize(form, lang="sv").lower(), "simplemma"

    def feats(self, form: str, xpos: str, current: str) -> str:
        key = form.lower()
        if (key, xpos) in self.feats_fx:
            return self.feats_fx[key, xpos].most_common(1)[0][0]
        if xpos in self.feats_x:
            return self.feats_x[xpos].most_common(1)[0][0]
        return current


def fill(sentences: list[Sentence], lex: Lexicon) -> Counter[str]:
    """Fill lemmas and re-key FEATS in place; return how many lemmas came from each source."""
    sources: Counter[str] = Counter()
    for s in sentences:
        for r in s.words:
            r[LEMMA], src = lex.lemma(r[FORM], r[UPOS], r[XPOS])
            r[FEATS] = lex.feats(r[FORM], r[XPOS], r[FEATS])
            sources[src] += 1
    return sources


def measure_fill(lex: Lexicon) -> dict[str, float]:
    """Accuracy of the deterministic lemma and FEATS fill on Talbanken v2 test (gold UPOS/XPOS as input)."""
    total = lemma_ok = feats_ok = 0
    by_src: Counter[str] = Counter()
    by_src_ok: Counter[str] = Counter()
    for s in read_conllu(V2_TEST):
        for r in s.words:
            lemma, src = lex.lemma(r[FORM], r[UPOS], r[XPOS])
            total += 1
            by_src[src] += 1
            if lemma == r[LEMMA]:
                lemma_ok += 1
                by_src_ok[src] += 1
            feats_ok += lex.feats(r[FORM], r[XPOS], "_") == r[FEATS]
    out = {"tokens": total, "lemma_acc": lemma_ok / total, "feats_acc": feats_ok / total}
    for src, n in by_src.items():
        out[f"lemma_acc[{src}]"] = by_src_ok[src] / n
        out[f"share[{src}]"] = n / total
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "nlp" / "ud")
    ap.add_argument("--report", action="store_true", help="measure the lemma/feats fill on Talbanken v2 test")
    ap.add_argument("--v2-weight", type=int, default=1, help="times each Talbanken v2 dev training sentence is used")
    ap.add_argument("--no-harmonise", action="store_true",
                    help="skip harmonise_v1.py (the data models/stanza_sv 0.1.0 was trained on)")
    args = ap.parse_args()
    out: Path = args.out

    v2_dev = list(read_conllu(V2_DEV))
    v2 = v2_dev + list(read_conllu(PUD))
    lex = Lexicon(v2)
    v1 = udapi_convert(V1_TRAIN)
    unfixed = 0
    for i, s in enumerate(v1, 1):
        fix_v1(s)
        unfixed += unfix_prepositional(Tree(s))
        detokenize(s)
        s.comments = [f"# sent_id = tb-v1-train-{i}", *[c for c in s.comments if c.startswith("# text")]]
    harmonised = Counter() if args.no_harmonise else harmonise(v1, v2)
    sources = fill(v1, lex)
    labels = Counter(r[DEPREL] for s in v1 for r in s.words)
    assert all(int(r[HEAD]) >= 0 for s in v1 for r in s.words)

    combined = v1 + v2
    train = [s for i, s in enumerate(combined) if i % 10 != 9]
    dev = [s for i, s in enumerate(combined) if i % 10 == 9]
    # Talbanken v2 dev is the only data in exactly the target conventions: give it more weight by repetition
    tb_v2 = range(len(v1), len(v1) + len(v2_dev))
    train += [combined[i] for i in tb_v2 if i % 10 != 9] * (args.v2_weight - 1)
    write_conllu(train, out / "train.conllu")
    write_conllu(dev, out / "dev.conllu")
    shutil.copyfile(V2_TEST, out / "test.conllu")
    # Stanza expects UD_<Treebank>/<shorthand>-ud-<split>.conllu under a UD base directory.
    sdir = out / "stanza_ud" / "UD_Swedish-Talbanken"
    sdir.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        shutil.copyfile(out / f"{split}.conllu", sdir / f"sv_talbanken-ud-{split}.conllu")
    summary: dict[str, object] = {
        "train_sentences": len(train),
        "dev_sentences": len(dev),
        "v1_lemma_sources": dict(sources),
        "v1_prepositional_mwe_reanalysed": unfixed,
        "v1_harmonised_to_v2": dict(harmonised.most_common()),
        "v1_deprels": dict(labels.most_common()),
    }
    if args.report:
        summary["fill_on_talbanken_test"] = measure_fill(lex)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
