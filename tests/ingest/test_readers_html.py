"""The HTML reader: main content only, one block per line, headings and bullets as spans, hostile pages survive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from textsamverkan.errors import E_EMPTY, E_MALFORMED, ReadError
from textsamverkan.model import RawDocument

ReadAll = Callable[..., list[RawDocument]]
ReadFails = Callable[..., ReadError]

PAGE = """<!-- saved from url=(0042)https://www.example.se/sparad -->
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Samverkan i Skåne – Region Skåne</title>
<link rel="canonical" href="https://www.skane.se/samverkan"></head>
<body class="cookie-consent-open">
<header class="site-header"><a href="/">Region Skåne</a>
  <nav><ul><li><a href="/">Hem</a></li><li><a href="/om">Om oss</a></li></ul></nav></header>
<div id="cookie-banner">Vi använder kakor. <button>Godkänn</button></div>
<div role="navigation" class="breadcrumbs">Start › Vård</div>
<main>
  <article>
    <header><h1>Samverkan   mellan
      region och kommun</h1></header>
    <p>Under pandemin  behövde <b>regionen</b> och
       kommunerna arbeta tätare.<br>Det gällde särskilt äldreomsorgen.</p>
    <script>document.write("<p>INJICERAD</p>");</script>
    <style>p { color: red }</style>
    <h2>Åtgärder</h2>
    <ul>
      <li>Skyddsutrustning</li>
      <li>Testning och <i>smittspårning</i></li>
    </ul>
    <div class="share-buttons">Dela på Facebook</div>
    <p class="socialtjanst">Socialtjänsten deltog.</p>
    <section id="comments"><p>En kommentar</p></section>
    <form><label>Sök</label><input name="q"></form>
  </article>
</main>
<aside>Relaterade länkar</aside>
<div id="footer">Sidfot i en div</div><div class="sidebar">Sidomeny</div>
<footer>Kontakta oss</footer>
</body></html>
"""


def write(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    if isinstance(html, str):
        path.write_text(html, encoding="utf-8")
    else:
        path.write_bytes(html)
    return path


def test_main_content_blocks_and_spans(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, PAGE))
    assert doc.text == (
        "Samverkan mellan region och kommun\n\n"
        "Under pandemin behövde regionen och kommunerna arbeta tätare.\n"
        "Det gällde särskilt äldreomsorgen.\n\n"
        "Åtgärder\n\n"
        "• Skyddsutrustning\n"
        "• Testning och smittspårning\n\n"
        "Socialtjänsten deltog."
    )
    assert doc.format == "html"
    headings = [(doc.text[s.start:s.end], s.attrs["level"]) for s in doc.structure if s.label == "heading"]
    assert headings == [("Samverkan mellan region och kommun", 1), ("Åtgärder", 2)]
    bullets = [doc.text[s.start:s.end] for s in doc.structure if s.label == "bullet"]
    assert bullets == ["• Skyddsutrustning", "• Testning och smittspårning"]
    assert {s.layer for s in doc.structure} == {"block"}
    assert doc.metadata == {"title": "Samverkan i Skåne – Region Skåne", "url": "https://www.skane.se/samverkan",
                            "language": "sv"}
    assert doc.notes == []


def test_furniture_never_leaks(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, PAGE))
    for furniture in ("Hem", "Om oss", "kakor", "Godkänn", "Start ›", "INJICERAD", "color", "Dela på",
                      "kommentar", "Sök", "Relaterade", "Kontakta", "Region Skåne", "Sidfot", "Sidomeny"):
        assert furniture not in doc.text


def test_body_is_used_without_main_and_header_inside_article_is_kept(tmp_path: Path, read_all: ReadAll) -> None:
    html = ("<body><header><p>Webbplatsens namn</p></header>"
            "<div class='content'><article><header><h1>Rubrik</h1></header><p>Text ett.</p></article>"
            "<p>Utanför artikeln.</p></div><footer>Sidfot</footer></body>")
    [doc] = read_all(write(tmp_path, html))
    # An <article> is preferred over the rest of the body.
    assert doc.text == "Rubrik\n\nText ett."
    html_no_article = html.replace("<article>", "<div>").replace("</article>", "</div>")
    [doc] = read_all(write(tmp_path, html_no_article))
    # Outside article/main/section both <header>s are page banners and are dropped.
    assert doc.text == "Text ett.\n\nUtanför artikeln."
    assert doc.metadata == {"title": "Rubrik"}  # no <title>: the first h1


def test_layout_container_with_a_widget_like_name_is_kept(tmp_path: Path, read_all: ReadAll) -> None:
    html = ("<div class='page has-sidebar'><h1>Rubrik</h1><p>Innehåll.</p></div>"
            "<div class='page-footer'>Sidfot</div>")
    [doc] = read_all(write(tmp_path, html))
    assert doc.text == "Rubrik\n\nInnehåll."


def test_empty_main_falls_back_to_body(tmp_path: Path, read_all: ReadAll) -> None:
    [doc] = read_all(write(tmp_path, "<main> </main><p>Texten ligger utanför main.</p>"))
    assert doc.text == "Texten ligger utanför main."


def test_role_main_and_hidden_elements(tmp_path: Path, read_all: ReadAll) -> None:
    html = ("<div>Meny</div><div role='main'><p>Synlig.</p><p hidden>Dold.</p>"
            "<p style='display: none'>Också dold.</p><span aria-hidden='true'>★</span></div>")
    [doc] = read_all(write(tmp_path, html))
    assert doc.text == "Synlig."


def test_line_breaks_lists_and_tables(tmp_path: Path, read_all: ReadAll) -> None:
    html = ("<div>Rad ett<br><br>Rad två<br/>rad tre</div>"
            "<ol><li><p>Första</p><p>med två stycken</p></li><li>Andra<ul><li>Inre</li></ul>sist</li></ol>"
            "<table><tr><th>Region</th><th>Fall</th></tr><tr><td><p>Skåne</p></td><td>12</td></tr></table>"
            "<pre>  kod\n    indragen</pre>")
    [doc] = read_all(write(tmp_path, html))
    assert doc.text == (
        "Rad ett\n\nRad två\nrad tre\n\n"
        "• Första\nmed två stycken\n• Andra\n• Inre\nsist\n\n"
        "Region | Fall\nSkåne | 12\n\n"
        "  kod\n    indragen"
    )
    bullets = [doc.text[s.start:s.end] for s in doc.structure if s.label == "bullet"]
    assert bullets == ["• Första\nmed två stycken", "• Andra", "• Inre"]


def test_layout_table_is_read_like_divs(tmp_path: Path, read_all: ReadAll) -> None:
    html = ("<table><tr><td><h1>Kommunen informerar</h1><p>Första stycket.</p><p>Andra stycket.</p></td>"
            "<td><ul><li>Länk ett</li></ul></td></tr></table>")
    [doc] = read_all(write(tmp_path, html))
    assert doc.text == "Kommunen informerar\n\nFörsta stycket.\n\nAndra stycket.\n\n• Länk ett"
    assert [s.label for s in doc.structure] == ["heading", "bullet"]


def test_title_and_url_fallbacks(tmp_path: Path, read_all: ReadAll) -> None:
    html = ('<html><head><meta property="og:title" content="OG-titel">'
            '<meta property="og:url" content="https://og.example.se/a"></head><body><h1>H1</h1></body></html>')
    [doc] = read_all(write(tmp_path, html))
    assert doc.metadata == {"title": "OG-titel", "url": "https://og.example.se/a"}
    html = "<!-- saved from url=(0031)https://www.example.se/sparad -->\n<p>Text</p>"
    [doc] = read_all(write(tmp_path, html))
    assert doc.metadata == {"url": "https://www.example.se/sparad"}


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Bara text<p>utan body", "Bara text\n\nutan body"),
        ("<div><p>Ett <b>två <i>tre<div>fyra", "Ett två tre\n\nfyra"),
        ('<p>Före</p><script>var s = "</p><p>INJ"; </script><p>Efter</p>', "Före\n\nEfter"),
        ("<p>Synlig</p><script>var a = 1; <p>inte synlig", "Synlig"),
        ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
         "<body><p>XHTML</p></body></html>", "XHTML"),
        ("<p>Styr\x01tecken\x0b bort</p>", "Styrtecken bort"),
    ],
)
def test_broken_html_is_read(tmp_path: Path, read_all: ReadAll, html: str, expected: str) -> None:
    [doc] = read_all(write(tmp_path, html))
    assert doc.text == expected
    assert "INJ" not in doc.text and "var " not in doc.text


def test_huge_attribute(tmp_path: Path, read_all: ReadAll) -> None:
    html = '<p title="' + "x" * 11_000_000 + '">Efter stort attribut</p><p>Sista</p>'
    [doc] = read_all(write(tmp_path, html))
    assert doc.text == "Efter stort attribut\n\nSista"


@pytest.mark.parametrize(
    "html",
    ["<script>alert(1)</script><script>document.write('<p>hej</p>')</script>",
     "<!-- bara en kommentar -->",
     "   \n  ",
     "<html><body><nav>Meny</nav><div></div><footer>Sidfot</footer></body></html>"],
)
def test_no_readable_text_is_e_empty(tmp_path: Path, read_fails: ReadFails, html: str) -> None:
    error = read_fails(write(tmp_path, html))
    assert error.code == E_EMPTY
    assert "no readable text" in error.message


def test_nesting_past_the_parser_limit(tmp_path: Path, read_all: ReadAll, read_fails: ReadFails) -> None:
    error = read_fails(write(tmp_path, "<div>" * 5000 + "djup text"))
    assert error.code == E_MALFORMED
    assert "Excessive depth" in error.message and "XML_PARSE_HUGE" not in error.message
    [doc] = read_all(write(tmp_path, "<p>Början</p>" + "<div>" * 5000 + "djup text"))
    assert doc.text == "Början"
    assert doc.notes == ["the HTML parser gave up part-way (line 1: Excessive depth in document: 2048); "
                         "text after that point is missing"]


def test_meta_charset_is_honoured(tmp_path: Path, read_all: ReadAll) -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
            "<body><p>Äldreomsorg – åtgärder</p></body></html>")
    [doc] = read_all(write(tmp_path, html.encode("cp1252")))
    assert doc.text == "Äldreomsorg – åtgärder"  # the en dash exists only in windows-1252, as browsers read it
    assert doc.notes == ["decoded as cp1252, as the page's <meta charset> declares"]


def test_wrong_meta_charset_falls_back_to_detection(tmp_path: Path, read_all: ReadAll) -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Äldreomsorg</p></body></html>'
    [doc] = read_all(write(tmp_path, html.encode("utf-8")))
    assert doc.text == "Äldreomsorg"
    assert doc.notes == ["the page declares charset=iso-8859-1, but its bytes are UTF-8; read as UTF-8"]
    [doc] = read_all(write(tmp_path, "<p>Äldreomsorg</p>".encode("cp1252")))
    assert doc.text == "Äldreomsorg"
    assert doc.notes[0].startswith("not valid UTF-8: decoded as Windows-1252")
