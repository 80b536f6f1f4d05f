"""The command line: the app and its one error boundary (``app``), exit codes (``exits``),
shared options (``options``), usage errors in one line (``usage``), help in the user's
language (``help``), and one module per group of commands."""

from .app import app, main

__all__ = ["app", "main"]
