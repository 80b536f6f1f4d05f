"""A day in the office (#15): what people type, the report's new parts, the rollup's new views."""

MESSAGES: dict[str, tuple[str, str]] = {
    # What people type.
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
    # The report's new parts.
    "att_due_soon": ("{days} 天内到期", "Due within {days} {days:|day|days}"),
    "att_due_in": ("{due} 到期（还剩 {days} 天）", "due {due} (in {days} {days:|day|days})"),
    "att_due_today": ("{due} 今天到期", "due today, {due}"),
    "att_internal": ("内部时限", "internal"),
    "att_no_owner": ("未指定处室", "no owner"),
    "report_since": ("本期进展（{date} 之后）", "Changes since {date}"),
    "report_since_count": ("共 {count} 项更改", "{count} {count:|change|changes}"),
    "report_since_none": ("此期间没有更改", "no change in this period"),
    "report_notes": ("进展情况与佐证材料", "Progress notes and evidence"),
    "report_owner_only": ("责任处室：{owners}", "Owner: {owners}"),
    "csv_changes": ("本期进展", "changes_since"),
    # The rollup.
    "rollup_legend": ("图例：", "Key: "),
    "rollup_header_key": (
        "表头数字为任务编号，自上而下竖读（1 下面是 0 即任务 10），按清单的部分分组；"
        "每格是该省在该任务下的举措",
        "the header is task numbers read downwards (1 over 0 is task 10), grouped by section;"
        " each cell is the province's obligations under that task",
    ),
    "rollup_missing": ("未报送（{count}）：{names}", "No ledger sent ({count}): {names}"),
    "rollup_missing_none": ("各单位均已报送", "every reporting unit sent a ledger"),
    "rollup_by_measure": ("按举措汇总（必做省份）", "By measure (provinces that must do it)"),
    "rollup_measure_counts": ("必做 {count} 省", "{count} {count:|province|provinces} must"),
    "rollup_not_done": ("未完成：", "not done: "),
    "rollup_sheet_measures": ("按举措", "By measure"),
    "rollup_sheet_blocked": ("受阻原因", "Blocked"),
    "rollup_blocked_list": ("受阻原因（各省）", "Blocked, with reasons (all provinces)"),
}
