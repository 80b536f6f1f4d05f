"""Words of the 台账 that goes out and comes back: the printed workbook, and what import says.
(The Word documents' words are in ``documents.py``.)"""

MESSAGES: dict[str, tuple[str, str]] = {
    # the printed 台账
    "xlsx_title": ("{title} 台账（填报单位：{unit}）", "{title}: ledger (reporting unit: {unit})"),
    "xlsx_as_of": ("截至日期：", "As of:"),
    "xlsx_filled_by": ("填报人：", "Filled in by:"),
    "xlsx_phone": ("联系电话：", "Telephone:"),
    "xlsx_page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "xlsx_status_error": ("请从下拉列表中选择：{valid}", "Choose one of: {valid}"),
    "col_internal_due": ("内部时限", "Internal due"),
    # import
    "import_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "import_not_workbook": ("{path} 不是 xlsx 工作簿", "{path} is not an xlsx workbook"),
    "import_encoding": (
        "{path} 既不是 UTF-8 也不是 GBK 编码的 CSV",
        "{path} is a CSV in neither UTF-8 nor GBK",
    ),
    "import_no_header": (
        "{sheet}：前 10 行中没有表头（需有“{valid}”列）",
        "{sheet}: no header row in the first 10 rows (a column “{valid}” is needed)",
    ),
    "import_formula": (
        "{place}：单元格是公式 {value}；台账只接受输入的值，请改为文字",
        "{place}: the cell is a formula, {value}; a ledger takes typed values only, enter it as text",
    ),
    "import_control": (
        "{place}：含控制字符或不可见字符（{value}），请删除后再导入",
        "{place}: holds a control or invisible character ({value}); remove it and import again",
    ),
    "import_bad_date": (
        "{place}：“{value}”不是日期；可用日期单元格，或 2020-10-31、2020/10/31、2020年10月31日",
        "{place}: '{value}' is not a date; use a date cell, or 2020-10-31, 2020/10/31, 2020年10月31日",
    ),
    "import_bad_status": (
        "{place}：“{value}”不是状态；可用：{valid}",
        "{place}: '{value}' is not a status; valid: {valid}",
    ),
    "import_unknown_id": (
        "{place}：清单中没有编号“{value}”",
        "{place}: the list has no obligation '{value}'",
    ),
    "import_not_tracked": (
        "{place}：举措 {value} 不是{unit}台账跟踪的举措",
        "{place}: obligation {value} is not one the ledger of {unit} tracks",
    ),
    "import_twice": (
        "{place}：编号 {value} 重复（已见于 {first}）",
        "{place}: obligation {value} appears twice (first at {first})",
    ),
    "import_moved": (
        "{place}：编号 {id} 所在行的落实举措“{value}”与清单不符（清单中为“{expected}”）；行可能被移动或改动",
        "{place}: the measure in the row of {id}, '{value}', is not the list's ('{expected}'); rows may have been moved or edited",
    ),
    "import_other_list": (
        "{sheet}：这是另一任务清单的台账（{value}），本台账跟踪 {list}",
        "{sheet}: this is a ledger of another task list ({value}); this ledger tracks {list}",
    ),
    "import_other_unit": (
        "{sheet}：这是{value}的台账，本台账属于{unit}",
        "{sheet}: this is the ledger of {value}; this ledger belongs to {unit}",
    ),
    "import_unknown_columns": ("已忽略未知的列：{columns}", "ignored unknown columns: {columns}"),
    "import_done": (
        "已从 {path} 导入 {count} 项举措的更改：{ids}",
        "imported the changes of {count} {count:|obligation|obligations} from {path}: {ids}",
    ),
    "import_would": (
        "将从 {path} 导入 {count} 项举措的更改：",
        "would import the changes of {count} {count:|obligation|obligations} from {path}:",
    ),
    "import_nothing": (
        "{path} 与台账一致（{rows} 行），没有要记录的更改",
        "{path} agrees with the ledger ({rows} rows): nothing to record",
    ),
    "import_field_status": ("状态", "status"),
    "import_field_note": ("进展情况", "note"),
    "import_field_evidence": ("佐证材料（新增）", "evidence (added)"),
    "import_field_owner": ("责任处室", "owner"),
    "import_field_internal_due": ("内部时限", "internal due"),
}
