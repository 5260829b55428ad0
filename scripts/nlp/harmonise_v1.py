"""Bring converted Talbanken UD v1 trees in line with the annotation of today's Talbanken v2.

udapi's generic `ud.Convert1to2` renames labels but cannot know how Talbanken itself was re-annotated between UD v1
and v2. Comparing the converted v1 training file with the v2 dev set and PUD (`python scripts/nlp/harmonise_v1.py`
prints the comparison) shows systematic differences that teach a model the wrong conventions, for example:
"inte" ADV (v1) vs PART (v2), "när"/"då" advmod vs SCONJ+mark, "än"/"som" CCONJ vs SCONJ/ADP, prepositions before an
infinitive `case` vs `mark`, "andra/många/samma/hela" DET+det vs ADJ+amod, verb particles ADP vs ADV, and many
multiword expressions ("den här", "även om", "på grund av", "när det gäller") that v1 marks `fixed` and v2 analyses
word by word, and clefts ("Det är X som ...") where v1 lets "är" head a `dep` predicate. Each rule below restores
one such convention; closed-class UPOS is then re-keyed from the v2 data by (form, relation). Rules only fire on the
exact configuration they describe, and a sentence left with a cycle or an extra root is restored as it was.
"""

from __future__ import annotations

import copy
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conllu import DEPREL, FORM, HEAD, ID, UPOS, XPOS, Sentence

Row = list[str]

NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
NOMINAL_PARENTS = {"NOUN", "PROPN", "PRON"}  # "i dag" under these is `nmod`; under a numeral it stays `obl`
VERBAL = {"VERB", "AUX"}
SUBCLAUSE = {"advcl", "acl", "acl:relcl", "ccomp", "csubj", "csubj:pass"}
NEGATIONS = {"inte", "icke", "ej"}
VARA = {"är", "var", "vara", "varit", "vore"}
CLOSED = {"ADP", "ADV", "PART", "SCONJ", "CCONJ", "PRON", "DET", "AUX", "VERB", "ADJ", "NUM", "INTJ"}
# word pairs v2 Talbanken still annotates as `fixed`: never decomposed
KEEP_FIXED = {
    ("därför", "att"), ("för", "sedan"), ("så", "småningom"), ("till", "och"), ("till", "med"), ("som", "helst"),
    ("rent", "av"), ("i", "och"), ("i", "med"), ("icke", "desto"), ("icke", "mindre"), ("före", "detta"),
    ("vare", "sig"), ("sent", "omsider"), ("för", "skull"), ("så", "heller"), ("så", "säga"),
}


class Tree:
    """Index access to one sentence's rows by token id, plus the small edits the rules need."""

    def __init__(self, sent: Sentence) -> None:
        self.words = sent.words

    def head(self, r: Row) -> Row | None:
        return None if r[HEAD] == "0" else self.words[int(r[HEAD]) - 1]

    def children(self, r: Row, deprel: str | None = None) -> list[Row]:
        return [c for c in self.words if c[HEAD] == r[ID] and (deprel is None or c[DEPREL] == deprel)]

    def attach(self, r: Row, head: Row | str, deprel: str) -> None:
        r[HEAD] = head if isinstance(head, str) else head[ID]
        r[DEPREL] = deprel

    def roots(self) -> int:
        return sum(r[HEAD] == "0" for r in self.words)

    def acyclic(self) -> bool:
        for r in self.words:
            seen: set[str] = set()
            cur: Row | None = r
            while cur is not None:
                if cur[ID] in seen:
                    return False
                seen.add(cur[ID])
                cur = self.head(cur)
        return True


def low(r: Row) -> str:
    return r[FORM].lower()


def unfix_prepositional(t: Tree) -> int:
    """Re-analyse v1 `mwe` adverbials headed by a preposition ("i dag", "i regel", "i första hand") as v2 does.

    v2 Talbanken treats them compositionally: the noun heads an `obl` (or `nmod` under a nominal), the preposition
    is its `case`, adjectives and determiners attach to the noun. Returns how many expressions were changed.
    """
    changed = 0
    for h in t.words:
        if h[UPOS] != "ADP" or h[DEPREL] != "advmod":
            continue
        kids = t.children(h, "fixed")
        nouns = [r for r in kids if r[UPOS] == "NOUN"]
        if len(nouns) != 1 or int(nouns[0][ID]) < int(h[ID]):
            continue
        noun = nouns[0]
        parent = t.head(h)
        t.attach(noun, h[HEAD], "nmod" if parent is not None and parent[UPOS] in NOMINAL_PARENTS else "obl")
        t.attach(h, noun, "case")
        for r in kids:
            if r is noun:
                continue
            r[HEAD] = noun[ID]
            if r[UPOS] == "ADJ":
                r[DEPREL] = "amod"
            elif r[XPOS].startswith("PS"):
                r[DEPREL] = "nmod:poss"
            elif r[UPOS] in {"DET", "PRON"}:
                r[DEPREL] = "det"
        for r in t.words:  # anything else hanging on the preposition moves to the noun
            if r[HEAD] == h[ID] and r[DEPREL] != "fixed":
                r[HEAD] = noun[ID]
        changed += 1
    return changed


def decompose_fixed(t: Tree, stats: Counter[str]) -> None:
    """Undo v1 `fixed` analyses of expressions v2 annotates word by word."""
    for h in t.words:
        kids = t.children(h, "fixed")
        if not kids or any((low(h), low(k)) in KEEP_FIXED for k in kids):
            continue
        forms = [low(k) for k in kids]
        x = t.head(h)
        if forms == ["det", "gäller"] and low(h) == "när" and x is not None and h[DEPREL] == "case":
            # "när det gäller X": gäller heads an adverbial clause with X as its object
            det, galler = kids
            t.attach(galler, x[HEAD], "advcl")
            galler[UPOS] = "VERB"
            t.attach(x, galler, "obj")
            t.attach(h, galler, "mark")
            h[UPOS] = "SCONJ"
            t.attach(det, galler, "nsubj")
            stats["när det gäller"] += 1
        elif (
            len(kids) == 2 and h[UPOS] == "ADP" and h[DEPREL] == "case" and x is not None
            and kids[0][UPOS] == "NOUN" and kids[1][UPOS] == "ADP"
            and int(h[ID]) < int(kids[0][ID]) < int(kids[1][ID]) < int(x[ID])
        ):
            # complex preposition "på grund av X": the noun heads the phrase, X is its nmod (acl for a clause)
            noun, prep = kids
            t.attach(noun, x[HEAD], "obl" if x[DEPREL] in {"advcl", "advmod"} else x[DEPREL])
            t.attach(h, noun, "case")
            nominal = x[UPOS] in NOMINAL
            t.attach(prep, x, "case" if nominal else "mark")
            t.attach(x, noun, "nmod" if nominal else "acl")
            stats["complex preposition"] += 1
        elif all(f in {"här", "där"} for f in forms):
            # "den här boken", "så här": here/there is an adverb; with a determiner it modifies the noun
            for k in kids:
                t.attach(k, h[HEAD] if h[DEPREL] == "det" else h, "advmod")
            stats["den/så här"] += 1
        elif forms == ["att"] and h[UPOS] in {"ADP", "ADV"}:
            # "för att", "så att", "utan att": att marks the clause, the first word keeps its own role
            clause = x
            t.attach(kids[0], h[HEAD], "mark")
            if h[UPOS] == "ADP":
                h[DEPREL] = "mark"
            elif low(h) == "så" and clause is not None and clause[HEAD] != "0":
                t.attach(h, clause[HEAD], "advmod")
            else:
                h[DEPREL] = "advmod"
            stats["X att"] += 1
        elif len(kids) == 1 and h[UPOS] == "ADV" and kids[0][UPOS] == "SCONJ" and h[DEPREL] == "mark":
            # "även om", "bara om": the subjunction marks the clause, the adverb modifies it
            t.attach(kids[0], h[HEAD], "mark")
            h[DEPREL] = "advmod"
            stats["ADV SCONJ"] += 1
        elif forms == ["än"] and x is not None:
            # "mer än 30": än attaches to what is compared
            k = kids[0]
            k[UPOS] = "SCONJ"
            t.attach(k, x, "case" if x[UPOS] in NOMINAL else "mark")
            stats["mer än"] += 1
        elif forms == ["par"] and low(h) in {"ett", "några"} and x is not None:
            # "ett par forskare": par is a nominal modifier of the noun, ett its determiner
            par = kids[0]
            t.attach(par, x, "nmod")
            t.attach(h, par, "det")
            stats["ett par"] += 1


def promote_copula_predicates(t: Tree, stats: Counter[str]) -> None:
    """v1 "Det är inte varje dag som ...": vara heads and the predicate is `dep`; v2 makes the predicate the head.

    The predicate takes vara's place, vara becomes its `cop` (AUX) and vara's other dependents move to the
    predicate; a relative clause there makes it a cleft (`acl:cleft`, with "det" as `expl`).
    """
    for vara in t.words:
        if low(vara) not in VARA or vara[UPOS] != "VERB":  # v1 has no lemmas yet at this point
            continue
        preds = t.children(vara, "dep")
        if not preds:
            continue
        pred = preds[0]
        t.attach(pred, vara[HEAD], vara[DEPREL])
        t.attach(vara, pred, "cop")
        vara[UPOS] = "AUX"
        others = [c for c in t.words if c[HEAD] == vara[ID]]
        cleft = any(c[DEPREL] == "acl:relcl" for c in others + t.children(pred))
        for c in others:
            c[HEAD] = pred[ID]
        for c in t.children(pred):
            if cleft and c[DEPREL] == "acl:relcl":
                c[DEPREL] = "acl:cleft"
            elif cleft and c[DEPREL] == "nsubj" and low(c) == "det":
                c[DEPREL] = "expl"
        stats["vara + predicate (cleft)" if cleft else "vara + predicate"] += 1


def relabel(t: Tree, stats: Counter[str], amod_forms: dict[str, str]) -> None:
    """Token-level convention changes (subjunctions, comparatives, infinitive markers, quantifiers, negation)."""
    for r in t.words:
        h = t.head(r)
        before = h is not None and int(r[ID]) < int(h[ID])
        form = low(r)
        if form in {"när", "då"} and r[XPOS].startswith("HA") and r[DEPREL] == "advmod" and h is not None:
            if before and h[DEPREL] in SUBCLAUSE:
                r[UPOS], r[DEPREL] = "SCONJ", "mark"
                stats["när/då SCONJ"] += 1
        elif form in {"än", "som"} and r[UPOS] == "CCONJ" and r[DEPREL] == "mark" and h is not None:
            # a compared noun phrase is an oblique/nominal modifier with the comparative as its case marker
            if h[UPOS] in NOMINAL and h[DEPREL] in {"advcl", "acl"} and (form == "än" or h[DEPREL] == "advcl"):
                r[UPOS] = "SCONJ" if form == "än" else "ADP"
                r[DEPREL] = "case"
                h[DEPREL] = "obl" if h[DEPREL] == "advcl" else "nmod"
            else:
                r[UPOS] = "SCONJ"
            stats["än/som"] += 1
        elif r[UPOS] == "ADP" and r[DEPREL] == "case" and h is not None and h[UPOS] in VERBAL and before:
            r[DEPREL] = "mark"  # "för att göra", "genom att satsa"
            stats["ADP mark"] += 1
        elif r[DEPREL] == "det" and form in amod_forms:
            r[UPOS], r[DEPREL] = amod_forms[form], "amod"  # "andra", "många", "samma", "hela", "första"
            stats["det→amod"] += 1
        if form in NEGATIONS and r[UPOS] == "ADV":
            r[UPOS] = "PART"
            stats["negation PART"] += 1


class V2Conventions:
    """What the v2 data says: adjectival quantifiers and the closed-class UPOS of (form, relation) pairs."""

    def __init__(self, v2: Iterable[Sentence], min_count: int = 3, share: float = 0.9) -> None:
        det_amod: dict[str, Counter[str]] = defaultdict(Counter)
        amod_upos: dict[str, Counter[str]] = defaultdict(Counter)
        by_rel: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for s in v2:
            for r in s.words:
                form = low(r)
                by_rel[form, r[DEPREL]][r[UPOS]] += 1
                if r[DEPREL] in {"det", "amod"}:
                    det_amod[form][r[DEPREL]] += 1
                if r[DEPREL] == "amod":
                    amod_upos[form][r[UPOS]] += 1
        self.amod_forms = {
            form: amod_upos[form].most_common(1)[0][0]
            for form, c in det_amod.items()
            if c["amod"] >= min_count and c["amod"] >= share * (c["amod"] + c["det"])
        }
        self.upos: dict[tuple[str, str], str] = {}
        for key, c in by_rel.items():
            upos, n = c.most_common(1)[0]
            if n >= min_count and n >= share * sum(c.values()) and upos in CLOSED:
                self.upos[key] = upos

    def rekey_upos(self, t: Tree, stats: Counter[str]) -> None:
        for r in t.words:
            new = self.upos.get((low(r), r[DEPREL]))
            if new is not None and new != r[UPOS] and r[UPOS] in CLOSED:
                stats[f"upos {r[UPOS]}→{new}"] += 1
                r[UPOS] = new


def harmonise(sentences: list[Sentence], v2: list[Sentence]) -> Counter[str]:
    """Apply every rule to the converted v1 sentences in place; return how often each fired."""
    conv = V2Conventions(v2)
    stats: Counter[str] = Counter()
    for s in sentences:
        backup = copy.deepcopy(s.rows)
        local: Counter[str] = Counter()
        t = Tree(s)
        roots = t.roots()
        decompose_fixed(t, local)
        promote_copula_predicates(t, local)
        relabel(t, local, conv.amod_forms)
        conv.rekey_upos(t, local)
        if t.acyclic() and 1 <= t.roots() <= roots:  # no cycle, no extra root (a few v1 trees have two)
            stats.update(local)
        else:
            s.rows = backup
            stats["sentence restored (not a tree)"] += 1
    return stats


def compare(v1: list[Sentence], v2: list[Sentence], top: int = 25) -> str:
    """Per-form UPOS and DEPREL distributions that differ most between two samples (a diagnostic table)."""
    lines: list[str] = []
    for col, name in ((UPOS, "UPOS"), (DEPREL, "DEPREL")):
        a: dict[str, Counter[str]] = defaultdict(Counter)
        b: dict[str, Counter[str]] = defaultdict(Counter)
        for src, dst in ((v1, a), (v2, b)):
            for s in src:
                for r in s.words:
                    dst[low(r)][r[col]] += 1
        rows = []
        for form, ca in a.items():
            cb = b.get(form)
            if not cb or sum(cb.values()) < 3:
                continue
            na, nb = sum(ca.values()), sum(cb.values())
            diff = sum(abs(ca[k] / na - cb[k] / nb) for k in set(ca) | set(cb)) / 2
            rows.append((diff * na, form, dict(ca.most_common(3)), dict(cb.most_common(3))))
        lines.append(f"{name}: forms whose distribution differs most (v1 converted | v2)")
        for d, form, da, db in sorted(rows, reverse=True)[:top]:
            lines.append(f"  {d:6.1f} {form:12} {da} | {db}")
    return "\n".join(lines)


if __name__ == "__main__":
    from conllu import read_conllu
    from ud_paths import PUD, REPO, V2_DEV

    train = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "build" / "nlp" / "ud" / "train.conllu"
    v1_sents = [s for s in read_conllu(train) if any(c.startswith("# sent_id = tb-v1") for c in s.comments)]
    print(compare(v1_sents, list(read_conllu(V2_DEV)) + list(read_conllu(PUD))))
