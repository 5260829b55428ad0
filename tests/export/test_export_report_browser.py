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
