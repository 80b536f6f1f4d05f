"""Reading a notice into a task list (``iprcheck lists add``), and the library of lists."""

MESSAGES: dict[str, tuple[str, str]] = {
    # A notice that cannot be read.
    "notice_is_folder": ("{path} 是文件夹，不是通知文件", "{path} is a folder, not a notice"),
    "notice_old_office": (
        "{path} 是旧版 Word/Excel/WPS 格式（.doc、.xls、.wps），无法读取；请用 WPS 或 Word 另存为 .docx 或 .xlsx 后重试",
        "{path} is in the old Word/Excel/WPS format (.doc, .xls, .wps), which cannot be read: save it as .docx or .xlsx and try again",
    ),
    "notice_pdf": (
        "{path} 是 PDF 文件，无法读取；请把清单文字复制到 .txt 文件，或另存为 .docx 后重试",
        "{path} is a PDF, which cannot be read: copy the list's text into a .txt file, or save it as .docx, and try again",
    ),
    "notice_encoding": (
        "{path} 的文字编码无法识别（应为 UTF-8 或 GBK）；请用记事本另存为 UTF-8 后重试",
        "{path} is in a text encoding that cannot be read (UTF-8 or GBK expected): save it as UTF-8 and try again",
    ),
    "notice_not_document": (
        "{path} 既不是 Word 文档也不是 Excel 表格",
        "{path} is neither a Word document nor an Excel workbook",
    ),
    "notice_damaged": (
        "{path} 已损坏，无法读取；请重新保存或索取原文件",
        "{path} is damaged and cannot be read: save it again or ask for the original",
    ),
    "notice_too_many_rows": (
        "{path} 的表格超过 {limit} 行，不像是任务清单，未读取",
        "{path} has a table of more than {limit} rows, which is no task list; not read",
    ),
    "notice_bad_csv": (
        "{path} 不是有效的逗号分隔文件（某个单元格过长或引号不配对）",
        "{path} is not a valid CSV file (a cell too long, or unbalanced quotes)",
    ),
    "notice_not_a_list": (
        "{path} 中没有找到任务清单：既没有“落实举措/执行部门”表格，也没有“一、”标题下的编号事项；未添加任何内容",
        "no task list found in {path}: neither a 落实举措/执行部门 table nor numbered items under 一、 headings; nothing added",
    ),
    "notice_no_year": (
        "{path} 中找不到年份（标题应形如“2021年……推进计划”）；未添加任何内容",
        "no year found in {path} (its title should read like 2021年…推进计划); nothing added",
    ),
    # Notes in the review.
    "notice_row_skipped": (
        "有一行既不是部分、任务，也不是续行，已跳过：“{text}”",
        "a row that is neither a section, a task nor a continuation was skipped: '{text}'",
    ),
    "notice_no_sections": (
        "表格中没有“一、”这样的部分标题：全部任务归入第一部分，标题取第一个任务的标题",
        "the table has no section headings (一、…): every task is put in one section, titled as the first task",
    ),
    "notice_rules_left": (
        "任务 {task} 的执行部门有 {rules} 条“省份：”规则，但只有 {paragraphs} 段省级举措；多出的规则未使用",
        "task {task} has {rules} 省份 rules but {paragraphs} provincial paragraphs; the rules left over are not used",
    ),
    "notice_heading_empty": (
        "标题“{title}”下没有编号事项，未列入",
        "the heading '{title}' has no numbered items; left out",
    ),
    "notice_section_empty": (
        "部分“{title}”下没有编号事项，未列入",
        "the section '{title}' has no numbered items; left out",
    ),
    "notice_after_item": (
        "事项 {item} 的责任单位之后还有 {chars} 个字，未列入（可能是附注或落款）",
        "{chars} characters after item {item}'s responsible party are left out (a note or the notice's close?)",
    ),
    "notice_no_title": (
        "没有找到清单标题，暂用文件名“{name}”作标题；请在草稿中改正",
        "no title found; the file's name '{name}' stands in: correct it in the draft",
    ),
    "notice_traditional": (
        "文本为繁体字：正文保持原样；部门名称已转为简体，以便按部门筛选（list --department 保护司）",
        "the text is in traditional characters: it is kept as printed; department names are in simplified characters so that list --department 保护司 finds them",
    ),
    "notice_auto_numbered": (
        "有 {count} 段使用 Word 自动编号，其编号不在文字中，可能未被识别；请检查草稿",
        "{count} paragraphs are numbered by Word itself, so their numbers are not in the text and may be missed: check the draft",
    ),
    # The review lists add prints.
    "review_read": ("读取：{title}", "Read: {title}"),
    "review_read_number": ("读取：{title}（{number}）", "Read: {title} ({number})"),
    "review_family_table": (
        "形式：表格（任务清单/落实举措/执行部门/完成时间），{year} 年",
        "Form: a table (任务清单/落实举措/执行部门/完成时间), year {year}",
    ),
    "review_family_plan": (
        "形式：编号事项（一、（一）1.），{year} 年",
        "Form: numbered items (一、 （一） 1.), year {year}",
    ),
    "review_counts": (
        "找到：{sections} 个部分、{tasks} 项任务、{items} 项举措（国家局 {national} 项，省份 {province} 项）",
        "Found: {sections} {sections:|section|sections}, {tasks} {tasks:|task|tasks}, {items} {items:|item|items} ({national} national, {province} provincial)",
    ),
    "review_id": ("清单编号：{id}", "List id: {id}"),
    "review_no_party": (
        "没有责任单位或省份规则的事项（{count}）：{ids}",
        "Items with no responsible party or province rule ({count}): {ids}",
    ),
    "review_no_party_none": ("每个事项都有责任单位", "Every item has a responsible party"),
    "review_gap_after": (
        "编号缺漏：{kind} {after} 之后缺 {missing}",
        "Numbering gap: {kind} {missing} missing after {after}",
    ),
    "review_gap_start": (
        "编号缺漏：开头缺 {kind} {missing}",
        "Numbering gap: {kind} {missing} missing at the start",
    ),
    "review_kind_section": ("部分", "section"),
    "review_kind_task": ("任务", "task"),
    "review_kind_item": ("事项", "item"),
    "review_incomplete_text": (
        "不完整：最后一项 {item} 在句子中间结束，这份文件可能在此截断",
        "Incomplete: the last item, {item}, stops mid-sentence; the copy may end there",
    ),
    "review_incomplete_party": (
        "不完整：最后一项 {item} 没有其他事项都有的责任单位，这份文件可能在此截断",
        "Incomplete: the last item, {item}, lacks the responsible party the others end with; the copy may end there",
    ),
    "review_incomplete_cells": (
        "不完整：最后一项 {item} 所在任务没有执行部门，这份文件可能在此截断",
        "Incomplete: the last item, {item}, has no 执行部门 cell; the copy may end there",
    ),
    "review_unknown": (
        "内置类型之外的省份类型：{name}（来自事项 {item} 的“{rule}”），在草稿中编号为 {key}",
        "A province category the 2020 list does not have: {name} (from item {item}'s rule '{rule}'), key {key} in the draft",
    ),
    "review_unread_rule": (
        "未能读懂的省份规则：事项 {item}“{rule}”（应以“必做”或“选做”结尾）",
        "A province rule not understood: item {item}, '{rule}' (a rule ends in 必做 or 选做)",
    ),
    "review_note": ("说明：{note}", "Note: {note}"),
    "review_problems": (
        "草稿有 {count} 处不符合任务清单格式：",
        "The draft has {count} {count:|problem|problems} against the task-list format:",
    ),
    "review_more_problems": (
        "……另有 {count} 处（validate 草稿.yaml 可列出全部）",
        "… and {count} more (validate draft.yaml lists them all)",
    ),
    "review_written": ("已写出草稿：{path}", "Draft written: {path}"),
    "review_dry_run": ("预演：未添加任何内容", "Dry run: nothing added"),
    "review_added": (
        "已加入清单库：{id}（{items} 项）；iprcheck lists 可查看全部清单",
        "Added to the library of lists: {id} ({items} {items:|item|items}); iprcheck lists shows them all",
    ),
    "review_replaced": (
        "已替换清单库中的 {id}；绑定到它的台账请运行 iprcheck upgrade",
        "Replaced {id} in the library of lists; ledgers bound to it should run iprcheck upgrade",
    ),
    "review_same": (
        "清单库中已有完全相同的 {id}，未作更改",
        "The library already holds this very list, {id}; nothing changed",
    ),
    # Refusals after the review.
    "notice_draft_invalid": (
        "草稿有 {count} 处问题，未添加；用 --output 草稿.yaml 写出草稿，改正后运行 iprcheck lists add 草稿.yaml",
        "the draft has {count} {count:|problem|problems}; nothing added: write it with --output draft.yaml, correct it, then iprcheck lists add draft.yaml",
    ),
    "notice_incomplete": (
        "这份文件可能不全（最后一项 {item} 不完整），未添加；用 --output 草稿.yaml 写出草稿，补全后运行 iprcheck lists add 草稿.yaml",
        "the copy may be cut off (the last item, {item}, is incomplete); nothing added: write the draft with --output draft.yaml, complete it, then iprcheck lists add draft.yaml",
    ),
    "notice_output_not_yaml": (
        "草稿应写入 .yaml 文件，而不是 {path}",
        "the draft is written to a .yaml file, not {path}",
    ),
    # The draft's header.
    "draft_header_from": (
        "iprcheck lists add 由 {path} 生成的任务清单草稿。",
        "Draft task list that iprcheck lists add made from {path}.",
    ),
    "draft_header_check": (
        "请对照通知原文核对、改正，然后运行：iprcheck lists add {path}",
        "Check it against the notice, correct it, then run: iprcheck lists add {path}",
    ),
    "draft_name": ("{path} 的草稿", "draft of {path}"),
    "draft_header_review": ("读取时发现：", "Found while reading:"),
    # The library of lists.
    "lists_header": ("本机的任务清单（{count}）：", "Task lists on this machine ({count}):"),
    "lists_line": (
        "{id}  {year} 年  {items} 项{bundled}",
        "{id}  {year}  {items} {items:|item|items}{bundled}",
    ),
    "lists_bundled": ("（内置）", " (bundled)"),
    "lists_broken": ("{path}：无法读取（{problem}）", "{path}: cannot be read ({problem})"),
    "lists_removed": (
        "已从清单库删除：{id}（{title}）",
        "Removed from the library of lists: {id} ({title})",
    ),
    "list_ambiguous": (
        "“{value}”对应多份清单：{ids}；请用清单编号",
        "'{value}' names more than one list: {ids}; use the list's id",
    ),
    "list_id_bundled": (
        "编号 {id} 是内置清单的编号，不能替换；请在草稿中改用其他编号",
        "{id} is the bundled list's id, which cannot be replaced: give the list another id",
    ),
    "list_id_taken": (
        "清单库中已有另一份编号为 {id} 的清单（{path}）；要替换请加 --replace，或改用其他编号（--id）",
        "the library already has a different list with the id {id} ({path}): add --replace to replace it, or give another id (--id)",
    ),
    "list_unknown": (
        "清单库中没有“{value}”；现有：{ids}",
        "no list '{value}' in the library; there are: {ids}",
    ),
    "ledger_list_unknown": (
        "台账 {path} 跟踪的任务清单（编号 {id}）不在本机的清单库中：请用 iprcheck lists add 收入该年的通知或清单文件后再试；台账未作任何改动",
        "ledger {path} tracks task list {id}, which this machine's library of lists does not have:"
        " take in that year's notice or list file with iprcheck lists add, then try again; the"
        " ledger was not changed",
    ),
    "list_bundled_kept": (
        "{id} 是内置清单，不能删除",
        "{id} is the bundled list, which cannot be removed",
    ),
}
