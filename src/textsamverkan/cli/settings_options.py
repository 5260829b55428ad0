"""Click options generated from the settings table (textsamverkan.settings), so a setting is declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from textsamverkan.settings import Setting, settings_for

F = TypeVar("F", bound=Callable[..., Any])


def _option(s: Setting) -> Callable[[F], F]:
    if s.type is bool:
        decls = [f"{s.option}/--no-{s.option[2:]}" if s.negatable else s.option, s.name]
        return click.option(*decls, is_flag=True, default=s.default, show_default=s.negatable, help=s.help)
    kind: Any
    if s.choices:
        kind = click.Choice(s.choices)
    elif s.type is Path:
        kind = click.Path(exists=s.must_exist, dir_okay=False, path_type=Path)
    elif s.type is int:
        kind = click.IntRange(min=None if s.minimum is None else int(s.minimum))
    elif s.type is float:
        kind = click.FloatRange(min=s.minimum)
    else:
        kind = str
    return click.option(
        s.option,
        s.name,
        type=kind,
        default=s.default,
        show_default=s.default not in (None, ()),
        multiple=s.multiple,
        metavar=s.value_name if not s.choices else None,
        help=s.help,
    )


def stage_options(stage: str, *, skip: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Decorate a command with one option per setting of `stage` (table order in --help)."""

    def decorate(func: F) -> F:
        for s in reversed(settings_for(stage)):
            if s.name not in skip:
                func = _option(s)(func)
        return func

    return decorate
