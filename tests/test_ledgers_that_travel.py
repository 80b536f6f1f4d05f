"""Ledgers that travel: renamed copies, wrong clocks, several copies, the roster; a province that
starts from another's file, a reworded copy."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conftest import ok, run

if TYPE_CHECKING:
    from conftest import Cli

LEDGER = "iprcheck-ledger.jsonl"


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


# --- 1. a renamed ledger is still the ledger --------------------------------------------------


def test_a_renamed_ledger_in_the_folder_is_the_ledger(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省", "--province-type", "pilot")
    renamed = tmp_path / "浙江台账（王芳）.jsonl"
    (tmp_path / LEDGER).rename(renamed)
    assert "recorded 1: 13.2" in ok("mark", "13.2", "已完成")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        renamed.name
    ]
    assert lines(renamed)[-1]["obligation"] == "13.2"
    assert "Zhejiang" in ok("report")


def test_several_ledgers_in_a_folder_ask_for_ledger(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    shutil.copy(tmp_path / LEDGER, tmp_path / "iprcheck-ledger(1).jsonl")
    (tmp_path / LEDGER).rename(tmp_path / "浙江.jsonl")
    result = run("mark", "6", "done")
    assert result.exit_code == 1
    assert "several ledgers" in result.stderr and "--ledger" in result.stderr
    assert "浙江.jsonl" in result.stderr and "iprcheck-ledger(1).jsonl" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".jsonl") == [
        "iprcheck-ledger(1).jsonl",
        "浙江.jsonl",
    ]


def test_init_in_a_folder_with_a_renamed_ledger_makes_no_second_one(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    (tmp_path / LEDGER).rename(tmp_path / "old.jsonl")
    result = run("init", "--province", "浙江省")
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert not (tmp_path / LEDGER).exists()


def test_init_without_a_province_says_how_to_set_it_later() -> None:
    result = run("init")
    assert result.exit_code == 0
    assert "names no province" in result.stderr and "iprcheck profile" in result.stderr


# --- 3. wrong clocks never freeze an office ---------------------------------------------------


def test_a_merged_change_from_2199_stops_nobody(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    ok("mark", "6", "in-progress")
    theirs = tmp_path / "copy" / LEDGER
    theirs.parent.mkdir()
    shutil.copy(tmp_path / LEDGER, theirs)
    ok("--ledger", str(theirs), "mark", "7", "in-progress")
    records = theirs.read_text(encoding="utf-8").splitlines()
    change = json.loads(records[-1])
    change["at"] = "2199-01-01T09:00:00.000000+08:00"  # a PC whose clock is wildly wrong
    theirs.write_text("\n".join([*records[:-1], json.dumps(change)]) + "\n", encoding="utf-8")
    merged = run("merge", str(theirs))
    assert merged.exit_code == 0
    assert "7.2" in merged.stderr and "ahead" in merged.stderr
    assert "recorded 1" in ok("mark", "7", "done", "-e", "a.pdf")  # takes effect
    statuses = {r["id"]: r["status"] for r in json.loads(ok("list", "--format", "json"))}
    assert statuses["7.2"] == "done"
    assert "undid 1" in ok("undo")
    statuses = {r["id"]: r["status"] for r in json.loads(ok("list", "--format", "json"))}
    assert statuses["7.2"] == "in-progress"
    checked = run("check")
    assert "dated ahead" in checked.stdout and "7.2" in checked.stdout
    history = json.loads(ok("history", "--format", "json"))
    assert any(e["at"].startswith("2199-01-01") for e in history)  # shown as recorded


def test_copies_merged_either_way_end_in_one_state(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    theirs = tmp_path / "copy" / LEDGER
    theirs.parent.mkdir()
    shutil.copy(tmp_path / LEDGER, theirs)
    ok("mark", "6", "done", "-e", "a.pdf")
    ok("--ledger", str(theirs), "mark", "6", "blocked", "-n", "等批复")
    ok("--ledger", str(theirs), "assign", "8", "--owner", "运用处")
    mine = tmp_path / "mine.jsonl"
    shutil.copy(tmp_path / LEDGER, mine)
    ok("--ledger", str(mine), "merge", str(theirs))
    ok("--ledger", str(theirs), "merge", str(tmp_path / LEDGER))
    one = json.loads(ok("--ledger", str(mine), "list", "--format", "json"))
    two = json.loads(ok("--ledger", str(theirs), "list", "--format", "json"))
    assert one == two


# --- 4. several copies of one ledger are one ledger -------------------------------------------


def test_a_rollup_joins_a_stale_and_a_current_copy(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    (folder / "zj").mkdir(parents=True)
    current = folder / "zj" / "浙江省.jsonl"
    ok("--ledger", str(current), "init", "--province", "浙江省")
    ok("--ledger", str(current), "mark", "6", "done", "-e", "a.pdf")
    stale = folder / "浙江省(旧).jsonl"
    shutil.copy(current, stale)  # sent in June
    ok("--ledger", str(current), "mark", "7", "done", "-e", "b.pdf")
    ok("--ledger", str(stale), "mark", "8", "in-progress")  # written to after it was copied
    result = run("rollup", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (zj,) = data["provinces"]
    assert zj["copies"] == 2 and data["skipped"] == []
    assert zj["cells"]["6"] == zj["cells"]["7"] == "done" and zj["cells"]["8"] == "in-progress"
    table = run("rollup", str(folder)).stdout
    assert "1 of them copies" in table


def test_two_ledgers_of_one_province_count_the_newer_and_name_the_other(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    folder.mkdir()
    old, new = folder / "a.jsonl", folder / "b.jsonl"
    for path in (old, new):
        ok("--ledger", str(path), "init", "--province", "浙江省")
    ok("--ledger", str(old), "mark", "6", "done", "-e", "a.pdf")
    ok("--ledger", str(new), "mark", "7", "in-progress")  # later: the newer ledger
    result = run("rollup", str(folder), "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert [p["path"] for p in data["provinces"]] == [str(new)]
    (left,) = data["skipped"]
    assert left["path"] == str(old) and left["code"] == "duplicate"
    assert "counted the newer one" in left["reason"] and str(new) in left["reason"]


# --- 6. the roster ----------------------------------------------------------------------------


def test_the_rollup_knows_who_has_not_sent_a_ledger(tmp_path: Path) -> None:
    for name in ("浙江省", "江苏省"):
        ok("--ledger", str(tmp_path / "in" / f"{name}.jsonl"), "init", "--province", name)
    data = json.loads(ok("rollup", str(tmp_path / "in"), "--format", "json"))
    assert len(data["missing"]) == 30
    assert "浙江省" not in data["missing"] and "新疆生产建设兵团" in data["missing"]
    assert data["missing"][0] == "北京市"  # in the list's order


def test_a_change_today_is_not_dated_ahead(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    ok("mark", "6", "done", "-e", "a.pdf")
    assert "dated ahead" not in run("check").stdout
    soon = datetime.now().astimezone() + timedelta(hours=12)  # a clock a little fast: fine
    records = (tmp_path / LEDGER).read_text(encoding="utf-8").splitlines()
    change = json.loads(records[-1])
    change["at"] = soon.isoformat(timespec="microseconds")
    (tmp_path / LEDGER).write_text(
        "\n".join([*records[:-1], json.dumps(change)]) + "\n", encoding="utf-8"
    )
    assert "dated ahead" not in run("check").stdout


# --- 5. changes that change something ---------------------------------------------------------


def test_a_wrong_evidence_entry_can_be_removed_and_the_removal_undone() -> None:
    ok("init", "--province", "浙江省")
    ok("mark", "6", "done", "-e", "对的.pdf", "-e", "错的.pdf", "-n", "已完成预审")

    def item() -> dict[str, Any]:
        listed = json.loads(ok("list", "--format", "json"))
        return next(r for r in listed if r["id"] == "6.2")

    assert "recorded 1" in ok("mark", "6", "done", "--remove-evidence", "错的.pdf")
    assert item()["evidence"] == ["对的.pdf"] and item()["note"] == "已完成预审"
    ok("undo")
    assert item()["evidence"] == ["对的.pdf", "错的.pdf"]
    refused = run("mark", "6", "done", "--remove-evidence", "没有的.pdf")
    assert refused.exit_code == 1 and "no evidence '没有的.pdf'" in refused.stderr


def test_a_note_from_an_earlier_status_says_when_it_was_written(
    monkeypatch: Any, tmp_path: Path
) -> None:
    from iprcheck.ledger import ops

    clock = iter(
        f"2020-{month:02}-01T09:00:00.000000+08:00" for month in range(5, 13)
    )  # init in May, then one step a month
    monkeypatch.setattr(ops, "now", lambda: next(clock))
    ok("init", "--province", "浙江省")
    ok("mark", "6", "blocked", "-n", "采购已重启")
    ok("mark", "6", "in-progress")
    ok("mark", "6", "done", "-e", "验收.pdf")
    report = ok("report", "--as-of", "2020-09-30", "--format", "markdown")
    assert "采购已重启 (written 2020-06-01, before the status now)" in report


def test_a_profile_change_is_recorded_and_undone() -> None:
    """A province that becomes a pilot during the year: its obligations follow, and undo
    brings the old profile back."""
    ok("init", "--province", "浙江省")
    ok("mark", "13", "done", "-e", "a.pdf")
    every = len(json.loads(ok("list", "--format", "json")))
    assert "every province" in ok("profile")
    said = ok("profile", "--province-type", "pilot-leading")
    assert said.startswith("changed the ledger") and "leading-tier pilot" in said
    assert len(json.loads(ok("list", "--format", "json"))) > every
    assert "leading-tier pilot" in ok("report")
    assert "is so already" in ok("profile", "--province-type", "pilot-leading")
    history = json.loads(ok("history", "--format", "json"))
    assert history[-1]["kind"] == "profile" and history[-1]["obligation"] == ""
    assert "undid 1" in ok("undo")
    assert "leading-tier" not in ok("profile")
    assert len(json.loads(ok("list", "--format", "json"))) == every
    statuses = {r["id"]: r["status"] for r in json.loads(ok("list", "--format", "json"))}
    assert statuses["13.2"] == "done"  # history kept through both changes
    refused = run("profile", "--province", "火星省")
    assert refused.exit_code == 1 and "unknown province" in refused.stderr


# --- 2. a corrected task list keeps every ledger ----------------------------------------------

BUNDLED = Path(__file__).resolve().parents[1] / "src" / "iprcheck" / "data" / "tasks_2020.yaml"


def _list(tmp_path: Path, name: str, edit: tuple[str, str] | None) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    if edit:
        assert edit[0] in text
        text = text.replace(*edit)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_list_with_only_a_comment_more_is_the_same_list(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    ok("mark", "6", "done", "-e", "a.pdf")
    commented = _list(
        tmp_path, "commented.yaml", ("schema_version: 1", "# 审校稿\nschema_version: 1")
    )
    result = run("--tasks", str(commented), "report")
    assert result.exit_code == 0 and result.stderr == ""
    assert "recorded 1" in ok("--tasks", str(commented), "mark", "7", "done", "-e", "b.pdf")


def test_a_corrected_list_keeps_the_ledger_and_names_what_changed(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    ok("mark", "1", "done", "-e", "a.pdf")
    corrected = _list(tmp_path, "corrected.yaml", ("意見", "意见"))
    result = run("--tasks", str(corrected), "list", "--format", "json")
    assert result.exit_code == 0
    assert "changed these obligations" in result.stderr and "1.1, 1.2" in result.stderr
    statuses = {r["id"]: r["status"] for r in json.loads(result.stdout)}
    assert statuses["1.2"] == "done"  # its record is kept


def test_a_ledger_from_before_fingerprints_opens_with_a_corrected_list(tmp_path: Path) -> None:
    """Bound by the file's sha256 alone (older releases): the bundled list's past versions
    are known, so a correction still names what changed instead of refusing the ledger."""
    ok("init", "--province", "浙江省")
    header, *rest = (tmp_path / LEDGER).read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(header)
    del record["list"]["obligations"]
    (tmp_path / LEDGER).write_text(json.dumps(record, ensure_ascii=False) + "\n" + "".join(rest))
    corrected = _list(tmp_path, "corrected.yaml", ("意見", "意见"))
    result = run("--tasks", str(corrected), "report")
    assert result.exit_code == 0 and "1.1, 1.2" in result.stderr


def test_a_list_of_another_id_is_still_refused(tmp_path: Path) -> None:
    ok("init", "--province", "浙江省")
    other = _list(
        tmp_path, "other.yaml", ("id: cnipa-ip-high-quality-development-2020", "id: other-2021")
    )
    result = run("--tasks", str(other), "report")
    assert (
        result.exit_code == 1 and "another task list" in result.stderr or "tracks" in result.stderr
    )


def test_upgrade_binds_the_ledger_to_the_corrected_list_and_undo_binds_it_back(
    tmp_path: Path,
) -> None:
    ok("init", "--province", "浙江省")
    ok("mark", "1", "done", "-e", "a.pdf")
    corrected = str(_list(tmp_path, "corrected.yaml", ("意見", "意见")))
    before = (tmp_path / LEDGER).read_bytes()
    dry = run("--tasks", corrected, "upgrade", "--dry-run")
    assert dry.exit_code == 0 and "would bind" in dry.stdout and "1.2" in dry.stdout
    assert (tmp_path / LEDGER).read_bytes() == before
    done = run("--tasks", corrected, "upgrade")
    assert (
        done.exit_code == 0 and "bound the ledger" in done.stdout and "(2 obligation" in done.stdout
    )
    quiet = run("--tasks", corrected, "report")
    assert quiet.exit_code == 0 and quiet.stderr == ""  # bound to it now: nothing to say
    statuses = {
        r["id"]: r["status"] for r in json.loads(ok("--tasks", corrected, "list", "-f", "json"))
    }
    assert statuses["1.2"] == "done"  # history kept
    assert "nothing to do" in ok("--tasks", corrected, "upgrade")
    history = json.loads(ok("--tasks", corrected, "history", "--format", "json"))
    assert history[-1]["kind"] == "list"
    assert "undid 1" in ok("--tasks", corrected, "undo")
    assert "changed these obligations" in run("--tasks", corrected, "report").stderr
    assert run("report").stderr == ""  # bound to the bundled list again


# --- a province that starts from another's file; a reworded copy -------------------------------


def started(cli: Cli, folder: str, province: str, *marks: tuple[str, ...]) -> Path:
    path = Path(folder) / LEDGER
    cli.ok("--ledger", f"{folder}/", "init", "--province", province)
    for args in marks:
        cli.ok("--ledger", str(path), "mark", *args)
    return path


def rollup_json(cli: Cli, *paths: str) -> tuple[dict[str, dict[str, object]], str, int]:
    result = cli.run("rollup", *paths, "-f", "json")
    data = json.loads(result.stdout) if result.stdout else {"provinces": []}
    rows = {p["province"]: p for p in data["provinces"]}
    return rows, result.stderr, result.exit_code


def test_a_copied_template_is_two_units_each_counted_and_named(cli: Cli) -> None:
    zj = started(cli, "units/zj", "浙江省", ("1.2", "done", "-e", "浙知发〔2020〕1号"))
    gd = Path("units/gd") / LEDGER
    gd.parent.mkdir(parents=True)
    # Guangdong starts from Zhejiang's file and edits the province in its header.
    gd.write_text(zj.read_text(encoding="utf-8").replace("浙江省", "广东省", 1), encoding="utf-8")
    cli.ok("--ledger", str(gd), "mark", "2.2", "in-progress")
    rows, stderr, code = rollup_json(cli, "units")
    assert code == 0, stderr
    assert set(rows) == {"浙江省", "广东省"}
    assert rows["浙江省"]["mandatory"]["done"] == 1  # type: ignore[index]
    assert rows["广东省"]["mandatory"]["done"] == 1  # type: ignore[index]
    assert "浙江省" in stderr and "广东省" in stderr  # the shared id is named
    data = json.loads(cli.ok("rollup", "units", "-f", "json"))
    assert "广东省" not in data["missing"]


def test_a_reworded_copy_never_replaces_the_real_change(cli: Cli) -> None:
    real = started(cli, "gd", "广东省", ("1.2", "in-progress", "--note", "已部署"))
    copy = Path("mail") / "iprcheck-ledger(1).jsonl"
    copy.parent.mkdir()
    # The same record, reworded: the status claims done.
    text = real.read_text(encoding="utf-8")
    copy.write_text(text.replace('"in-progress"}', '"done"}'), encoding="utf-8")
    assert copy.read_text(encoding="utf-8") != text
    before = real.read_bytes()
    line = cli.refused("--ledger", str(real), "merge", str(copy))
    assert "1.2" in line
    assert real.read_bytes() == before
    started(cli, "zj", "浙江省")
    rows, stderr, code = rollup_json(cli, "mail", "gd", "zj")
    assert code == 3  # something left out, and said
    assert set(rows) == {"浙江省"}
    assert str(copy) in stderr and "1.2" in stderr


def test_copies_that_agree_are_still_one_ledger(cli: Cli) -> None:
    real = started(cli, "gd", "广东省", ("1.2", "done", "-e", "a.pdf"))
    Path("mail").mkdir()
    shutil.copy(real, Path("mail") / "copy.jsonl")
    cli.ok("--ledger", str(real), "mark", "2.2", "done", "-e", "b.pdf")
    rows, stderr, code = rollup_json(cli, "mail", "gd")
    assert code == 0, stderr
    assert rows["广东省"]["mandatory"]["done"] == 2  # type: ignore[index]
    assert rows["广东省"]["copies"] == 2
