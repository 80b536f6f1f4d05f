"""What the output pipeline says about a format itself (the files it writes are named in
``views``): a subject drawn in a format it has no writer for."""

MESSAGES: dict[str, tuple[str, str]] = {
    "output_no_writer": (
        "不能以 {format} 格式输出；可用：{valid}",
        "no {format} output for this; valid: {valid}",
    ),
}
