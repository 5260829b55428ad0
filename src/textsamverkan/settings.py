"""Every setting of the corpus stages in one table: name, type, default, help, choices and the stages it belongs to.

The table generates the command-line options (textsamverkan.cli.settings_options), resolves and validates values,
is what a run records in its manifest, and is the source of the README's option tables (a test keeps them equal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_OPTION, UserError, did_you_mean


@dataclass(frozen=True)
class Setting:
    """One setting. `flag` is the option as typed (default: --name with dashes); `stages` the stages that read it."""

    name: str
    type: type
    default: Any
    help: str
    stages: tuple[str, ...]
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    flag: str = ""
    negatable: bool = False
    metavar: str = ""
    multiple: bool = False  # the option may be repeated; the value is a tuple
    must_exist: bool = True  # for Path settings: the file must exist when given

    @property
    def option(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def value_name(self) -> str:
        """What the option's value is called in help and docs: N, X, FILE, TEXT or the setting's own metavar."""
        return self.metavar or {int: "N", float: "X", Path: "FILE"}.get(self.type, "TEXT")


DEFAULT_EMBEDDER = "e5-small-sv"

SETTINGS: tuple[Setting, ...] = (
    # ingest
    Setting("corpus", str, None, "Corpus name (default: the folder's name, or a single file's name without suffix).",
            ("ingest",), metavar="NAME"),
    Setting("manifest", Path, None, "A manifest CSV anywhere (default: manifest.csv in the folder); its paths are "
            "relative to its own folder.", ("ingest",), must_exist=False),
    Setting("manifest_file_column", str, None, "The manifest column that names the files (default: found by name: "
            "file, path, filename, fil, …).", ("ingest",), metavar="COLUMN"),
    Setting("include_unlisted", bool, False, "Also ingest files the manifest does not list (reported as skipped "
            "otherwise).", ("ingest",)),
    Setting("where", str, (), "Keep only table rows (or files) matching COND: COLUMN~REGEX, COLUMN!~REGEX, "
            "COLUMN=VALUE, COLUMN!=VALUE; 'text' is the document text. Repeat to require several.", ("ingest",),
            metavar="COND", multiple=True),
    Setting("region", str, None, "Region of every document (normalised, e.g. VGR → Västra Götaland).", ("ingest",)),
    Setting("organisation", str, None, "Organisation behind every document.", ("ingest",)),
    Setting("kind", str, None, "transcript, report, slides, web, debate, interpellation, article, interview, other.",
            ("ingest",)),
    Setting("date", str, None, "Date as YYYY, YYYY-MM or YYYY-MM-DD.", ("ingest",)),
    Setting("title", str, None, "Title (for a single file).", ("ingest",)),
    Setting("language", str, None, "Language code (default sv).", ("ingest",)),
    Setting("format", str, None, "Force a reader: text, html, pdf, docx, srt, vtt, csv, jsonl.", ("ingest",)),
    Setting("encoding", str, None, "Force a text encoding (default: detect UTF-8, UTF-8 with BOM, UTF-16, CP1252).",
            ("ingest",)),
    Setting("text_column", str, None, "For CSV/JSONL: the column that holds the text.", ("ingest",),
            metavar="COLUMN"),
    Setting("id_column", str, None, "For CSV/JSONL: the column that identifies each row.", ("ingest",),
            metavar="COLUMN"),
    Setting("max_file_mb", float, 25.0, "Refuse files larger than this.", ("ingest",), minimum=0.0),
    Setting("turn_format", str, None, "Force a speaker-turn format (see `textsamverkan speakers --help`).",
            ("ingest",)),
    Setting("turn_pattern", str, None, "Regex for turn headers with a named group 'speaker' (and optional 'time').",
            ("ingest",), metavar="REGEX"),
    Setting("speakers_file", Path, None, "speakers.csv with name, aliases, role, organisation, party to override or "
            "merge speakers.", ("ingest",)),
    Setting("turns", bool, True, "Look for speaker turns.", ("ingest",), negatable=True),
    Setting("force", bool, False, "Re-ingest files even when they have not changed.", ("ingest",)),
    # annotate
    Setting("nlp", str, "spacy", "NLP backend.", ("annotate",), choices=("spacy", "stanza")),
    Setting(
        "model",
        str,
        None,
        "spaCy: a package name or path (default: sv_core_news_lg/md/sm when installed, else the bundled model). "
        "Stanza: a model directory (default: the bundled one).",
        ("annotate",),
    ),
    Setting("parser", bool, False, "spaCy: run the dependency parser too (about half the speed).", ("annotate",)),
    Setting("ner", bool, False, "spaCy: run named-entity recognition too (about half the speed).", ("annotate",)),
    Setting(
        "lemma_fallback",
        str,
        "simplemma",
        "Where lemmas of words the model never saw come from.",
        ("annotate",),
        choices=("simplemma", "none"),
    ),
    Setting(
        "force", bool, False, "Annotate again documents already annotated by this backend and model.", ("annotate",)
    ),
    # embeddings
    Setting(
        "embedder",
        str,
        DEFAULT_EMBEDDER,
        "e5-small-sv (its fastest variant that passes the quality gate: ONNX int8), e5-small-sv-onnx (fp32), "
        "e5-small-sv-torch, static-sv (fast, weaker), or a sentence-transformers model name or folder.",
        ("embed", "themes", "search"),
        metavar="MODEL",
    ),
    Setting(
        "workers",
        int,
        0,
        "Worker processes of a local Dask cluster for the per-document work (0: in this process).",
        ("annotate", "embed", "themes", "claims", "link"),
        minimum=0,
    ),
    Setting(
        "scheduler",
        str,
        None,
        "Address of a running Dask scheduler (tcp://host:8786) to send the per-document work to, instead of --workers.",
        ("annotate", "embed", "themes", "claims", "link"),
        metavar="ADDRESS",
    ),
    # themes
    Setting(
        "codebook",
        Path,
        None,
        "A codebook (.yaml, or REFI-QDA .qdc). Default: the bundled Swedish codebook.",
        ("themes",),
    ),
    Setting(
        "semantic",
        bool,
        False,
        "Also match sentences to the codebook's exemplars by embeddings (slow: every sentence is embedded).",
        ("themes",),
    ),
    Setting(
        "model_coder",
        bool,
        True,
        "The learned layer: a classifier per code, trained on labelled sentences that ship with the tool, codes "
        "what the rules miss (method=model, with its evidence); --no-model-coder for the rules alone.",
        ("themes",),
        negatable=True,
    ),
    Setting(
        "code_interviewer",
        bool,
        False,
        "Code what the interviewer or moderator says too (turns labelled Intervjuare, I, Moderator, Samtalsledare, "
        "or a speaker given one of those roles by the header, 'Anna (intervjuare):', by ingest --speakers-file, or at "
        "ingest because she asks nearly every question of a two-party transcript). "
        "Off by default: an interview guide's questions name its themes in every interview, and would count as "
        "mentions.",
        ("themes",),
        negatable=True,
    ),
    Setting(
        "model_agreement",
        float,
        0.95,
        "How sure the learned layer must be: the mean of its two models' score/threshold ratios a hit needs. 0.95 "
        "gave the best F1 on whole documents; 1.0 makes fewer and surer hits, 0.9 finds more mentions in other "
        "words and more wrong ones.",
        ("themes",),
        minimum=0.5,
        metavar="RATIO",
    ),
    Setting(
        "model_context",
        float,
        0.1,
        "How much less agreement the learned layer needs for a sentence whose neighbour in its document (the "
        "sentence before or after) has the code: a subject runs over several turns of talk. 0 reads every sentence "
        "alone.",
        ("themes",),
        minimum=0.0,
        metavar="RATIO",
    ),
    Setting(
        "model_context_spoken",
        float,
        0.3,
        "--model-context for transcripts (documents where ingest found speaker turns) read without the context "
        "model (--no-context-model): people keep to a subject for several sentences without naming it again. 0.3 "
        "caught more of what was said in other words on speech nobody had read, at the same precision.",
        ("themes",),
        minimum=0.0,
        metavar="RATIO",
    ),
    Setting(
        "context_model",
        bool,
        True,
        "In a transcript, let a model fitted on labelled transcripts decide from a sentence and its neighbours whether "
        "it carries a code said around it ('Och svaret kom aldrig.' after a line about a swab), instead of "
        "--model-context-spoken. On speech nobody had read it caught more in other words at a higher precision.",
        ("themes",),
        negatable=True,
    ),
    Setting(
        "learn_from",
        str,
        None,
        "A coding run (its id, e.g. a coder imported with `coding import`) whose codings also teach the learned "
        "coder; implies --model-coder.",
        ("themes",),
        metavar="RUN",
    ),
    Setting(
        "topics",
        bool,
        True,
        "Find topics nobody listed with BERTopic over passage embeddings.",
        ("themes",),
        negatable=True,
    ),
    Setting("min_topic_size", int, 10, "Smallest topic BERTopic keeps.", ("themes",), minimum=2),
    Setting("topic_seed", int, 42, "Seed of UMAP and everything random in topic modelling.", ("themes",)),
    Setting(
        "topic_sample",
        int,
        50_000,
        "Fit BERTopic on at most this many passages (a sample stratified by region and kind); the rest get the "
        "topic of the closest centroid. 0: fit on every passage.",
        ("themes",),
        minimum=0,
        metavar="N",
    ),
    # link
    Setting("top_k", int, 5, "Passages per statement.", ("link",), minimum=1, flag="-k"),
    Setting(
        "link_embedder",
        str,
        "static-sv",
        "Embedder for linking: static-sv (the threshold was calibrated on it), e5-small-sv, or a name or path.",
        ("link",),
        flag="--embedder",
        metavar="MODEL",
    ),
    Setting("threshold", float, 0.30, "Lowest hybrid score counted as support.", ("link",), minimum=0.0),
    Setting(
        "learned_verifier",
        bool,
        False,
        "A second look at statements the rules judge partly only for want of words: a model fine-tuned from "
        "e5-small-sv may find them said in other words (supported, with its probability among the reasons). Off "
        "by default: on Riksdag text its lifts are right about nine times in ten, on care documents about two in "
        "three.",
        ("link",),
        negatable=True,
    ),
    # tables: compare, export, report
    Setting(
        "by",
        str,
        "region",
        "Group key: corpus, region, organisation, kind, year, half, quarter, month, speaker, speaker_role, "
        "speaker_organisation or a metadata field; two at once with a comma (region,half).",
        ("compare", "export", "report"),
    ),
    # pii
    Setting(
        "pii_ner",
        bool,
        True,
        "Find names with the bundled NER too, not only with speakers, name lists and rules (slower, finds more).",
        ("pii",),
        flag="--ner",
        negatable=True,
    ),
    Setting(
        "cluster",
        str,
        None,
        "Count each author/speaker once in the tests and intervals (a metadata field, or speaker); default: by "
        "author (speaker) when some author (speaker) has several documents; none: count documents apart.",
        ("compare", "export", "report"),
    ),
    Setting(
        "min_group_documents",
        int,
        5,
        "Groups with fewer documents are never named the highest or lowest group of a theme; the report shows them "
        "apart, uncoloured.",
        ("compare", "export", "report"),
        minimum=1,
    ),
    Setting(
        "model_hits",
        bool,
        True,
        "Count the passages the learned layer coded alone (method=model) beside the rules'; --no-model-hits counts "
        "the rules' alone (on Riksdag and government text about half the model's hits were right when read).",
        ("compare", "export", "report"),
        negatable=True,
    ),
)


def settings_for(stage: str) -> list[Setting]:
    """The settings a stage reads, in table order."""
    return [s for s in SETTINGS if stage in s.stages]


def setting(stage: str, name: str) -> Setting:
    """One setting of a stage (KeyError for a name the table does not have)."""
    for s in settings_for(stage):
        if s.name == name:
            return s
    raise KeyError(f"{stage}.{name}")


def default(stage: str, name: str) -> Any:
    return setting(stage, name).default


def resolve(stage: str, given: Mapping[str, Any]) -> dict[str, Any]:
    """The stage's complete settings: table defaults overridden by the given values (None keeps the default),
    each checked against its type, choices and minimum. Unknown names are a coded error."""
    known = {s.name: s for s in settings_for(stage)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise UserError(
            E_OPTION,
            f"{stage} has no setting '{unknown[0]}'.{did_you_mean(unknown[0], known)}",
            f"Settings of {stage}: {', '.join(known)}.",
        )
    out: dict[str, Any] = {}
    for name, s in known.items():
        value = given.get(name)
        if s.multiple:
            out[name] = tuple(_checked(stage, s, v) for v in (value or s.default))
        else:
            out[name] = s.default if value is None else _checked(stage, s, value)
    return out


def _checked(stage: str, s: Setting, value: Any) -> Any:
    try:
        typed = s.type(value) if not isinstance(value, s.type) else value
    except (TypeError, ValueError) as exc:
        raise UserError(E_OPTION, f"{s.option} takes a {s.type.__name__}, not {value!r}", s.help) from exc
    if s.choices and typed not in s.choices:
        raise UserError(
            E_OPTION,
            f"{s.option} must be one of {', '.join(s.choices)}, not {typed!r}.{did_you_mean(str(typed), s.choices)}",
        )
    if s.minimum is not None and isinstance(typed, int | float) and typed < s.minimum:
        raise UserError(E_OPTION, f"{s.option} must be at least {s.minimum:g}, not {typed!r}")
    return typed


TABLE_STAGES = ("ingest", "annotate", "embed", "themes", "claims", "link", "compare", "export", "report", "pii")


def markdown_table(stage: str) -> str:
    """The README's option table of a stage, generated from this table."""
    lines = ["| option | default | what |", "|---|---|---|"]
    for s in settings_for(stage):
        if s.type is bool:
            option = f"`{s.option}/--no-{s.option[2:]}`" if s.negatable else f"`{s.option}`"
            shown = "on" if s.default else "off"
        else:
            option = f"`{s.option} {s.value_name}`" + (" …" if s.multiple else "")
            shown = "–" if s.default in (None, ()) else f"`{s.default}`"
        choices = " (" + " \\| ".join(s.choices) + ")" if s.choices else ""
        lines.append(f"| {option} | {shown} | {s.help}{choices} |")
    return "\n".join(lines)
