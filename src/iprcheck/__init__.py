"""iprcheck: the 2020 task list for high-quality IP development, as a checklist you can track."""

__version__ = "0.1.0"
