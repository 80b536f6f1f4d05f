"""Usage errors: one line, in the user's language."""

MESSAGES: dict[str, tuple[str, str]] = {
    "usage_error": ("用法错误：{problem}（帮助：{help}）", "usage error: {problem} (help: {help})"),
    "usage_no_option": ("没有 {name} 这个选项", "no such option: {name}"),
    "usage_missing_command": (
        "请给出命令，如 iprcheck list",
        "give a command, e.g. iprcheck list",
    ),
    "usage_global_option": (
        "{name} 是全局选项，请写在命令之前：iprcheck {name} … {command}",
        "{name} goes before the command: iprcheck {name} … {command}",
    ),
    "usage_did_you_mean": ("；是不是要用 {names}", "; did you mean {names}"),
    "usage_missing": ("缺少 {name}", "missing {name}"),
    "usage_not_choice": (
        "{option} 的值“{value}”无效；可选：{valid}",
        "{option}: '{value}' is not valid; valid: {valid}",
    ),
    "usage_bad_value": (
        "{option} 的值“{value}”无效（应为{type}）",
        "{option}: '{value}' is not a valid {type}",
    ),
    "usage_bad_option": ("{option} 的值无效：{problem}", "{option}: {problem}"),
    "usage_no_command": ("没有“{name}”这个命令", "no command '{name}'"),
    "usage_needs_value": ("{option} 后面缺少值", "{option} needs a value"),
    "usage_extra": ("多余的参数：{args}", "unexpected extra argument(s): {args}"),
    "type_int": ("整数", "whole number"),
    "type_float": ("数字", "number"),
    "usage_mark_args": (
        "请给出至少一个编号和一个状态，如 iprcheck mark 6 done",
        "give at least one ID and a STATUS, e.g. iprcheck mark 6 done",
    ),
    "usage_department_needs_national": (
        "--department 只能与 --national 一起使用",
        "--department needs --national",
    ),
    "usage_national_no_province": (
        "国家局台账没有省份或省份类型：不能同时使用 --national 与 --province / --province-type",
        "a national ledger has no province or province type: drop --province / --province-type",
    ),
    "usage_not_utf8": ("{option} 不是有效的 UTF-8 文本", "{option} is not valid UTF-8 text"),
    "usage_blank": ("{option} 不能为空", "{option} cannot be empty"),
    "usage_list_and_tasks": (
        "--list 与 --tasks 只能选一个：--list 取清单库中的清单，--tasks 取清单文件",
        "give --list or --tasks, not both: --list takes a list from the library, --tasks a file",
    ),
    "bad_date": (
        "日期“{value}”无效，应为 YYYY-MM-DD（或 2020/10/31、2020年10月31日）",
        "invalid date '{value}'; use YYYY-MM-DD (or 2020/10/31, 2020.10.31)",
    ),
    "date_out_of_range": (
        "日期“{value}”超出范围，应在 1970 年至 2199 年之间",
        "date '{value}' is out of range; use a year from 1970 to 2199",
    ),
}
