"""The 台账 that goes out and comes back: its columns, the record of what was exported, and
reading it back from a colleague's workbook or CSV — within bounds, behind one guard.

- ``columns``: the one column table the writers and the reader share: headings, cells, tokens;
- ``record``: what each row said when it was exported (the workbook's custom properties);
- ``table``: rows arriving from a file, found by their headings, into a ``Sheet``;
- ``workbook`` and ``csvfile``: the two kinds of file, each bounded before it is parsed;
- ``read``: ``read_sheet``, the one door, where any failure becomes one located message.

Nothing here knows a ledger: ``ledger.imports`` decides what a sheet records. The writers
import ``columns`` alone, so that ``list --format csv`` never loads a reader.
"""
