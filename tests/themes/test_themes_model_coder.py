"""The learned layer: trained on the labelled sentences that ship with the tool, it codes mentions in other words
than the rules know (`method = "model"`, with evidence) only where the rules found nothing, leaves look-alikes and
ordinary text alone, never codes on a rule word alone, and gives the same model for the same inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.segment.sentences import Sentence, simple_sentences
from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.matcher import code_sentences
from textsamverkan.themes.model_coder import (
    AGREEMENT,
    CONTEXT_RELIEF,
    SPOKEN_CONTEXT_RELIEF,
    TRAINING_FILE,
    ModelCoder,
    bundled_examples,
    cached_model_coder,
    examples_from_codings,
    fit_model_coder,
)
from textsamverkan.themes.types import ThemeHit


@pytest.fixture(scope="module")
def fitted(default_codebook: Codebook) -> ModelCoder:
    return cached_model_coder(default_codebook)


def _model_hits(coder: ModelCoder, codebook: Codebook, text: str) -> list[ThemeHit]:
    sentences = simple_sentences("x", text, [(0, len(text))])
    return coder.code(sentences, code_sentences(sentences, codebook))


# sentences written for this test, none in the training file (checked below), none coded by the rules
IMPLICIT = {
    "Alla på avdelningen fick stå i kö för att bli pinnade i näsan innan passet.": "testing",
    "Vi klippte hål i sopsäckar och drog dem över kläderna innan vi gick in till de sjuka.": "ppe",
    "Boendet delades upp i en ren och en smittad avdelning.": "infection_control",
    "Vi pratade med de anhöriga om vad mamma själv ville om hon blev sämre.": "care_plans",
}
# a second code a reader would also give: asking what the person herself wants is person-centred care too
ALSO_RIGHT = {"Vi pratade med de anhöriga om vad mamma själv ville om hon blev sämre.": {"person_centred"}}
UNCODED = [
    "Vi planerar att köpa nya möbler till dagrummet.",
    "Vi provade en ny rutin för helgerna.",
    "Länsstyrelsen vill skydda skogen mot avverkning.",
    "Eleverna läste böcker i biblioteket.",
]


def test_the_test_sentences_are_not_training_sentences() -> None:
    training = TRAINING_FILE.read_text(encoding="utf-8")
    assert not [t for t in [*IMPLICIT, *UNCODED] if t in training]


@pytest.mark.parametrize(("text", "code"), IMPLICIT.items())
def test_codes_mentions_in_other_words(default_codebook: Codebook, fitted: ModelCoder, text: str, code: str) -> None:
    sentences = simple_sentences("x", text, [(0, len(text))])
    assert not code_sentences(sentences, default_codebook)  # the rules miss it
    hits = _model_hits(fitted, default_codebook, text)
    assert [h.code for h in hits if h.code not in ALSO_RIGHT.get(text, set())] == [code]
    hit = next(h for h in hits if h.code == code)
    # coded by the two models' agreement: the mean of their score/threshold ratios, not the word model alone
    assert hit.method == "model" and hit.evidence["agreement"] >= AGREEMENT
    assert set(hit.evidence) >= {"score", "threshold", "sentence_model", "agreement", "words", "nearest", "model"}
    assert hit.evidence["words"] and hit.evidence["nearest"]
    lemmas = {(t.lemma or t.text).lower() for t in sentences[0].tokens}
    assert set(hit.evidence["words"]) <= lemmas  # whole words of the sentence, not letter grams


@pytest.mark.parametrize("text", UNCODED)
def test_look_alikes_and_ordinary_text_stay_uncoded(default_codebook: Codebook, fitted: ModelCoder, text: str) -> None:
    assert _model_hits(fitted, default_codebook, text) == []


def test_a_rule_word_alone_does_not_code(default_codebook: Codebook, fitted: ModelCoder) -> None:
    """The rules code sol_hsl only when both laws, a conflict or delegation are named; the layer does not see the
    rules' trigger words, so one law named in passing stays uncoded."""
    assert _model_hits(fitted, default_codebook, "Socialtjänstlagen gäller för alla kommuner i landet.") == []


def test_no_model_hit_where_the_rules_already_coded(default_codebook: Codebook, fitted: ModelCoder) -> None:
    text = "Vi klippte hål i sopsäckar eftersom skyddsutrustningen var slut."
    sentences = simple_sentences("x", text, [(0, len(text))])
    lexical = code_sentences(sentences, default_codebook)
    assert [h.code for h in lexical] == ["ppe"]
    assert not [h for h in fitted.code(sentences, lexical) if h.code == "ppe"]


def test_thresholds_are_chosen_for_precision(fitted: ModelCoder) -> None:
    assert {"ppe", "testing", "care_plans", "infection_control"} <= set(fitted.models)
    for model in fitted.models.values():
        assert model.heldout_precision >= 0.9  # out of fold, where the rules are silent
        assert 0.5 < model.threshold < 1.0


def test_a_codebook_without_the_bundled_codes_gets_no_bundled_labels(default_codebook: Codebook) -> None:
    import dataclasses

    only_ppe = dataclasses.replace(default_codebook, codes=tuple(c for c in default_codebook.codes if c.id == "ppe"))
    labels = {code for _, codes in bundled_examples(only_ppe) for code in codes}
    assert labels == {"ppe"}


def test_same_inputs_same_model_and_cached(default_codebook: Codebook, fitted: ModelCoder, tmp_path: Path) -> None:
    again = fit_model_coder(default_codebook)
    assert {c: m.threshold for c, m in again.models.items()} == {c: m.threshold for c, m in fitted.models.items()}
    cached_model_coder(default_codebook, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.pkl"))) == 1


def test_people_codings_become_examples() -> None:
    text = "Vi fick inga rockar. Bussen kom sent. Alla testades."
    sents = simple_sentences("doc", text, [(0, len(text))])
    other = simple_sentences("other", "Ingen kodade detta.", [(0, 19)])
    examples = examples_from_codings([*sents, *other], [("doc", 0, 20, "ppe"), ("doc", 38, 52, "testing")])
    assert [(s.text, set(c)) for s, c in examples] == [
        ("Vi fick inga rockar.", {"ppe"}),
        ("Bussen kom sent.", set()),  # a coded document's uncoded sentence: a negative
        ("Alla testades.", {"testing"}),
    ]  # the uncoded document gives nothing


def test_examples_join_training_with_their_labels(default_codebook: Codebook, fitted: ModelCoder) -> None:
    text = "Rockarna i förrådet räckte inte till personalen."
    labelled = [(s, frozenset({"ppe"})) for s in simple_sentences("h", text, [(0, len(text))])] * 3
    with_people = fit_model_coder(default_codebook, examples=labelled)
    probe = simple_sentences("p", "Rockarna räckte inte.", [(0, 21)])
    assert with_people.scores(probe)[1]["ppe"][0] > fitted.scores(probe)[1]["ppe"][0]


def test_a_fragment_too_short_to_say_anything_gets_no_model_hit(default_codebook: Codebook, fitted: ModelCoder) -> None:
    """A list's lead-in ("Läkemedelsverket ska") scores like the sentences it introduces; it is left to the rules."""
    text = "Engångsrockar slut."
    sentences = simple_sentences("x", text, [(0, len(text))])
    assert not code_sentences(sentences, default_codebook)
    assert fitted.scores(sentences)[1]["ppe"][0] >= fitted.models["ppe"].threshold  # it would code on its score
    assert _model_hits(fitted, default_codebook, text) == []
    assert [h.code for h in _model_hits(fitted, default_codebook, "Engångsrockar tog slut.")] == ["ppe"]


def test_features_carry_letter_grams_of_the_lemmas() -> None:
    from textsamverkan.themes.model_coder import sentence_features

    (sentence,) = simple_sentences("x", "Engångsrockar tog slut.", [(0, 23)])
    words = sentence_features(sentence).split()
    assert "#rock" in words and "#<eng" in words  # "plastrock" and "engångsförkläde" share these


def test_a_hit_needs_both_models_to_agree(default_codebook: Codebook, fitted: ModelCoder) -> None:
    """The word-and-static model and the sentence model (e5-small-sv) score every code; a hit needs the mean of their
    score/threshold ratios to reach AGREEMENT, and the evidence shows both."""
    from textsamverkan.themes.model_coder import AGREEMENT

    assert fitted.second is not None and set(fitted.second.models) == set(fitted.models)
    text = "Vi klippte hål i sopsäckar och drog dem över kläderna innan vi gick in till de sjuka."
    (hit,) = _model_hits(fitted, default_codebook, text)
    evidence = hit.evidence
    first = evidence["score"] / evidence["threshold"]
    second = evidence["sentence_model"]["score"] / evidence["sentence_model"]["threshold"]
    assert evidence["agreement"] == pytest.approx((first + second) / 2, abs=1e-3)
    assert evidence["agreement"] >= AGREEMENT


def test_the_sentence_model_reads_only_sentences_it_could_code(
    default_codebook: Codebook, fitted: ModelCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Embedding with e5-small-sv is slow, so it runs only where the first model's score leaves agreement possible:
    ordinary sentences far from every code are never embedded."""
    assert fitted.second is not None
    seen: list[str] = []
    second_scores = fitted.second.scores

    def recording(sentences: list, *args: object) -> object:  # type: ignore[type-arg]
        seen.extend(s.text for s in sentences)
        return second_scores(sentences)

    monkeypatch.setattr(fitted.second, "scores", recording)
    far = "Bussen till Uppsala gick klockan åtta varje morgon."
    near = "Vi klippte hål i sopsäckar och drog dem över kläderna innan vi gick in till de sjuka."
    text = f"{far} {near}"
    sentences = simple_sentences("x", text, [(0, len(text))])
    hits = fitted.code(sentences, code_sentences(sentences, default_codebook))
    assert [h.code for h in hits] == ["ppe"]
    assert near in seen and far not in seen


# seven sentences on something else: a document about school furniture, with one line the layer would code
OFF_TOPIC = [
    "Skolan fick nya bänkar i höstas.",
    "Eleverna valde själva färgen på stolarna.",
    "Rektorn ville ha lampor som inte bländar.",
    "Snickaren kom på tisdagen och satte upp hyllor.",
    "Biblioteket flyttade till andra våningen.",
    "Föräldrarna hjälpte till att bära kartonger.",
    "Alla var nöjda när terminen började.",
]
IMPLICIT_PPE = "Vi klippte hål i sopsäckar och drog dem över kläderna innan vi gick in till de sjuka."


def test_a_document_off_the_codebook_subjects_gets_no_model_hit(default_codebook: Codebook, fitted: ModelCoder) -> None:
    # eight sentences and not one rule hit: the document is about something else, so the layer leaves it alone
    assert not _model_hits(fitted, default_codebook, " ".join([*OFF_TOPIC, IMPLICIT_PPE]))
    # the same line where the rules find the codebook's subject elsewhere in the document is coded
    on_topic = " ".join([*OFF_TOPIC[:6], "Boendet hade brist på munskydd hela våren.", IMPLICIT_PPE])
    hits = _model_hits(fitted, default_codebook, on_topic)
    assert "ppe" in {h.code for h in hits if h.start == on_topic.index(IMPLICIT_PPE)}
    # a short text is too short to tell: coded as before
    short = " ".join([*OFF_TOPIC[:3], IMPLICIT_PPE])
    hits = _model_hits(fitted, default_codebook, short)
    assert "ppe" in {h.code for h in hits if h.start == short.index(IMPLICIT_PPE)}


def test_the_run_setting_defaults_to_the_layers_agreement() -> None:
    from textsamverkan.settings import SETTINGS

    assert next(s for s in SETTINGS if s.name == "model_agreement").default == AGREEMENT
    assert next(s for s in SETTINGS if s.name == "model_context").default == CONTEXT_RELIEF
    assert next(s for s in SETTINGS if s.name == "model_context_spoken").default == SPOKEN_CONTEXT_RELIEF


def test_a_sentence_next_to_one_with_the_code_needs_less(default_codebook: Codebook, fitted: ModelCoder) -> None:
    from dataclasses import replace

    # said in other words, a little under the agreement a sentence needs alone (0.89 against 0.95)
    unsaid = "Hemtjänsten visste inte att hon hade kommit hem."
    before = "Sjukhuset skickade ingen epikris och ingen informationsöverföring skedde till kommunen."
    text = f"{before} {unsaid}"
    alone = replace(fitted, agreement=0.95, context_relief=0.0)
    assert not [h for h in _model_hits(alone, default_codebook, text) if h.code == "information_transfer"]
    hits = _model_hits(replace(fitted, agreement=0.95, context_relief=0.1), default_codebook, text)
    [hit] = [h for h in hits if h.code == "information_transfer"]
    assert hit.start == text.index(unsaid) and hit.evidence["context"] is True
    assert hit.evidence["agreement"] < 0.95
    # a sentence between them: no neighbour has the code, so the sentence is read alone
    apart = f"{before} Vi hade en fin utflykt till sjön i går. {unsaid}"
    hits = _model_hits(replace(fitted, agreement=0.95, context_relief=0.1), default_codebook, apart)
    assert not [h for h in hits if h.code == "information_transfer"]


def test_a_transcript_reads_a_neighbour_more_generously(default_codebook: Codebook, fitted: ModelCoder) -> None:
    """Without the context model (`--no-context-model`), in a document with speaker turns a sentence next to one
    with the code needs `spoken_relief` less agreement, in any other `context_relief` less; per document, within one
    call."""
    from dataclasses import replace

    before = "Sjukhuset skickade ingen epikris och ingen informationsöverföring skedde till kommunen."
    vague = "Vi fick ringa runt själva för att få veta vad som hänt."  # about 0.62 of the agreement it needs alone
    text = f"{before} {vague}"
    coder = replace(fitted, agreement=0.95, context_relief=0.1, spoken_relief=0.4, context=None)
    sentences = [*simple_sentences("talk", text, [(0, len(text))]), *simple_sentences("memo", text, [(0, len(text))])]
    hits = coder.code(sentences, code_sentences(sentences, default_codebook), spoken=["talk"])
    found = [h for h in hits if h.code == "information_transfer" and h.start == text.index(vague)]
    assert [h.doc_id for h in found] == ["talk"]
    assert found[0].evidence["context"] is True and found[0].evidence["relief"] == 0.4
    assert 0.55 <= found[0].evidence["agreement"] < 0.85


def test_a_lower_agreement_codes_what_a_stricter_one_leaves(default_codebook: Codebook, fitted: ModelCoder) -> None:
    from dataclasses import replace

    text = "Vem som får ge insulin när sjuksköterskan inte är på plats är en evig fråga mellan kommun och region."
    strict = {h.code for h in _model_hits(replace(fitted, agreement=1.0), default_codebook, text)}
    loose = {h.code for h in _model_hits(replace(fitted, agreement=0.9), default_codebook, text)}
    assert strict == {"sol_hsl"} and loose == {"sol_hsl", "medicines"}  # insulin: between the two


def _lines(doc: str, lines: list[str]) -> tuple[str, list[Sentence]]:
    text = "\n".join(lines)
    spans, start = [], 0
    for line in lines:
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return text, simple_sentences(doc, text, spans)


def test_a_transcript_reads_a_line_through_the_lines_around_it(
    default_codebook: Codebook, fitted: ModelCoder
) -> None:
    """In a transcript the context model codes a line that carries a code only through the lines before it ("Och
    svaret kom aldrig." after a swab), with its probability and cut as evidence; the same lines in a written document
    are read with the relief, and the line alone says nothing."""
    assert fitted.context is not None and fitted.reads_transcripts
    lines = [
        "Intervjuare: Hur var det med testningen i våras?",
        "Vi fick åka till vårdcentralen och ta prov på varandra i bilen.",
        "Och svaret kom aldrig.",
    ]
    answer = lines[2]
    found = {}
    for doc, spoken in (("talk", ["talk"]), ("memo", [])):
        text, sentences = _lines(doc, lines)
        hits = fitted.code(sentences, code_sentences(sentences, default_codebook), spoken)
        found[doc] = [h for h in hits if h.code == "testing" and h.start == text.index(answer)]
    [hit] = found["talk"]
    context = hit.evidence["context_model"]
    assert context["probability"] >= context["cut"] and hit.method == "model"
    assert hit.evidence["agreement"] < fitted.agreement  # the sentence alone would not be coded
    assert not found["memo"]
    assert not [h for h in _model_hits(fitted, default_codebook, answer) if h.code == "testing"]


def test_without_the_context_model_a_transcript_falls_back_to_the_relief(
    default_codebook: Codebook, fitted: ModelCoder
) -> None:
    from dataclasses import replace

    lines = ["Intervjuare: Hur var det med testningen i våras?",
             "Vi fick åka till vårdcentralen och ta prov på varandra i bilen.", "Och svaret kom aldrig."]  # fmt: skip
    _text, sentences = _lines("talk", lines)
    relief = replace(fitted, context=None)
    assert not relief.reads_transcripts
    hits = relief.code(sentences, code_sentences(sentences, default_codebook), ["talk"])
    assert not [h for h in hits if "context_model" in h.evidence]


def test_the_bundled_transcripts_are_transcripts_labelled_with_the_codebooks_codes(default_codebook: Codebook) -> None:
    """Each bundled document is what `themes` reads as a transcript (ingest finds speaker turns), and its labels are
    codes of the default codebook, `context_only` lines being lines in other words."""
    import json

    from textsamverkan.segment.turns import segment_turns
    from textsamverkan.themes.context_model import TRANSCRIPTS_FILE, labelled_transcripts

    codes = {c.id for c in default_codebook.codes}
    rows = [json.loads(line) for line in TRANSCRIPTS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(set(r["codes"]) <= codes and (not r["context_only"] or r["implicit"]) for r in rows)
    documents = labelled_transcripts(codes)
    assert len(documents) == len({r["doc"] for r in rows}) >= 40
    assert all(segment_turns("\n".join(lines)).turns for _doc, lines, _codes in documents)
    assert sum(r["context_only"] for r in rows) >= 300
