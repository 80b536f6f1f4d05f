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
