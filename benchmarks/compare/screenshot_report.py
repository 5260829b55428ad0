"""Render an HTML report in headless Chromium and save a screenshot, to check it as a reader would see it.

    .venv/bin/python benchmarks/compare/screenshot_report.py REPORT.html OUT.png [--height 2400] [--fragment ID]

Needs a Chromium binary (Debian: apt-get install -y chromium). Prints the screenshot's size and how much of it
is not white (a blank page is a failed render).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def screenshot(html: Path, png: Path, *, width: int = 1280, height: int = 2400, fragment: str = "") -> Path:
    """Screenshot `html` (optionally scrolled to `#fragment`) with a fresh profile and no network services."""
    browser = find_browser()
    if browser is None:
        raise RuntimeError("no Chromium found; install it with: apt-get install -y chromium")
    url = html.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={profile}", f"--window-size={width},{height}", f"--screenshot={png.resolve()}",
             url],
            check=True, capture_output=True, timeout=120,
        )
    return png


def ink_fraction(png: Path) -> float:
    """Share of pixels that are not (nearly) white."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    total = sum(histogram)
    return sum(histogram[:245]) / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2400)
    parser.add_argument("--fragment", default="", help="an element id to scroll to (e.g. a passage's mark)")
    args = parser.parse_args(argv)
    screenshot(args.html, args.png, width=args.width, height=args.height, fragment=args.fragment)
    print(f"{args.png}: {args.png.stat().st_size} bytes, {100 * ink_fraction(args.png):.1f} % non-white")
    return 0


if __name__ == "__main__":
    sys.exit(main())
