"""The Jinja2 templates of the HTML views, and the one environment they are drawn in.

Autoescaping is on, and every value a template prints first has its control and invisible
characters written out (``finalize``): a note from a ledger reaches the page as text only.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from ..guards import shown


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):  # already escaped (a filter's output): keep it so
        return Markup(shown(str(value)))
    return shown(value) if isinstance(value, str) else value


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("iprcheck.output", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
