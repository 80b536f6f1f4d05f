"""The ledger: what is wrong with a file, and what the ledger commands say."""

MESSAGES: dict[str, tuple[str, str]] = {
    "ledger_missing": (
        "找不到台账 {path}；先运行 iprcheck init 创建",
        "no ledger at {path}; create one with: iprcheck init",
    ),
    "ledger_exists": (
        "台账 {path} 已存在，未作任何改动（不会覆盖）",
        "a ledger already exists at {path}; left unchanged (init never overwrites)",
    ),
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
    "upgrade_none": (
        "台账已绑定当前使用的任务清单，无需更新",
        "the ledger is bound to the task list in use already; nothing to do",
    ),
    "upgrade_removed": (
        "（已从清单中删除，记录保留）",
        "(no longer in the list; its records are kept)",
    ),
    "upgrade_done": (
        "已将台账绑定到当前任务清单（{count} 项举措有改动）；可用 iprcheck undo 撤销",
        "bound the ledger to the task list in use ({count} {count:|obligation|obligations} changed); iprcheck undo"
        " reverts it",
    ),
    "upgrade_would": (
        "将把台账绑定到当前任务清单（{count} 项举措有改动）；（预演，未作记录）",
        "would bind the ledger to the task list in use ({count} {count:|obligation|obligations} changed); (dry run:"
        " nothing recorded)",
    ),
    "profile_national": (
        "国家局台账没有省份和省份类型",
        "a national ledger has no province or province types",
    ),
    "profile_changed": ("已更改台账：{who}", "changed the ledger: {who}"),
    "profile_unchanged": ("台账已是如此，未作改动：{who}", "the ledger is so already: {who}"),
    "lg_profile_fields": (
        "省份类型记录只能设置 province 和 types",
        "a profile change sets province and types, nothing else",
    ),
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
    "merge_ahead": (
        "并入的更改中，{ids} 有更改的时间比本机时钟晚一天以上（某台电脑的时钟不准？）；已按记录顺序计入，时间照原样显示",
        "of the changes merged, those of {ids} are dated more than a day ahead of this machine's"
        " clock (a PC's clock is wrong?); they count in the order they were recorded, their"
        " time shown as it is",
    ),
    "init_ask_province": (
        "省份（正式名称，如 浙江省；直接回车则不填）",
        "Province (the official name, e.g. 浙江省; Enter for none)",
    ),
    "init_no_province": (
        "台账未写明省份：报告和全国汇总中将不显示省份名称；日后可用 iprcheck profile --province 浙江省 补上",
        "the ledger names no province: reports and the national rollup will show none; set it"
        " later with iprcheck profile --province 浙江省",
    ),
    "ledger_several": (
        "文件夹 {folder} 中有多本台账（{names}），不知该用哪一本；请用 --ledger 指定",
        "the folder {folder} holds several ledgers ({names}); name the one to use with --ledger",
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
    "tracks_measures": ("跟踪国家局举措 {count} 项", "tracking {count} national measures"),
    "national_measure": (
        "{value} 是国家知识产权局的举措，不在省级台账中，未作记录",
        "{value} is a measure of the national office, not of a province ledger; nothing recorded",
    ),
    "waive_needs_note": (
        "必做举措 {value} 标为不适用时必须用 --note 说明理由；未作记录",
        "waiving mandatory obligation {value} needs a reason in --note; nothing recorded",
    ),
    "nothing_to_undo": ("没有可撤销的操作", "nothing to undo"),
    "assign_nothing": ("请给出 --owner 或 --due", "give --owner or --due"),
    "merge_bad_undo": (
        "{path} 中有撤销记录（涉及 {ids}）并未撤销它所指的那次操作：这份副本被改动过或已损坏，未并入任何更改",
        "{path} holds an undo record (for {ids}) that does not revert the command it names: the"
        " copy was altered or damaged, so nothing was merged",
    ),
    "ledger_list_changed": (
        "台账 {path} 建立后，任务清单中这些举措有改动（更正、新增或删除）：{ids}；其记录照常保留",
        "since ledger {path} was made, the task list changed these obligations (corrected, added"
        " or removed): {ids}; their records are kept as they are",
    ),
    "ledger_cut": (
        "台账 {path} 少了 {missing} 项更改（上次写入时有 {sealed} 项，现在只有 {present} 项）：这份副本可能在下载或复制时被截断",
        "ledger {path} is missing {missing} {missing:|change|changes} (it held {sealed} when last written, now"
        " {present}): this copy was probably cut off in a download or a copy",
    ),
    "ledger_cut_write": (
        "台账 {path} 上次写入时有 {sealed} 项更改，现在只有 {present} 项：这份副本可能被截断，未作任何改动；请恢复完整的文件，或用 iprcheck merge 并入完整的副本",
        "ledger {path} held {sealed} changes when last written and now holds {present}: this copy"
        " was probably cut off, so nothing was changed. Restore the whole file, or merge a whole"
        " copy into it with iprcheck merge",
    ),
    "merge_reworded": (
        "{path} 中有与本台账同一条记录（举措 {ids}）但内容不同：其中一份被改动过，未合并任何内容",
        "{path} holds records of {ids} that this ledger also holds, with different content: one"
        " copy was altered; nothing was merged",
    ),
    "ledger_unknown_category": (
        "台账 {path} 的省份类型“{value}”不是本清单的类别（本清单：{valid_zh}）；未作任何改动",
        "ledger {path} holds the province type '{value}', which the list does not declare"
        " (it has: {valid}); nothing was changed",
    ),
    "ledger_unknown_province": (
        "台账 {path} 所属省份“{value}”不是清单中的报送单位（名称有误，或含有不可见字符）；未作任何改动",
        "ledger {path} belongs to '{value}', which is no reporting unit of the list (misspelt, or"
        " with an invisible character in it); nothing was changed",
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
    "undone": ("已撤销 {count} 项更改：{ids}", "undid {count} {count:|change|changes}: {ids}"),
    "evidence_not_there": (
        "{id} 的佐证材料中没有“{value}”，未作记录",
        "{id} has no evidence '{value}'; nothing recorded",
    ),
    "assign_unchanged": (
        "{ids} 已是如此指派，未作改动",
        "{ids} already assigned so; nothing changed",
    ),
    "assigned": ("已指派 {count} 项：{ids}", "assigned {count}: {ids}"),
    "merged": (
        "从 {path} 合并了 {count} 项更改",
        "merged {count} {count:|change|changes} from {path}",
    ),
    "merge_conflicts": (
        "双方都改动且结果不同（以较晚的更改为准，另一方保留在历史中）：{ids}",
        "changed differently in both copies (the later change wins; the other stays in history): {ids}",
    ),
    "national_office": ("国家知识产权局", "national office"),
    "history_empty": ("尚无记录", "no changes recorded yet"),
    "ledger_lock_failed": (
        "无法锁定台账 {path}：{reason}。台账未作改动",
        "cannot lock ledger {path}: {reason}. The ledger was left unchanged",
    ),
}
