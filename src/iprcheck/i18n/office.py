"""Words of the documents that go upward and come back: the 落实情况报告 (docx) and the printed
台账. What import says when one comes back is in ``imports``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "docx_title": ("{list}落实情况报告", "Progress report on the {list}"),
    "docx_title_tail": ("落实情况报告", ""),
    "docx_subtitle": ("（报送单位：{who}　截至{date}）", "({who}, as of {date})"),
    "docx_subtitle_anon": ("（截至{date}）", "(as of {date})"),
    "docx_intro": (
        "按照《{list}》部署，{who}对照清单逐项推进各项举措落实。现将截至{date}的落实情况报告如下。",
        "Under the {list}, {who} has taken forward each measure the list assigns to it. "
        "This report gives the progress as of {date}.",
    ),
    "docx_we_anon": ("本单位", "this office"),
    "docx_overview_mandatory": (
        "承担必做举措{total}项，已完成{done}项，完成率{percent}%",
        "Of {total} mandatory obligations, {done} are done ({percent}%)",
    ),
    "docx_overview_optional": (
        "选做举措{total}项，已完成{done}项",
        "Of {total} optional obligations, {done} are done",
    ),
    "docx_count_in-progress": ("进行中{n}项", "{n} in progress"),
    "docx_count_blocked": ("受阻{n}项", "{n} blocked"),
    "docx_count_todo": ("未开始{n}项", "{n} not started"),
    "docx_count_waived": ("不适用{n}项", "{n} waived"),
    "docx_since_intro": (
        "{date}以来，共记录{n}项更改：",
        "Since {date}, {n} {n:|change was|changes were} recorded:",
    ),
    "docx_since_none": ("{date}以来，没有新的更改。", "No change was recorded since {date}."),
    "docx_since_status": ("由{before}转为{after}", "from {before} to {after}"),
    "docx_days_left": (
        "距清单完成时限（{date}）还有{days}天。",
        "The list's deadline, {date}, is {days} days away.",
    ),
    "docx_days_today": ("今天为清单完成时限（{date}）。", "The list's deadline, {date}, is today."),
    "docx_days_over": (
        "已超过清单完成时限（{date}）{days}天。",
        "The list's deadline, {date}, passed {days} days ago.",
    ),
    "docx_req_status": ("（{req}，{status}）", " ({req}, {status})"),
    "docx_progress": ("进展情况：{note}", "Progress: {note}"),
    "docx_waived_note": ("不适用理由：{note}", "Why it does not apply: {note}"),
    "docx_evidence": ("佐证材料：{refs}", "Evidence: {refs}"),
    "docx_owner": ("责任处室：{owner}", "Owner: {owner}"),
    "docx_internal_due": ("内部时限：{date}", "internal due: {date}"),
    "docx_due": ("完成时限：{date}", "due: {date}"),
    "docx_problems": ("存在问题", "Problems"),
    "docx_blocked_intro": (
        "{n}项举措推进受阻：",
        "{n} {n:|obligation is|obligations are} blocked:",
    ),
    "docx_reason": ("原因：{note}", "Reason: {note}"),
    "docx_no_reason": ("未说明", "not recorded"),
    "docx_overdue_intro": (
        "{n}项举措已超过时限：",
        "{n} {n:|obligation is|obligations are} past {n:|its|their} due date:",
    ),
    "docx_overdue_internal": (
        "内部时限{date}，已逾期{days}天",
        "internal due {date}, {days} days late",
    ),
    "docx_overdue_list": ("清单时限{date}，已逾期{days}天", "list due {date}, {days} days late"),
    "docx_no_problems": (
        "目前未发现推进受阻或超过时限的举措。",
        "No obligation is blocked or past its due date.",
    ),
    "docx_next": ("下一步打算", "Next steps"),
    "docx_next_intro": (
        "对尚未完成的{n}项必做举措，将压实责任、加快推进，确保在清单完成时限（{date}）前完成：",
        "The {n} open mandatory {n:|obligation|obligations} will be taken forward to finish by the list's "
        "deadline, {date}:",
    ),
    "docx_next_intro_late": (
        "对尚未完成的{n}项必做举措，将压实责任、加快推进，尽快完成：",
        "The {n} open mandatory {n:|obligation|obligations} will be taken forward to finish as soon as possible:",
    ),
    "docx_next_none": (
        "必做举措已全部完成。下一步将巩固落实成效，做好总结。",
        "All mandatory obligations are done; the next step is to consolidate the results.",
    ),
    "docx_closing": ("特此报告。", ""),
    "docx_annex": ("附件", "Annex"),
    "docx_annex_line": ("附件：{title}", "Annex: {title}"),
    "docx_annex_title": ("{list}落实情况统计表", "{list}: progress by section"),
    "docx_annex_tail": ("落实情况统计表", ""),
    "docx_unit": ("单位：项", "Unit: obligations"),
    "docx_col_seq": ("序号", "No."),
    "docx_col_section": ("部分", "Section"),
    "docx_col_mandatory": ("必做", "Mandatory"),
    "docx_col_done": ("已完成", "Done"),
    "docx_col_in-progress": ("进行中", "In progress"),
    "docx_col_blocked": ("受阻", "Blocked"),
    "docx_col_percent": ("完成率", "Done %"),
    "docx_total": ("合计", "Total"),
    "docx_req_mandatory": ("必做", "mandatory"),
    "docx_req_optional": ("选做", "optional"),
    # the printed 台账
    "xlsx_title": ("{title} 台账（填报单位：{unit}）", "{title}: ledger (reporting unit: {unit})"),
    "xlsx_as_of": ("截至日期：", "As of:"),
    "xlsx_filled_by": ("填报人：", "Filled in by:"),
    "xlsx_phone": ("联系电话：", "Telephone:"),
    "xlsx_page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "xlsx_status_error": ("请从下拉列表中选择：{valid}", "Choose one of: {valid}"),
    "col_internal_due": ("内部时限", "Internal due"),
}
