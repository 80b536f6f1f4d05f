"""Words of the 台账 as a sheet that goes out and comes back: what the writer refuses to put in
a cell, and everything ``iprcheck import`` says — what it reads, records, leaves as a conflict,
and refuses (each refusal at its file, sheet or cell)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # exporting the 台账
    "xlsx_title_owner": (
        "{title} 台账（填报单位：{unit}；责任处室：{owner}）",
        "{title}: ledger (reporting unit: {unit}; owner: {owner})",
    ),
    "xlsx_cell_too_long": (
        "{id} 的{field}有 {length} 字，超过 Excel 单元格的上限 {limit} 字，写不进 xlsx 台账；请缩短后再导出，或导出为 CSV（report --output 台账.csv）",
        "the {field} of {id} is {length} characters long, more than an Excel cell holds ({limit}); shorten it, or export a CSV (report --output ledger.csv)",
    ),
    # reading the file
    "import_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "import_not_workbook": ("{path} 不是 xlsx 工作簿", "{path} is not an xlsx workbook"),
    "import_encoding": (
        "{path} 既不是 UTF-8 也不是 GBK 编码的 CSV",
        "{path} is a CSV in neither UTF-8 nor GBK",
    ),
    "import_not_utf8": (
        "{path} 标明是 UTF-8 文本，但从第 {offset} 字节起不是，文件可能不完整；请重新导出或索取原文件",
        "{path} says it is UTF-8 text but is not from byte {offset} on; it may be cut short: export it again or ask for the original",
    ),
    "import_damaged": (
        "{path} 已损坏，无法读取；请用 Excel 或 WPS 打开后重新保存，或索取原文件",
        "{path} is damaged and cannot be read: open it in Excel or WPS and save it again, or ask for the original",
    ),
    "import_damaged_at": (
        "{path} 已损坏：读到“{sheet}”第 {row} 行时出错；请用 Excel 或 WPS 打开后重新保存，或索取原文件",
        "{path} is damaged: reading row {row} of “{sheet}” failed; open it in Excel or WPS and save it again, or ask for the original",
    ),
    "import_no_sheet": ("{path} 中没有可见的工作表", "{path} has no visible sheet"),
    "import_too_many_rows": (
        "{path} 的数据超过 {limit} 行，不是台账，已拒绝读取",
        "{path} holds values beyond row {limit}; that is no ledger sheet, and it was not read",
    ),
    "import_too_many_columns": (
        "{path} 的数据超过 {limit} 列，不是台账，已拒绝读取",
        "{path} holds values beyond column {limit}; that is no ledger sheet, and it was not read",
    ),
    "import_too_many_cells": (
        "{path} 的单元格超过 {limit} 个，不是台账，已拒绝读取",
        "{path} holds more than {limit} cells; that is no ledger sheet, and it was not read",
    ),
    "import_too_many_strings": (
        "{path} 中的文字超过 {limit} 段，不是台账，已拒绝读取",
        "{path} holds more than {limit} pieces of text; that is no ledger sheet, and it was not read",
    ),
    "import_too_many_elements": (
        "{path} 的内容结构异常庞大，远超正常台账，可能是“压缩炸弹”，已拒绝读取",
        "{path} holds far more elements than any ledger sheet; it may be a zip bomb and was not read",
    ),
    "import_cell_too_long": (
        "{path} 中有单元格超过 {limit} 字（Excel 单元格的上限），不是正常文件，已拒绝读取",
        "{path} holds a cell longer than {limit} characters (what an Excel cell holds); not read",
    ),
    "import_no_header": (
        "{sheet}：前 10 行中没有表头（需有“{valid}”列）",
        "{sheet}: no header row in the first 10 rows (a column “{valid}” is needed)",
    ),
    # a cell or a row refused
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
    "import_date_range": (
        "{place}：“{value}”不在 {first} 年至 {last} 年之间",
        "{place}: '{value}' is not between the years {first} and {last}",
    ),
    "import_bad_status": (
        "{place}：“{value}”不是状态；可用：{valid_zh}",
        "{place}: '{value}' is not a status; valid: {valid}",
    ),
    "import_no_status": (
        "{place}：状态被清空了；状态不能为空，可用：{valid_zh}",
        "{place}: the status was cleared; a status cannot be empty, valid: {valid}",
    ),
    "import_unknown_id": (
        "{place}：清单中没有编号“{value}”",
        "{place}: the list has no obligation '{value}'",
    ),
    "import_not_tracked": (
        "{place}：举措 {value} 不是{unit}台账跟踪的举措",
        "{place}: obligation {value} is not one the ledger of {unit} tracks",
    ),
    "import_not_exported": (
        "{place}：举措 {value} 不在这份台账导出（{made}）时的行中；导入只接受导出时就有的行",
        "{place}: obligation {value} was not a row of this sheet when it was exported ({made}); import takes only the rows exported",
    ),
    "import_twice": (
        "{place}：编号 {value} 重复（已见于 {first}）",
        "{place}: obligation {value} appears twice (first at {first})",
    ),
    "import_moved": (
        "{place}：编号 {id} 所在行的落实举措“{value}”与清单不符（清单中为“{expected}”）；行可能被移动或改动",
        "{place}: the measure in the row of {id}, '{value}', is not the list's ('{expected}'); rows may have been moved or edited",
    ),
    "import_waive_needs_note": (
        "{place}：{id} 是必做举措，标为不适用须在进展情况中写明理由",
        "{place}: {id} is mandatory; to mark it waived, give the reason in the progress notes",
    ),
    "import_other_list": (
        "{sheet}：这是另一任务清单的台账（{value}），本台账跟踪 {list}",
        "{sheet}: this is a ledger of another task list ({value}); this ledger tracks {list}",
    ),
    "import_other_unit": (
        "{sheet}：这是{value}的台账，本台账属于{unit}",
        "{sheet}: this is the ledger of {value}; this ledger belongs to {unit}",
    ),
    "import_theirs_unknown": (
        "--theirs {value}：清单中没有这个编号",
        "--theirs {value}: the list has no such obligation",
    ),
    # what import says it did
    "import_unknown_columns": ("已忽略未知的列：{columns}", "ignored unknown columns: {columns}"),
    "import_more_columns": ("等 {count} 列", "and {count} more"),
    "import_no_record": (
        "{path} 没有导出记录（手工制作、CSV 或旧版导出的台账），按各单元格与台账现状的差异导入：导出后台账中的改动可能被表中的旧值覆盖",
        "{path} carries no export record (made by hand, a CSV, or from an older iprcheck): every cell that differs from the ledger now is taken, so a change made in the ledger since it was exported may be overwritten",
    ),
    "import_done": (
        "已从 {path} 导入 {count} 项举措的更改：{ids}",
        "imported the changes of {count} {count:|obligation|obligations} from {path}: {ids}",
    ),
    "import_would": (
        "将从 {path} 导入 {count} 项举措的更改：",
        "would import the changes of {count} {count:|obligation|obligations} from {path}:",
    ),
    "import_nothing": (
        "{path} 中没有要记录的更改（{rows} 行）",
        "{path} changes nothing ({rows} rows)",
    ),
    "import_change": ("  {id}  {field}：{before} → {after}", "  {id}  {field}: {before} → {after}"),
    "import_cleared": (
        "  {id}  {field}：清空（原为“{before}”）",
        "  {id}  {field}: cleared (was '{before}')",
    ),
    "import_conflicts": (
        "{count} 项举措未导入：导出后，表中和台账中都改过这些行：",
        "{count} {count:|obligation was|obligations were} not imported: since the export, both the sheet and the ledger changed {count:|its row|their rows}:",
    ),
    "import_conflict_cell": (
        "  {id}  {place} {field}：表中为“{sheet}”，台账现为“{ledger}”",
        "  {id}  {place} {field}: the sheet says '{sheet}', the ledger now '{ledger}'",
    ),
    "import_conflict_since": (
        "  {id}  台账中导出后改过：{fields}",
        "  {id}  changed in the ledger since the export: {fields}",
    ),
    "import_conflict_hint": (
        "核对后，如以表中为准：iprcheck import {path} --theirs {ids}（只采用表中改过的单元格）；如以台账为准，无需操作",
        "once checked, to take the sheet's version: iprcheck import {path} --theirs {ids} (only the cells changed in the sheet are taken); to keep the ledger's, do nothing",
    ),
    "import_kept": (
        "{place}：表中删去的佐证材料仍保留在台账中：{refs}；如需删除：iprcheck mark {id} --remove-evidence 名称",
        "{place}: evidence deleted from the sheet stays in the ledger: {refs}; to remove it: iprcheck mark {id} --remove-evidence NAME",
    ),
    "import_field_status": ("状态", "status"),
    "import_field_note": ("进展情况", "note"),
    "import_field_evidence": ("佐证材料（新增）", "evidence (added)"),
    "import_field_owner": ("责任处室", "owner"),
    "import_field_internal_due": ("内部时限", "internal due"),
}
