"""How a view fits what it shows: a long note cut with the command that prints it whole,
columns left out of a narrow screen, and the lines ``show`` gives each measure."""

MESSAGES: dict[str, tuple[str, str]] = {
    "note_cut": (
        "…（共 {count} 字，此处只显示开头；全文：{command}）",
        "… ({count} characters, only the start shown; in full: {command})",
    ),
    "narrow_left_out": ("窗口较窄，未显示：{columns}", "Too narrow to show: {columns}"),
    "show_owner": ("责任处室：{owner}", "Owner: {owner}"),
    "show_internal_due": ("内部时限：{due}", "Internal due: {due}"),
    "show_progress": ("进展情况：", "Progress: "),
    "show_evidence": ("佐证材料：", "Evidence: "),
    "show_updated": ("最近更新：{when}，{by}", "Last change: {when}, by {by}"),
}
