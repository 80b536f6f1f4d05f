"""One domain error. The CLI prints it in the user's language and exits 1."""

from __future__ import annotations


class IprcheckError(Exception):
    """An error a user can act on. ``key`` names a message in ``i18n.MESSAGES``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        from .i18n import t

        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")


class CatalogError(IprcheckError):
    """A task list that cannot be used: each problem is (line, path, message)."""

    def __init__(self, path: str, problems: list[tuple[int | None, str, str]]) -> None:
        super().__init__("catalog_invalid", path=path, count=len(problems))
        self.path = path
        self.problems = problems

    def lines(self) -> list[str]:
        out = []
        for line, where, msg in self.problems:
            loc = f"{self.path}:{line}" if line else self.path
            out.append(f"{loc}: {where}: {msg}" if where else f"{loc}: {msg}")
        return out

    def render(self, lang: str) -> str:
        return "\n".join(self.lines())
