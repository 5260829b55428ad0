"""The report rendered by headless Chromium is a styled page, not a blank one (skipped without Chromium)."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

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


# A probe injected before the report's own script: it records errors, then (after the page loaded) checks every
# in-page link target, the heatmap's visibility, and that following a heatmap link opens the source view with the
# passage visible. Its findings are written into the page as JSON, which --dump-dom returns.
PROBE = """<script>
window.__errors=[];
window.addEventListener('error',function(e){__errors.push('error: '+e.message);});
document.addEventListener('securitypolicyviolation',function(e){__errors.push('csp: '+e.violatedDirective);});
(function(){var original=console.error;console.error=function(){__errors.push('console: '+[].join.call(arguments,' '));
original.apply(console,arguments);};})();
function __visible(el){if(!el)return false;var r=el.getBoundingClientRect(),s=getComputedStyle(el);
return r.width>0&&r.height>0&&s.visibility!=='hidden'&&s.display!=='none';}
window.addEventListener('load',function(){
var links=[].slice.call(document.querySelectorAll('a[href^="#"]'));
var missing=links.map(function(a){return decodeURIComponent(a.getAttribute('href').slice(1));})
.filter(function(id){return id&&!document.getElementById(id);});
var heat=document.querySelector('table.heat');var cell=heat&&heat.querySelector('td a[href^="#"]');
var result={links:links.length,missing:missing,heatmap:__visible(heat),
heatmap_right:heat?Math.round(heat.getBoundingClientRect().right):0,width:document.documentElement.clientWidth};
var id=cell?decodeURIComponent(cell.getAttribute('href').slice(1)):null;
var before=id?__visible(document.getElementById(id)):null;
if(cell)cell.click();
setTimeout(function(){var target=id?document.getElementById(id):null;
var box=target?target.closest('details'):null;
result.source_hidden_before=before===false;result.source_open=!!(box&&box.open);result.target_visible=__visible(target);
result.errors=window.__errors;var pre=document.createElement('pre');pre.id='probe-result';
pre.textContent=JSON.stringify(result);document.body.appendChild(pre);},500);});
</script>"""


def _report_with_heatmap(tmp_path: Path) -> Path:
    from textsamverkan.analysis.compare import compare

    text = ("Vi saknade skyddsutrustning i våras. <script>document.body.innerHTML=''</script> Testningen kom sent. "
            + "Samverkan med kommunerna fungerade. " * 40)
    docs = [DocInfo(f"d{i}", region=r, kind="transcript", date="2020-05", words=300, title=f"Avsnitt {i}")
            for i, r in enumerate(["Skåne", "Stockholm", "Uppsala", "Halland"])]
    texts = {d.doc_id: text for d in docs}
    passages = [CodedPassage(d.doc_id, 0, 36, text[0:36], "ppe") for d in docs[:3]]
    passages.append(CodedPassage("d3", 99, 120, text[99:120], "testing"))
    comparison = compare(passages, docs, by="region")
    return write_report(tmp_path / "report.html", docs, texts, passages=passages, comparison=comparison,
                        title="Prov")


def _probe(browser: str, html: str, folder: Path) -> dict[str, Any]:
    """Render `html` with the probe in headless Chromium; the probe's findings plus Chromium's own log."""
    probed = folder / "probed.html"
    probed.write_text(html.replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={folder / 'profile'}", "--window-size=1200,1600", "--virtual-time-budget=5000",
         "--dump-dom", probed.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', proc.stdout, re.S)
    assert found, proc.stderr[-2000:]
    result: dict[str, Any] = json.loads(html_lib.unescape(found.group(1)))
    result["log_errors"] = re.findall(r"Uncaught.*|.*SEVERE.*CONSOLE.*", proc.stderr)
    return result


def test_rendered_report_links_heatmap_and_source_view(tmp_path: Path) -> None:
    result = _probe(_browser(), _report_with_heatmap(tmp_path).read_text(encoding="utf-8"), tmp_path)
    assert result["errors"] == [] and result["log_errors"] == [], result
    assert result["links"] > 5 and result["missing"] == [], result
    assert result["heatmap"], result
    assert (result["source_open"], result["target_visible"]) == (True, True), str(result)


def test_the_probe_sees_broken_links_and_script_errors(tmp_path: Path) -> None:
    html = _report_with_heatmap(tmp_path).read_text(encoding="utf-8")
    broken = html.replace("</main>", '<a href="#nowhere">x</a><img src="data:," onerror="undefinedCall()"></main>', 1)
    assert broken != html
    result = _probe(_browser(), broken, tmp_path)
    assert result["missing"] == ["nowhere"]
    assert result["errors"], result
