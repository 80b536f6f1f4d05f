"""User-facing words in Chinese and English, and how the language is chosen."""

from __future__ import annotations

import os

LANGS = ("zh", "en")


def detect_lang(explicit: str | None = None) -> str:
    """--lang, else IPRCHECK_LANG, else the locale: zh* means Chinese, anything else English."""
    for value in (explicit, os.environ.get("IPRCHECK_LANG")):
        if value:
            value = value.lower()
            if value in LANGS:
                return value
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "catalog_invalid": (
        "任务清单 {path} 有 {count} 处错误",
        "task list {path} has {count} problem(s)",
    ),
    "file_missing": ("找不到文件：{path}", "file not found: {path}"),
    "file_unreadable": ("无法读取文件 {path}：{reason}", "cannot read {path}: {reason}"),
    "unknown_province_type": (
        "未知的省份类型“{value}”；可选：{valid}",
        "unknown province type '{value}'; valid: {valid}",
    ),
    "unknown_section": ("没有第 {value} 部分；可选：{valid}", "no section {value}; valid: {valid}"),
    "unknown_task": ("没有任务 {value}；可选：{valid}", "no task {value}; valid: {valid}"),
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
    "ledger_missing": (
        "找不到台账 {path}；先运行 iprcheck init 创建",
        "no ledger at {path}; create one with: iprcheck init",
    ),
    "ledger_exists": (
        "台账 {path} 已存在，未作任何改动（不会覆盖）",
        "a ledger already exists at {path}; left unchanged (init never overwrites)",
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
    "merge_other_ledger": (
        "{path} 不是本台账的副本（{theirs}，本台账：{ours}），不能合并",
        "{path} is not a copy of this ledger ({theirs}; this one: {ours}); not merged",
    ),
    "unknown_status": (
        "未知的状态“{value}”；可选：{valid}",
        "unknown status '{value}'; valid: {valid}",
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
    "assign_nothing": ("请给出 --owner 或 --due", "give --owner or --due"),
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
    "unchanged": ("{ids} 已是 {status}，未作改动", "{ids} already {status}; nothing changed"),
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
}

STATUS_EN = {
    "todo": "to do",
    "in-progress": "in progress",
    "done": "done",
    "blocked": "blocked",
    "waived": "waived",
}
STATUS_ZH = {
    "todo": "未开始",
    "in-progress": "进行中",
    "done": "已完成",
    "blocked": "受阻",
    "waived": "不适用",
}


def t(key: str, lang: str, **params: object) -> str:
    zh, en = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**params)


def status_label(status: str, lang: str) -> str:
    return (STATUS_ZH if lang == "zh" else STATUS_EN).get(status, status)
