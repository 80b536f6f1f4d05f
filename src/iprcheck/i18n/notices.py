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
}
