"""The codebook: its types, YAML parsing and validation with file-and-line error messages, and writing it back.

Format (see data/codebook_sv.yaml, the default, and the README):

    codebook: name                      # required
    version: 1
    language: sv
    description: free text
    contexts:                           # optional; named word lists a pattern group can use as "@name"
      care: [kommun, -vård, hemtjänst, patient]
    semantic:                           # optional; semantic matching of sentences against exemplars
      model: e5-small-sv                # the embedder the thresholds were calibrated with
      threshold: 0.9                    # cosine similarity a sentence needs to the closest exemplar of a code
      margin: 0.02                      # and by how much that code must beat every other code (0: no such rule)
    codes:
      ppe:                              # the code id: lower case, digits and _
        label_sv: Skyddsutrustning      # required
        label_en: Personal protective equipment
        description: What the code covers.
        parent: other_code_id           # optional, for hierarchies (QDC)
        color: "#1f77b4"                # optional
        terms: [-skyddsutrustning-, munskydd, visir]   # words; compound hyphens, see terms.py
        phrases: [basal hygienrutin]    # consecutive words
        patterns:                       # every group must occur, within `window` tokens (0 = the sentence)
          - {id: stock, all: [[lager, -förråd], [-skyddsutrustning-, munskydd]], window: 10}
          - {id: bare_mask, all: [[mask], "@care"]}   # "@care": any word of the context named care
          - {id: store, all: [[förråd], [munskydd]], document: "@care"}   # in a document about care, [munskydd]
                                        # may be absent (see Pattern)
          - {id: training, all: [[-utbildning-], [personal]], not: [utbildningsminister]}   # words (no stem
                                        # changes) that never count for this pattern's groups
        not_terms: [protest, testa]     # words (no stem changes) that never count for this code's terms
        exclude: [testa arbetssätt]     # phrases or patterns: when present, the code is not assigned
        exemplars: [Det var brist på skyddsutrustning i början.]   # sentences for semantic matching
        threshold: 0.92                 # optional per-code semantic threshold
        codable: false                  # optional: a grouping code that is never assigned itself

A context is written out in full where it is used, so a codebook written back (`dump_codebook`) lists the words
and needs no `contexts:`. Errors are `UserError` E109 with "file:line: what is wrong" and a hint. A codebook *file*
of either format (YAML or .qdc) is loaded with `codebook_files.load_codebook`; a missing file is E101.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_METADATA, UserError, did_you_mean
from textsamverkan.themes.terms import Phrase, Term, parse_phrase, parse_term

DEFAULT_CODEBOOK = "codebook_sv.yaml"
DEFAULT_THRESHOLD = 0.9
CODE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
TOP_KEYS = ("codebook", "version", "language", "description", "semantic", "contexts", "codes")
SEMANTIC_KEYS = ("model", "threshold", "margin")
CODE_KEYS = (
    "label_sv",
    "label_en",
    "description",
    "parent",
    "color",
    "terms",
    "phrases",
    "patterns",
    "not_terms",
    "exclude",
    "exemplars",
    "threshold",
    "codable",
)
PATTERN_KEYS = ("id", "all", "window", "document", "not")


@dataclass(frozen=True)
class Pattern:
    """Groups of alternative phrases that must all occur in a sentence, within `window` tokens (0 = anywhere).

    `document`: words that make a document one about their subject (care, for the default codebook); in such a
    document the last group (the context that tells a word's care sense from others) is met by the document itself:
    "Kompetensförsörjningen, helt klart." in an interview about home care is about care staff.

    `not_terms`: words that never count for this pattern's groups, though a group's word matches them
    ("utbildningsministern" holds "-utbildning-" but is no staff training). A code's own `not_terms` do not apply to
    its patterns, whose groups often need the everyday words those keep out of its terms."""

    id: str
    groups: tuple[tuple[Phrase, ...], ...]
    window: int = 0
    document: tuple[Phrase, ...] = ()
    not_terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Exemplar:
    """A sentence that exemplifies a code, for semantic matching; `id` is "<code>/<id>" in evidence."""

    id: str
    text: str


@dataclass(frozen=True)
class Code:
    """One code with its labels and rules. `line` is where it starts in its file (0 when not from a file)."""

    id: str
    label_sv: str
    label_en: str = ""
    description: str = ""
    parent: str | None = None
    color: str | None = None
    terms: tuple[Term, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    not_terms: tuple[Term, ...] = ()
    exclude: tuple[Pattern, ...] = ()
    exemplars: tuple[Exemplar, ...] = ()
    threshold: float | None = None
    codable: bool = True
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Codebook:
    """A named, ordered set of codes plus the semantic-matching settings."""

    name: str
    codes: tuple[Code, ...]
    version: str = "1"
    language: str = "sv"
    description: str = ""
    semantic_model: str | None = None
    semantic_threshold: float = DEFAULT_THRESHOLD
    semantic_margin: float = 0.0
    source: str = field(default="", compare=False)

    def code(self, code_id: str) -> Code:
        """The code with this id; UserError (E109) naming close matches when there is none."""
        for c in self.codes:
            if c.id == code_id:
                return c
        ids = [c.id for c in self.codes]
        raise UserError(
            E_METADATA, f"no code '{code_id}' in codebook '{self.name}'.{did_you_mean(code_id, ids)}",
            "codes: " + ", ".join(ids),
        )

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.codes]

    def threshold_for(self, code: Code) -> float:
        """The semantic threshold of a code: its own, else the codebook's."""
        return code.threshold if code.threshold is not None else self.semantic_threshold


# --- loading ----------------------------------------------------------------------------------------------------


def default_codebook_path() -> Path:
    """The bundled Swedish codebook for collaboration in health and elderly care."""
    return Path(str(resources.files("textsamverkan.themes") / "data" / DEFAULT_CODEBOOK))


def load_default_codebook() -> Codebook:
    """Load the bundled default codebook (YAML)."""
    path = default_codebook_path()
    return parse_codebook(path.read_text(encoding="utf-8"), source=str(path))


def parse_codebook(text: str, *, source: str = "<codebook>") -> Codebook:
    """Parse and validate codebook YAML; errors name `source` and the line."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise UserError(E_METADATA, f"{source}:{line}: not valid YAML ({problem})",
                        "check indentation and quoting near that line (quote terms that start with * or &)") from exc
    return _Reader(source).codebook(root)


class _Reader:
    """Turns composed YAML nodes into a Codebook, raising E109 with file and line for every problem."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.contexts: dict[str, tuple[Phrase, ...]] = {}

    def fail(self, node: Any, message: str, hint: str = "") -> UserError:
        line = node.start_mark.line + 1 if node is not None else 1
        return UserError(E_METADATA, f"{self.source}:{line}: {message}",
                         hint or "see the codebook format in the README (textsamverkan themes)")

    # -- node helpers --

    def mapping(self, node: Any, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[Any, Any]]:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping (key: value lines)")
        out: dict[str, tuple[Any, Any]] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise self.fail(key, f"a key in {what} must be a plain name")
            name = str(key.value)
            if allowed and name not in allowed:
                raise self.fail(key, f"unknown key '{name}' in {what}.{did_you_mean(name, allowed)}",
                                "allowed keys: " + ", ".join(allowed))
            if name in out:
                raise self.fail(key, f"'{name}' appears twice in {what}")
            out[name] = (key, value)
        return out

    def string(self, node: Any, what: str, *, required: bool = True) -> str:
        import yaml

        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            raise self.fail(node, f"{what} must be a text value")
        text = str(node.value).strip()
        if required and not text:
            raise self.fail(node, f"{what} is empty")
        return text

    def number(self, node: Any, what: str, lo: float, hi: float) -> float:
        text = self.string(node, what)
        try:
            value = float(text)
        except ValueError:
            raise self.fail(node, f"{what} must be a number, not '{text}'") from None
        if not lo <= value <= hi:
            raise self.fail(node, f"{what} must be between {lo} and {hi}, not {value}")
        return value

    def boolean(self, node: Any, what: str) -> bool:
        text = self.string(node, what).lower()
        if text in ("true", "yes", "on"):
            return True
        if text in ("false", "no", "off"):
            return False
        raise self.fail(node, f"{what} must be true or false, not '{text}'")

    def items(self, node: Any, what: str) -> Iterator[Any]:
        """Elements of a list; a single scalar counts as a one-element list."""
        import yaml

        if isinstance(node, yaml.SequenceNode):
            yield from node.value
        elif isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            yield node
        elif isinstance(node, yaml.ScalarNode):
            return
        else:
            raise self.fail(node, f"{what} must be a list")

    def term(self, node: Any, what: str, *, exact_stem: bool = False) -> Term:
        text = self.string(node, what)
        try:
            return parse_term(text, exact_stem=exact_stem)
        except ValueError as exc:
            raise self.fail(node, f"{what}: {exc}",
                            "a term is one word; -word matches compound heads, word- compound modifiers") from None

    def phrase(self, node: Any, what: str) -> Phrase:
        text = self.string(node, what)
        try:
            return parse_phrase(text)
        except ValueError as exc:
            raise self.fail(node, f"{what}: {exc}") from None

    # -- structure --

    def codebook(self, root: Any) -> Codebook:
        if root is None:
            raise UserError(E_METADATA, f"{self.source}:1: the codebook is empty",
                            "start from the default: textsamverkan themes --export-codebook codebook.yaml")
        top = self.mapping(root, "the codebook", TOP_KEYS)
        if "codebook" not in top:
            raise self.fail(root, "the codebook has no 'codebook:' name", "add a line such as: codebook: my-codebook")
        if "codes" not in top:
            raise self.fail(root, "the codebook has no 'codes:' section")
        name = self.string(top["codebook"][1], "codebook")
        model: str | None = None
        threshold = DEFAULT_THRESHOLD
        margin = 0.0
        if "semantic" in top:
            sem = self.mapping(top["semantic"][1], "semantic", SEMANTIC_KEYS)
            if "model" in sem:
                model = self.string(sem["model"][1], "semantic.model")
            if "threshold" in sem:
                threshold = self.number(sem["threshold"][1], "semantic.threshold", -1.0, 1.0)
            if "margin" in sem:
                margin = self.number(sem["margin"][1], "semantic.margin", 0.0, 2.0)
        if "contexts" in top:
            for cname, (_key, value) in self.mapping(top["contexts"][1], "contexts", ()).items():
                words = tuple(self.phrase(n, f"context '{cname}'") for n in self.items(value, f"context '{cname}'"))
                if not words:
                    raise self.fail(value, f"context '{cname}' lists no words")
                self.contexts[cname] = words
        codes_node = top["codes"][1]
        code_map = self.mapping(codes_node, "codes", ())
        if not code_map:
            raise self.fail(codes_node, "'codes:' lists no codes")
        codes = [self.code(cid, key, value) for cid, (key, value) in code_map.items()]
        ids = {c.id for c in codes}
        for c in codes:
            if c.parent is not None and c.parent not in ids:
                key = code_map[c.id][0]
                raise self.fail(key, f"code '{c.id}' has parent '{c.parent}', which is not a code here."
                                f"{did_you_mean(c.parent, ids)}")
        self._check_cycles(codes, code_map)
        return Codebook(
            name=name,
            codes=tuple(codes),
            version=self.string(top["version"][1], "version") if "version" in top else "1",
            language=self.string(top["language"][1], "language") if "language" in top else "sv",
            description=self.string(top["description"][1], "description", required=False)
            if "description" in top
            else "",
            semantic_model=model,
            semantic_threshold=threshold,
            semantic_margin=margin,
            source=self.source,
        )

    def _check_cycles(self, codes: list[Code], code_map: dict[str, tuple[Any, Any]]) -> None:
        parent = {c.id: c.parent for c in codes}
        for c in codes:
            seen = {c.id}
            p = parent[c.id]
            while p is not None:
                if p in seen:
                    raise self.fail(code_map[c.id][0], f"code '{c.id}' is its own ancestor (parent cycle)")
                seen.add(p)
                p = parent.get(p)

    def code(self, cid: str, key: Any, node: Any) -> Code:
        if not CODE_ID.match(cid):
            raise self.fail(key, f"code id '{cid}' must be lower-case letters, digits and _ , starting with a letter")
        f = self.mapping(node, f"code '{cid}'", CODE_KEYS)
        if "label_sv" not in f:
            raise self.fail(key, f"code '{cid}' has no label_sv", "add label_sv: the Swedish name of the code")
        where = f"code '{cid}'"
        terms = tuple(self.term(n, f"{where} terms") for n in self.items(f["terms"][1], f"{where} terms")) \
            if "terms" in f else ()
        phrases = tuple(self.phrase(n, f"{where} phrases") for n in self.items(f["phrases"][1], f"{where} phrases")) \
            if "phrases" in f else ()
        patterns = tuple(
            self.pattern(n, f"{where} pattern {i}", f"{cid}/pattern{i}")
            for i, n in enumerate(self.items(f["patterns"][1], f"{where} patterns") if "patterns" in f else [], 1)
        )
        not_terms = tuple(
            self.term(n, f"{where} not_terms", exact_stem=True) for n in self.items(f["not_terms"][1], "not_terms")
        ) if "not_terms" in f else ()
        exclude = tuple(
            self.exclusion(n, f"{where} exclude {i}", f"{cid}/exclude{i}")
            for i, n in enumerate(self.items(f["exclude"][1], f"{where} exclude") if "exclude" in f else [], 1)
        )
        exemplars = tuple(
            Exemplar(f"{cid}/ex{i}", self.string(n, f"{where} exemplar"))
            for i, n in enumerate(self.items(f["exemplars"][1], f"{where} exemplars") if "exemplars" in f else [], 1)
        )
        color = self.string(f["color"][1], f"{where} color") if "color" in f else None
        if color is not None and not COLOR.match(color):
            raise self.fail(f["color"][1], f"{where} color '{color}' is not #RRGGBB", 'quote it: color: "#1f77b4"')
        ids = [p.id for p in patterns]
        for pid in ids:
            if ids.count(pid) > 1:
                raise self.fail(f["patterns"][1], f"{where} has two patterns with id '{pid}'")
        return Code(
            id=cid,
            label_sv=self.string(f["label_sv"][1], f"{where} label_sv"),
            label_en=self.string(f["label_en"][1], f"{where} label_en", required=False) if "label_en" in f else "",
            description=self.string(f["description"][1], f"{where} description", required=False)
            if "description" in f
            else "",
            parent=self.string(f["parent"][1], f"{where} parent") if "parent" in f else None,
            color=color,
            terms=terms,
            phrases=phrases,
            patterns=patterns,
            not_terms=not_terms,
            exclude=exclude,
            exemplars=exemplars,
            threshold=self.number(f["threshold"][1], f"{where} threshold", -1.0, 1.0) if "threshold" in f else None,
            codable=self.boolean(f["codable"][1], f"{where} codable") if "codable" in f else True,
            line=key.start_mark.line + 1,
        )

    def pattern(self, node: Any, what: str, default_id: str) -> Pattern:
        f = self.mapping(node, what, PATTERN_KEYS)
        if "all" not in f:
            raise self.fail(node, f"{what} has no 'all:' list of groups",
                            "write all: [[word, other word], [third]] — every group must occur in the sentence")
        groups: list[tuple[Phrase, ...]] = []
        for g in self.items(f["all"][1], f"{what} all"):
            alternatives = tuple(a for n in self.items(g, f"{what} group") for a in self.alternatives(n, what))
            if not alternatives:
                raise self.fail(g, f"{what} has an empty group")
            groups.append(alternatives)
        if not groups:
            raise self.fail(f["all"][1], f"{what} 'all:' is empty")
        window = 0
        if "window" in f:
            w = self.number(f["window"][1], f"{what} window", 0, 1000)
            if w != int(w):
                raise self.fail(f["window"][1], f"{what} window must be a whole number of tokens")
            window = int(w)
        pid = default_id
        if "id" in f:
            raw = self.string(f["id"][1], f"{what} id")
            pid = f"{default_id.split('/')[0]}/{raw}"
        document: tuple[Phrase, ...] = ()
        if "document" in f:
            if len(groups) < 2:
                raise self.fail(f["document"][1], f"{what} has 'document:' but only one group",
                                "the document stands in for the last group; give the pattern two groups or more")
            words = self.items(f["document"][1], f"{what} document")
            document = tuple(a for n in words for a in self.alternatives(n, f"{what} document"))
        not_terms: tuple[Term, ...] = ()
        if "not" in f:
            not_terms = tuple(
                self.term(n, f"{what} not", exact_stem=True) for n in self.items(f["not"][1], f"{what} not")
            )
        return Pattern(pid, tuple(groups), window, document, not_terms)

    def alternatives(self, node: Any, what: str) -> tuple[Phrase, ...]:
        """One word or phrase of a pattern group, or every word of a named context ("@care")."""
        text = self.string(node, f"{what} group")
        if not text.startswith("@"):
            return (self.phrase(node, f"{what} group"),)
        name = text[1:]
        if name not in self.contexts:
            raise self.fail(
                node,
                f"{what} uses the context '{text}', which 'contexts:' does not define."
                f"{did_you_mean(name, list(self.contexts))}",
                f"define it under 'contexts:' as {name}: [word, …]",
            )
        return self.contexts[name]

    def exclusion(self, node: Any, what: str, default_id: str) -> Pattern:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            return Pattern(default_id, ((self.phrase(node, what),),), 0)
        return self.pattern(node, what, default_id)


# --- writing ----------------------------------------------------------------------------------------------------


def _pattern_data(p: Pattern) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": p.id.split("/", 1)[1],
        "all": [[ph.written for ph in g] for g in p.groups],
        "window": p.window,
    }
    if p.document:
        data["document"] = [ph.written for ph in p.document]
    if p.not_terms:
        data["not"] = [t.written for t in p.not_terms]
    return data


def codebook_data(cb: Codebook) -> dict[str, Any]:
    """The codebook as plain data in the YAML layout (what `dump_codebook` writes)."""
    data: dict[str, Any] = {"codebook": cb.name, "version": cb.version, "language": cb.language}
    if cb.description:
        data["description"] = cb.description
    semantic: dict[str, Any] = {"threshold": cb.semantic_threshold, "margin": cb.semantic_margin}
    if cb.semantic_model:
        semantic = {"model": cb.semantic_model, **semantic}
    data["semantic"] = semantic
    codes: dict[str, Any] = {}
    for c in cb.codes:
        entry: dict[str, Any] = {"label_sv": c.label_sv}
        if c.label_en:
            entry["label_en"] = c.label_en
        if c.description:
            entry["description"] = c.description
        if c.parent:
            entry["parent"] = c.parent
        if c.color:
            entry["color"] = c.color
        if c.terms:
            entry["terms"] = [t.written for t in c.terms]
        if c.phrases:
            entry["phrases"] = [p.written for p in c.phrases]
        if c.patterns:
            entry["patterns"] = [_pattern_data(p) for p in c.patterns]
        if c.not_terms:
            entry["not_terms"] = [t.written for t in c.not_terms]
        if c.exclude:
            entry["exclude"] = [
                p.groups[0][0].written if len(p.groups) == 1 and len(p.groups[0]) == 1 and not p.window
                else _pattern_data(p)
                for p in c.exclude
            ]
        if c.exemplars:
            entry["exemplars"] = [e.text for e in c.exemplars]
        if c.threshold is not None:
            entry["threshold"] = c.threshold
        if not c.codable:
            entry["codable"] = False
        codes[c.id] = entry
    data["codes"] = codes
    return data


def dump_codebook(cb: Codebook) -> str:
    """The codebook as YAML that `parse_codebook` reads back to an equal Codebook."""
    import yaml

    text: str = yaml.safe_dump(codebook_data(cb), allow_unicode=True, sort_keys=False, width=110)
    return text
