"""Word documents in the layout of Chinese official documents (GB/T 9704-2012), shared by the
report (落实情况报告, ``report/to_docx.py``) and the coordinator's 汇总 (``rollup/to_docx.py``).

``words`` holds what is said and how text is made fit for a document (dates in words, measures
named by their first clause, titles broken between words, evidence named by its title, every
text from a file escaped); ``page`` the page, the fonts and the page numbers; ``writer`` the
paragraphs (title, 主送, headings, body, 落款, 附件 and its tables). python-docx is imported by
``page`` and ``writer`` inside their functions only, so no other format pays for it.
"""
