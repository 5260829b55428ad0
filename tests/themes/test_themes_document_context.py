"""A pattern's care context met by its document: in an interview about home care "Kompetensförsörjningen, helt
klart." is about care staff, while the same words in a short text, or in a long text about something else, are not
coded; the evidence says the document decided, and a codebook keeps `document:` when written back."""

from __future__ import annotations

import pytest

from textsamverkan.errors import UserError
from textsamverkan.segment.sentences import Sentence, simple_sentences
from textsamverkan.themes.codebook import Codebook, dump_codebook, parse_codebook
from textsamverkan.themes.matcher import MIN_DOCUMENT_SENTENCES, LexicalMatcher, code_sentences

CARE_INTERVIEW = [
    "Jag har jobbat i hemtjänsten i tolv år.",
    "Vi har många brukare med stora behov.",
    "Sjuksköterskan kommer förbi på förmiddagen.",
    "Det är mycket att hinna med på ett pass.",
    "Intervjuare: Vad är den största utmaningen framåt?",
    "Kompetensförsörjningen, helt klart.",
    "Vi får inga sökande till de fasta tjänsterna.",
    "Patienterna kommer hem sjukare från sjukhuset nu.",
    "Men vi har bra sammanhållning i gruppen.",
    "Det är det som gör att man stannar kvar.",
]
SCHOOL_TEXT = [
    "Skolan i Norrby har fått nya lokaler.",
    "Eleverna flyttade in efter sportlovet.",
    "Kompetensförsörjningen, helt klart.",
    "Rektorn är nöjd med hur flytten gick.",
    "Matsalen blev klar först i april.",
    "Idrottshallen renoveras under sommaren.",
    "Föräldrarna bjöds in till ett öppet hus.",
    "Nästa år börjar två nya klasser.",
    "Skolskjutsarna går som vanligt.",
    "Biblioteket har fått fler böcker.",
]


def _sentences(lines: list[str]) -> list[Sentence]:
    text = "\n".join(lines)
    return simple_sentences("doc", text, [(0, len(text))])


def _coded(lines: list[str], matcher: LexicalMatcher, codebook: Codebook) -> dict[str, set[str]]:
    sentences = _sentences(lines)
    assert len(sentences) == len(lines)
    out: dict[str, set[str]] = {s.text: set() for s in sentences}
    for hit in code_sentences(sentences, codebook, matcher=matcher):
        out[next(s.text for s in sentences if s.start == hit.start)].add(hit.code)
    return out


def test_a_document_about_care_is_the_context(default_matcher: LexicalMatcher, default_codebook: Codebook) -> None:
    coded = _coded(CARE_INTERVIEW, default_matcher, default_codebook)
    assert "competence" in coded["Kompetensförsörjningen, helt klart."]
    hit = next(h for h in code_sentences(_sentences(CARE_INTERVIEW), default_codebook, matcher=default_matcher)
               if h.code == "competence")
    (rule,) = hit.evidence["rules"]
    assert rule["rule"] == "competence/staff_training_in_care_document"
    assert rule["text"] == ["Kompetensförsörjningen"]
    assert 0.2 <= rule["document"] <= 1.0  # the share of the document's sentences that name care


def test_not_in_a_short_text_nor_in_a_document_about_something_else(
    default_matcher: LexicalMatcher, default_codebook: Codebook
) -> None:
    short = CARE_INTERVIEW[: MIN_DOCUMENT_SENTENCES - 1]
    assert "competence" not in _coded(short, default_matcher, default_codebook)["Kompetensförsörjningen, helt klart."]
    school = _coded(SCHOOL_TEXT, default_matcher, default_codebook)
    assert "competence" not in school["Kompetensförsörjningen, helt klart."]


def test_delegation_in_a_document_about_care_is_sol_hsl(
    default_matcher: LexicalMatcher, default_codebook: Codebook
) -> None:
    lines = [*CARE_INTERVIEW]
    lines[5] = "Det är delegeringarna."
    assert "sol_hsl" in _coded(lines, default_matcher, default_codebook)[lines[5]]
    school = [*SCHOOL_TEXT]
    school[2] = "Det är delegeringarna."
    assert "sol_hsl" not in _coded(school, default_matcher, default_codebook)[school[2]]


def test_knowledge_and_gangs_are_no_staff_training(default_matcher: LexicalMatcher, default_codebook: Codebook) -> None:
    lines = [*CARE_INTERVIEW]
    lines[5] = "Det finns mycket lite kunskap om säkerheten på lång sikt."
    lines[6] = "Allt yngre barn rekryteras av kriminella gäng."
    coded = _coded(lines, default_matcher, default_codebook)
    assert "competence" not in coded[lines[5]]
    assert "competence" not in coded[lines[6]]


GOOD = """\
codebook: test
contexts:
  care: [hemtjänst, patient]
codes:
  competence:
    label_sv: Kompetens
    patterns:
      - {id: training, all: [[utbildning], [undersköterska]], document: "@care"}
"""


def test_document_words_are_parsed_and_written_back() -> None:
    cb = parse_codebook(GOOD, source="cb.yaml")
    (pattern,) = cb.code("competence").patterns
    assert [p.written for p in pattern.document] == ["hemtjänst", "patient"]
    assert parse_codebook(dump_codebook(cb)) == cb


def test_document_needs_a_group_to_stand_in_for() -> None:
    with pytest.raises(UserError) as info:
        parse_codebook(GOOD.replace("[[utbildning], [undersköterska]]", "[[utbildning]]"), source="cb.yaml")
    assert info.value.code == "E109"
    assert "only one group" in info.value.message
