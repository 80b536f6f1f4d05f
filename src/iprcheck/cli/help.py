"""Help pages in the user's language, laid out by the one wrapping rule (``output.wrap``).

``Command.format_help`` and ``Group.format_help`` (``command.py``) write what ``page`` returns
into Click's formatter, which serves only as the buffer: Click counts characters where a Chinese
character takes two columns, so the layout is done here, by display width, for both languages.

English help is what Typer documents: the commands' docstrings and their options' help, with
Click's own record of each option (``get_help_record``). Chinese help is written for an office
in ``i18n.help_zh``: usage in Chinese words, defaults said in words, examples to copy. Imported
only when help is shown.
"""

from __future__ import annotations

import inspect
from typing import Any

import typer
from typer.core import TyperGroup

from ..i18n import t
from ..i18n.help_zh import PAGES, PARAMS, Page
from ..output.wrap import breaks, columns

# The commands an office uses every day, listed first; the others after them, in the order of
# the command table (app.COMMANDS).
EVERYDAY = (
    "init",
    "mark",
    "report",
    "import",
    "assign",
    "check",
    "list",
    "show",
    "search",
    "history",
    "undo",
)

_NAME_COLUMN = 30  # the widest first column, as Click's


def key_of(ctx: typer.Context) -> str:
    """The command a context runs, as the Chinese pages name it: "" for iprcheck itself,
    "mark", "config set"."""
    names: list[str] = []
    node: Any = ctx
    while node.parent is not None:
        names.append(node.info_name or "")
        node = node.parent
    return " ".join(reversed(names))


def usage(command: Any, ctx: typer.Context, lang: str) -> str:
    """The usage line: in Chinese words from the command's page; in English, Click's."""
    chinese = PAGES.get(key_of(ctx)) if lang == "zh" else None
    if chinese is not None:
        return t("help_usage", lang) + chinese.usage
    pieces = " ".join(command.collect_usage_pieces(ctx))
    return t("help_usage", "en") + f"{ctx.command_path} {pieces}".rstrip()


def page(command: Any, ctx: typer.Context, lang: str, width: int) -> str:
    """The whole help of ``command``: usage, what it does, its arguments, its options, its
    commands, examples."""
    key = key_of(ctx)
    chinese = PAGES.get(key) if lang == "zh" else None
    cjk = chinese is not None
    lines = [usage(command, ctx, lang), ""]
    text = chinese.text if chinese is not None else _docstring(command)
    lines += _text(text, width, cjk=cjk)
    arguments, options = _records(command, ctx, key, cjk=cjk)
    root = not key
    groups = _commands(command, ctx, key, lang, width)
    if groups:  # one column for all of a group's commands
        first = max(columns(name) for _, rows in groups for name, _ in rows)
    for heading, rows in groups:
        lines += _section(heading, rows, width, cjk=cjk, first=first)
    if arguments:
        lines += _section(t("help_arguments", lang), arguments, width, cjk=cjk)
    if options:
        heading = t("help_global" if root else "help_options", lang)
        lines += _section(heading, options, width, cjk=cjk)
    if chinese is not None:
        lines += _examples(chinese, width)
    if root:
        lines += _text(t("help_more", lang), width, cjk=cjk)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _docstring(command: Any) -> str:
    return inspect.cleandoc(command.help or "").partition("\f")[0]


def _text(text: str, width: int, *, cjk: bool) -> list[str]:
    """Paragraphs, indented by two. English paragraphs are the docstring's, its lines joined;
    a line break in a Chinese page is kept."""
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        if not paragraph.strip():
            continue
        plain = paragraph if cjk else " ".join(paragraph.split())
        out += ["  " + line for line in breaks(plain, width - 2, cjk=cjk)]
        out.append("")
    return out


def _records(
    command: Any, ctx: typer.Context, key: str, *, cjk: bool
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, help) of each argument and each option help shows."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = _chinese_record(param, key) if cjk else None
        record = record or param.get_help_record(ctx)
        if record is None:  # hidden: the global options after a command
            continue
        (arguments if param.param_type_name == "argument" else options).append(record)
    return arguments, options


def _chinese_record(param: Any, key: str) -> tuple[str, str] | None:
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        return PARAMS.get(f"{key} {param.name}")
    long = next((o for o in param.opts if o.startswith("--")), param.opts[0])
    found = PARAMS.get(f"{key} {long}") or PARAMS.get(long)
    if found is None:
        return None
    value, help_text = found
    names = ", ".join(sorted(param.opts, key=lambda o: o.startswith("--")))  # -h, --help
    return (f"{names} {value}" if value else names), help_text


def _commands(
    command: Any, ctx: typer.Context, key: str, lang: str, width: int
) -> list[tuple[str, list[tuple[str, str]]]]:
    """A group's commands, each with its one-line summary: the everyday ones first."""
    if not isinstance(command, TyperGroup):
        return []
    names = command.list_commands(ctx)
    limit = width - 6 - max(map(len, names), default=0)  # Click's room for a summary
    rows = [(name, _summary(command, ctx, key, name, lang, limit)) for name in names]
    if key:  # a group of the root's (config): its commands, as they are
        return [(t("help_commands", lang), rows)]
    everyday = [r for r in rows if r[0] in EVERYDAY]
    everyday.sort(key=lambda r: EVERYDAY.index(r[0]))
    other = [r for r in rows if r[0] not in EVERYDAY]
    return [(t("help_everyday", lang), everyday), (t("help_other", lang), other)]


def _summary(command: Any, ctx: typer.Context, key: str, name: str, lang: str, limit: int) -> str:
    """A command's line in the list: the Chinese page's summary (without building the
    command), else the start of its docstring, as Click shortens it."""
    chinese = PAGES.get(f"{key} {name}".strip()) if lang == "zh" else None
    if chinese is not None:
        return chinese.summary
    sub = command.get_command(ctx, name)
    return str(sub.get_short_help_str(limit)) if sub is not None else ""


def _section(
    heading: str, rows: list[tuple[str, str]], width: int, *, cjk: bool, first: int = 0
) -> list[str]:
    """A heading and its rows in two columns: the name (``first`` columns at least), and its
    help wrapped beside it."""
    colon = "：" if cjk else ":"
    out = [heading + colon]
    first = min(max(first, *(columns(name) for name, _ in rows)), _NAME_COLUMN)
    indent = 2 + first + 2
    for name, help_text in rows:
        lines = breaks(help_text, max(width - indent, 20), cjk=cjk) if help_text else [""]
        if columns(name) <= first:
            pad = " " * (first - columns(name) + 2)
            out.append(f"  {name}{pad}{lines[0]}")
            lines = lines[1:]
        else:
            out.append(f"  {name}")
        out += [" " * indent + line for line in lines]
    out.append("")
    return out


def _examples(chinese: Page, width: int) -> list[str]:
    """Commands to copy, one to a line; a long one goes on, indented, at a space."""
    out = [t("help_examples", "zh") + "："]
    for example in chinese.examples:
        lines = breaks(example, width - 4, first=width - 2, cjk=False)
        out += ["  " + lines[0], *("    " + line for line in lines[1:])]
    out.append("")
    return out
