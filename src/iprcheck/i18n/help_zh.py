"""Every command's help in Chinese, written for the office that reads it: the words people
type, examples an office would run, defaults said in words, and nothing a programmer would
write (no [OPTIONS], no exit codes, no notation). Read only when help is shown.

The English help is the commands' docstrings and their options' help, in the code, as Typer
documents; ``tests/test_help.py`` holds every command, option and argument to a page here.
"""

from __future__ import annotations

from typing import NamedTuple


class Page(NamedTuple):
    """One command's help in Chinese: its line in the list of commands, what follows
    ``用法：``, what it does, and examples to copy."""

    summary: str
    usage: str
    text: str
    examples: tuple[str, ...]


_TYPES = "试点省、引领型、支撑型、特色型、涉及省份、各类省份"

PAGES: dict[str, Page] = {
    "": Page(
        "",
        "iprcheck 命令 …",
        "2020年推动知识产权高质量发展任务清单：查看任务和举措，在台账中记录进展，生成进展报告。\n\n"
        "第一次使用：先用 init 建立本省的台账，再用 mark 记录各项举措的进展，"
        "用 report 生成进展报告。",
        (
            "iprcheck init --province 浙江省 --province-type 试点省",
            "iprcheck mark 6 已完成 --evidence 实施方案.pdf",
            "iprcheck report --output 进展报告.docx",
        ),
    ),
    "init": Page(
        "建立本省（或国家知识产权局）的台账",
        "iprcheck init --province 省份 --province-type 类型",
        "为一个省份建立台账。台账只跟踪该类省份必做或选做的举措。已有台账时不会覆盖。\n\n"
        "国家知识产权局建立自身举措的台账时，用 --national。",
        (
            "iprcheck init --province 浙江省 --province-type 试点省",
            "iprcheck init --province 广东省 --province-type 引领型",
            "iprcheck init --national --department 保护司",
        ),
    ),
    "mark": Page(
        "记录举措的进展",
        "iprcheck mark 编号… 状态",
        "记录一项或多项举措的状态。一次记录要么全部成功，要么一项也不记。\n\n"
        "标为已完成时，请用 --evidence 写明佐证材料；标为受阻时，请用 --note 写明原因；"
        "否则 iprcheck check 会指出。",
        (
            "iprcheck mark 6 已完成 --evidence 实施方案.pdf",
            "iprcheck mark 8-10 进行中 --note 已印发工作方案",
            "iprcheck mark 2.2 受阻 --note 等待经费下达",
        ),
    ),
    "report": Page(
        "进展报告：在屏幕上查看，或存为 Word、Excel、网页",
        "iprcheck report",
        "台账的进展：完成情况，需要关注的事项（受阻、逾期、临近时限），台账自身的问题。\n\n"
        "用 --output 存为文件：文件名以 .docx 结尾为 Word 文档，.xlsx 为 Excel 台账"
        "（可发给各处室填写，再用 iprcheck import 收回），.html 为网页。\n\n"
        "没有台账时，可用 --province-type 预览该类省份的全部举措。",
        (
            "iprcheck report",
            "iprcheck report --output 进展报告.docx",
            "iprcheck report --output 台账.xlsx",
            "iprcheck report --since 2020-09-01 --owner 运用促进处",
        ),
    ),
    "import": Page(
        "收回处室填好的台账表格",
        "iprcheck import 文件",
        "收回同事填好的台账表格（report 生成的 .xlsx 或 .csv）：状态、进展情况、佐证材料、"
        "责任处室、内部时限。\n\n"
        "按编号逐行对应，只采用导出后表中改过的单元格。导出后台账中也改过的行算作冲突，"
        "逐一列出、不导入；核对后用 --theirs 编号 以表中为准。\n\n"
        "更改作为一次操作记录，一次 iprcheck undo 即可全部撤销。"
        "无法接受的内容在记录之前即被拒绝，并指出所在的单元格。",
        (
            "iprcheck import 台账.xlsx --by 李明",
            "iprcheck import 台账.xlsx --dry-run",
            "iprcheck import 台账.xlsx --theirs 6.2,8.2",
        ),
    ),
    "assign": Page(
        "指定责任处室和内部时限",
        "iprcheck assign 编号… --owner 处室 --due 日期",
        "为举措指定本单位的责任处室和内部时限。",
        (
            "iprcheck assign 8-10 --owner 运用促进处 --due 2020-10-31",
            'iprcheck assign 6 --owner ""',
        ),
    ),
    "check": Page(
        "检查台账中须补写的内容",
        "iprcheck check",
        "检查台账，列出须补写的内容。\n\n"
        "错误：已完成但没有佐证材料；受阻但没有写明原因；必做举措标为不适用但没有写明理由。\n"
        "提醒：必做举措未完成且没有责任处室；内部时限晚于清单规定的时限。",
        ("iprcheck check",),
    ),
    "list": Page(
        "列出举措，可按部分、状态、处室等筛选",
        "iprcheck list",
        "列出举措。当前文件夹有台账时，只列台账跟踪的举措，并显示各自的状态；"
        "用 --province-type 可改按其他省份类型列出。",
        (
            "iprcheck list --section 一 --requirement 必做",
            "iprcheck list --status 未完成 --owner 运用促进处",
            "iprcheck list --province-type 试点省 --actor 省份",
        ),
    ),
    "show": Page(
        "查看一项任务的全文",
        "iprcheck show 编号",
        "显示一项任务的全部内容：每条举措、省份要求、执行部门、量化指标。",
        ("iprcheck show 6", "iprcheck show 6.2"),
    ),
    "search": Page(
        "在清单中查找文字",
        "iprcheck search 文字",
        "在任务和举措中查找文字，找到处突出显示。",
        ("iprcheck search 地理标志",),
    ),
    "history": Page(
        "查看台账中已记录的更改",
        "iprcheck history 编号…",
        "按时间先后列出台账中记录的每一项更改；写了编号时，只列这些任务或举措的更改。",
        ("iprcheck history", "iprcheck history 6"),
    ),
    "undo": Page(
        "撤销最近一次操作",
        "iprcheck undo",
        "撤销最近一次记录的操作（如 mark、assign、import）；撤销本身也记录在台账中。"
        "最近一次操作是同事做的时，会说明是谁、在何时。",
        ("iprcheck undo",),
    ),
    "profile": Page(
        "查看或更改台账的省份和省份类型",
        "iprcheck profile",
        "显示本台账属于哪个省份、是什么省份类型；加选项则更改（会记录，undo 可撤销）。"
        "年中成为试点省的省份在此声明。",
        ("iprcheck profile", "iprcheck profile --province-type 引领型"),
    ),
    "merge": Page(
        "并入同一台账另一副本中的更改",
        "iprcheck merge 文件",
        "同一本台账在两处各有改动时（如一份经邮件发回），把另一副本中有而本台账没有的更改"
        "并入本台账。两边对同一举措的改动不同时，以较晚的为准，另一方保留在历史中。",
        ("iprcheck merge 邮件附件\\iprcheck-ledger.jsonl",),
    ),
    "rollup": Page(
        "汇总各省台账（全国汇总用）",
        "iprcheck rollup 文件或文件夹…",
        "把各省报送的台账汇总为全国视图：省份 × 任务。\n\n"
        "逐本检查：无法读取、属于另一任务清单、或与已读省份重复的台账，逐一说明并不计入，"
        "其余照常汇总。只读取台账，从不改动。",
        (
            "iprcheck rollup 各省台账",
            "iprcheck rollup 各省台账 --output 全国汇总.xlsx",
            "iprcheck rollup 各省台账 --by measure",
        ),
    ),
    "upgrade": Page(
        "改用更正后的任务清单",
        "iprcheck --tasks 清单文件 upgrade",
        "任务清单发布更正后，让台账改按更正后的清单记录：列出更正改动、新增或删除的举措"
        "（其记录保留），并记下这一改变；undo 可撤销。",
        ("iprcheck --tasks 更正后的清单.yaml upgrade --dry-run",),
    ),
    "config": Page(
        "保存常用设置：记录人、语言、默认台账",
        "iprcheck config 命令 …",
        "保存常用的设置，以后不必每次都写：by（记录人）、lang（语言）、ledger（默认台账）。",
        (
            "iprcheck config set by 李明",
            "iprcheck config set ledger D:\\台账\\iprcheck-ledger.jsonl",
            "iprcheck config list",
        ),
    ),
    "config set": Page(
        "保存一项设置",
        "iprcheck config set 名称 值",
        "保存一项设置。",
        ("iprcheck config set by 李明", "iprcheck config set lang zh"),
    ),
    "config get": Page(
        "显示一项设置",
        "iprcheck config get 名称",
        "显示一项设置的值。",
        ("iprcheck config get by",),
    ),
    "config list": Page(
        "显示全部设置及其保存位置",
        "iprcheck config list",
        "显示全部设置，以及设置文件的位置。",
        ("iprcheck config list",),
    ),
    "config unset": Page(
        "删除一项设置",
        "iprcheck config unset 名称",
        "删除一项设置，恢复为不设置时的做法。",
        ("iprcheck config unset lang",),
    ),
    "lists": Page(
        "本机已有的任务清单；加入新一年的清单",
        "iprcheck lists",
        "列出本机已有的任务清单：内置的 2020 年清单和加入的清单，各自的编号、年份、项数、标题。"
        "新一年的通知用 iprcheck lists add 读成清单、加入清单库。",
        ("iprcheck lists", "iprcheck lists add 2021年推进计划.docx --dry-run"),
    ),
    "lists add": Page(
        "把新一年的通知读成任务清单，加入清单库",
        "iprcheck lists add 文件",
        "把新一年的通知读成任务清单：先列出核对结果，再加入清单库。\n\n"
        "也可加入 .yaml 文件（用 --output 写出并改正过的草稿），原样加入。",
        (
            "iprcheck lists add 2021年推进计划.docx --dry-run --output 草稿.yaml",
            "iprcheck lists add 草稿.yaml",
        ),
    ),
    "lists remove": Page(
        "从清单库中删除一份清单",
        "iprcheck lists remove 编号",
        "从清单库中删除一份清单；内置的 2020 年清单不能删除。",
        ("iprcheck lists remove 2021-推进计划",),
    ),
    "validate": Page(
        "检查任务清单文件（整理新清单时用）",
        "iprcheck validate 文件",
        "按格式要求检查任务清单 YAML 文件，逐条列出问题及其所在行。"
        "新一年的任务清单整理成文件后，先用它检查。",
        ("iprcheck validate 2021年任务清单.yaml",),
    ),
}

# Each option and argument in Chinese: (the name shown for its value, its help). Keyed by the
# command and the option ("report --owner") or the argument's name ("mark args"); an option
# many commands share also by itself ("--by"). A flag's value name is "".
PARAMS: dict[str, tuple[str, str]] = {
    # Every command.
    "--tasks": (
        "清单",
        "改用此任务清单：清单文件，或清单库中的编号或年份（不写时用台账跟踪的清单，"
        "否则为内置的 2020 年清单）。",
    ),
    "--ledger": ("台账", "台账文件或所在的文件夹（不写时用当前文件夹中的台账）。"),
    "--lang": (
        "语言",
        "zh 为中文，en 为英文（不写时按 iprcheck config set lang 的设置，否则按系统的语言）。",
    ),
    "--version": ("", "显示版本号。"),
    "--help": ("", "显示本帮助。"),
    # Shared by several commands.
    "--province": ("省份", "省份的正式名称，如 广东省；也可写简称，如 广东、内蒙古。"),
    "--province-type": ("类型", f"省份类型，可写多个：{_TYPES}。"),
    "--by": ("姓名", "记录人（不写时用 iprcheck config set by 所设的姓名，否则为电脑的登录名）。"),
    "--dry-run": ("", "预演：只显示将作的更改，不作记录。"),
    "--output": ("文件", "存为此文件，而不显示在屏幕上。"),
    "--force": ("", "--output 的文件已存在时覆盖它。"),
    # init
    "init --national": ("", "建立国家知识产权局自身举措的台账。"),
    "init --list": (
        "清单",
        "台账跟踪的任务清单：清单库中的编号或年份（见 iprcheck lists）；"
        "不写时为 --tasks 所指的清单，否则为内置的 2020 年清单。",
    ),
    "init --department": ("部门", "与 --national 同用：只跟踪一个执行部门的举措，如 保护司。"),
    # mark
    "mark args": (
        "编号… 状态",
        "先写编号：任务编号（6）、举措编号（9.3）或范围（8-10），可写多个，用空格或“、”"
        "隔开；再写状态：未开始、进行中、已完成、受阻、不适用。",
    ),
    "mark --note": ("文字", "进展情况或原因（受阻、不适用时请写明）。"),
    "mark --evidence": ("材料", "佐证材料：文件名或文号，可写多次。"),
    "mark --remove-evidence": ("材料", "删去一项录错的佐证材料（会记录，undo 可恢复）。"),
    # report
    "report --format": (
        "格式",
        "输出格式：terminal（屏幕）、json、markdown、csv、xlsx、html、docx；"
        "不写时按 --output 文件的扩展名决定。",
    ),
    "report --output": ("文件", "存为此文件，如 进展报告.docx、台账.xlsx、进展报告.html。"),
    "report --as-of": ("日期", "报告截至哪一天，如 2020-09-30（不写时为今天）。"),
    "report --province-type": (
        "类型",
        f"按此省份类型出报告（代替台账的省份类型），可写多个：{_TYPES}。没有台账时用来预览。",
    ),
    "report --since": ("日期", "另列出此日之后记录的更改（本期进展），如 2020-09-01。"),
    "report --within": ("天数", "多少天内到期的举措列为临近时限（不写时为 14 天）。"),
    "report --owner": ("处室", "只报告该处室负责的举措，如 运用促进处；可写多次。"),
    # import
    "import --theirs": (
        "编号",
        "冲突核对后，这些行以表中为准：采用表中改过的单元格。可写多个，用逗号隔开。",
    ),
    "import source": ("文件", "report 生成、经处室填写的台账表格（.xlsx 或 .csv）。"),
    # assign
    "assign ident": ("编号…", "任务编号（6）、举措编号（9.3）或范围（8-10），可写多个。"),
    "assign --owner": ("处室", '责任处室，如 运用促进处（写 "" 清除）。'),
    "assign --due": ("日期", '内部时限，如 2020-10-31（写 "" 清除）。'),
    # check
    "check --as-of": ("日期", "检查截至哪一天，如 2020-09-30（不写时为今天）。"),
    # list
    "list --province-type": (
        "类型",
        f"按此省份类型列出（代替台账的省份类型），可写多个：{_TYPES}。",
    ),
    "list --section": ("部分", "只列这一部分，如 一 或 第一部分（也可写 1）；可写多次。"),
    "list --task": ("任务", "只列这项任务，如 6；可写多次。"),
    "list --department": ("部门", "只列国家知识产权局这一执行部门的举措，如 保护司。"),
    "list --actor": ("主体", "国家局：只列国家知识产权局的举措；省份：只列省级举措。"),
    "list --requirement": ("要求", "必做或选做：只列必做或选做的举措（须有省份类型）。"),
    "list --format": ("格式", "输出格式：table（表格）、json、csv、markdown。"),
    "list --full": ("", "在表格中显示每条举措的全文。"),
    "list --status": (
        "状态",
        "只列此状态的举措，如 已完成、受阻；未完成 即尚未完成的全部举措。可写多次。",
    ),
    "list --owner": ("处室", "只列该处室负责的举措，如 运用促进处；可写多次。"),
    # show, search, history
    "show ident": ("编号", "任务编号（6）或举措编号（6.2）。"),
    "show --province-type": ("类型", "按此省份类型注明各条举措是必做还是选做。"),
    "search text": ("文字", "要查找的文字，可以是词语的一部分，如 地理标志。"),
    "history ident": ("编号…", "只看这些任务或举措的更改（可不写）。"),
    "history --format": ("格式", "输出格式：table（表格）或 json。"),
    # profile
    "profile --province": ("省份", "改为此省份（正式名称或简称）。"),
    "profile --province-type": ("类型", f"改为此省份类型，可写多个：{_TYPES}。"),
    # merge
    "merge other": ("文件", "本台账的另一副本（文件，或它所在的文件夹）。"),
    # rollup
    "rollup paths": ("文件或文件夹…", "各省的台账文件，或存放台账的文件夹（连同其中各级文件夹）。"),
    "rollup --sort": (
        "顺序",
        "省份的顺序：progress（完成多者在前）、name（按清单顺序）、updated（最近更新者在前）。",
    ),
    "rollup --format": (
        "格式",
        "输出格式：table（表格）、json、csv、markdown、html、xlsx；"
        "不写时按 --output 文件的扩展名决定。",
    ),
    "rollup --by": (
        "方式",
        "province（或 省份）：省份 × 任务；measure（或 举措）：每条省级举措及须做的省份。",
    ),
    "rollup --output": ("文件", "存为此文件，如 全国汇总.xlsx、全国汇总.html。"),
    "rollup --strict": ("", "有台账未计入时不汇总，只说明问题。"),
    # config
    "config set key": ("名称", "by（记录人）、lang（语言）或 ledger（默认台账）。"),
    "config set value": ("值", "要保存的值。"),
    "config get key": ("名称", "by、lang 或 ledger。"),
    "config unset key": ("名称", "by、lang 或 ledger。"),
    # lists
    "lists add file": (
        "文件",
        "通知文件（.docx、.xlsx、.csv、.txt、.html），或改正过的草稿（.yaml）。",
    ),
    "lists add --dry-run": ("", "预演：读取并核对通知，不加入。"),
    "lists add --output": ("文件", "同时把草稿写入此文件（.yaml），以便核对、改正。"),
    "lists add --id": ("编号", "清单的编号（不写时为年份加文件类别，如 2021-推进计划）。"),
    "lists add --replace": ("", "替换清单库中编号相同的另一份清单。"),
    "lists remove ident": ("编号", "清单的编号、年份或标题（见 iprcheck lists）。"),
    # validate
    "validate file": (
        "文件",
        "任务清单 YAML 文件（不写时检查 --tasks 所指的清单，否则为内置清单）。",
    ),
}
