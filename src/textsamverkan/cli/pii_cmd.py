"""`pii key`, `pii detect`, `pii review`, `pii redact`, and the `--redact` options that export and report share."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from textsamverkan.cli.output import corpus_option
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace, print_notes

_KEY_HELP = "The pseudonymisation key (made with `textsamverkan pii key`); never put it in a shared folder."
_PII_RUN_HELP = ("The pii run whose detections to use (default: the current one; without any, personal data is "
                 "detected now). List them with `textsamverkan runs --stage pii`.")


def redact_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --redact, --key-file, --review and --pii-run to a command, which receives them as one `redaction`
    argument (a RedactOptions, or None without --redact)."""

    @functools.wraps(command)
    def wrapper(
        *args: Any, redact: bool, key_file: Path | None, review: Path | None, pii_run: str | None, **kwargs: Any
    ) -> Any:
        redaction = None
        if redact or review is not None or pii_run is not None:
            from textsamverkan.stages.pii import RedactOptions

            redaction = RedactOptions(key_file=key_file, review=review, pii_run=pii_run)
        return command(*args, redaction=redaction, **kwargs)

    for option in reversed([
        click.option("--redact", is_flag=True, help="Pseudonymise: names → Person N, identifiers → placeholders."),
        click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path), help=_KEY_HELP),
        click.option("--review", type=click.Path(dir_okay=False, path_type=Path),
                     help="A review list marked keep/redact (from `textsamverkan pii review`); implies --redact."),
        click.option("--pii-run", metavar="ID", help=_PII_RUN_HELP + " Implies --redact."),
    ]):
        wrapper = option(wrapper)
    return wrapper


@click.group("pii")
def pii() -> None:
    """Personal data: find it, review it, and share pseudonymised copies.

    \b
    Examples (the workflow):
      textsamverkan pii key -o ~/private/pii.key                  # once; keep it, never share it
      textsamverkan pii detect                                    # stored as a pii run; no key needed
      textsamverkan pii review --key-file ~/private/pii.key -o review.csv
      (mark each row keep or redact in Excel)
      textsamverkan export --format qdpx -o coding.qdpx --redact --key-file ~/private/pii.key --review review.csv
      textsamverkan pii redact -o shared/texts --key-file ~/private/pii.key --review review.csv
    """


@pii.command("key")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the new key (an existing file is never overwritten).")
def key(output: Path) -> None:
    """Make a new random pseudonymisation key (64 hex digits).

    The same key gives the same pseudonyms on every run; without it nobody can test a guessed name against a
    pseudonym. Lose it and the next run numbers people differently.

    \b
    Example:
      textsamverkan pii key -o ~/private/pii.key
    """
    from textsamverkan.pii.keys import write_key

    click.echo(f"wrote {write_key(output)}", err=True)


@pii.command("detect")
@stage_options("pii")
@corpus_option
@click.pass_obj
def detect(obj: Workspace, /, corpus_name: str | None, **settings: Any) -> None:
    """Find personal data in every document and store it as a pii run, which review, redact and --redact read.

    Detections down to confidence 0.3 are stored (as `pii` spans: type, confidence, the rule or model that found
    them), so the review list shows the doubtful ones too. No key is needed and none is stored.

    \b
    Examples:
      textsamverkan pii detect
      textsamverkan pii detect --corpus seeds --no-ner
    """
    from textsamverkan.stages.pii import run_pii

    result = run_pii(obj.connect(), corpus=corpus_name, settings=settings)
    print_notes(result.notes)
    kinds = ", ".join(f"{kind} {n}" for kind, n in result.counts.items()) or "none"
    click.echo(f"pii run {result.run_id}: {result.detections} detections in {result.documents} documents ({kinds})",
               err=True)


@pii.command("review")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The review list to write: .csv (Excel-ready) or .xlsx.")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path), help=_KEY_HELP)
@click.option("--no-ner", is_flag=True, help="Without a pii run: names from speakers, name lists and rules only.")
@click.option("--pii-run", metavar="ID", help=_PII_RUN_HELP)
@corpus_option
@click.pass_obj
def review(
    obj: Workspace, output: Path, key_file: Path | None, no_ner: bool, pii_run: str | None, corpus_name: str | None
) -> None:
    """List every candidate piece of personal data with type, confidence and context, to mark keep or redact.

    The list holds the original values: keep it as private as the corpus. Rows come pre-marked (redact from
    confidence 0.5, keep below); change the decision column, add rows (doc_id, start, end, type, decision
    redact) for anything missed, and pass the file back with --review.

    \b
    Examples:
      textsamverkan pii review --key-file pii.key -o review.csv
      textsamverkan pii review --key-file pii.key -o review.xlsx --corpus seeds
    """
    from textsamverkan.stages.pii import RedactOptions, write_review_list

    options = RedactOptions(key_file=key_file, ner=not no_ner, pii_run=pii_run)
    count, notes = write_review_list(obj.connect(), output, options, corpus=corpus_name)
    print_notes(notes)
    click.echo(f"wrote {count} detections to {output}", err=True)


@pii.command("redact")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder for the redacted copies (one .txt per document).")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path), help=_KEY_HELP)
@click.option("--review", type=click.Path(dir_okay=False, path_type=Path), help="A review list marked keep/redact.")
@click.option("--pii-run", metavar="ID", help=_PII_RUN_HELP)
@corpus_option
@click.pass_obj
def redact(
    obj: Workspace,
    output: Path,
    key_file: Path | None,
    review: Path | None,
    pii_run: str | None,
    corpus_name: str | None,
) -> None:
    """Write pseudonymised copies of the documents' texts.

    \b
    Example:
      textsamverkan pii redact -o shared/texts --key-file pii.key --review review.csv
    """
    from textsamverkan.stages.pii import RedactOptions, write_redacted_documents

    options = RedactOptions(key_file=key_file, review=review, pii_run=pii_run)
    paths, notes = write_redacted_documents(obj.connect(), output, options, corpus=corpus_name)
    print_notes(notes)
    click.echo(f"wrote {len(paths)} redacted documents to {output}", err=True)


COMMANDS = [pii]
