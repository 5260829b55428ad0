"""Reading the speaker label of a header: a name or code, optionally with a role, organisation or party.

"Anna Berg", "IP1", "Anna Berg, enhetschef i Malmö stad", "Eva Lind (S)", "Moderator Anna", "Anna (intervjuare)":
the label is the name as written ("Anna Berg", "Eva Lind", "Anna"); what the header says besides it goes to the
turn's attrs. An interview code after a name is the speaker's role in the conversation ("intervjuare").
"""

from __future__ import annotations

import re
from typing import Any

from textsamverkan.segment.lexicon import role_head
from textsamverkan.segment.names import is_code_label, label_kind
from textsamverkan.segment.roles import read_details

_WITH_DETAILS = re.compile(r"(?P<name>[^,()]+?)[ \t]*(?:\((?P<paren>[^()]{1,80})\)|,[ \t]*(?P<tail>[^()]{1,80}))")


def parse_label(raw: str) -> tuple[str, dict[str, Any]] | None:
    """(label, attrs) for a header's label text, or None when it cannot name a speaker."""
    raw = raw.strip()
    kind = label_kind(raw)
    if kind == "code":
        return raw, {"label_kind": kind}
    tokens = raw.split()
    if kind == "name" and not (len(tokens) > 1 and role_head(tokens[0]) and label_kind(" ".join(tokens[1:]))):
        return raw, {"label_kind": kind}
    if kind == "name":  # a role before the name: "Moderator Anna", "Smittskyddsläkare Per Holm"
        name = " ".join(tokens[1:])
        return name, {"label_kind": "name", "role": (role_head(tokens[0]) or tokens[0]).lower()}
    m = _WITH_DETAILS.fullmatch(raw)
    if m is None:
        return None
    name = m.group("name").strip()
    if label_kind(name) != "name":
        return None
    details = (m.group("paren") or m.group("tail") or "").strip()
    if len(details) >= 3 and is_code_label(details):  # "Anna (intervjuare)", "Per, Moderator"; not a party "(M)"
        return name, {"label_kind": "name", "role": details.lower()}
    role, organisation, party = read_details(details)
    if not (role or organisation or party):
        return None
    attrs: dict[str, Any] = {"label_kind": "name"}
    for key, value in (("role", role), ("organisation", organisation), ("party", party)):
        if value:
            attrs[key] = value
    return name, attrs
