"""Errors that are about files, ids and names rather than one part of iprcheck."""

MESSAGES: dict[str, tuple[str, str]] = {
    "file_missing": ("找不到文件：{path}", "file not found: {path}"),
    "file_unreadable": ("无法读取文件 {path}：{reason}", "cannot read {path}: {reason}"),
    "unknown_province_type": (
        "未知的省份类型“{value}”；可选：{valid_zh}",
        "unknown province type '{value}'; valid: {valid}",
    ),
    "unknown_section": ("没有第 {value} 部分；可选：{valid}", "no section {value}; valid: {valid}"),
    "unknown_task": ("没有任务 {value}；可选：{valid}", "no task {value}; valid: {valid}"),
    "unknown_range": (
        "“{value}”不是有效的任务范围；任务编号为 {valid}，范围形如 8-10（举措：8.2-9.3）",
        "'{value}' is not a range of tasks; tasks are {valid}, a range looks like 8-10"
        " (obligations: 8.2-9.3)",
    ),
    "unknown_id": (
        "没有编号为“{value}”的任务或举措；任务编号为 {valid}，举措编号形如 6.2",
        "no task or obligation '{value}'; tasks are {valid}, obligations look like 6.2",
    ),
    "unknown_department": (
        "未知的执行部门“{value}”；可选：{valid}",
        "unknown department '{value}'; valid: {valid}",
    ),
    "unknown_lang": (
        "未知的语言“{value}”；可选：zh, en",
        "unknown language '{value}'; valid: zh, en",
    ),
    "file_held_open": (
        "无法替换 {path}：该文件正被另一个程序打开（可能是 WPS 或 Excel）；请关闭后重试",
        "cannot replace {path}: another program has it open (WPS or Excel?); close it and try"
        " again",
    ),
    "not_a_file": (
        "{path} 不是普通文件（是设备、管道或其他特殊文件），未读取",
        "{path} is not a regular file (a device, a pipe or another special file); not read",
    ),
    "file_too_large": (
        "{path} 有 {size} 字节，超过上限 {limit} 字节，未读取",
        "{path} is {size} bytes, over the limit of {limit}; not read",
    ),
    "unknown_status": (
        "未知的状态“{value}”；可选：{valid}",
        "unknown status '{value}'; valid: {valid}",
    ),
    "not_applicable_national": (
        "{value} 不在本台账跟踪的国家局举措之内（见 iprcheck list），未作记录",
        "{value} is not among the national measures this ledger tracks (see iprcheck list);"
        " nothing recorded",
    ),
    "not_applicable": (
        "{value} 不适用于本台账的省份类型，未作记录",
        "{value} does not apply to this ledger's profile; nothing recorded",
    ),
    "unknown_province": (
        "未知的省份“{value}”；应为正式名称，如 广东省、新疆生产建设兵团",
        "unknown province '{value}'; use the official name, e.g. 广东省, 新疆生产建设兵团",
    ),
    "field_title": ("标题", "title"),
    "field_text": ("正文", "text"),
    "path_refused": ("无法使用 {path}：{reason}", "cannot use {path}: {reason}"),
    "config_bad_value": (
        "设置 {setting} 的值“{value}”无效；可选：{valid}",
        "'{value}' is no value for the setting {setting}; valid: {valid}",
    ),
    "config_no_key": (
        "没有名为 {setting} 的设置；可用：{valid}",
        "no setting named {setting}; valid: {valid}",
    ),
    "config_unreadable": (
        "无法读取设置文件 {path}：{reason}。请修正或删除该文件",
        "cannot read the settings file {path}: {reason}. Fix or delete it",
    ),
    "config_unknown": (
        "设置文件 {path} 中有无法识别的设置 {setting}。请修正或删除该行",
        "the settings file {path} holds a setting iprcheck does not know: {setting}. Fix or delete"
        " that line",
    ),
    "output_not_file": (
        "{path} 不是普通文件（是设备或管道），不会被替换；请换一个文件名",
        "{path} is not a regular file (a device or a pipe) and is never replaced; choose a file"
        " name",
    ),
    "config_busy": (
        "设置文件 {path} 正被另一程序修改，请稍后再试",
        "the settings file {path} is being changed by another program; try again shortly",
    ),
    "config_set": ("已设置 {setting} = {value}", "set {setting} = {value}"),
    "config_unset": ("已删除设置 {setting}", "removed the setting {setting}"),
    "config_not_set": ("设置 {setting} 未设置", "the setting {setting} is not set"),
    "config_none": ("尚无任何设置（{path}）", "no settings yet ({path})"),
    # Office packages (.xlsx, .docx) from others: ooxml.py.
    "package_not_zip": (
        "{path} 不是有效的表格或文档文件，可能已损坏；请重新保存或索取原文件",
        "{path} is not a valid Office file (xlsx or docx); it may be damaged: save it again or ask for the original",
    ),
    "package_too_many_parts": (
        "{path} 内含 {count} 个部件，远超正常文件，已拒绝读取",
        "{path} holds {count} parts, far more than any real document; not read",
    ),
    "package_too_large": (
        "{path} 解压后过大（{part}：{size} 字节），可能是“压缩炸弹”，已拒绝读取",
        "{path} would inflate too far ({part}: {size} bytes); it may be a zip bomb and was not read",
    ),
    "package_damaged": (
        "{path} 已损坏（{part} 无法读取）；请重新保存或索取原文件",
        "{path} is damaged ({part} cannot be read): save it again or ask for the original",
    ),
    "package_too_many_elements": (
        "{path} 的 {part} 结构异常庞大，远超正常文件，可能是“压缩炸弹”，已拒绝读取",
        "{path}: {part} holds far more elements than any real document; it may be a zip bomb and was not read",
    ),
    "package_text_too_long": (
        "{path} 的 {part} 中有一段文字超过 {limit} 字，不是正常文件，已拒绝读取",
        "{path}: {part} holds a run of text longer than {limit} characters, which no real document has; not read",
    ),
    "package_dtd": (
        "{path} 的 {part} 含有文档类型声明，正常文件不会有，已拒绝读取",
        "{path}: {part} declares a document type (DTD), which no real document has; not read",
    ),
}
