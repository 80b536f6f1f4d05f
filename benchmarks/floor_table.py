"""Floor B: floor A's app drawing a 46-row rich ``Table`` instead (46 = the 2020 list's measures).

The rows look like iprcheck's list table (an id, two short labels and a line of Chinese text) so
rich does the same work: import, measure CJK cell widths, wrap, write.
"""

from __future__ import annotations

from typing import Annotated

import typer

ROWS = 46
TEXT = "各地区要加强知识产权保护工作，推动将知识产权保护工作纳入地方党委和政府重要议事日程"

app = typer.Typer(add_completion=False)


@app.command()
def main(name: Annotated[str, typer.Option(help="Title of the table.")] = "world") -> None:
    """Draw a 46-row table to stdout."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, title=name, title_justify="left", pad_edge=False)
    table.add_column("ID", no_wrap=True, style="bold")
    table.add_column("Requirement", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Measure", overflow="fold", ratio=1)
    for i in range(ROWS):
        table.add_row(f"{i // 3 + 1}.{i % 3 + 1}", "mandatory", "to do", TEXT[: 20 + i % 20])
    Console(highlight=False, soft_wrap=False).print(table)


if __name__ == "__main__":
    app()
