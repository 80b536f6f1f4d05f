"""The help's own words: its headings and the line under it. Each command's help in Chinese is
in ``help_zh``; in English it is the command's docstring and its options' help, in the code."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help_usage": ("用法：", "Usage: "),
    "help_arguments": ("要写的内容", "Arguments"),
    "help_options": ("选项", "Options"),
    "help_commands": ("命令", "Commands"),
    "help_everyday": ("日常工作", "Everyday work"),
    "help_other": ("其他", "Other commands"),
    "help_global": (
        "通用选项（写在命令之前或之后均可）",
        "Options of every command (before it or after it)",
    ),
    "help_examples": ("示例", "Examples"),
    "help_more": (
        "每个命令的详细用法：iprcheck 命令 -h，如 iprcheck mark -h",
        "A command's own help: iprcheck COMMAND -h, e.g. iprcheck mark -h",
    ),
}
