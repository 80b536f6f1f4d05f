"""A day in the office (#15): what people type, the report's new parts, the rollup's new views."""

MESSAGES: dict[str, tuple[str, str]] = {
    # What people type.
    "status_is_filter": (
        "“{value}”用于筛选（list --status {value}），不是可记录的状态；可选：{valid}",
        "'{value}' is a filter (list --status {value}), not a status to record; valid: {valid}",
    ),
    "unknown_province_like": (
        "未知的省份“{value}”；是不是“{like}”？",
        "unknown province '{value}'; did you mean {like}?",
    ),
    "usage_mark_order": (
        "状态写在编号之后：iprcheck mark {ids} {status}",
        "the status comes after the IDs: iprcheck mark {ids} {status}",
    ),
    "usage_dash_option": (
        "“{typed}”不是选项；是不是要用 {name}（两个半角减号）？",
        "'{typed}' is not an option; did you mean {name} (two ASCII hyphens)?",
    ),
    "usage_no_command_like": (
        "没有“{name}”这个命令；是不是要用 {like}？",
        "no command '{name}'; did you mean '{like}'?",
    ),
}
