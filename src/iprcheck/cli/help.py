"""Help in the user's language, wrapped by the width characters take on screen.

Imported only when help is shown. The commands' docstrings and option help are written in
English in the code (with a Chinese word for the key ones); a Chinese user gets them in
Chinese from the tables below, keyed by the English text, so that a test can check that every
command and option has its translation. Click's own words (Usage, Options, default, …) come
from its gettext lookups, answered here.

Click wraps help by counting characters, and a Chinese character takes two columns: Chinese
help (and English help with a Chinese word in it) ran past 80 columns. The wrapper below counts
display columns and may break between any two Chinese characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

APP_ZH = "2020年推动知识产权高质量发展任务清单：清单、台账与进展报告。\n\n示例：iprcheck list --province-type pilot"

COMMANDS_ZH = {
    "validate": "按模式检查任务清单文件，逐条列出问题及其所在行。\n\n示例：iprcheck validate my_tasks.yaml",
    "list": (
        "列出举措，可按省份类型等筛选。\n\n"
        "当前位置有台账时，使用台账的省份类型和状态；--province-type 覆盖台账的省份类型。\n\n"
        "示例：iprcheck list --province-type pilot --section 1"
    ),
    "show": "显示一项任务的全部内容：每条举措、省份要求、执行部门、目标。\n\n示例：iprcheck show 6.2",
    "search": "在标题和举措中查找文字，匹配处高亮显示。\n\n示例：iprcheck search 地理标志",
    "lists": (
        "本机已有的任务清单：内置的 2020 年清单和添加的清单。\n\n"
        "示例：iprcheck lists add 2021年推进计划.docx --dry-run"
    ),
    "lists add": (
        "把新一年的通知读成任务清单：先列出核对结果，再加入清单库。\n\n"
        "也可添加 .yaml 文件（用 --output 写出并改正过的草稿），原样加入。\n\n"
        "示例：iprcheck lists add 2021年推进计划.docx --dry-run --output 草稿.yaml"
    ),
    "lists remove": "从清单库中删除一份清单；内置的 2020 年清单不能删除。\n\n示例：iprcheck lists remove 2021-推进计划",
    "init": (
        "为一个省份（或国家知识产权局）创建台账；不会覆盖已有台账。\n\n"
        "示例：iprcheck init --province 广东省 --province-type pilot-leading"
    ),
    "mark": (
        "记录举措的状态；一次调用要么全部记录，要么全不记录。\n\n"
        '示例：iprcheck mark 3 4 5.2 in-progress --note "已部署"'
    ),
    "history": "按时间先后列出已记录的每一项更改。\n\n示例：iprcheck history 6",
    "undo": "撤销最近一次操作；撤销本身也会记录。\n\n示例：iprcheck undo",
    "assign": (
        "为举措指定责任处室和内部时限。\n\n"
        "示例：iprcheck assign 8-10 --owner 运用促进处 --due 2020-10-31"
    ),
    "merge": (
        "并入同一台账另一副本中有、而本台账没有的更改。\n\n"
        "示例：iprcheck merge ~/Downloads/iprcheck-ledger.jsonl"
    ),
    "import": (
        "收回同事填好的台账：状态、进展情况、佐证材料、责任处室、内部时限。\n\n"
        "按编号逐行对应；只采用导出后表中改过的单元格。导出后台账中也改过的行算作冲突，"
        "列出后不导入（--theirs 以表中为准）。更改作为一次操作记录，一次 undo 即可全部撤销。"
        "无法接受的内容在记录任何更改之前即被拒绝，并指出所在单元格。\n\n"
        "示例：iprcheck import 台账.xlsx --by 李明"
    ),
    "report": (
        "台账的进展：完成情况、需要关注的事项、台账自身的问题。\n\n"
        "没有台账时，--province-type 预览该省份类型的全部举措（均为未开始）；有台账时，"
        "它覆盖台账的省份类型，与 list 相同。\n\n"
        "示例：iprcheck report --output 台账.xlsx"
    ),
    "check": (
        "检查台账：有错误时退出码为 1，只有警告时为 0。\n\n"
        "错误：已完成但没有佐证材料；受阻但没有说明原因；必做举措标为不适用但没有说明理由。"
        "警告：必做举措未完成且没有责任处室；内部时限晚于清单的时限。\n\n"
        "示例：iprcheck check && iprcheck report --output 报告.html"
    ),
    "profile": (
        "显示本台账属于哪个省份、省份类型是什么；加选项则更改（会记录，undo 可撤销）。"
        "年中成为试点省的省份在此声明。\n\n示例：iprcheck profile --province-type pilot-leading"
    ),
    "upgrade": (
        "把台账绑定到更正后的任务清单：列出更正改动、新增或删除的举措（其记录保留），并记录新的绑定；"
        "undo 可撤销。\n\n示例：iprcheck --tasks tasks_2020_v2.yaml upgrade --dry-run"
    ),
    "config": (
        "设置：记录人（by）、语言（lang）、默认台账（ledger）。\n\n示例：iprcheck config set by 李明"
    ),
    "config set": "保存一项设置。\n\n示例：iprcheck config set by 李明",
    "config get": "显示一项设置（未设置时退出码为 1）。\n\n示例：iprcheck config get by",
    "config list": "显示全部设置及其保存位置。\n\n示例：iprcheck config list",
    "config unset": "删除一项设置。\n\n示例：iprcheck config unset lang",
    "rollup": (
        "把各省台账汇总为全国视图：省份 × 任务。\n\n"
        "逐本检查：无法读取、属于另一任务清单、或与已读省份重复的台账在标准错误中列出且不计入，"
        "其余照常汇总。退出码 0：全部计入；3：有台账未计入；1：出错（加 --strict 时，"
        "有台账未计入也为 1）。只读取台账，从不写入。\n\n"
        "示例：iprcheck rollup 各省台账/ --output 全国汇总.html"
    ),
}

_PROVINCE_TYPE = (
    "Province type, repeatable; types combine as one province's profile: all, involved, "
    "pilot, pilot-leading, pilot-supporting, pilot-featured (or 试点省, 引领型…). 省份类型"
)
_BY = "Who records this (default: iprcheck config set by NAME, else your login name)."
_AS_OF = "Report as of the end of this day, YYYY-MM-DD (default: today). 截至日期"
_FORCE = "Overwrite the --output file if it exists."

PARAMS_ZH = {
    # global options
    "Task list YAML to use instead of the bundled 2020 list. 任务清单文件": (
        "改用此任务清单 YAML 文件，而非内置的 2020 年清单。"
    ),
    "Ledger file or folder (default: the current folder). 台账位置": (
        "台账文件或所在文件夹（默认：当前文件夹）。"
    ),
    "Language of labels and messages (default: IPRCHECK_LANG, then the locale). 语言": (
        "界面和提示的语言（默认：IPRCHECK_LANG，其次为系统的区域设置）。"
    ),
    "Show the version and exit.": "显示版本号并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    # validate, list, show, search
    "Task list YAML (default: --tasks, else the bundled list).": (
        "任务清单 YAML 文件（默认：--tasks，否则为内置清单）。"
    ),
    _PROVINCE_TYPE: (
        "省份类型，可重复；多个类型合起来描述一个省份：all、involved、pilot、pilot-leading、"
        "pilot-supporting、pilot-featured（或 各类省份、涉及省份、试点省、引领型、支撑型、特色型）。"
    ),
    "Section number, repeatable. 部分": "部分编号，可重复。",
    "Task number, repeatable. 任务": "任务编号，可重复。",
    "Executing department of the national office, e.g. 保护司. 执行部门": (
        "国家知识产权局的执行部门，如 保护司。"
    ),
    "national or province. 执行主体": "执行主体：national（国家局）或 province（省份）。",
    "mandatory or optional (needs a profile). 必做/选做": (
        "mandatory（必做）或 optional（选做），需有省份类型。"
    ),
    "Output format.": "输出格式。",
    "Show each measure's whole text in the table.": "在表格中显示每条举措的全文。",
    "Status in the ledger, repeatable (done, 已完成…; 未完成: all open). 状态": (
        "台账中的状态，可重复（done、已完成……；未完成：既未完成也非不适用）。"
    ),
    "Responsible division. 责任处室": "责任处室。",
    "Task number (6) or obligation id (6.2).": "任务编号（6）或举措编号（6.2）。",
    "Text to find (Chinese substrings work), e.g. 地理标志.": "要查找的文字（可为词语片段），如 地理标志。",
    "Also list the changes recorded after this day (本期进展). 自何日起": (
        "另列出此日之后记录的更改（本期进展）。"
    ),
    "Due within this many days: listed. 临近时限": "在此天数内到期的举措另行列出。",
    "Only this division's items. 责任处室": "只包括该处室负责的举措。",
    "province: provinces × tasks; measure: each provincial obligation and the provinces that "
    "owe it. 汇总方式": "province：省份 × 任务；measure：每条省级举措及必做的省份与进展。",
    # lists
    "The notice (.docx, .xlsx, .csv, .txt, .html), or a corrected draft (.yaml). 通知文件": (
        "通知文件（.docx、.xlsx、.csv、.txt、.html），或改正过的草稿（.yaml）。"
    ),
    "Read and review the notice; add nothing.": "预演：读取并核对通知，不添加。",
    "Also write the draft here, to check and correct it. 草稿文件": (
        "同时把草稿写入此文件，以便核对、改正。"
    ),
    "The list's id (default: year and kind). 编号": "清单编号（默认：年份加文件类别，如 2021-推进计划）。",
    "Replace a different list that has the same id.": "替换清单库中编号相同的另一份清单。",
    "The list's id, year or title (see iprcheck lists).": "清单编号、年份或标题（见 iprcheck lists）。",
    # ledger
    "Official name, e.g. 广东省. 省份名称": "省份的正式名称，如 广东省。",
    "A ledger of the national office's own measures. 国家局": "国家知识产权局自身举措的台账。",
    "The task list to track, from `iprcheck lists` (its id or year). 任务清单": (
        "要跟踪的任务清单：iprcheck lists 所列清单的编号或年份。"
    ),
    "With --national: one department's measures. 执行部门": (
        "与 --national 同用：只跟踪一个部门的举措。"
    ),
    "Task numbers (6), ids (9.3), ranges (8-10), then a status: todo, in-progress, done, "
    "blocked, waived (or 未开始 进行中 已完成 受阻 不适用).": (
        "任务编号（6）、举措编号（9.3）或范围（8-10），最后是状态：todo、in-progress、done、"
        "blocked、waived（或 未开始 进行中 已完成 受阻 不适用）。"
    ),
    "Progress note or reason. 进展情况": "进展情况或原因。",
    "Evidence reference, repeatable. 佐证材料": "佐证材料（文件名或文号），可重复。",
    "Take a wrong evidence reference away (recorded; undo brings it back).": (
        "删去一项录错的佐证材料（会记录；undo 可恢复）。"
    ),
    _BY: "记录人（默认：iprcheck config set by 姓名 所设的人，否则为登录用户名）。",
    "by, lang or ledger.": "by（记录人）、lang（语言）或 ledger（默认台账）。",
    "The value to keep.": "要保存的值。",
    "Show what would change; record nothing.": "预演：显示将作的更改，不作记录。",
    "After a conflict: take the sheet's changed cells for these rows. 以表中为准": (
        "冲突核对后，这些行以表中为准：采用表中改过的单元格。"
    ),
    "Only these tasks or obligations.": "只看这些任务或举措。",
    "Who undoes (default: your login name).": "撤销人（默认：登录用户名）。",
    "Tasks, obligation ids or ranges.": "任务编号、举措编号或范围。",
    'Responsible division inside the office ("" clears it). 责任处室': (
        '本单位内的责任处室（"" 表示清除）。'
    ),
    'Internal deadline, YYYY-MM-DD ("" clears it). 内部时限': '内部时限，YYYY-MM-DD（"" 表示清除）。',
    "Another copy of this ledger (a file, or its folder).": "本台账的另一副本（文件或其所在文件夹）。",
    "A 台账 report wrote (.xlsx, or .csv in UTF-8 or GBK), edited. 台账文件": (
        "report 输出、经编辑的台账（.xlsx，或 UTF-8、GBK 编码的 .csv）。"
    ),
    # report, check, rollup
    "Output format (default: from the --output file's extension, else terminal). 格式": (
        "输出格式（默认：按 --output 文件的扩展名，否则显示在终端）。"
    ),
    "Write to this file instead of the screen. 输出文件": "写入此文件，而不是显示在屏幕上。",
    _FORCE: "--output 文件已存在时覆盖它。",
    _AS_OF: "报告截至这一天结束时，YYYY-MM-DD（默认：今天）。",
    "Check as of the end of this day, YYYY-MM-DD (default: today). 截至日期": (
        "检查截至这一天结束时的台账，YYYY-MM-DD（默认：今天）。"
    ),
    "Ledger files, or folders searched recursively for ledgers. 台账或其所在文件夹": (
        "台账文件，或台账所在的文件夹（逐级查找）。"
    ),
    "Order of the provinces: progress (most done first), name (the list's order), "
    "updated (most recent first). 排序": (
        "省份的顺序：progress（完成最多者在前）、name（按清单顺序）、updated（最近更新者在前）。"
    ),
    "Output format (default: from the --output file's extension, else table).": (
        "输出格式（默认：按 --output 文件的扩展名，否则为表格）。"
    ),
    "Write to this file (atomically) instead of stdout.": "写入此文件（原子写入），而不是标准输出。",
    "Fail (exit 1, print nothing else) if any ledger is left out.": (
        "有台账未计入时即失败（退出码 1，不输出其他内容）。"
    ),
}

# What Click and Typer look up with gettext while they lay help out.
CLICK_ZH = {
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
}


def show_help(app: Any, args: list[str], *, chinese: bool) -> None:
    """Help, laid out by display width and, for a Chinese user, in Chinese."""
    from typer.main import get_command

    command = get_command(app)
    if chinese:
        command.help = APP_ZH
        _options(command)
        command.on_build = translate  # type: ignore[attr-defined]  # the LazyGroup
    with laid_out(chinese=chinese):
        command(args, prog_name="iprcheck")


def translate(name: str, command: Any) -> None:
    """Put one command, as the root group builds it, into Chinese (a group's commands too)."""
    command.help = COMMANDS_ZH.get(name, command.help)
    _options(command)
    for sub_name, sub in getattr(command, "commands", {}).items():
        translate(f"{name} {sub_name}", sub)


def _options(command: Any) -> None:
    for param in command.params:
        help_text = getattr(param, "help", None)
        if help_text:
            param.help = PARAMS_ZH.get(help_text, help_text)
    original = command.get_help_option

    def help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.help = PARAMS_ZH.get(option.help, option.help)
        return option

    command.get_help_option = help_option

    def format_usage(ctx: Any, formatter: Any) -> None:
        pieces = command.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    command.format_usage = format_usage


# ---------------------------------------------------------------------------------------------
# Wrapping by display width.

# The one line-breaking rule (Chinese rules and display width) is ``output.wrap``'s.


def columns(text: str) -> int:
    """The columns ``text`` takes in a terminal."""
    from ..output.wrap import columns as width

    return width(text)


@contextmanager
def laid_out(*, chinese: bool) -> Iterator[None]:
    """While help is written: Click wraps by display columns, and under ``chinese`` uses
    Chinese words and the full-width colon. Everything is put back afterwards, so nothing else
    in the process (a second help, a test) sees the change."""
    import typer.core
    from typer._click import _textwrap, formatting

    places = [
        (_textwrap, "TextWrapper"),
        (formatting, "term_len"),
        (typer.core, "_"),
        (formatting.HelpFormatter, "write_heading"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name in places]
    try:
        _use_display_width(chinese=chinese)
        if chinese:

            def heading(self: Any, name: str) -> None:  # 选项：, with the full-width colon
                self.write(f"{'':>{self.current_indent}}{name}：\n")

            setattr(typer.core, "_", lambda message: CLICK_ZH.get(message, message))  # noqa: B010
            setattr(formatting.HelpFormatter, "write_heading", heading)  # noqa: B010
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def _use_display_width(*, chinese: bool) -> None:
    """Chinese text may break between any two characters; in English help a Chinese word
    stays whole."""
    from typer._click import _textwrap, formatting

    base = _textwrap.TextWrapper

    class Wrapper(base):  # type: ignore[misc, valid-type]
        def wrap(self, text: str) -> list[str]:
            """Click's paragraph as lines, by ``output.wrap``'s rule: Chinese text may break
            between two characters (but not before a stop or after an opening bracket); a
            Latin word, a number with its unit, an id or an option (pilot-supporting) never;
            in English help a Chinese word stays whole."""
            from ..output.wrap import breaks

            first = max(self.width - columns(self.initial_indent), 2)
            rest = max(self.width - columns(self.subsequent_indent), 2)
            plain = " ".join(text.split())
            lines = breaks(plain, rest, first=first, cjk=chinese)
            return [
                (self.initial_indent if i == 0 else self.subsequent_indent) + line
                for i, line in enumerate(lines)
                if line or i == 0
            ]

    from typer._click._compat import strip_ansi

    setattr(_textwrap, "TextWrapper", Wrapper)  # noqa: B010
    setattr(formatting, "term_len", lambda s: columns(strip_ansi(s)))  # noqa: B010
