"""The HTML report: escaped text, every link resolves inside the file, passages highlighted where they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lhtml

from textsamverkan.analysis.compare import compare
from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.export.report import build_report, write_report
from textsamverkan.export.report_html import Highlight, marked_text, passage_anchor

TEXTS = {
    "a": "Vi saknade skyddsutrustning i våras. <script>alert(1)</script> Testningen kom sent.",
    "b": "Samverkan & <b>samordning</b> mellan region och kommun. Skyddsutrustning fanns.",
    "c": "Ett dokument utan kodade passager.",
}
DOCS = [
    DocInfo("a", corpus="test", region="Skåne", kind="transcript", date="2020-04", words=12, title="Podd <1>"),
    DocInfo("b", corpus="test", region="Stockholm", kind="report", date="2020-10", words=9, title="Rapport"),
    DocInfo("c", corpus="test", region="Stockholm", kind="report", date="2021-01", words=5, title="Tom"),
]


def _p(doc: str, needle: str, theme: str) -> CodedPassage:
    start = TEXTS[doc].index(needle)
    return CodedPassage(doc, start, start + len(needle), needle, theme, 1.0, "lexical")


PASSAGES = [
    _p("a", "Vi saknade skyddsutrustning i våras.", "ppe"),
    _p("a", "<script>alert(1)</script> Testningen kom sent.", "testing"),
    _p("b", "Skyddsutrustning fanns.", "ppe"),
    _p("b", "Samverkan & <b>samordning</b> mellan region och kommun.", "samverkan"),
]
CLAIMS = [{"claim": "Skyddsutrustning saknades", "doc_id": "a", "start": 11, "end": 27, "status": "supported"}]
TOPICS = [{"topic": 0, "words": "skydd, utrustning", "size": 2, "examples": ["a:0-36", "b:56-79"]}]
SPEAKERS = [{"doc_id": "a", "speaker": "Anna <Admin>", "role": "chef", "organisation": "Region Skåne",
             "words": 8, "share": 0.6667}]


def _report(**kw: object) -> str:
    options: dict[str, object] = {"passages": PASSAGES, "claims": CLAIMS, "topics": TOPICS, "speakers": SPEAKERS,
                                  "title": "Test <rapport>", "theme_names": {"ppe": "Skyddsutrustning"}}
    options.update(kw)
    return build_report(DOCS, TEXTS, **options)  # type: ignore[arg-type]


def test_document_text_is_escaped_so_markup_shows_as_text() -> None:
    page = _report()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>samordning</b>" not in page and "Anna <Admin>" not in page and "Podd <1>" not in page
    tree = lhtml.fromstring(page)
    scripts = tree.findall(".//script")
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or "")  # only the report's own script
    section = tree.get_element_by_id("d-" + _doc_digest("a"))
    assert "<script>alert(1)</script>" in section.text_content()  # shown to the reader as text


def _doc_digest(doc_id: str) -> str:
    import hashlib

    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


@pytest.mark.parametrize("bare", [False, True])
def test_every_internal_link_has_a_target(bare: bool) -> None:
    page = build_report(DOCS, TEXTS) if bare else _report()
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    hrefs = re.findall(r'href="#([^"]+)"', page)
    assert hrefs, "the report links nothing"
    assert not [h for h in hrefs if h not in ids]
    assert "http://" not in page and "https://" not in page and "src=" not in page  # nothing from the network


def test_passages_are_marked_and_numbers_link_to_them() -> None:
    tree = lhtml.fromstring(_report())
    for p in PASSAGES:
        mark = tree.get_element_by_id(passage_anchor(p.doc_id, p.start, p.end))
        assert mark.tag == "mark"
        assert TEXTS[p.doc_id][p.start:].startswith(mark.text_content())
    heat = tree.get_element_by_id("heatmap")
    links = [a for a in heat.iter("a") if a.get("href", "").startswith("#p-")]
    assert links
    ppe_skane = next(a for a in links if "Skåne, Skyddsutrustning" in (a.get("title") or ""))
    assert ppe_skane.text == "83.33"  # 1 passage in 12 words → 83.33 per 1,000
    assert ppe_skane.get("href") == "#" + passage_anchor("a", 0, 36)


def test_overview_counts_link_to_document_lists() -> None:
    tree = lhtml.fromstring(_report())
    overview = tree.get_element_by_id("overview")
    stockholm = next(tr for tr in overview.iter("tr") if tr.findtext("td") == "Stockholm")
    href = stockholm.find(".//a").get("href")
    listing = tree.get_element_by_id(href[1:])
    assert [li.find("a").text for li in listing.iter("li")] == ["Rapport", "Tom"]


def test_claims_topics_and_speakers_are_shown_with_links() -> None:
    tree = lhtml.fromstring(_report())
    claims = tree.get_element_by_id("claims")
    assert "Skyddsutrustning saknades" in claims.text_content()
    assert claims.find(".//blockquote/a").get("href") == "#" + passage_anchor("a", 11, 27)
    topics = tree.get_element_by_id("topics")
    assert [a.get("href") for a in topics.iter("a")] == ["#" + passage_anchor("a", 0, 36),
                                                         "#" + passage_anchor("b", 56, 79)]
    assert "Anna <Admin>" in tree.get_element_by_id("speakers").text_content()


def test_overlapping_highlights_are_split_and_each_has_an_anchor() -> None:
    text = "abcdefghij"
    out = marked_text(text, "x", [Highlight(0, 6, "one"), Highlight(3, 9, "two"), Highlight(3, 5, "three")])
    fragment = lhtml.fragment_fromstring(out, create_parent="div")
    assert fragment.text_content() == text
    ids = {e.get("id") for e in fragment.iter() if e.get("id")}
    assert ids == {passage_anchor("x", 0, 6), passage_anchor("x", 3, 9), passage_anchor("x", 3, 5)}


def test_cited_sources_only_and_empty_inputs(tmp_path: Path) -> None:
    page = _report(sources="cited")
    tree = lhtml.fromstring(page)
    assert tree.get_element_by_id("d-" + _doc_digest("a")) is not None
    with pytest.raises(KeyError):
        tree.get_element_by_id("d-" + _doc_digest("c"))
    bare = write_report(tmp_path / "r.html", DOCS, TEXTS)
    text = bare.read_text(encoding="utf-8")
    assert "No claims given." in text and 'id="heatmap"' not in text and 'href="#heatmap"' not in text


def test_the_report_is_deterministic() -> None:
    comparison = compare(PASSAGES, DOCS, by="kind")
    assert _report(comparison=comparison) == _report(comparison=comparison)
    assert "Theme × kind" in _report(comparison=comparison)


def _study_page() -> str:
    from study_fixture import NAMES, claims, comparisons, study, topics

    docs, texts, passages = study()
    clustered, plain = comparisons(docs, passages)
    return build_report(docs, texts, passages=passages, comparison=clustered, unclustered=plain,
                        topics=topics(docs), claims=claims(docs), claims_note="1 claims from claims run X.",
                        theme_names=NAMES, min_group_documents=5)


def test_clustered_report_shows_both_tests_small_groups_apart_and_ties_as_ties() -> None:
    page = _study_page()
    tree = lhtml.fromstring(page)
    main = tree.get_element_by_id("heat-main")
    small = tree.get_element_by_id("heat-small")
    assert [th.text_content() for th in main.findall("./tbody/tr/th")] == [
        "Skåne", "Stockholm", "Västra Götalands län med ett långt namn"]
    assert [th.text_content() for th in small.findall("./tbody/tr/th")] == ["Blekinge", "Dalarna"]
    assert all("background" not in (td.get("style") or "") for td in small.iter("td"))
    cell = main.findall("./tbody/tr")[1].findall("./td")[2]  # Stockholm, ppe
    assert "5/10 dok." in cell.text_content() and "/2 author" in cell.text_content()
    tests = tree.get_element_by_id("heatmap").text_content()
    assert "documents as independent" in tests and "cluster permutation" in tests
    assert "Blekinge" not in tests.split("Does coding depend on the group?")[1]  # small groups are never ranked
    assert "tie: Skåne, Stockholm" in tests  # themes nobody coded: every group ties at 0


def test_quotes_are_representative_and_free_of_markdown_topics_link_and_claims_show() -> None:
    page = _study_page()
    tree = lhtml.fromstring(page)
    quotes = tree.get_element_by_id("themes").find_class("quote")
    assert quotes and all("**" not in q.text_content() and "###" not in q.text_content()
                          and "](#" not in q.text_content() for q in quotes)
    ppe_refs = [q.find(".//a").get("href") for q in quotes[:5]]
    assert len(set(ppe_refs)) == 5  # five documents, not five passages of one
    topic_links = tree.get_element_by_id("topics").findall(".//ul[@class='reps']/li/a")
    assert len(topic_links) == 2 and all(a.get("href", "").startswith("#p-") for a in topic_links)
    for a in topic_links:
        assert tree.get_element_by_id(a.get("href")[1:]) is not None
    claims = tree.get_element_by_id("claims").text_content()
    assert "claims run X" in claims and "supported" in claims and "Skyddsutrustning" in claims
    assert "No claims given" not in claims


def test_plain_quote_strips_markdown_but_keeps_words() -> None:
    from textsamverkan.export.report_html import plain_quote

    md = "### Bakgrund\n**Ändring:** se [lagen](#sfs) och *detta*"
    assert plain_quote(md) == "Bakgrund Ändring: se lagen och detta"
    md = "> citat med __fet__ text\n- punkt ett\n1. punkt två"
    assert plain_quote(md) == "citat med fet text punkt ett punkt två"
    assert plain_quote("snake_case_namn och 2 * 3 * 4") == "snake_case_namn och 2 * 3 * 4"
