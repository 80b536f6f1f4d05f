"""Every (subject, format) pair is written or refused in one line: ``report`` and ``rollup`` write
every extension their ``--output`` lists, refuse any other naming only those, and no format a
command's ``--format`` offers, nor any file name, ever ends in a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import Cli
from report_ledger import AS_OF, build

from iprcheck.errors import IprcheckError
from iprcheck.output import SUFFIXES, Format, Subject, formats, guess, suffixes, writer

# Names a user might give that name no format iprcheck writes.
OTHER = ["x.pdf", "x.doc", "x.xls", "x.ods", "x.odt", "x.tar.gz", "x.DOCX.bak", "x.报告"]


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    return build(tmp_path)


@pytest.fixture
def folder(pilot: Path, tmp_path: Path) -> Path:
    """A folder of submissions: the pilot's ledger alone."""
    root = tmp_path / "submissions"
    root.mkdir()
    (root / "gd.jsonl").write_bytes(pilot.read_bytes())
    return root


def args_for(subject: Subject, folder: Path) -> list[str]:
    if subject is Subject.REPORT:
        return ["report", "--as-of", AS_OF]
    return ["rollup", str(folder)]


def readable(path: Path, fmt: Format) -> bool:
    """The file is what its extension says: a zip package for xlsx/docx, UTF-8 text else."""
    data = path.read_bytes()
    if fmt in (Format.XLSX, Format.DOCX):
        with zipfile.ZipFile(path) as z:
            part = "word/document.xml" if fmt is Format.DOCX else "xl/workbook.xml"
            return part in z.namelist()
    data.decode("utf-8")
    return bool(data)


@pytest.mark.parametrize("subject", [Subject.REPORT, Subject.ROLLUP])
def test_every_listed_extension_is_written(
    cli: Cli, subject: Subject, folder: Path, tmp_path: Path
) -> None:
    assert set(suffixes(subject)) == set(SUFFIXES)  # both write every format there is
    for suffix in suffixes(subject):
        out = tmp_path / f"out{suffix}"
        result = cli.run(*args_for(subject, folder), "--output", str(out), lang="zh")
        assert result.exit_code == 0, (suffix, result.output)
        assert "Traceback" not in result.output
        assert readable(out, SUFFIXES[suffix]), suffix


@pytest.mark.parametrize("subject", [Subject.REPORT, Subject.ROLLUP])
@pytest.mark.parametrize("name", OTHER)
def test_any_other_extension_is_refused_in_one_line(
    cli_zh: Cli, subject: Subject, name: str, folder: Path, tmp_path: Path
) -> None:
    line = cli_zh.refused(*args_for(subject, folder), "--output", str(tmp_path / name))
    assert "扩展名" in line and ".docx" in line and ".xlsx" in line
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("subject", [Subject.REPORT, Subject.ROLLUP])
def test_every_format_offered_is_written(
    cli: Cli, subject: Subject, folder: Path, tmp_path: Path
) -> None:
    for fmt in formats(subject):
        name = "terminal" if (subject, fmt) == (Subject.REPORT, Format.TEXT) else fmt.value
        out = tmp_path / f"by-format-{fmt.value}"
        result = cli.run(*args_for(subject, folder), "--format", name, "--output", str(out))
        assert result.exit_code == 0, (fmt, result.output)
        assert readable(out, fmt), fmt


@pytest.mark.parametrize("subject", [Subject.REPORT, Subject.ROLLUP])
def test_a_format_not_offered_is_a_usage_error(cli: Cli, subject: Subject, folder: Path) -> None:
    line = cli.refused(*args_for(subject, folder), "--format", "pdf", code=2)
    assert "pdf" in line


def test_every_pair_of_the_registry_has_a_writer_or_a_clear_refusal() -> None:
    """Through the library: a pair with a writer gives a function; any other pair an error
    naming the formats there are, in either language, never a KeyError."""
    for subject in Subject:
        for fmt in Format:
            if fmt in formats(subject):
                assert callable(writer(subject, fmt)), (subject, fmt)
                continue
            with pytest.raises(IprcheckError) as err:
                writer(subject, fmt)
            for lang in ("zh", "en"):
                text = err.value.render(lang)
                assert fmt.value in text and "\n" not in text
                assert all(f.value in text or f is Format.TEXT for f in formats(subject))


def test_guess_names_only_what_the_subject_has() -> None:
    assert guess(Path("汇总.docx"), Subject.ROLLUP) is Format.DOCX
    assert guess(Path("R.XLSX"), Subject.REPORT) is Format.XLSX
    assert guess(None, Subject.REPORT) is Format.TEXT
    assert guess(Path("report"), Subject.REPORT) is Format.TEXT
    with pytest.raises(IprcheckError) as err:
        guess(Path("h.csv"), Subject.TASK)  # a task page is text only
    assert ".csv" not in err.value.render("en").split(";", 1)[1]
