from typer.testing import CliRunner

from iprcheck.cli import app

runner = CliRunner()


def test_validate_bundled_list() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "6 sections, 19 tasks, 46 measures" in result.output
