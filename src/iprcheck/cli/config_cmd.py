"""``iprcheck config``: the user's settings, like ``git config``: set, get, list, unset."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .app import Commands, say, state_of
from .command import Command, Group

commands = Commands()
config_app = typer.Typer(
    cls=Group,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    help="Settings: who records (by), the language (lang), the default ledger (ledger).\n\n"
    "Example: iprcheck config set by 李明",
)
commands.group("config", config_app)


@config_app.callback()
def _config(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # `iprcheck config` alone: what it can do
        say(ctx.get_help())


KeyArg = Annotated[str, typer.Argument(metavar="KEY", help="by, lang or ledger.")]


@config_app.command("set", cls=Command)
def set_(
    ctx: typer.Context,
    key: KeyArg,
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The value to keep.")],
) -> None:
    """Keep a setting.

    Example: iprcheck config set by 李明
    """
    from .. import config

    config.set_value(key, value)
    say(t("config_set", state_of(ctx).lang, setting=key, value=value))


@config_app.command("get", cls=Command)
def get(ctx: typer.Context, key: KeyArg) -> None:
    """Print a setting (exit code 1 when it is not set).

    Example: iprcheck config get by
    """
    from .. import config

    value = config.load().get(config.known(key))
    if value is None:
        say(t("config_not_set", state_of(ctx).lang, setting=key), err=True)
        raise typer.Exit(1)
    say(value)


@config_app.command("list", cls=Command)
def list_(ctx: typer.Context) -> None:
    """Print every setting, and where they are kept.

    Example: iprcheck config list
    """
    from .. import config

    values = config.load()
    if not values:
        say(t("config_none", state_of(ctx).lang, path=config.path()))
        return
    for key, value in values.items():
        say(f"{key} = {value}")


@config_app.command("unset", cls=Command)
def unset(ctx: typer.Context, key: KeyArg) -> None:
    """Remove a setting.

    Example: iprcheck config unset lang
    """
    from .. import config

    lang = state_of(ctx).lang
    removed = config.unset(key)
    say(t("config_unset" if removed else "config_not_set", lang, setting=key))
