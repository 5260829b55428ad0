"""Can word-level embedding similarity connect a restatement's words to its source's? Synonyms against co-hyponyms.

A restatement in other words often swaps a word for a synonym ("tillbringa"/"bo", "förtur"/"prioriteras"); a
near-miss swaps it for another thing of the same kind ("munskydd"/"handskar", "april"/"oktober"). A similarity that
is to help the verifier must put the first kind above the second. This prints the cosine of each pair with the two
bundled embedders, each word embedded alone as a query, and the range per kind.

    .venv/bin/python benchmarks/claims/word_similarity.py
"""

from __future__ import annotations

SYNONYMS = [
    ("abonnemang", "abonnenter"), ("tillbringa", "bo"), ("medverka", "bidra"), ("komplettera", "komplement"),
    ("turordning", "prioritera"), ("färdigställa", "ta fram"), ("förtur", "prioriteras"),
    ("sammanställning", "sammanfattning"), ("överleva", "klara sig"), ("militär", "försvarsmakten"),
    ("innehåll", "fanns"), ("uppfylla", "leva upp"), ("tillgodose", "möter"), ("framkomma", "uppdagats"),
    ("anmäla", "JO-anmält"), ("vårdbehov", "sjukvårdsbehov"), ("utveckla", "ta fram"), ("extra", "additionellt"),
    ("hundralapp", "100 kronor"), ("sova", "bott"),
]  # fmt: skip
CO_HYPONYMS = [
    ("munskydd", "handskar"), ("sjuksköterska", "undersköterska"), ("kommun", "region"), ("april", "oktober"),
    ("Stockholm", "Göteborg"), ("läkare", "sjuksköterska"), ("öka", "minska"), ("skola", "förskola"),
    ("barn", "vuxna"), ("vaccin", "test"), ("hemtjänst", "särskilt boende"), ("polisen", "Arbetsmiljöverket"),
]  # fmt: skip


def main() -> None:
    from textsamverkan.embed.backend import load_embedder

    words = sorted({w for pair in SYNONYMS + CO_HYPONYMS for w in pair})
    for name in ("static-sv", "e5-small-sv"):
        vectors = dict(zip(words, load_embedder(name, prefixes="none").encode(words, kind="query"), strict=True))
        print(f"\n{name}")
        for kind, pairs in (("synonyms", SYNONYMS), ("co-hyponyms", CO_HYPONYMS)):
            cosines = [float(vectors[a] @ vectors[b]) for a, b in pairs]
            for (a, b), c in zip(pairs, cosines, strict=True):
                print(f"  {kind:11} {a:16} {b:18} {c:.2f}")
            print(f"  {kind}: {min(cosines):.2f}–{max(cosines):.2f}")


if __name__ == "__main__":
    main()
