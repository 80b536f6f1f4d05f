"""The HTML report in a real browser: headless Chromium renders it, and we check what a reader
would see. CI installs Chromium with .ci/setup-browser; without a browser the test is skipped."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import runner
from report_ledger import AS_OF, CELL_NOTE, SCRIPT_NOTE, TOTALS, build

from iprcheck.cli import app

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((path for name in BROWSERS if (path := shutil.which(name))), None)

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium binary on PATH (CI installs one with .ci/setup-browser; "
    "locally: apt-get install chromium fonts-wqy-microhei)",
)


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                BROWSER,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--no-first-run",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=90,
            env={**os.environ, "HOME": profile},
        )


@pytest.fixture
def page(tmp_path: Path) -> Path:
    build(tmp_path)
    result = runner.invoke(
        # the office's own page: every part of it, the ledger check included
        app,
        ["--lang", "zh", "report", "--as-of", AS_OF, "--output", "report.html", "--internal"],
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "report.html"


def visible_text(dom: str) -> str:
    """The text of the rendered DOM with the markup removed (entities left as the browser
    serialised them, so escaped user input stays recognisable)."""
    dom = re.sub(r"<style.*?</style>", "", dom, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))


def test_chromium_renders_the_numbers_the_chart_and_user_text_as_text(page: Path) -> None:
    result = chromium("--dump-dom", page.as_uri())
    dom = result.stdout
    assert "</html>" in dom, result.stderr[-2000:]
    text = visible_text(dom)
    m, o = TOTALS["mandatory"], TOTALS["optional"]
    assert f"{m['done']}/{m['total']}" in text and f"{o['done']}/{o['total']}" in text
    assert f"{m['done'] * 100 // m['total']}%" in text
    for phrase in ("广东省", "还剩 92 天", "需要关注", "台账检查", "必做举措燃尽图"):
        assert phrase in text, phrase
    # the burndown chart was parsed as SVG, with both lines and a point per week
    chart = re.search(r'<svg id="burndown".*?</svg>', dom, flags=re.S)
    assert chart is not None
    assert chart.group(0).count("<polyline") == 2
    assert chart.group(0).count("<circle") == 2 * 18  # 17 whole weeks and the as-of day
    # the notes stayed text: no element came out of them
    assert "<script" not in dom and "<b>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;/td&gt;&lt;b&gt;bold&lt;/b&gt;" in dom
    assert SCRIPT_NOTE not in dom and CELL_NOTE not in dom


def test_chromium_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    result = chromium(
        "--hide-scrollbars", "--window-size=1200,2400", f"--screenshot={shot}", page.as_uri()
    )
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2400)
    assert len(data) > 50_000  # a blank page compresses to a few KB; a drawn one does not
