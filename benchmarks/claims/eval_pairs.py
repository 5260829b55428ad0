"""Verdicts on statement–evidence pairs: the verifier alone, without retrieval, per kind of statement.

Three sets of pairs, all written by people who had not read the verifier's code or output, each on its own evidence
sentences (one restatement in other words per evidence, `supported`; near-misses of every kind and unrelated
statements, `not_supported`):
- verify_pairs.jsonl (`--set pairs`, 659 pairs on 299 sentences of 161 government pages and Riksdag interpellations,
  2026-12-02): a tuning set; its failures were read when the rules were changed.
- verify_train.jsonl (`--set train`, 660 pairs on 220 sentences of interpellations and four government assignments,
  2026-12-03, two restatements per evidence): written to train an entailment model (entailment_experiment.py).
- verify_blind3.jsonl (`--set blind3`, 245 pairs on 110 sentences of a Riksdag debate, the seed corpus and
  government press releases and articles no other set uses, 2026-12-03): held out; never used to fit or tune.
- verify_blind4.jsonl (`--set blind4`, 241 pairs on 100 sentences of 27 government speeches, legal documents,
  EU memoranda, reports and information material no other set uses, 2026-12-03; see verify_blind4.md): held out
  until its first use; its failures were read for round 11 (2026-12-04).
- verify_blind5.jsonl (`--set blind5`, 225 pairs on 90 sentences of 57 propositions, inquiries, committee terms,
  law council referrals and agreements no other set uses, a third of the restatements in spoken style, 2026-12-04;
  see verify_blind5.md): held out until its first use; its failures were read for round 12 (2026-12-04).
- verify_blind6.jsonl (`--set blind6`, 240 pairs on 96 sentences of 63 government documents of twelve kinds and 22
  Riksdag interpellations no other set uses, a third of the restatements in spoken style, 2026-12-04; see
  verify_blind6.md): held out until its first use; its failures were read for round 12 (2026-12-04).
- verify_blind7.jsonl (`--set blind7`, 225 pairs on 90 sentences of 80 government documents of fourteen kinds no other
  set uses, a third of the restatements in spoken style, 2026-12-04; see verify_blind7.md): held out until its first
  use; its failures were read on 2026-12-04 (nothing was changed from them yet).
- verify_blind8.jsonl (`--set blind8`, 225 pairs on 90 sentences of 56 government memoranda, referrals and
  propositions no other set uses, 2026-12-04; see verify_blind8.md): held out until its first use; its failures were
  read for round 13 (2026-12-04).
- verify_blind9.jsonl (`--set blind9`, 225 pairs on 90 sentences of 35 Riksdag interpellations and 33 government
  documents no other set uses, 2026-12-04; see verify_blind9.md): held out for rounds 13 to 15 (aggregates only);
  its failures were read for round 16 (2026-12-04).
- verify_blind10.jsonl (`--set blind10`, 225 pairs on 90 sentences of 70 Riksdag interpellations on schools,
  transport, environment and other subjects outside care, and one EU memorandum, no other set uses, 2026-12-04; see
  verify_blind10.md): held out until round 14 judged it once; its failures were read for round 15 (2026-12-04).
- verify_blind11.jsonl (`--set blind11`, 225 pairs on 90 sentences of 68 Riksdag interpellations no other set uses,
  half on health, care, social services and disability support, half on other subjects, 2026-12-04; see
  verify_blind11.md): held out; judged for rounds 15 and 16 (aggregates only), and used for one model choice.
- verify_blind12.jsonl (`--set blind12`, 225 pairs on 90 sentences of 74 Riksdag interpellations no other set uses,
  two thirds on health, care, social services and public health, 2026-12-04; see verify_blind12.md): held out until
  round 16's code judged it once; its failures were read for round 17 (2026-12-04).
- verify_blind13.jsonl (`--set blind13`, 225 pairs on 90 sentences of 59 Riksdag interpellations no other set uses,
  two thirds on health, public health, disability support, crisis preparedness and social services, 2026-12-04; see
  verify_blind13.md): held out; judged for rounds 17 and 18 (aggregates only; the five pairs round 17 changed were
  read).
- verify_blind14.jsonl (`--set blind14`, 225 pairs on 90 sentences of 55 Riksdag interpellations no other set uses,
  two thirds on public health, crisis preparedness, social services, health care and disability support, 2026-12-05;
  see verify_blind14.md): held out until round 18's code judged it once; its failures were read for round 19
  (2026-12-05).
- verify_blind15.jsonl (`--set blind15`, 225 pairs on 90 sentences of 54 Riksdag interpellations no other set uses,
  two thirds on public health, social services, crisis preparedness and disability support, 2026-12-05; see
  verify_blind15.md): held out; judged once, by round 18's and round 19's code side by side (aggregates only).
- verify_blind16.jsonl (`--set blind16`, 225 pairs on 90 sentences of 57 Riksdag interpellations no other set uses,
  two thirds on public health, social services, crisis preparedness and rescue services (many from interpellations
  on other subjects, classed by what the sentence says), 2026-12-05; see verify_blind16.md): held out; judged once,
  by round 19's and round 20's code side by side (aggregates only). The fifteenth set's failures were read for round
  20.
- verify_blind17.jsonl (`--set blind17`, 225 pairs on 90 sentences of 52 Riksdag interpellations no other set uses,
  two thirds of the sentences on health, public health and social services, 2026-12-05; see verify_blind17.md): held
  out until round 20's code judged it once; its failures were read for round 21 (2026-12-05).
- verify_blind18.jsonl (`--set blind18`, 225 pairs on 90 sentences of 47 Riksdag interpellations no other set uses,
  two thirds of the sentences on health, public health, social services and crisis preparedness, 2026-12-05; see
  verify_blind18.md): judged once, by round 20's and round 21's code side by side (aggregates only); its partial
  near-misses that passed were read for round 23.
- verify_blind19.jsonl (`--set blind19`, 225 pairs on 90 sentences of 47 Riksdag interpellations no other set uses,
  two thirds of the sentences on public health, social services and crisis preparedness, 2026-12-05, written after
  round 21; see verify_blind19.md): judged once, by round 21's code (aggregates only); its partial near-misses that
  passed were read for round 23.
- verify_blind20.jsonl (`--set blind20`, 225 pairs on 90 sentences of 47 Riksdag interpellations no other set uses,
  two thirds of the sentences on pandemic, traffic and work safety, social services and health, 2026-12-05; see
  verify_blind20.md): judged once by round 23's first part (aggregates only); its failures were then read for round
  23's second part.
- verify_blind21.jsonl (`--set blind21`, 225 pairs on 90 sentences of 47 Riksdag interpellations no other set uses,
  restatements a third each formal, spoken and as notes, 2026-12-05; see verify_blind21.md): held out; judged once,
  by round 23's final code and round 22's (aggregates only).
- verify_blind22.jsonl (`--set blind22`, 225 pairs on 90 sentences of 47 Riksdag interpellations no other set uses,
  restatements a third each formal, spoken and as notes, 2026-12-05, written after round 23; see verify_blind22.md):
  judged once, by round 24's and round 25's code side by side (aggregates only).
- verify_blind23.jsonl and verify_blind24.jsonl (`--set blind23`, `--set blind24`, 225 pairs each on Riksdag
  interpellations no other set uses, 2026-12-05 and 2026-12-06): blind23's failures were read for round 26; blind24
  was judged by aggregates only.
- verify_blind25.jsonl to verify_blind30.jsonl (`--set blind25` … `--set blind30`): the care sets, 225 pairs each on
  90 sentences of the 30 care documents of three themes document sets (17–19, 14–16, 11–13, 7–9, 4–6 and 1–3 in
  that order: interviews, focus groups, meetings, podcasts, reports, notes, web pages and Riksdag text), about half
  of the evidence spoken, every near-miss in its restatement's style, 2026-12-06; see their .md files. blind25's
  failures were read for round 28 and blind26's for round 29; blind27 to blind30 were judged by aggregates only.
  blind25, blind26 and blind30 trained the care-trained verifier of round 29 (entailment_experiment.py; measured,
  not shipped: RESULTS.md, "Claim verification, round 29"), blind27 to blind29 were held out from it.
- verify_blind31.jsonl (`--set blind31`): a seventh care set, 225 pairs on 90 sentences of the 20 documents of
  themes document sets 10 and 20 (65 spoken, 25 written evidence sentences), 2026-12-06; see its .md file. Its
  failures were read for round 32.
- verify_blind32.jsonl (`--set blind32`): an eighth care set, 225 pairs on 90 sentences of the 30 documents of
  themes document sets 11–13 (rows blind27 does not use, none within three rows of one; 45 spoken, 45 written),
  2026-12-06; see its .md file. Its failures were read for round 35.
- verify_blind33.jsonl (`--set blind33`): a ninth care set, 225 pairs on 90 sentences of the 30 documents of themes
  document sets 21, 14 and 15 (rows blind26 does not use, none within three rows of one; 60 spoken, 30 written),
  2026-12-06; see its .md file. It decided round 35; its failures were read for round 36.
- verify_blind34.jsonl (`--set blind34`): a tenth care set, 225 pairs on 90 sentences of the 30 documents of themes
  document sets 16–18 (rows blind25 and blind26 do not use, none within three rows of one; 45 spoken, 45 written),
  2026-12-06; see its .md file. It decided round 36; its failures were read for round 37.
- verify_blind35.jsonl (`--set blind35`): an eleventh care set, 225 pairs on 90 sentences of the 30 documents of
  themes document sets 7–9 (rows no earlier set uses, none within three rows of one; 42 spoken, 48 written),
  2026-12-06; see its .md file. It decided round 37; judged by aggregates only.
- verify_blind36.jsonl (`--set blind36`): a twelfth care set, 225 pairs on 90 sentences of the 30 documents of themes
  document sets 4–6 (rows no earlier set uses, none within three rows of one; 45 spoken, 45 written), 2026-12-06,
  written faster than the others: 60 of its restatements were not re-read beside their evidence (see its .md file).
  Judged by aggregates only.
- verify_blind37.jsonl (`--set blind37`): a thirteenth care set, 225 pairs on 90 sentences of the 30 documents of
  themes document sets 2, 3 and 21 (rows no earlier set uses, none within three rows of one; 54 spoken, 36
  written), 2026-12-07; see its .md file. Written and committed before any run on it; it decided round 39.
- verify_blind38.jsonl (`--set blind38`): a fourteenth care set, 225 pairs on 90 sentences of 29 documents of themes
  document sets 10, 13 and 16 (rows no earlier set uses, none within three rows of one; 45 spoken, 45 written; one
  podcast had no usable row), 2026-12-07; see its .md file. Written and committed before any run on it.
- verify_blind39.jsonl to verify_blind41.jsonl (`--set blind39` … `--set blind41`): the fifteenth to seventeenth care
  sets, 225 pairs each on 90 sentences of themes document sets 1, 19 and 20 (78 spoken, 12 written), 5, 8 and 11
  (45, 45) and 2, 4 and 7 (42, 48), 2026-12-07, each written and committed before any run on it; they decided claims
  rounds 41, 42 and 43.
- verify_blind42.jsonl (`--set blind42`): an eighteenth care set, 225 pairs on 90 sentences of themes document sets
  12, 15 and 21 (50 spoken, 40 written), 2026-12-07; see its .md file. Written and committed before any run on it.
- verify_blind43.jsonl (`--set blind43`): a nineteenth care set, 225 pairs on 90 sentences of themes document sets
  3, 14 and 18 (42 spoken, 48 written), 2026-12-07; see its .md file. Written and committed before any run on it.
- verify_blind44.jsonl (`--set blind44`): a twentieth care set, 225 pairs on 90 sentences of themes document sets
  6, 9 and 17 (45 spoken, 45 written), 2026-12-07; see its .md file. Written and committed before any run on it.
- verify_blind45.jsonl (`--set blind45`): a twenty-first care set, smaller: 93 pairs on 37 sentences of themes
  document sets 10, 13 and 16 (12 spoken, 25 written, most of the written ones page furniture), 2026-12-07: the rows
  earlier sets used and their neighbours left no more; see its .md file. Written and committed before any run on it.
- verify_blind46.jsonl (`--set blind46`): a twenty-second care set, 225 pairs on 90 sentences of themes document sets
  5, 8 and 11 (45 spoken, 45 written), 2026-12-07, no evidence within two rows (not three) of a row earlier sets
  use; see its .md file. Written and committed before any run on it.

    .venv/bin/python benchmarks/claims/eval_pairs.py [--set pairs|train|blind3|…|blind46] [--show KIND] [--rules-only]

Pairs are judged as `link` judges a candidate, with the learned verifier (claims/learned.py) unless `--rules-only`;
the shipped one was trained on pairs, train and blind3 to blind8 (entailment_experiment.py), so its figures on
the other sets are unseen by it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {
    "pairs": "verify_pairs.jsonl",
    "train": "verify_train.jsonl",
    "blind3": "verify_blind3.jsonl",
    "blind4": "verify_blind4.jsonl",
    "blind5": "verify_blind5.jsonl",
    "blind6": "verify_blind6.jsonl",
    "blind7": "verify_blind7.jsonl",
    "blind8": "verify_blind8.jsonl",
    "blind9": "verify_blind9.jsonl",
    "blind10": "verify_blind10.jsonl",
    "blind11": "verify_blind11.jsonl",
    "blind12": "verify_blind12.jsonl",
    "blind13": "verify_blind13.jsonl",
    "blind14": "verify_blind14.jsonl",
    "blind15": "verify_blind15.jsonl",
    "blind16": "verify_blind16.jsonl",
    "blind17": "verify_blind17.jsonl",
    "blind18": "verify_blind18.jsonl",
    "blind19": "verify_blind19.jsonl",
    "blind20": "verify_blind20.jsonl",
    "blind21": "verify_blind21.jsonl",
    "blind22": "verify_blind22.jsonl",
    "blind23": "verify_blind23.jsonl",
    "blind24": "verify_blind24.jsonl",
    "blind25": "verify_blind25.jsonl",
    "blind26": "verify_blind26.jsonl",
    "blind27": "verify_blind27.jsonl",
    "blind28": "verify_blind28.jsonl",
    "blind29": "verify_blind29.jsonl",
    "blind30": "verify_blind30.jsonl",
    "blind31": "verify_blind31.jsonl",
    "blind32": "verify_blind32.jsonl",
    "blind33": "verify_blind33.jsonl",
    "blind34": "verify_blind34.jsonl",
    "blind35": "verify_blind35.jsonl",
    "blind36": "verify_blind36.jsonl",
    "blind37": "verify_blind37.jsonl",
    "blind38": "verify_blind38.jsonl",
    "blind39": "verify_blind39.jsonl",
    "blind40": "verify_blind40.jsonl",
    "blind41": "verify_blind41.jsonl",
    "blind42": "verify_blind42.jsonl",
    "blind43": "verify_blind43.jsonl",
    "blind44": "verify_blind44.jsonl",
    "blind45": "verify_blind45.jsonl",
    "blind46": "verify_blind46.jsonl",
}


def judged_pair(statement: str, evidence: str, learned: bool) -> tuple[str, dict[str, object]]:
    """The verdict and reasons of one pair, as `link` judges a candidate (with the learned verifier when
    `learned`)."""
    from textsamverkan.claims.evidence import Evidence
    from textsamverkan.claims.learned import second_look
    from textsamverkan.claims.verdict import Judgement, assess

    verdict, confidence, reasons, words_only = assess(statement, evidence, evidence)
    judgement = Judgement(verdict, confidence, Evidence(0, len(evidence), evidence, 0.0), reasons, words_only)
    if learned:
        (judgement,) = second_look(statement, [judgement])
    return judgement.verdict, judgement.reasons


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="pairs", choices=sorted(SETS))
    parser.add_argument("--show", help="print the pairs of this kind with their verdicts and reasons")
    parser.add_argument("--rules-only", action="store_true", help="without the learned verifier (as link by default)")
    args = parser.parse_args()
    text = (HERE / SETS[args.set]).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    judged = [judged_pair(r["statement"], r["evidence"], not args.rules_only) for r in rows]
    verdicts = [verdict for verdict, _reasons in judged]
    reasons = [why for _verdict, why in judged]
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for row, verdict, why in zip(rows, verdicts, reasons, strict=True):
        by_kind[row["kind"]][verdict] += 1
        if args.show == row["kind"]:
            print(f"{verdict}: {row['statement']}\n  evidence: {row['evidence']}")
            print("  " + json.dumps(why, ensure_ascii=False))
    print(SETS[args.set])
    print("| kind | n | supported | partly | contradicted | no_evidence | right |")
    print("|---|---|---|---|---|---|---|")
    right_total = {True: [0, 0], False: [0, 0]}
    for kind, counts in sorted(by_kind.items()):
        n = sum(counts.values())
        should_support = kind == "restatement"
        right = counts["supported"] if should_support else n - counts["supported"]
        right_total[should_support][0] += right
        right_total[should_support][1] += n
        cells = " | ".join(str(counts[v]) for v in ("supported", "partly", "contradicted", "no_evidence"))
        print(f"| {kind} | {n} | {cells} | {right}/{n} |")
    (a, b), (c, d) = right_total[True], right_total[False]
    print(f"\nrestatements `supported`: {a}/{b} = {a / b:.2f}; near-misses and unrelated not `supported`: "
          f"{c}/{d} = {c / d:.2f}")


if __name__ == "__main__":
    main()
