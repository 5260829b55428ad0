"""Blocks of the four seed documents and of small texts: headings, bullets, paragraphs, boilerplate."""

from __future__ import annotations

import itertools

from paths import SEEDS
from textsamverkan.ingest.normalise import normalise
from textsamverkan.ingest.structure import find_blocks
from textsamverkan.model import Span


def seed_blocks(prefix: str) -> tuple[str, list[Span]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = normalise(path.read_text(encoding="utf-8")).text
    return text, find_blocks(text)


def labelled(text: str, blocks: list[Span], label: str) -> list[str]:
    return [text[b.start : b.end] for b in blocks if b.label == label]


def test_blocks_are_trimmed_ordered_and_disjoint() -> None:
    for prefix in ("000", "001", "002", "003"):
        text, blocks = seed_blocks(prefix)
        for a, b in itertools.pairwise(blocks):
            assert a.end <= b.start
        for b in blocks:
            quote = text[b.start : b.end]
            assert quote == quote.strip() and quote


def test_seed_000_comment_and_contact_furniture_is_boilerplate() -> None:
    text, blocks = seed_blocks("000")
    boiler = labelled(text, blocks, "boilerplate")
    assert boiler[0] == "Läs vidare"
    assert boiler[-1] == "Sök i bloggen"
    assert "• Kommentarer får inte innehålla hat eller hot" in boiler
    assert "Kontakta oss" in boiler
    content = [text[b.start : b.end] for b in blocks if b.label != "boilerplate"]
    assert content[-1].startswith("Men det går att slå fast")
    assert labelled(text, blocks, "heading") == ["Regionernas samverkan har varit avgörande"]
    assert len(labelled(text, blocks, "bullet")) == 3


def test_seed_002_feedback_footer_is_boilerplate_and_content_is_kept() -> None:
    text, blocks = seed_blocks("002")
    boiler = labelled(text, blocks, "boilerplate")
    assert boiler[0] == "Fick du hjälp av informationen på sidan?"
    assert boiler[-1].startswith("Tack för din hjälp att förbättra webbplatsen")
    assert any("anna-karin.falck@skane.se" in p for p in labelled(text, blocks, "paragraph"))
    assert {"Axelkirurgi", "Ablationer", "Onkologisk vård"} <= set(labelled(text, blocks, "heading"))


def test_seed_001_page_break_sentence_is_one_paragraph() -> None:
    text, blocks = seed_blocks("001")
    joined = [q for q in labelled(text, blocks, "paragraph") if "Det kan vara våra avtal" in q]
    assert len(joined) == 1 and joined[0].startswith("- Västra Götalandsregionen har 49 kommuner")
    assert not labelled(text, blocks, "boilerplate")


def test_seed_003_slides_bullets_headings_and_joined_wraps() -> None:
    text, blocks = seed_blocks("003")
    bullets = labelled(text, blocks, "bullet")
    headings = labelled(text, blocks, "heading")
    assert "Bakgrund" in headings and "Tolkning av avtal" in headings and "Tillgänglighet" in headings
    assert any(b.startswith("● För patienter") and "läkare medan kommunerna ansvarar" in b for b in bullets)
    assert any(b.startswith("o Överenskommelse") and b.endswith("lämnar tolkningsutrymme") for b in bullets)
    assert any(b.endswith("organisation och personaltillgång") for b in bullets)
    assert sum(b.startswith("o ") for b in bullets) == 18
    assert sum(b.startswith("●") for b in bullets) == 22


def test_plain_text_web_save_with_navigation_and_comment_tail() -> None:
    text = (
        "Hoppa till innehåll\nMeny\nSök\n\nSmittspårning i kommunen\n\n"
        "Kommunen har sedan i våras arbetat med smittspårning på alla särskilda boenden. "
        "Arbetet har gått bra och personalen har fått utbildning.\n\n"
        "Dela\nSkriv ut\nLämna en kommentar\nDin e-postadress publiceras inte.\n"
    )
    blocks = find_blocks(text)
    labels = [(text[b.start : b.end], b.label) for b in blocks]
    assert labels[:3] == [
        ("Hoppa till innehåll", "boilerplate"),
        ("Meny", "boilerplate"),
        ("Sök", "boilerplate"),
    ]
    assert ("Smittspårning i kommunen", "heading") in labels
    assert labels[-1] == ("Din e-postadress publiceras inte.", "boilerplate")
    assert labels[-4][1] == "boilerplate" and labels[-5][1] == "paragraph"


def test_report_mentioning_contacts_in_the_middle_keeps_its_content() -> None:
    text = "Rapport om samverkan\n\nKontakta oss\n\n" + "\n\n".join(
        f"Stycke {i} handlar om vårdplaner och samverkan mellan kommun och region." for i in range(8)
    )
    assert all(b.label != "boilerplate" for b in find_blocks(text))


def test_a_numbered_line_alone_before_prose_is_a_heading_and_a_list_stays_a_list() -> None:
    minutes = (
        "Anteckningar från arbetsplatsträff\n3. Vaccination\nAlla som inte har fått höstens dos kan vaccinera sig.\n"
        "4. Skyddsutrustning och förråd\nDet saknas munskydd i storlek S.\n"
    )
    listed = "Det som brast under våren:\n1. Brist på munskydd\n2. Brist på handskar\nVi har nu ett eget lager.\n"
    assert labelled(minutes, find_blocks(minutes), "heading") == [
        "Anteckningar från arbetsplatsträff", "3. Vaccination", "4. Skyddsutrustning och förråd"
    ]  # fmt: skip
    blocks = find_blocks(listed)
    assert labelled(listed, blocks, "bullet") == ["1. Brist på munskydd", "2. Brist på handskar"]
    assert labelled(listed, blocks, "heading") == []


def test_reader_structure_wins() -> None:
    text = "Inledning utan punkt\n\nEtt stycke."
    known = [Span(0, 20, "block", "paragraph")]
    assert find_blocks(text, known=known)[0].label == "paragraph"
    assert find_blocks(text)[0].label == "heading"
