"""The report rendered by headless Chromium is a styled page, not a blank one (skipped without Chromium)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.export.report import write_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        pytest.skip("no Chromium installed (apt-get install -y chromium)")
    return found


def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = _browser()
    image_module = pytest.importorskip("PIL.Image")
    text = "Vi saknade skyddsutrustning i våras. <script>document.body.innerHTML=''</script> Testningen kom sent."
    docs = [DocInfo(f"d{i}", region=r, kind="transcript", date="2020-05", words=18, title=f"Avsnitt {i}")
            for i, r in enumerate(["Skåne", "Stockholm", "Uppsala"])]
    texts = {d.doc_id: text for d in docs}
    passages = [CodedPassage(d.doc_id, 0, 36, text[0:36], "ppe") for d in docs[:2]]
    passages.append(CodedPassage("d2", 99, 120, text[99:120], "testing"))
    report = write_report(tmp_path / "report.html", docs, texts, passages=passages, title="Skärmbild")
    png = tmp_path / "shot.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1600", f"--screenshot={png}",
         report.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    with image_module.open(png) as image:
        rgb = image.convert("RGB")
        header = rgb.getpixel((5, 5))  # the header band is dark blue (#08306b) when the CSS applied
        grey = rgb.convert("L").histogram()
    non_white = sum(grey[:245]) / sum(grey)
    assert header[2] > header[0] + 40 and sum(header) < 300, header
    assert non_white > 0.05, f"only {non_white:.1%} of the page is not white"


_PROBE = """<script>
window.addEventListener('load', function () {
  var out = {};
  var wrap = document.getElementById('heat-scroll'), table = document.getElementById('heat-main');
  var section = document.getElementById('heatmap');
  out.overflow = getComputedStyle(wrap).overflowX;
  out.scrolls = wrap.scrollWidth > wrap.clientWidth;
  out.wrapInsideSection = wrap.getBoundingClientRect().right <= section.getBoundingClientRect().right + 1;
  out.pageWiderThanWindow = document.documentElement.scrollWidth > window.innerWidth + 1;
  wrap.scrollLeft = wrap.scrollWidth;
  var heads = table.querySelectorAll('thead th'), last = heads[heads.length - 1];
  out.lastHeaderReachable = last.getBoundingClientRect().right <= wrap.getBoundingClientRect().right + 1;
  out.lastHeaderWidth = last.getBoundingClientRect().width;
  var cell = table.querySelector('tbody td:nth-of-type(3) small');
  out.countsShown = cell !== null && cell.getBoundingClientRect().height > 0 ? cell.textContent : '';
  var smallCell = document.querySelector('#heat-small td.small');
  out.smallBackground = smallCell ? getComputedStyle(smallCell).backgroundColor : '';
  var quotes = Array.prototype.map.call(document.querySelectorAll('#themes blockquote.quote'),
    function (q) { return q.innerText; });
  out.quotes = quotes;
  out.topicLinks = document.querySelectorAll('#topics ul.reps a[href^="#p-"]').length;
  document.title = 'PROBE' + JSON.stringify(out) + 'PROBE';
});
</script></body>"""


def _probe(tmp_path: Path, width: int) -> dict[str, object]:
    """Render the study report at `width` pixels in headless Chromium and measure its layout in the page."""
    import json
    import re

    from study_fixture import NAMES, claims, comparisons, study, topics

    from textsamverkan.export.report import build_report

    browser = _browser()
    docs, texts, passages = study()
    clustered, plain = comparisons(docs, passages)
    page = build_report(docs, texts, passages=passages, comparison=clustered, unclustered=plain,
                        topics=topics(docs), claims=claims(docs), theme_names=NAMES, min_group_documents=5)
    path = tmp_path / "probe.html"
    path.write_text(page.replace("</body>", _PROBE), encoding="utf-8")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'p'}",
         f"--window-size={width},1000", "--virtual-time-budget=3000", "--dump-dom", path.as_uri()],
        check=True, capture_output=True, timeout=120, text=True,
    )
    found = re.search(r"PROBE(.*?)PROBE", done.stdout)
    assert found, done.stdout[-2000:]
    result: dict[str, object] = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return result


@pytest.mark.parametrize("width", [700, 1400])
def test_heatmap_fits_scrolls_and_never_cuts(tmp_path: Path, width: int) -> None:
    probe = _probe(tmp_path, width)
    assert probe["overflow"] in ("auto", "scroll")
    assert probe["wrapInsideSection"] and not probe["pageWiderThanWindow"]
    assert probe["scrolls"]  # 16 themes do not fit: the table scrolls inside its box…
    assert probe["lastHeaderReachable"] and float(str(probe["lastHeaderWidth"])) > 30  # …and its last column shows


def test_heatmap_cells_show_counts_small_groups_are_grey_quotes_are_plain(tmp_path: Path) -> None:
    probe = _probe(tmp_path, 1200)
    assert "dok." in str(probe["countsShown"]) and "author" in str(probe["countsShown"])
    assert probe["smallBackground"] == "rgb(244, 244, 244)"
    quotes = probe["quotes"]
    assert isinstance(quotes, list) and quotes
    assert all("**" not in q and "###" not in q and "](#" not in q for q in quotes)
    assert any(q.startswith("Ändring: Vi saknade skyddsutrustning") for q in quotes)
    assert probe["topicLinks"] == 2
