"""Task-list problems (located at their YAML line) and pydantic's words in Chinese."""

MESSAGES: dict[str, tuple[str, str]] = {
    "catalog_invalid": (
        "任务清单 {path} 有 {count} 处错误",
        "task list {path} has {count} {count:|problem|problems}",
    ),
    "tl_too_large": (
        "文件大小为 {size} 字节，超过上限 {limit} 字节",
        "file is {size} bytes; the limit is {limit}",
    ),
    "tl_not_utf8": (
        "不是 UTF-8 文本（第 {offset} 字节）；请将文件另存为 UTF-8 编码",
        "not UTF-8 text (byte {offset}); save the file as UTF-8",
    ),
    "tl_empty": ("文件为空", "the file is empty"),
    "tl_nul_byte": (
        "文件含有 NUL 字节，不是 YAML 文本",
        "the file contains a NUL byte; it is not YAML text",
    ),
    "tl_not_yaml": ("不是有效的 YAML：{problem}", "not valid YAML: {problem}"),
    "tl_alias": (
        "任务清单中不允许使用 YAML 锚点和别名",
        "YAML anchors and aliases are not allowed in a task list",
    ),
    "tl_too_many_nodes": (
        "YAML 节点超过 {limit} 个，这不是任务清单",
        "more than {limit} YAML nodes; this is not a task list",
    ),
    "tl_too_deep": ("嵌套超过 {limit} 层", "nested deeper than {limit} levels"),
    "tl_nested_too_deeply": ("嵌套层数过多", "nested too deeply"),
    "tl_key_not_string": ("映射的键必须是普通字符串", "mapping keys must be plain strings"),
    "tl_duplicate_key": (
        "重复的键“{name}”（首次出现在第 {first} 行）",
        "duplicate key '{name}' (first at line {first})",
    ),
    "tl_bad_value": ("无效的值“{value}”（{reason}）", "not a valid value: {value!r} ({reason})"),
    "tl_bad_date": ("“{value}”不是有效的日期", "not a valid value: {value!r} ({reason})"),
    "tl_bad_number": ("数字“{value}”位数过多", "not a valid value: {value!r} ({reason})"),
    "tl_top_level": (
        "顶层必须是映射（schema_version、id、sections 等）",
        "the top level must be a mapping (schema_version, id, sections, …)",
    ),
    "tl_field_required": ("缺少必填字段", "field required"),
    "tl_unknown_field": ("未知字段（不在模式中）", "unknown field (not in the schema)"),
    "tl_not_allowed": (
        "“{value}”不是允许的值；可选：{valid}",
        "not one of the allowed values: {value!r}; valid: {valid}",
    ),
    "tl_section_numbers": (
        "部分编号应依次为 1、2、3…：此处应为 {expected}，实为 {found}",
        "section numbers must run 1, 2, 3…: expected {expected}, found {found}",
    ),
    "tl_task_numbers": (
        "任务编号不得重复，且跨部分连续编排：此处应为 {expected}，实为 {found}",
        "task numbers must be unique and run on across sections: expected {expected}, found {found}",
    ),
    "tl_due_without_completion": (
        "有完成时限（due）就须有它所依据的完成时间原文（completion）",
        "a due date needs the completion text it comes from",
    ),
    "tl_national_count": (
        "每项任务有且只有一项国家知识产权局举措；此处有 {count} 项",
        "a task has exactly one national measure; found {count}",
    ),
    "tl_national_first": ("国家知识产权局举措应排在最前", "the national measure comes first"),
    "tl_obligation_id": (
        "举措编号按任务内的顺序编排：此处应为“{want}”，实为“{found}”",
        "obligation ids count the task's measures in order: expected '{want}', found '{found}'",
    ),
    "tl_item_id": (
        "条目按全文顺序编号：此处应为“{want}”，实为“{found}”",
        "items are numbered through the whole list, in order: expected '{want}', found '{found}'",
    ),
    "tl_year_out_of_range": (
        "“{value}”超出范围：年份应在 1970 年至 2199 年之间（台账只能保存这些年份）",
        "'{value}' is out of range: use a year from 1970 to 2199 (what a ledger can hold)",
    ),
    "tl_category_twice": (
        "省份类别“{key}”重复声明",
        "the province category '{key}' is declared twice",
    ),
    "tl_word_two": (
        "“{word}”已是省份类别“{other}”的名称，不能再指另一类别",
        "'{word}' already names the province category '{other}'",
    ),
    "tl_unknown_category": (
        "未声明的省份类别“{value}”；本清单的类别：{valid_zh}",
        "not a province category this list declares: '{value}'; declared: {valid}",
    ),
    "tl_national_rule": (
        "国家知识产权局举措没有省份要求（rule、mandatory_for、optional_for）",
        "a national measure has no province rule",
    ),
    "tl_rule_missing": (
        "省级举措须写明省份要求（rule，即“省份”一行）",
        "a provincial measure needs its rule (the 省份 line)",
    ),
    "tl_province_types_missing": (
        "省级举措须写明哪些类型的省份必做或选做（mandatory_for、optional_for）",
        "a provincial measure must say which province types must or may do it",
    ),
    "tl_rule_disagrees": (
        "省份要求“{rule}”意味着 mandatory_for {must}，optional_for {may}",
        "rule '{rule}' means mandatory_for {must}, optional_for {may}",
    ),
    "tl_targets_national": (
        "量化指标（targets）只属于国家知识产权局举措",
        "targets belong to national measures",
    ),
    "tl_both_mandatory_optional": (
        "{names} 不能既是必做又是选做",
        "{names}: cannot be both mandatory and optional",
    ),
    "tl_target_not_verbatim": (
        "量化指标的 text 必须逐字摘自所属举措的正文",
        "a target's text must be quoted verbatim from its measure",
    ),
    "pyd_string_type": ("应为字符串", "{msg}"),
    "pyd_int_type": ("应为整数", "{msg}"),
    "pyd_float_type": ("应为数字", "{msg}"),
    "pyd_bool_type": ("应为布尔值（true 或 false）", "{msg}"),
    "pyd_list_type": ("应为列表", "{msg}"),
    "pyd_dict_type": ("应为映射（键: 值）", "{msg}"),
    "pyd_too_short": ("至少应有 {min_length} 项，实有 {actual_length} 项", "{msg}"),
    "pyd_string_too_short": ("至少应有 {min_length} 个字符", "{msg}"),
    "pyd_too_long": ("至多只能有 {max_length} 项，实有 {actual_length} 项", "{msg}"),
    "pyd_string_too_long": ("至多只能有 {max_length} 个字符", "{msg}"),
    "pyd_greater_than_equal": ("应大于或等于 {ge}", "{msg}"),
    "pyd_greater_than": ("应大于 {gt}", "{msg}"),
    "pyd_less_than_equal": ("应小于或等于 {le}", "{msg}"),
    "pyd_less_than": ("应小于 {lt}", "{msg}"),
    "pyd_pattern": ("格式不符，应匹配正则表达式“{pattern}”", "{msg}"),
    "pyd_literal": ("应为 {expected}", "{msg}"),
    "pyd_one_of": ("应为以下之一：{choices}", "{msg}"),
    "pyd_date_type": ("应为日期（YYYY-MM-DD）", "{msg}"),
    "pyd_datetime_type": ("应为日期时间", "{msg}"),
    "pyd_other": ("{msg}", "{msg}"),
    "validate_ok": (
        "{path}：有效 —— {sections} 个部分，{tasks} 项任务，{measures} 项举措"
        "（{national} 项国家局、{province} 项省级）",
        "{path}: valid — {sections} sections, {tasks} tasks, {measures} measures"
        " ({national} national, {province} provincial)",
    ),
}
