"""Every message iprcheck says, in Chinese and English: key -> (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "catalog_invalid": (
        "任务清单 {path} 有 {count} 处错误",
        "task list {path} has {count} problem(s)",
    ),
    "file_missing": ("找不到文件：{path}", "file not found: {path}"),
    "file_unreadable": ("无法读取文件 {path}：{reason}", "cannot read {path}: {reason}"),
    # task-list problems (catalog.py), each printed after "file:LINE: path: "
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
    # pydantic's errors: the English is pydantic's own words ({msg}); the Chinese uses its context
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
    # usage errors (cli.py): one line, then where the help is
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
    "search_empty": (
        "请给出要查找的文字，如 iprcheck search 地理标志",
        "give some text to find, e.g. iprcheck search 地理标志",
    ),
    "unknown_province_type": (
        "未知的省份类型“{value}”；可选：{valid}",
        "unknown province type '{value}'; valid: {valid}",
    ),
    "unknown_section": ("没有第 {value} 部分；可选：{valid}", "no section {value}; valid: {valid}"),
    "unknown_task": ("没有任务 {value}；可选：{valid}", "no task {value}; valid: {valid}"),
    "unknown_range": (
        "“{value}”不是有效的任务范围；任务编号为 {valid}，范围形如 8-10",
        "'{value}' is not a range of tasks; tasks are {valid}, a range looks like 8-10",
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
    "requirement_needs_profile": (
        "--requirement 需要省份类型：请加 --province-type（如 pilot）",
        "--requirement needs a province profile: add --province-type (e.g. pilot)",
    ),
    "ledger_missing": (
        "找不到台账 {path}；先运行 iprcheck init 创建",
        "no ledger at {path}; create one with: iprcheck init",
    ),
    "ledger_exists": (
        "台账 {path} 已存在，未作任何改动（不会覆盖）",
        "a ledger already exists at {path}; left unchanged (init never overwrites)",
    ),
    # what is wrong with a ledger's line, inside ledger_bad
    "lg_too_large": (
        "文件有 {size} 字节，超过台账的大小上限",
        "{size} bytes is too large for a ledger",
    ),
    "lg_not_utf8": ("不是 UTF-8 文本", "not UTF-8 text"),
    "lg_event_twice": ("变更 {event} 出现了两次", "event {event} appears twice"),
    "lg_half_character": (
        "含有半个字符（单独的 \\ud800-\\udfff 转义）",
        "it holds half of a character (a lone \\ud800-\\udfff escape)",
    ),
    "lg_empty": ("文件是空的", "the file is empty"),
    "lg_cut_short": (
        "最后一条记录不完整（没有换行）",
        "the last record is cut short (no line end)",
    ),
    "lg_not_json": ("不是一条 JSON 记录", "not a JSON record"),
    "lg_number_too_long": ("其中的数字位数过多", "a number in it is too long"),
    "lg_not_ledger": (
        "不是 iprcheck 台账（第一行不是台账的文件头）",
        "not an iprcheck ledger (the first line is not its header)",
    ),
    "lg_unknown_version": ("未知的格式版本 {version}", "unknown format version {version}"),
    "lg_newer_version": (
        "格式版本 {version} 比本 iprcheck 能读取的（{reads}）更新：请升级 iprcheck",
        "format version {version} is newer than this iprcheck reads ({reads}): upgrade iprcheck",
    ),
    "lg_header_wrong": (
        "文件头的字段缺失或有误：{reason}",
        "header field missing or wrong: {reason}",
    ),
    "lg_header_type": (
        "文件头中有未知的省份类型 {value}",
        "unknown province type {value} in the header",
    ),
    "lg_not_object": ("不是一个 JSON 对象", "not a JSON object"),
    "lg_field_missing": (
        "变更记录格式有误：缺少字段 {field}",
        "change record is malformed: field {field} is missing",
    ),
    "lg_time_not_iso": ("时间 {time} 不是 ISO 8601 格式", "time {time} is not an ISO 8601 time"),
    "lg_ids_not_text": (
        "event、command、by 和 obligation 必须是文本",
        "event, command, by and obligation must be text",
    ),
    "lg_time_no_offset": ("时间 {time} 没有时区（UTC 偏移）", "time {time} has no UTC offset"),
    "lg_time_out_of_range": (
        "时间 {time} 不在 {first}–{last} 年之间",
        "time {time} is outside the years {first}–{last}",
    ),
    "lg_before_after": (
        "before 和 after 必须是 JSON 对象",
        "before and after must be JSON objects",
    ),
    "lg_note_undo_not_text": ("note 和 undo_of 必须是文本", "note and undo_of must be text"),
    "lg_evidence_not_texts": ("evidence 必须是文本列表", "evidence must be a list of text"),
    "lg_not_obligation_id": (
        "{value} 不是举措编号（形如 6.2）",
        "{value} is not an obligation id (like 6.2)",
    ),
    "lg_assign_fields": (
        "分工记录只能设置 owner 或 due",
        "an assignment sets owner or due, nothing else",
    ),
    "lg_unknown_kind": ("未知的变更类型 {value}", "unknown change kind {value}"),
    "lg_unknown_status": ("未知的状态 {value}", "unknown status {value}"),
    "lg_note_not_text": ("note 必须是文本", "note must be text"),
    "lg_owner_not_text": ("owner 必须是文本", "owner must be text"),
    "lg_bad_due": ("期限 {value} 不是 YYYY-MM-DD 格式", "due date {value} is not YYYY-MM-DD"),
    "lg_wrong": ("记录有误：{reason}", "the record is malformed: {reason}"),
    "lg_status_fields": (
        "状态记录只能设置 status、note 和 evidence",
        "a status change sets status, note and evidence, nothing else",
    ),
    "ledger_link_dangling": (
        "台账 {path} 是指向 {target} 的链接，但目标不存在（共享文件夹未连接？）；未作任何改动",
        "ledger {path} is a link to {target}, which does not exist (a share not connected?);"
        " nothing was changed",
    ),
    "ledger_not_file": (
        "{path} 不是普通文件（是设备、管道或其他特殊文件），不能作为台账读取或写入",
        "{path} is not a regular file (a device, a pipe or another special file); it is never"
        " read or written as a ledger",
    ),
    "ledger_read_only": (
        "台账 {path} 是只读的（或您没有写入权限），未作任何改动；如需记录，请先取消只读",
        "ledger {path} is read-only (or not yours to write); nothing was changed. Make it"
        " writable first to record changes",
    ),
    "ledger_busy": (
        "台账 {path} 已被另一个 iprcheck 占用 {seconds} 秒，仍未释放；未作任何改动，请稍后再试",
        "ledger {path} has been held by another iprcheck for {seconds} seconds; nothing was"
        " changed. Try again later",
    ),
    "ledger_waiting": (
        "正在等待另一个 iprcheck 写完台账 {path}……",
        "waiting for another iprcheck to finish writing {path}…",
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
    "ledger_ahead": (
        "台账 {path} 中最近一项更改的时间 {at} 比本机时钟晚一天以上（有一台电脑的时钟不准？），新的记录会排在它之前而不生效，因此未作记录；请用 iprcheck history 核对该更改的时间，并校准时钟",
        "ledger {path} holds a change dated {at}, more than a day ahead of this machine's clock (a computer with a wrong clock?); a new change would sort before it and have no effect, so nothing was recorded. Check that change with iprcheck history, and the clocks",
    ),
    "ledger_bad": (
        "无法读取台账 {path} 第 {line} 行：{problem}。文件未作改动；请修正或删除该行（先备份），或从备份恢复",
        "cannot read ledger {path}, line {line}: {problem}. The file was left unchanged;"
        " fix or delete that line (keep a copy first), or restore a backup",
    ),
    "ledger_other_list": (
        "台账 {path} 跟踪的是任务清单 {ledger_list}，而当前清单是 {current}；请用 --tasks 指定原清单",
        "ledger {path} tracks task list {ledger_list}, but the list in use is {current};"
        " pass the original list with --tasks",
    ),
    "merge_other_list": (
        "{path} 跟踪的是另一份任务清单，不能合并",
        "{path} tracks another task list; not merged",
    ),
    "merge_missing": (
        "找不到要合并的台账 {path}；请给出同事发回的台账文件或其所在文件夹",
        "no ledger at {path} to merge; give the copy's file or its folder",
    ),
    "merge_self": (
        "{path} 就是本台账，无需合并；请给出另一份副本",
        "{path} is this ledger itself; give another copy to merge",
    ),
    "merge_separate_ledger": (
        "{path} 是 {theirs} 另行创建的一本台账，不是本台账的副本（两本台账各自 init），不能合并",
        "{path} is another ledger of {theirs}, made by its own init, not a copy of this one;"
        " not merged",
    ),
    "merge_other_ledger": (
        "{path} 不是本台账的副本（{theirs}，本台账：{ours}），不能合并",
        "{path} is not a copy of this ledger ({theirs}; this one: {ours}); not merged",
    ),
    "unknown_status": (
        "未知的状态“{value}”；可选：{valid}",
        "unknown status '{value}'; valid: {valid}",
    ),
    "tracks_measures": ("跟踪国家局举措 {count} 项", "tracking {count} national measures"),
    "not_applicable_national": (
        "{value} 不在本台账跟踪的国家局举措之内（见 iprcheck list），未作记录",
        "{value} is not among the national measures this ledger tracks (see iprcheck list);"
        " nothing recorded",
    ),
    "national_measure": (
        "{value} 是国家知识产权局的举措，不在省级台账中，未作记录",
        "{value} is a measure of the national office, not of a province ledger; nothing recorded",
    ),
    "not_applicable": (
        "{value} 不适用于本台账的省份类型，未作记录",
        "{value} does not apply to this ledger's profile; nothing recorded",
    ),
    "waive_needs_note": (
        "必做举措 {value} 标为不适用时必须用 --note 说明理由；未作记录",
        "waiving mandatory obligation {value} needs a reason in --note; nothing recorded",
    ),
    "nothing_to_undo": ("没有可撤销的操作", "nothing to undo"),
    "bad_date": ("日期“{value}”无效，应为 YYYY-MM-DD", "invalid date '{value}'; use YYYY-MM-DD"),
    "date_out_of_range": (
        "日期“{value}”超出范围，应在 1970 年至 2199 年之间",
        "date '{value}' is out of range; use a year from 1970 to 2199",
    ),
    "assign_nothing": ("请给出 --owner 或 --due", "give --owner or --due"),
    "merge_bad_undo": (
        "{path} 中有撤销记录（涉及 {ids}）并未撤销它所指的那次操作：这份副本被改动过或已损坏，未并入任何更改",
        "{path} holds an undo record (for {ids}) that does not revert the command it names: the"
        " copy was altered or damaged, so nothing was merged",
    ),
    "ledger_cut": (
        "台账 {path} 少了 {missing} 项更改（上次写入时有 {sealed} 项，现在只有 {present} 项）：这份副本可能在下载或复制时被截断",
        "ledger {path} is missing {missing} change(s) (it held {sealed} when last written, now"
        " {present}): this copy was probably cut off in a download or a copy",
    ),
    "ledger_cut_write": (
        "台账 {path} 上次写入时有 {sealed} 项更改，现在只有 {present} 项：这份副本可能被截断，未作任何改动；请恢复完整的文件，或用 iprcheck merge 并入完整的副本",
        "ledger {path} held {sealed} changes when last written and now holds {present}: this copy"
        " was probably cut off, so nothing was changed. Restore the whole file, or merge a whole"
        " copy into it with iprcheck merge",
    ),
    "ledger_unknown_province": (
        "台账 {path} 所属省份“{value}”不是清单中的报送单位（名称有误，或含有不可见字符）；未作任何改动",
        "ledger {path} belongs to '{value}', which is no reporting unit of the list (misspelt, or"
        " with an invisible character in it); nothing was changed",
    ),
    "unknown_province": (
        "未知的省份“{value}”；应为正式名称，如 广东省、新疆生产建设兵团",
        "unknown province '{value}'; use the official name, e.g. 广东省, 新疆生产建设兵团",
    ),
    "init_done": (
        "已创建台账 {path}（{who}；{profile}）",
        "created ledger {path} ({who}; {profile})",
    ),
    "init_auto": (
        "此处没有台账，已按“各类省份”创建 {path}（可用 iprcheck init 指定省份类型）",
        "no ledger here: created {path} for an every-province profile"
        " (use iprcheck init to declare the province's types)",
    ),
    "marked": ("已记录 {count} 项：{ids} → {status}", "recorded {count}: {ids} → {status}"),
    "dry_run": ("（预演，未作记录）", "(dry run: nothing recorded)"),
    "would_mark": ("将记录 {count} 项：{ids} → {status}", "would record {count}: {ids} → {status}"),
    "blocked_hint": (
        "提示：{ids} 受阻的原因请用 --note 写明，否则 iprcheck check 会报错",
        "note: give the reason for blocking {ids} with --note; iprcheck check counts a blocker without one as an error",
    ),
    "unchanged": ("{ids} 已是 {status}，未作改动", "{ids} already {status}; nothing changed"),
    "undid_other": (
        "注意：撤销的是 {who} 于 {when} 所作的操作",
        "note: that was {who}'s command, of {when}",
    ),
    "undone": ("已撤销 {count} 项更改：{ids}", "undid {count} change(s): {ids}"),
    "assigned": ("已指派 {count} 项：{ids}", "assigned {count}: {ids}"),
    "merged": ("从 {path} 合并了 {count} 项更改", "merged {count} change(s) from {path}"),
    "merge_conflicts": (
        "双方都改动且结果不同（以较晚的更改为准，另一方保留在历史中）：{ids}",
        "changed differently in both copies (the later change wins; the other stays in history): {ids}",
    ),
    "national_office": ("国家知识产权局", "national office"),
    "col_when": ("时间", "When"),
    "col_who": ("操作人", "Who"),
    "col_change": ("变更", "Change"),
    "col_note": ("说明", "Note"),
    "col_evidence": ("佐证材料", "Evidence"),
    "history_empty": ("尚无记录", "no changes recorded yet"),
    # labels
    "validate_ok": (
        "{path}：有效 —— {sections} 个部分，{tasks} 项任务，{measures} 项举措"
        "（{national} 项国家局、{province} 项省级）",
        "{path}: valid — {sections} sections, {tasks} tasks, {measures} measures"
        " ({national} national, {province} provincial)",
    ),
    "col_id": ("编号", "ID"),
    "col_task": ("任务", "Task"),
    "col_measure": ("落实举措", "Measure"),
    "col_actor": ("执行主体", "Actor"),
    "col_requirement": ("要求", "Requirement"),
    "col_rule": ("省份要求", "Province rule"),
    "col_status": ("状态", "Status"),
    "col_departments": ("执行部门", "Departments"),
    "col_due": ("完成时限", "Due"),
    "col_completion": ("完成时间", "Completion"),
    "col_owner": ("责任处室", "Owner"),
    "actor_national": ("国家知识产权局", "national office"),
    "actor_province": ("省份", "province"),
    "req_mandatory": ("必做", "mandatory"),
    "req_optional": ("选做", "optional"),
    "req_none": ("—", "—"),
    "section": ("第{number}部分", "Section {number}"),
    "task_heading": ("任务 {number}", "Task {number}"),
    "targets": ("量化指标", "Targets"),
    "profile": ("省份类型", "Province profile"),
    "no_profile": ("未指定（列出全部举措）", "none (all measures listed)"),
    "count_listed": ("共 {count} 项", "{count} listed"),
    "no_match": ("没有符合条件的举措", "no obligation matches"),
    "search_none": ("没有找到“{query}”", "no match for '{query}'"),
    "search_count": ("找到 {count} 处“{query}”", "{count} match(es) for '{query}'"),
    "field_title": ("标题", "title"),
    "field_text": ("正文", "text"),
    # rollup (rollup.py, rollup_views.py, cli_rollup.py)
    "rollup_no_ledger_in": ("文件夹 {path} 中没有台账", "no ledger in folder {path}"),
    "rollup_unreadable": ("无法读取台账 {path}：{reason}", "cannot read ledger {path}: {reason}"),
    "rollup_duplicate": (
        "{path} 是 {name} 的第二本台账（已读取 {first}）",
        "{path} is a second ledger of {name} (already read: {first})",
    ),
    "rollup_left_out": ("未计入：{reason}", "left out: {reason}"),
    "rollup_nothing": ("没有可汇总的台账", "no ledger to roll up"),
    "rollup_strict": (
        "有 {count} 本台账未能计入；因使用 --strict，不输出汇总",
        "{count} ledger(s) could not be counted; nothing shown (--strict)",
    ),
    "rollup_title": ("{title} · 全国汇总", "{title} — national rollup"),
    "rollup_counted": (
        "已汇总 {count} 本台账（{provinces} 个省份{national}）",
        "{count} ledger(s) rolled up ({provinces} province(s){national})",
    ),
    "rollup_counted_national": ("及国家知识产权局", " and the national office"),
    "rollup_counted_skipped": ("，{count} 本未计入（见上）", "; {count} left out (see above)"),
    "rollup_named_from_file": (
        "* 台账未写明省份（iprcheck init --province），以文件名称呼",
        "* the ledger names no province (iprcheck init --province): called after its file",
    ),
    "rollup_optional_note": (
        "灰色：该省在此任务下没有必做举措，显示的是选做举措",
        "dimmed: the province owes nothing under the task; the cell shows its optional obligations",
    ),
    "rollup_col_province": ("省份", "Province"),
    "rollup_col_mandatory": ("必做完成", "Mandatory done"),
    "rollup_head_mandatory": ("必做\n完成", "Mandatory\ndone"),
    "rollup_head_updated": ("最近\n更新", "Last\nupdate"),
    "rollup_col_percent": ("%", "%"),
    "rollup_col_blocked": ("受阻", "Blocked"),
    "rollup_col_updated": ("最近更新", "Last update"),
    "rollup_col_path": ("台账文件", "Ledger file"),
    "rollup_col_task": ("任务", "Task"),
    "rollup_col_owe": ("应做省份", "Provinces owing"),
    "rollup_col_done": ("已完成", "Done"),
    "rollup_row_owe": ("应做", "owe"),
    "rollup_row_done": ("完成", "done"),
    "rollup_tasks": ("各任务完成情况（省份）", "Tasks: provinces that owe each, and have done it"),
    "rollup_matrix": ("省份 × 任务", "Provinces × tasks"),
    "rollup_skipped": ("未计入的台账", "Ledgers left out"),
    "rollup_never": ("尚无记录", "never"),
    "rollup_sheet_matrix": ("全国汇总", "Rollup"),
    "rollup_generated": ("由 iprcheck {version} 生成", "Generated by iprcheck {version}"),
    "rollup_xlsx_stdout": (
        "xlsx 是二进制文件，请用 --output 指定文件名（或重定向到文件）",
        "xlsx is a binary format: name a file with --output (or redirect to one)",
    ),
    "cell_done": ("已完成", "done"),
    "cell_partly-done": ("部分完成", "partly done"),
    "cell_in-progress": ("进行中", "in progress"),
    "cell_blocked": ("受阻", "blocked"),
    "cell_not-started": ("未开始", "not started"),
    "cell_not-applicable": ("不适用", "not applicable"),
    # report and check (cli_report.py, exports/)
    "report_needs_ledger": (
        "找不到台账 {path}；先运行 iprcheck init 创建台账，或用 --province-type 预览某类省份的全部举措",
        "no ledger at {path}; create one with iprcheck init, or preview a profile's obligations with --province-type",
    ),
    "output_exists": (
        "{path} 已存在；如要覆盖，请加 --force",
        "{path} exists; pass --force to overwrite it",
    ),
    "path_refused": ("无法使用 {path}：{reason}", "cannot use {path}: {reason}"),
    "ledger_lock_failed": (
        "无法锁定台账 {path}：{reason}。台账未作改动",
        "cannot lock ledger {path}: {reason}. The ledger was left unchanged",
    ),
    "output_is_ledger": (
        "{path} 是一本台账，不能用报告覆盖（--force 也不行）；请换一个文件名",
        "{path} is a ledger; a report never overwrites one (not even with --force): name "
        "another file",
    ),
    "output_unknown_suffix": (
        "不认识 {path} 的扩展名；可用：{valid}，或用 --format 指定格式",
        "unknown extension in {path}; use one of {valid}, or give --format",
    ),
    "output_is_folder": (
        "{path} 是文件夹；请给出文件名，如 --output 报告.html",
        "{path} is a folder; name a file, e.g. --output report.html",
    ),
    "output_unwritable": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "output_binary": (
        "xlsx 是二进制文件，请用 --output 指定文件名",
        "xlsx is a binary format; name a file with --output",
    ),
    "written": ("已写入 {path}", "wrote {path}"),
    "report_title": ("{title} · 进展报告", "{title} — progress report"),
    "report_list": ("任务清单", "Task list"),
    "no_province": ("未指定省份", "no province given"),
    "report_who": ("报送单位", "Reporting unit"),
    "report_as_of": ("截至 {date}", "as of {date}"),
    "report_deadline": ("完成时限 {date}", "deadline {date}"),
    "report_days_left": ("还剩 {days} 天", "{days} days left"),
    "report_due_today": ("今天到期", "due today"),
    "report_days_over": ("已逾期 {days} 天", "{days} days overdue"),
    "report_ledger": ("台账 {path}", "ledger {path}"),
    "report_last_update": ("最后更新 {when}", "last change {when}"),
    "report_no_changes": ("尚无记录", "no changes yet"),
    "report_preview": (
        "未建台账：按所选省份类型预览，全部计为未开始",
        "no ledger: a preview of this profile, everything counted as to do",
    ),
    "report_by_status": ("各状态数量", "By status"),
    "report_by_section": ("各部分进展（必做）", "Progress by section (mandatory)"),
    "report_by_task": ("各任务进展", "Progress by task"),
    "report_items": ("全部举措", "All obligations"),
    "report_total": ("合计", "Total"),
    "report_optional_short": ("选做 {done}/{total}", "optional {done}/{total}"),
    "report_attention": ("需要关注", "Needs attention"),
    "att_blocked": ("受阻", "Blocked"),
    "att_overdue": ("逾期", "Overdue"),
    "att_open_mandatory": ("必做未完成", "Open mandatory"),
    "att_waived": ("不适用", "Waived"),
    "att_none": ("无", "none"),
    "att_no_note": ("（未填写说明）", "(no note)"),
    "att_overdue_internal": (
        "内部时限 {due}，已逾期 {days} 天",
        "internal due {due}, {days} days overdue",
    ),
    "att_overdue_list": ("清单时限 {due}，已逾期 {days} 天", "list due {due}, {days} days overdue"),
    "report_checks": ("台账检查", "Ledger check"),
    "check_summary": (
        "{errors} 个错误，{warnings} 个警告",
        "{errors} error(s), {warnings} warning(s)",
    ),
    "check_clean": ("台账检查：未发现问题", "ledger check: no problems found"),
    "level_error": ("错误", "error"),
    "level_warning": ("警告", "warning"),
    "finding_done_no_evidence": ("已完成，但没有佐证材料", "done, but no evidence recorded"),
    "finding_blocked_no_note": ("受阻，但没有说明原因", "blocked, with no note saying why"),
    "finding_waived_no_note": (
        "必做举措标为不适用，但没有说明理由",
        "mandatory, waived without a reason",
    ),
    "finding_open_no_owner": (
        "必做未完成，且没有责任处室",
        "open mandatory obligation with no owner",
    ),
    "finding_due_after_deadline": (
        "内部时限晚于清单规定的完成时限",
        "internal due date later than the list's",
    ),
    "report_progress": (
        "每周进展（必做已完成，累计）",
        "Weekly progress (mandatory done, cumulative)",
    ),
    "report_progress_none": ("尚无历史记录", "no history yet"),
    "report_burndown": ("必做举措燃尽图", "Mandatory obligations burndown"),
    "col_week": ("周末", "Week ending"),
    "col_done": ("已完成", "Done"),
    "col_open": ("未完成", "Open"),
    "col_seq": ("序号", "No."),
    "col_progress": ("进展情况", "Progress notes"),
    "col_updated": ("更新时间", "Updated"),
    "col_section": ("部分", "Section"),
    "col_percent": ("完成率", "Done %"),
    "col_level": ("级别", "Level"),
    "internal_due": ("内部时限", "internal due"),
    "sheet_ledger": ("台账", "Ledger"),
    "sheet_summary": ("汇总", "Summary"),
    "generated_by": ("由 iprcheck {version} 生成", "Generated by iprcheck {version}"),
}
