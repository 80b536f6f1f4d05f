"""One domain error. The CLI prints it in the user's language and exits 1."""

from __future__ import annotations

from typing import TypeAlias

from .i18n import t


class Msg:
    """A message not yet put into words: a key in ``i18n.MESSAGES`` and its parameters."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        params = {k: _in(lang, v) for k, v in self.params.items()}
        value = params.get("value")
        # What the user typed, quoted back: a pasted page of text must not become the message.
        if isinstance(value, str) and len(value) > 60:
            params["value"] = value[:57] + "…"
        return t(self.key, lang, **params)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        args = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"Msg({self.key!r}{args})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Msg):
            return NotImplemented
        return (self.key, self.params) == (other.key, other.params)

    __hash__ = None  # type: ignore[assignment]  # params may hold lists


class Listed(tuple[str, ...]):
    """Ids or names for a message, listed as each language lists them: 6.2、7.2 in Chinese,
    6.2, 7.2 in English."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        return ("、" if lang == "zh" else ", ").join(self)


def _in(lang: str, value: object) -> object:
    """A parameter put into words: a message within a message, the system's reason, a list."""
    if isinstance(value, Msg | Listed):
        return value.render(lang)
    if isinstance(value, OSError):
        return os_reason(value, lang)
    return value


def os_reason(exc: OSError, lang: str) -> str:
    """Why the system refused, in the user's language: the OS says it in English only."""
    import errno

    if lang == "zh":
        zh = {
            errno.ENOENT: "文件或文件夹不存在",
            errno.EACCES: "没有权限",
            errno.EPERM: "没有权限",
            errno.ENOSPC: "磁盘空间不足",
            errno.EROFS: "文件系统为只读",
            errno.EISDIR: "这是一个文件夹",
            errno.ENOTDIR: "路径中有一段不是文件夹",
            errno.ENAMETOOLONG: "文件名过长",
            errno.EIO: "读写出错（I/O 错误）",
            errno.EBUSY: "文件正被占用",
            errno.EEXIST: "文件已存在",
        }.get(exc.errno or 0)
        if zh:
            return zh
    return exc.strerror or str(exc)


# One problem in a task list: its line (None: the whole file), its dotted path ("" for none) and
# what is wrong. A plain string is printed as it is, in every language.
Problem: TypeAlias = tuple[int | None, str, Msg | str]


class IprcheckError(Exception):
    """An error a user can act on. ``key`` names a message in ``i18n.MESSAGES``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.message = Msg(key, **params)

    @property
    def key(self) -> str:
        return self.message.key

    @property
    def params(self) -> dict[str, object]:
        return self.message.params

    def render(self, lang: str) -> str:
        return self.message.render(lang)

    def __str__(self) -> str:
        return self.render("en")


class CatalogError(IprcheckError):
    """A task list that cannot be used: each problem is (line, path, message)."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__("catalog_invalid", path=path, count=len(problems))
        self.path = path
        self.problems = problems

    def lines(self, lang: str = "en") -> list[str]:
        """One ``file:LINE: path: message`` line per problem, in ``lang``."""
        out = []
        for line, where, msg in self.problems:
            text = msg if isinstance(msg, str) else msg.render(lang)
            loc = f"{self.path}:{line}" if line else self.path
            out.append(f"{loc}: {where}: {text}" if where else f"{loc}: {text}")
        return out

    def render(self, lang: str) -> str:
        return "\n".join(self.lines(lang))
