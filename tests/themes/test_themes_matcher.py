"""The lexical matcher: inflections, compounds in the right direction, acronyms, phrases, proximity, exclusions,
and evidence whose offsets point at the matched words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from textsamverkan.segment.sentences import Sentence, Token, simple_sentences, tokenize
from textsamverkan.themes.codebook import parse_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.terms import TermIndex, parse_term

SMALL = """\
codebook: small
codes:
  ppe:
    label_sv: Skyddsutrustning
    terms: [-skyddsutrustning-, -förråd, munskydd]
    not_terms: [läkemedelsförråd]
  testing:
    label_sv: Testning
    terms: [test-, -antigentest]
    phrases: [samordnad individuell plan]
  laws:
    label_sv: Lagkrock
    terms: [SoL]
    patterns:
      - {id: conflict, all: [[lagområde], [krock]], window: 5}
  exclusive:
    label_sv: Med undantag
    terms: [vaccin]
    exclude: [vaccin mot influensa]
"""


@pytest.fixture(scope="module")
def small() -> LexicalMatcher:
    return LexicalMatcher(parse_codebook(SMALL, source="small.yaml"))


def _codes(m: LexicalMatcher, make: Callable[[str], Sentence], text: str) -> set[str]:
    return set(m.match(make(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skyddsutrustningen räckte inte.", {"ppe"}),  # definite form, via the lemma
        ("Vi byggde upp ett akutförråd.", {"ppe"}),  # compound whose head is the term
        ("Akutförrådet fylldes på.", {"ppe"}),  # unknown compound, inflected: surface endings
        ("Det fanns skyddsutrustningslager i kommunen.", {"ppe"}),  # term as first part of a compound
        ("Läkemedelsförrådet var tomt.", set()),  # not_terms: a compound that is not about the code
        ("Vi hade brist på testutrustning.", {"testing"}),  # modifier test- decides, not the head utrustning
        ("Antigentesterna kom i maj.", {"testing"}),
        ("Vi testade oss fram.", set()),  # a verb form is no compound of test-
        ("Enligt SoL har den enskilde rätt.", {"laws"}),
        ("Solen sken över sol och vind.", set()),  # acronyms are case-sensitive
        ("Det blev en krock mellan de olika lagområdena.", {"laws"}),  # pattern within the window
        ("Lagområdena beskrivs i kapitel fem av rapporten om vård, och där finns ingen krock.", set()),  # too far
        ("De fick samordnade individuella planer.", {"testing"}),  # phrase words inflected
        ("Vaccin mot influensa gavs.", set()),  # exclusion vetoes the code
        ("Vaccin mot covid gavs.", {"exclusive"}),
    ],
)
def test_small_codebook(
    small: LexicalMatcher, sentence: Callable[[str], Sentence], text: str, expected: set[str]
) -> None:
    assert _codes(small, sentence, text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Det var stora brister av skyddsutrustning i början.", {"ppe"}, set()),
        ("Vi pratade om att bygga upp ett akutförråd tillsammans med regionen.", {"ppe"}, set()),
        ("Vi hade brist på testutrustning i början.", {"testing"}, {"ppe"}),
        ("Från vecka 17 har vi testat kommunal personal regelbundet.", {"testing"}, set()),
        ("Vi testade ett nytt arbetssätt i hemtjänsten.", set(), {"testing"}),
        ("Protesterna mot besluten växte.", set(), {"testing"}),
        ("Det var en jättestor informationsmiljö.", {"information_transfer"}, {"testing"}),
        ("Hur ska vi smittspåra?", {"testing"}, set()),
        ("Alla boende bör ha en individuell vårdplan.", {"care_plans"}, set()),
        ("De upprättade en SIP tillsammans med brukaren.", {"care_plans"}, set()),
        ("Det är olika perspektiv i hälso- och sjukvårdslagen och i socialtjänstlagen.", {"sol_hsl"}, set()),
        ("Mycket av vården utförs via delegeringar till socialtjänstens personal.", {"sol_hsl"}, set()),
        ("Tillgången till de mobila läkar-teamen var god.", {"physician_access"}, set()),
        ("Smittskyddsläkaren skrev riktlinjer.", {"infection_control"}, {"physician_access"}),
        ("Antalet intensivvårdsplatser fördubblades.", {"capacity"}, set()),
        ("Intensivvården stod i fokus.", set(), {"capacity"}),
        ("Alla kommuner producerar inte journalinformation till NPÖ.", {"information_transfer"}, set()),
        ("Läkemedelsgenomgångar görs två gånger om året.", {"medicines"}, {"physician_access"}),
    ],
)
def test_default_codebook_generalises(
    codes_of: Callable[[str], set[str]], text: str, expected: set[str], absent: set[str]
) -> None:
    found = codes_of(text)
    assert expected <= found, found
    assert not (absent & found), found


def test_evidence_points_at_the_matched_words(default_codebook: object) -> None:
    text = "Inledning.\nDet var brist på skyddsutrustningen och munskydd, sa hon."
    sentences = simple_sentences("d1", text, [(0, len(text))])
    hits = code_sentences(sentences, parse_codebook(SMALL, source="small.yaml"))
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.doc_id, hit.code, hit.method, hit.score) == ("d1", "ppe", "lexical", 1.0)
    assert text[hit.start : hit.end] == "Det var brist på skyddsutrustningen och munskydd, sa hon."
    rules = {r["rule"]: r for r in hit.evidence["rules"]}
    assert set(rules) == {"ppe/term:-skyddsutrustning-", "ppe/term:munskydd"}
    for r in rules.values():
        for (start, end), quoted in zip(r["spans"], r["text"], strict=True):
            assert text[start:end] == quoted
    assert rules["ppe/term:munskydd"]["text"] == ["munskydd"]


def test_matcher_needs_only_tokens_with_lemmas() -> None:
    """Any backend's tokens work: here hand-made tokens whose lemma the lemmatizer knew."""
    m = LexicalMatcher(parse_codebook(SMALL, source="small.yaml"))
    tokens = [Token(0, 3, "Nya", "ny", "ADJ"), Token(4, 16, "förråden", "förråd", "NOUN")]
    hits = m.match(Sentence("d", 0, 16, "Nya förråden", tokens))
    assert list(hits) == ["ppe"]


def test_term_index_directions() -> None:
    index = TermIndex([parse_term("-förråd"), parse_term("test-"), parse_term("-läkare-")])
    def words(surface: str, lemma: str) -> set[str]:
        return {index.terms[i].written for i in index.lookup(surface, lemma)}
    assert words("förrådet", "förråd") == {"-förråd"}
    assert words("förrådstömning", "förrådstömning") == set()  # -förråd is a head only
    assert words("testkapacitet", "testkapacitet") == {"test-"}
    assert words("snabbtest", "snabbtest") == set()  # test- is a modifier only
    assert words("läkarteamen", "läkarteamen") == {"-läkare-"}
    assert words("jourläkarna", "jourläkare") == {"-läkare-"}


def test_simple_sentences_respect_regions_and_abbreviations() -> None:
    text = "Rubrik utan punkt\nVi köpte bl.a. munskydd. Sedan kom visir! Slut\nBoilerplate här."
    regions = [(0, text.index("Boilerplate") - 1)]
    sents = simple_sentences("d", text, regions)
    assert [s.text for s in sents] == ["Rubrik utan punkt", "Vi köpte bl.a. munskydd.", "Sedan kom visir!", "Slut"]
    for s in sents:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
    assert [t.lemma for t in tokenize("skyddsutrustningen SIP")] == ["skyddsutrustning", "SIP"]


def test_sentences_from_nlp_layer_spans(small: LexicalMatcher) -> None:
    from textsamverkan.model import Span
    from textsamverkan.segment.sentences import sentences_from_spans

    text = "Rubrik\nFörråden var tomma."
    spans = [
        Span(0, 6, "sentence"),
        Span(0, 6, "token", "rubrik", attrs={"lemma": "rubrik", "upos": "NOUN"}),
        Span(7, 25, "sentence"),
        Span(7, 15, "token", "förråd", attrs={"lemma": "förråd", "upos": "NOUN"}),
        Span(16, 19, "token", "vara", attrs={"lemma": "vara", "upos": "AUX"}),
        Span(20, 25, "token", "tom", attrs={"lemma": "tom", "upos": "ADJ"}),
    ]
    sents = sentences_from_spans("d", text, spans)
    assert [s.text for s in sents] == ["Rubrik", "Förråden var tomma"]
    first = sents[1].tokens[0]
    assert (first.text, first.lemma, first.upos) == ("Förråden", "förråd", "NOUN")
    assert list(small.match(sents[1])) == ["ppe"]
