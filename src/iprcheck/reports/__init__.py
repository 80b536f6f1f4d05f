"""The numbers behind every report: one ``Report`` per ledger, one ``Rollup`` for many.

Both are typed records that every view reads and none recounts; nothing here prints.
"""
