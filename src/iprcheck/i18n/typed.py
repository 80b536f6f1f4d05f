"""Words people type that name nothing iprcheck knows: a status, a division. Each message offers
the word meant where the typed one is a near miss, and lists the valid ones, Chinese first for a
Chinese reader (``valid_zh``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_status": (
        "未知的状态“{value}”；可选：{valid_zh}",
        "unknown status '{value}'; valid: {valid}",
    ),
    "unknown_status_like": (
        "未知的状态“{value}”；是不是“{like}”？可选：{valid_zh}",
        "unknown status '{value}'; did you mean {like}? valid: {valid}",
    ),
    "status_is_filter": (
        "“{value}”用于筛选（list --status {value}），不是可记录的状态；可选：{valid_zh}",
        "'{value}' is a filter (list --status {value}), not a status to record; valid: {valid}",
    ),
    "unknown_owner": (
        "台账中没有责任处室“{value}”；已指定的处室：{valid_zh}",
        "no obligation in the ledger is assigned to '{value}'; assigned: {valid}",
    ),
    "unknown_owner_like": (
        "台账中没有责任处室“{value}”；是不是“{like}”？",
        "no obligation in the ledger is assigned to '{value}'; did you mean {like}?",
    ),
    "unknown_owner_none": (
        "台账中还没有指定任何责任处室，“{value}”无从查起（指定处室：iprcheck assign 编号 --owner 处室）",
        "no obligation in the ledger has an owner yet, so none is '{value}' (assign one:"
        " iprcheck assign ID --owner DIVISION)",
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
