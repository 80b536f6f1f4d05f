"""Floor A: the cheapest honest Typer command — one command, one ``str`` option, 30 KB to stdout.

Whatever this costs on an interpreter is what any Typer command costs there (the import of typer,
building the click command, parsing, and on typer >= 0.2x the pydantic parameter adapters), so
every iprcheck command is measured against it in the same run (benchmarks/run.py).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

# ~30 KB of text, built once per process like a real command would build its output.
LINE = "hello, world — 你好，世界 — the quick brown fox jumps over the lazy dog\n"
PAYLOAD_BYTES = 30 * 1024

app = typer.Typer(add_completion=False)


@app.command()
def main(name: Annotated[str, typer.Option(help="Who to greet.")] = "world") -> None:
    """Write about 30 KB of greeting to stdout."""
    line = LINE.replace("world", name)
    count = PAYLOAD_BYTES // len(line.encode()) + 1
    sys.stdout.write(line * count)


if __name__ == "__main__":
    app()
