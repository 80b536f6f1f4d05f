"""iprcheck: the national IP administration's annual task lists, as checklists you can track.

The Python API (see README, "Python API"): ``load_list``, ``LedgerFile``, ``rollup``, ``write``,
the typed values (``Status``, ``Requirement``, ``Actor``) and results (``Recorded``, ``Report``,
``Rollup``), and the errors (``IprcheckError``, ``LedgerError``, ``CatalogError``). They are
loaded when first used, so that ``iprcheck --version`` and a command's start pay nothing for
what they do not use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it
_API = {
    "load_list": "api",
    "LedgerFile": "api",
    "rollup": "api",
    "write": "api",
    "Catalog": "tasklist",
    "Recorded": "ledger",
    "ImportResult": "ledger.imports",
    "Report": "reports.report",
    "Rollup": "reports.rollup",
    "Item": "obligations",
    "Status": "vocab",
    "Requirement": "vocab",
    "Actor": "vocab",
    "SortKey": "vocab",
    "IprcheckError": "errors",
    "CatalogError": "errors",
    "LedgerError": "ledger",
}

__all__ = [
    "__version__",
    "load_list",
    "LedgerFile",
    "rollup",
    "write",
    "Catalog",
    "Recorded",
    "ImportResult",
    "Report",
    "Rollup",
    "Item",
    "Status",
    "Requirement",
    "Actor",
    "SortKey",
    "IprcheckError",
    "CatalogError",
    "LedgerError",
]

if TYPE_CHECKING:
    from .api import LedgerFile, load_list, rollup, write
    from .errors import CatalogError, IprcheckError
    from .ledger import LedgerError, Recorded
    from .ledger.imports import ImportResult
    from .obligations import Item
    from .reports.report import Report
    from .reports.rollup import Rollup
    from .tasklist import Catalog
    from .vocab import Actor, Requirement, SortKey, Status


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'iprcheck' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
