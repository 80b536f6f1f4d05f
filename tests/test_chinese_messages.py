"""A Chinese message reads as Chinese: no English word in it but the command words, file
formats and field names a user types or sees in a file."""

from __future__ import annotations

import re

from iprcheck.i18n import MESSAGES

# What a Chinese message may hold in ASCII letters: commands, options, formats, file names,
# keys the user types, and placeholders.
ALLOWED = {
    "iprcheck", "list", "show", "search", "validate", "init", "mark", "history", "undo",
    "assign", "merge", "report", "check", "rollup", "done", "todo", "in", "progress",
    "blocked", "waived", "pilot", "leading", "supporting", "featured", "all", "involved",
    "national", "province", "mandatory", "optional", "table", "json", "csv", "markdown",
    "html", "xlsx", "md", "YAML", "yaml", "YYYY", "MM", "DD", "HH", "UTF", "jsonl", "ledger",
    "WPS", "Excel", "IPRCHECK_LANG", "IPRCHECK_LEDGER", "IPRCHECK_TASKS", "zh", "en", "tmp",
    "lock", "BOM", "ID", "STATUS", "TEXT", "Downloads", "ISO", "e", "g", "h", "tasks", "lang",
    "format", "output", "force", "strict", "note", "evidence", "by", "owner", "due", "since",
    "within", "status", "section", "task", "department", "actor", "requirement", "type",
    "full", "dry", "run", "sort", "as", "of", "help", "version", "name", "updated", "sha",
    "exe", "txt", "htm", "pdf", "CRLF", "LF", "PID", "PATH", "DATE", "NAME",
    "DIVISION", "DAYS", "OPTIONS", "FILE", "DEPT", "TYPE", "N", "REF", "ARGS", "Ctrl", "C",
    "profile", "upgrade", "import", "config", "types", "CSV", "GBK", "set", "office",
    "lists", "add", "remove", "replace", "Word", "docx", "doc", "xls", "wps", "PDF",
}  # fmt: skip
# Field names of the file formats (the task-list YAML, the ledger's JSON records), which a
# message about a file must name as the file spells them; and the formats' own words.
FIELDS = {
    "schema_version", "id", "sections", "completion", "mandatory_for", "optional_for", "rule",
    "targets", "text", "event", "obligation", "command", "before", "after", "undo_of", "JSON",
    "NUL", "UTC", "true", "false", "ud", "udfff",
}  # fmt: skip
ALLOWED |= FIELDS


def test_no_chinese_message_holds_english_words() -> None:
    bad = {}
    for key, (zh, _en) in MESSAGES.items():
        plain = re.sub(r"\{[^}]*\}", "", zh)  # placeholders
        plain = re.sub(r"--?[a-z][a-z-]*", "", plain)  # options
        plain = re.sub(r"[\w.-]+\.(?:jsonl|json|csv|md|xlsx|html|yaml|lock|tmp|pdf)", "", plain)
        words = set(re.findall(r"[A-Za-z][A-Za-z_]*", plain)) - ALLOWED
        if words:
            bad[key] = words
    assert not bad, bad
