"""Words of the Word documents: the 落实情况报告 an office sends upward (``docx_*``), the
coordinator's 汇总 (``docx_rollup_*``), how a long note is cut in a document (``excerpt_*``), and
the hint about the ``office`` setting they are signed with."""

MESSAGES: dict[str, tuple[str, str]] = {
    "office_hint": (
        "提示：尚未设置本单位全称，报告以台账记载的省份（或部门）名称落款；如需以本单位名义报送，请运行：iprcheck config set office 单位全称",
        "hint: no office is set, so the report is signed with the province (or department) the "
        "ledger names; to sign it as your office: iprcheck config set office NAME",
    ),
    "office_hint_rollup": (
        "提示：尚未设置本单位全称，汇总落款处只有日期；如需落款单位，请运行：iprcheck config set office 单位全称",
        "hint: no office is set, so the summary is signed with the date only; to sign it as your "
        "office: iprcheck config set office NAME",
    ),
    # -- the report
    "docx_title": ("{list}落实情况报告", "Progress report on the {list}"),
    "docx_title_tail": ("落实情况报告", ""),
    "docx_title_about": ("关于", ""),
    "docx_title_about_tail": ("落实情况的报告", ""),
    "docx_subtitle": ("（报送单位：{who}　截至{date}）", "({who}, as of {date})"),
    "docx_subtitle_anon": ("（截至{date}）", "(as of {date})"),
    "docx_internal_mark": ("内部使用", "For internal use"),
    "docx_addressee": (
        "国家知识产权局：",
        "To: China National Intellectual Property Administration",
    ),
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
    "docx_days_left": (
        "距清单完成时限（{date}）还有{days}天。",
        "The list's deadline, {date}, is {days} days away.",
    ),
    "docx_days_today": ("今天为清单完成时限（{date}）。", "The list's deadline, {date}, is today."),
    "docx_days_over": (
        "已超过清单完成时限（{date}）{days}天。",
        "The list's deadline, {date}, passed {days} days ago.",
    ),
    # 本期进展 (report --since): what happened, in sentences
    "docx_since_intro": ("{date}以来，{what}。具体如下：", "Since {date}, {what}. In detail:"),
    "docx_since_none": (
        "{date}以来，各项举措的落实状态没有变化。",
        "No obligation's standing has changed since {date}.",
    ),
    "docx_since_n_done": ("新完成举措{n}项", "{n} {n:|obligation was|obligations were} done"),
    "docx_since_n_started": ("开始推进{n}项", "{n} started"),
    "docx_since_n_blocked": ("出现受阻{n}项", "{n} blocked"),
    "docx_since_n_waived": ("确认不适用{n}项", "{n} found not to apply"),
    "docx_since_n_other": ("状态调整{n}项", "{n} otherwise changed"),
    "docx_since_n_assigned": (
        "调整责任处室或内部时限{n}次",
        "{n} {n:|change|changes} of owner or internal due date",
    ),
    "docx_change_one": ("{date}，举措{id}（{gist}）{what}", "On {date}, {id} ({gist}) was {what}"),
    "docx_change_many": ("{date}，举措{ids}{what}", "On {date}, {ids} were {what}"),
    "docx_did_done": ("已完成", "done"),
    "docx_did_started": ("开始推进", "started"),
    "docx_did_resumed": ("恢复推进", "taken up again"),
    "docx_did_blocked": ("推进受阻", "blocked"),
    "docx_did_waived": ("确认不适用", "found not to apply"),
    "docx_did_reopened": ("改为{status}", "put back to {status}"),
    "docx_did_owner": ("由{owner}负责", "assigned to {owner}"),
    "docx_did_no_owner": ("不再指定责任处室", "left without an owner"),
    "docx_did_due": ("内部时限定为{date}", "given the internal due date {date}"),
    "docx_did_no_due": ("不再设内部时限", "no longer given an internal due date"),
    # each obligation under its section
    "docx_req_status": ("（{req}，{status}）", " ({req}, {status})"),
    "docx_progress": ("进展情况：{note}", "Progress: {note}"),
    "docx_waived_note": ("不适用理由：{note}", "Why it does not apply: {note}"),
    "docx_evidence": ("佐证材料：{refs}", "Evidence: {refs}"),
    "docx_owner": ("责任处室：{owner}", "Owner: {owner}"),
    "docx_internal_due": ("内部时限：{date}", "internal due: {date}"),
    "docx_due": ("完成时限：{date}", "due: {date}"),
    "docx_req_mandatory": ("必做", "mandatory"),
    "docx_req_optional": ("选做", "optional"),
    # 存在问题
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
    "docx_findings_intro": (
        "台账自查发现{n}个问题：",
        "The ledger's own check found {n} {n:|problem|problems}:",
    ),
    # 下一步打算
    "docx_next": ("下一步打算", "Next steps"),
    "docx_next_intro": (
        "对尚未完成的{n}项必做举措，将压实责任、加快推进，确保在清单完成时限（{date}）前完成。",
        "The {n} open mandatory {n:|obligation|obligations} will be taken forward to finish by "
        "the list's deadline, {date}.",
    ),
    "docx_next_intro_late": (
        "对尚未完成的{n}项必做举措，将压实责任、加快推进，尽快完成。",
        "The {n} open mandatory {n:|obligation|obligations} will be taken forward to finish as "
        "soon as possible.",
    ),
    "docx_next_blocked": (
        "{nth}对推进受阻的{n}项举措（{ids}），逐项分析原因，加强沟通协调，推动尽快解决。",
        "{nth}, for the {n} blocked ({ids}): find what holds each up and work with those "
        "concerned to clear it.",
    ),
    "docx_next_in-progress": (
        "{nth}对正在推进的{n}项举措（{ids}），加快工作进度，确保按期完成。",
        "{nth}, for the {n} in progress ({ids}): speed up the work to finish on time.",
    ),
    "docx_next_todo": (
        "{nth}对尚未启动的{n}项举措（{ids}），抓紧研究部署，尽快启动实施。",
        "{nth}, for the {n} not started ({ids}): plan them and start them soon.",
    ),
    "docx_next_owners": ("其中，{parts}。", "Of these, {parts}."),
    "docx_next_owner": ("{owner}负责{ids}", "{owner} holds {ids}"),
    "docx_next_unowned": ("{ids}尚未明确责任处室", "{ids}: no owner yet"),
    "docx_next_internal_due": ("（内部时限{date}）", " (internal due {date})"),
    "docx_nth_1": ("一是", "First"),
    "docx_nth_2": ("二是", "Second"),
    "docx_nth_3": ("三是", "Third"),
    "docx_next_none": (
        "必做举措已全部完成。下一步将巩固落实成效，做好总结。",
        "All mandatory obligations are done; the next step is to consolidate the results.",
    ),
    # the end and the annex
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
    # -- the coordinator's 汇总 (rollup --output 汇总.docx)
    "docx_rollup_title_tail": ("落实情况汇总", ""),
    "docx_rollup_title": ("{list}落实情况汇总", "{list}: summary of progress"),
    "docx_rollup_intro": (
        "按照《{list}》部署，现将截至{date}各单位报送的落实情况汇总如下。",
        "Under the {list}, this summarises the progress the reporting units had sent as of {date}.",
    ),
    "docx_rollup_overview": ("总体情况", "Overview"),
    "docx_rollup_received": (
        "{units}个报送单位中，{sent}个已报送台账，{missing}个尚未报送。",
        "Of {units} reporting units, {sent} sent a ledger and {missing} did not.",
    ),
    "docx_rollup_national": (
        "国家知识产权局的{n}份台账一并汇总。",
        "The national office's {n} {n:|ledger is|ledgers are} included.",
    ),
    "docx_rollup_figures": (
        "已报送的{n}个省份共承担必做举措{total}项，已完成{done}项，完成率{percent}%",
        "The {n} {n:|province|provinces} that reported owe {total} mandatory obligations; "
        "{done} are done ({percent}%)",
    ),
    "docx_rollup_all_done": ("其中{n}个省份已全部完成", "{n} have done them all"),
    "docx_rollup_with_blocked": (
        "{n}个省份有举措推进受阻",
        "{n} {n:|has|have} blocked obligations",
    ),
    "docx_rollup_skipped": (
        "另有{n}份文件未能计入（无法读取、属于其他清单或与其他台账重复），汇总时已逐一提示。",
        "{n} {n:|file was|files were} left out (unreadable, of another list, or a duplicate); "
        "each was named when the summary was made.",
    ),
    "docx_rollup_missing_head": ("未报送单位", "Units that have not reported"),
    "docx_rollup_missing": (
        "以下{n}个单位尚未报送台账：{names}。",
        "{n} {n:|unit has|units have} sent no ledger: {names}.",
    ),
    "docx_rollup_missing_none": (
        "各报送单位均已报送台账。",
        "Every reporting unit has sent a ledger.",
    ),
    "docx_rollup_blocked_head": ("推进受阻情况", "What is blocked, and why"),
    "docx_rollup_blocked_intro": (
        "共有{n}项次举措推进受阻，涉及{units}个单位：",
        "{n} {n:|obligation is|obligations are} blocked, in {units} {units:|unit|units}:",
    ),
    "docx_rollup_blocked_none": (
        "各单位均未报告推进受阻的举措。",
        "No unit reports a blocked obligation.",
    ),
    "docx_rollup_blocked_one": ("{unit}（原因：{note}）", "{unit} (reason: {note})"),
    "docx_rollup_annex_title": ("各单位落实情况统计表", "Progress by unit and section"),
    "docx_rollup_annex_measures": ("各项举措落实情况统计表", "Progress by measure and section"),
    "docx_rollup_col_unit": ("单位", "Unit"),
    "docx_rollup_col_section_done": ("必做完成", "Mandatory done"),
    "docx_rollup_col_done": ("已完成", "Done"),
    "docx_rollup_row_done": ("完成/应做", "Done/owed"),
    "docx_rollup_col_id": ("编号", "No."),
    "docx_rollup_col_measure": ("举措", "Measure"),
    "docx_rollup_col_owe": ("应做单位", "Units owing"),
    "docx_rollup_col_open": ("尚未完成的单位", "Units not done"),
    "docx_rollup_legend": (
        "注：“部分完成”指该任务下的必做举措已完成一部分；“—”指该单位不承担该任务的举措，或已确认不适用；"
        "括号内为该单位选做举措的落实情况。",
        "Note: partly done means some of the task's mandatory obligations are done; — means the "
        "unit owes nothing under the task, or it was found not to apply; in brackets, how the "
        "unit stands on what it may do (optional).",
    ),
    # -- a long note cut in a document or a workbook
    "excerpt": (
        "……（节选，全文共{n}字，见{where}）",
        "… (an excerpt: {n} characters in all, in {where})",
    ),
    "excerpt_here": ("本单位台账", "this office's ledger"),
    "excerpt_history": ("台账记录：iprcheck history {id}", "the ledger: iprcheck history {id}"),
    "excerpt_ledger": (
        "{unit}的台账 {path} 中 {id} 的记录",
        "the ledger of {unit}, {path}, at {id}",
    ),
}
