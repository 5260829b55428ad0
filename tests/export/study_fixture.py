"""A small study for report tests: regions of very different sizes, authors who write several documents, quotes
with Markdown, topics as topics.csv writes them and claims as the claims run stores them."""

from __future__ import annotations

from typing import Any

from textsamverkan.analysis.compare import Comparison, compare
from textsamverkan.analysis.types import CodedPassage, DocInfo

REGIONS = {"Blekinge": 2, "Dalarna": 1, "Skåne": 8, "Stockholm": 10, "Västra Götalands län med ett långt namn": 6}
QUOTE = "**Ändring:** Vi saknade skyddsutrustning i hemtjänsten. [Läs mer](#sfs-2020)"
OTHER = "### Testning\nTestningen av personalen kom igång sent."


def study() -> tuple[list[DocInfo], dict[str, str], list[CodedPassage]]:
    docs: list[DocInfo] = []
    texts: dict[str, str] = {}
    passages: list[CodedPassage] = []
    n = 0
    for region, count in REGIONS.items():
        for i in range(count):
            doc_id = f"{region[:3].lower()}{i}"
            text = f"{QUOTE}\n\n{OTHER}\n\nDokument {n} om samverkan i {region}."
            docs.append(DocInfo(doc_id, corpus="studie", region=region, kind="interpellation", date="2020-05",
                                words=200, title=f"Interpellation {n}",
                                extra={"author": f"{region[:3]}-{i % 2}"}))
            texts[doc_id] = text
            if i % 2 == 0 or region == "Dalarna":
                passages.append(CodedPassage(doc_id, 0, len(QUOTE), QUOTE, "ppe", 0.9, "lexical"))
            if region == "Stockholm" or i == 0:
                start = text.index(OTHER)
                passages.append(CodedPassage(doc_id, start, start + len(OTHER), OTHER, "testing", 1.0, "lexical"))
            n += 1
    return docs, texts, passages


THEMES = ["ppe", "testing"] + [f"theme_{i:02d}_med_ett_ganska_langt_namn" for i in range(14)]
NAMES = {"ppe": "Skyddsutrustning", "testing": "Testning och smittspårning"} | {
    t: f"Tema {t[6:8]} med ett långt svenskt namn" for t in THEMES[2:]}


def comparisons(docs: list[DocInfo], passages: list[CodedPassage]) -> tuple[Comparison, Comparison]:
    clustered = compare(passages, docs, by="region", themes=THEMES, cluster="author", min_documents=5,
                        permutations=500, bootstrap=200)
    plain = compare(passages, docs, by="region", themes=THEMES, min_documents=5, permutations=500, bootstrap=0)
    return clustered, plain


def topics(docs: list[DocInfo]) -> list[dict[str, Any]]:
    refs = " | ".join(f"{d.doc_id}:0-{len(QUOTE)}" for d in docs[:2])
    return [{"topic": "0", "words": "skydd, utrustning", "size": "2", "representatives": refs}]


def claims(docs: list[DocInfo]) -> list[dict[str, Any]]:
    return [{"doc_id": docs[0].doc_id, "start": 13, "end": 56, "type": "problem", "themes": ["ppe"],
             "speaker": "", "role": "", "organisation": "", "region": docs[0].region, "quantities": "",
             "quote": QUOTE[13:56], "verdict": "supported"}]
