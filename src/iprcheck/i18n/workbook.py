"""Words of the printed 台账 (the report's workbook). The Word documents' words are in
``documents``; what import says when a 台账 comes back is in ``ledger_sheet``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the printed 台账
    "xlsx_title": ("{title} 台账（填报单位：{unit}）", "{title}: ledger (reporting unit: {unit})"),
    "xlsx_as_of": ("截至日期：", "As of:"),
    "xlsx_filled_by": ("填报人：", "Filled in by:"),
    "xlsx_phone": ("联系电话：", "Telephone:"),
    "xlsx_page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "xlsx_status_error": ("请从下拉列表中选择：{valid}", "Choose one of: {valid}"),
    "col_internal_due": ("内部时限", "Internal due"),
}
