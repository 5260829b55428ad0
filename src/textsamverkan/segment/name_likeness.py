"""Does a speaker label look like a person, a role or an interview code? The test a turn format must pass.

Report and web-page lines such as "Ikraftträdande: 1 januari 2022", "Beslutsunderlag: Prop. …" or "SFS: 2021:000"
have the shape of `Name: text` headers. What tells them from speakers is the label itself, judged generally:

- an interview or focus-group code ("IP1", "Intervjuare", "Talare 2") or a role word ("Moderator", "Talmannen");
- a header that carried a role, party or organisation ("Anna Berg, enhetschef i Malmö stad", "Eva Lind (S)");
- a personal name of two to four capitalised words with no organisation or place word ("Olivia Wigzell");
- one capitalised word that is a common first name ("Olivia", "IRENE"), or that the text itself writes as part of
  a full name ("Jeanette Andersson"), in the middle of a sentence ("som Jeanette sa") or as the speaker's own name
  opening a turn ("Hodan: Hodan, jag jobbar natt", a focus group's round of names). An all-capital short word
  ("SFS", "EU") is an acronym unless it is a first name or the text writes it as a name ("AMIRA:" and "sa Amira").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from textsamverkan.segment.first_names import is_first_name
from textsamverkan.segment.lexicon import PLACE_WORDS, is_org_word, role_head
from textsamverkan.segment.names import PARTICLES, fold, is_code_label, is_name_label

DETAIL_ATTRS = ("role", "party", "organisation")
# A capitalised word after a lower-case word and one space: a proper noun in running text ("som Jeanette sa").
_MID_SENTENCE = re.compile(r"(?<=[a-zåäöéü,] )[A-ZÅÄÖÉ][^\W\d_]+(?:-[A-ZÅÄÖÉ][^\W\d_]+)?")


@dataclass(frozen=True)
class TextNames:
    """What the document's own text says about names: parts of full names, words written mid-sentence, and labels
    whose speakers open a turn with that word and a comma (they say their own name)."""

    full_name_parts: frozenset[str]
    mid_sentence: frozenset[str]
    self_named: frozenset[str] = frozenset()


def text_names(text: str, skip: Sequence[tuple[int, int]] = (), labels: Iterable[str] = ()) -> TextNames:
    """Folded first and last words of multi-word name mentions (and of multi-word `labels`), and folded
    capitalised words written mid-sentence, outside the `skip` regions (the headers themselves)."""
    from textsamverkan.segment.introductions import find_mentions

    parts: set[str] = set()
    full = [m.name for m in find_mentions(text, skip=skip)] + [label for label in labels if _full_name(label)]
    for name in full:
        core = [t for t in name.split() if t not in PARTICLES]
        if len(core) >= 2:
            parts.update((fold(core[0]), fold(core[-1])))
    starts = sorted(s for s, _ in skip)
    ends = dict(skip)
    mid = set()
    for m in _MID_SENTENCE.finditer(text):
        if not m.group().isupper() and not any(s <= m.start() < ends[s] for s in starts):  # "Amira", not "SKR"
            mid.add(fold(m.group()))
    return TextNames(frozenset(parts), frozenset(mid))


def _full_name(label: str) -> bool:
    core = [t for t in label.split() if t not in PARTICLES]
    return len(core) >= 2 and is_name_label(label) and not any(_not_a_name_word(t, label) for t in core)


def _not_a_name_word(token: str, label: str) -> bool:
    """Organisation or place words ("Region", "Socialstyrelsen", "SKR") cannot be part of a personal name;
    in an all-capital label ("LENA HALLENGREN") the acronym test does not apply."""
    if fold(token) in PLACE_WORDS:
        return True
    return not label.isupper() and is_org_word(token)


def is_person_label(label: str, attrs: Mapping[str, Any] | None = None, names: TextNames | None = None) -> bool:
    """True when `label` (with what its header said, `attrs`) can name a person, a role or an interview code."""
    label = label.strip()
    if not label:
        return False
    if is_code_label(label) or any((attrs or {}).get(key) for key in DETAIL_ATTRS):
        return True
    tokens = label.split()
    if len(tokens) == 1 and role_head(tokens[0]):
        return True  # "Moderator", "Talmannen", "Ordföranden"
    if not is_name_label(label):
        return False
    core = [t for t in tokens if t not in PARTICLES]
    if len(core) >= 2:
        return not any(_not_a_name_word(t, label) for t in core)
    word = core[0]
    if is_first_name(word):
        return True
    key = fold(word)
    named = names is not None and (
        key in names.full_name_parts or key in names.mid_sentence or key in names.self_named
    )
    letters = [c for c in word if c.isalpha()]
    if all(c.isupper() for c in letters) and len(letters) <= 5:
        return named  # an acronym (SFS, EU, SKR) unless the text writes it as a name: "AMIRA:" and "… sa Amira"
    if is_org_word(word) or key in PLACE_WORDS:
        return False
    return named


@dataclass(frozen=True)
class LabelVerdict:
    """How person-like the labels of one reading are: shares of turns and of distinct labels, and the others."""

    turn_share: float
    label_share: float
    not_people: tuple[str, ...]


def judge_labels(text: str, turns: Sequence[Any]) -> LabelVerdict:
    """Judge the labels of `turns` (objects with label, attrs, label_start, label_end) against the text."""
    if not turns:
        return LabelVerdict(0.0, 0.0, ())
    found = text_names(text, skip=[(t.label_start, t.label_end) for t in turns], labels=[t.label for t in turns])
    names = replace(found, self_named=frozenset(fold(t.label) for t in turns if _says_own_name(text, t)))
    verdicts: dict[str, bool] = {}
    written: dict[str, str] = {}
    person_turns = 0
    for t in turns:
        key = fold(t.label)
        ok = is_person_label(t.label, t.attrs, names)
        verdicts[key] = verdicts.get(key, False) or ok
        written.setdefault(key, t.label)
        person_turns += ok
    not_people = tuple(written[k] for k, ok in verdicts.items() if not ok)
    return LabelVerdict(person_turns / len(turns), sum(verdicts.values()) / len(verdicts), not_people)


def _says_own_name(text: str, turn: Any) -> bool:
    """True when the turn's words open with its one-word label and a comma ("Hodan: Hodan, jag jobbar natt"; in any
    case: "HODAN: Hodan, …")."""
    label = turn.label.strip()
    opening = text[turn.start : turn.start + len(label) + 1]
    return " " not in label and opening.endswith(",") and fold(opening[:-1]) == fold(label)
