"""Rewrite the README's option tables from the settings table (textsamverkan.settings).

    python scripts/readme_settings.py          # rewrite README.md in place
    python scripts/readme_settings.py --check  # exit 1 when the README differs
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from textsamverkan.settings import markdown_table  # noqa: E402

BLOCK = re.compile(r"(<!-- settings:(\w+) -->\n)(.*?)(<!-- /settings -->)", re.S)


COMMANDS = {"pii": "pii detect"}  # stages whose command is not their own name


def with_tables(readme: str) -> str:
    """The README text with every `<!-- settings:STAGE -->` block holding that stage's generated table, captioned
    with its command (the markers do not show when the README is rendered)."""

    def block(m: re.Match[str]) -> str:
        command = COMMANDS.get(m.group(2), m.group(2))
        return f"{m.group(1)}Options of `textsamverkan {command}`:\n\n{markdown_table(m.group(2))}\n{m.group(4)}"

    return BLOCK.sub(block, readme)


def main() -> int:
    path = REPO / "README.md"
    text = path.read_text(encoding="utf-8")
    new = with_tables(text)
    if "--check" in sys.argv:
        return int(new != text)
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
