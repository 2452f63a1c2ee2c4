"""Writing outputs (issue 20, part 1): `-o` writes to its target, never replaces a device, FIFO or link,
keeps the last report until the new one is complete, and says what failed when the disk cannot take it."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist import output
from checklist.cli import app
from checklist.output import OutputError, is_temporary, write_output
from tests.support.cases import small_case

runner = CliRunner()


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind."""
    return sorted(name for name in os.listdir(folder) if is_temporary(name) or name.endswith(".tmp"))


def char_device(tmp_path: Path) -> Path:
    """A character device to write to: a private copy of /dev/null when root may make one, else /dev/null itself."""
    if hasattr(os, "mknod") and os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return device
    return Path(os.devnull)


class Fifo:
    """A FIFO with a reader thread that collects what is written to it."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as handle:
            self.data = handle.read()

    def collected(self) -> bytes:
        self.thread.join(timeout=20)
        return self.data


def full_disk(after: int = 0) -> Callable[[int, memoryview], int]:
    """An `os.write` that takes `after` bytes, then fails as a full disk does."""
    taken = {"bytes": 0}

    def write(fd: int, data: memoryview) -> int:
        if taken["bytes"] >= after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        count = min(len(data), after - taken["bytes"])
        taken["bytes"] += count
        return os.write(fd, data[:count])

    return write


# the helper ----------------------------------------------------------------------------------------------------------


def test_regular_file_is_replaced_whole_with_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    write_output(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_issue20_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.html"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "report.html"
    link.symlink_to(Path("reports") / "latest.html")
    write_output(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(Path("reports") / "latest.html")
    assert real.read_text() == "new"
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_issue20_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = Fifo(tmp_path / "pipe")
    write_output(fifo.path, b"through the pipe")
    assert fifo.collected() == b"through the pipe"
    assert stat.S_ISFIFO(os.lstat(fifo.path).st_mode)
    assert leftovers(tmp_path) == []


def test_issue20_char_device_stays_a_char_device(tmp_path: Path) -> None:
    device = char_device(tmp_path)
    write_output(device, b"discarded")
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    if device.parent == tmp_path:
        assert leftovers(tmp_path) == []


def test_issue20_full_disk_keeps_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("the last complete report")
    monkeypatch.setattr(output, "_write_all", full_disk(after=5))
    with pytest.raises(OutputError) as raised:
        write_output(target, "a new report, cut short by the full disk")
    assert "disk is full" in str(raised.value) and str(target) in str(raised.value)
    assert target.read_text() == "the last complete report"
    assert leftovers(tmp_path) == []


def test_issue20_full_disk_at_fsync_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many file systems only report a full disk when the data is flushed."""
    target = tmp_path / "report.html"
    target.write_text("kept")

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", fsync)
    with pytest.raises(OutputError, match="disk is full"):
        write_output(target, "new")
    assert target.read_text() == "kept" and leftovers(tmp_path) == []


@pytest.mark.parametrize("code,words", [(errno.EROFS, "read-only"), (errno.EACCES, "permission denied")])
def test_issue20_read_only_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "report.json").write_text("kept")
    if os.geteuid() != 0 and code == errno.EACCES:
        folder.chmod(0o555)  # a real read-only folder; root writes anyway, so it is simulated below
    else:
        real_open = os.open

        def refuse(path: object, flags: int, *args: object) -> int:
            if flags & os.O_CREAT:
                raise OSError(code, os.strerror(code), str(path))
            return real_open(path, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(output.os, "open", refuse)
    try:
        with pytest.raises(OutputError, match=words):
            write_output(folder / "report.json", "new")
    finally:
        folder.chmod(0o755)
    assert (folder / "report.json").read_text() == "kept" and leftovers(folder) == []


def test_failure_inside_the_block_removes_the_temporary(tmp_path: Path) -> None:
    with pytest.raises(ValueError), output.open_output(tmp_path / "x.pdf") as out:
        out.write(b"half")
        raise ValueError("stop")
    assert os.listdir(tmp_path) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_output(tmp_path, "x")


def test_web_files_replace_links_instead_of_following_them(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("untouched")
    link = tmp_path / "case.yaml"
    link.symlink_to(outside)
    write_output(link, "claims", follow=False)
    assert not link.is_symlink() and link.read_text() == "claims" and outside.read_text() == "untouched"


# every command that writes -------------------------------------------------------------------------------------------


def test_issue20_check_to_a_char_device_leaves_it_a_device(tmp_path: Path) -> None:
    case = small_case(tmp_path / "case")
    device = char_device(tmp_path)
    result = runner.invoke(app, ["check", str(case), "-f", "json", "-o", str(device)])
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_issue20_check_to_a_symlink_and_a_fifo(tmp_path: Path) -> None:
    case = small_case(tmp_path / "case")
    (tmp_path / "real.json").write_text("{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    result = runner.invoke(app, ["check", str(case), "-f", "json", "-o", str(tmp_path / "link.json")])
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "link.json").is_symlink() and '"schema_version": 1' in (tmp_path / "real.json").read_text()
    fifo = Fifo(tmp_path / "pipe")
    result = runner.invoke(app, ["check", str(case), "-f", "md", "-o", str(fifo.path)])
    assert result.exit_code in (0, 1), result.output
    assert fifo.collected().startswith(b"# CEC evidence check")
    assert leftovers(tmp_path) == []


def test_issue20_check_on_a_full_disk_keeps_the_last_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = small_case(tmp_path / "case")
    (case / "report.html").write_text("the last report")
    monkeypatch.setattr(output, "_write_all", full_disk(after=100))
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 2
    assert "disk is full" in result.output and "report.html" in result.output and "Traceback" not in result.output
    assert (case / "report.html").read_text() == "the last report"
    assert leftovers(case) == []


def test_issue20_batch_and_pack_write_through_links(tmp_path: Path) -> None:
    root = tmp_path / "clients"
    small_case(root / "farah")
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "index-target.html").write_text("old")
    (out / "index.html").symlink_to(tmp_path / "index-target.html")
    result = runner.invoke(app, ["batch", str(root), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert (out / "index.html").is_symlink() and "farah" in (tmp_path / "index-target.html").read_text()
    assert leftovers(out) == []


def test_issue20_pack_writes_through_a_link(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    case = small_case(tmp_path / "case")
    out = tmp_path / "upload"
    out.mkdir()
    name = "bow-valley-engineering-consultants-inc_2021-06-14_2023-11-30.pdf"
    (tmp_path / "kept.pdf").write_text("old")
    (out / name).symlink_to(tmp_path / "kept.pdf")
    result = runner.invoke(
        app, ["pack", str(case), "-o", str(out), "--force"]
    )  # the case has blockers; this test is about the link
    assert result.exit_code == 0, result.output
    assert (out / name).is_symlink() and (tmp_path / "kept.pdf").read_bytes().startswith(b"%PDF")
    assert leftovers(out) == []


def test_issue20_batch_on_a_read_only_output_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "clients"
    small_case(root / "farah")
    monkeypatch.setattr(output, "_write_all", full_disk())
    result = runner.invoke(app, ["batch", str(root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "disk is full" in result.output and "Traceback" not in result.output
    assert leftovers(tmp_path / "out") == []


def test_init_keeps_the_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "_write_all", full_disk(after=10))
    result = runner.invoke(app, ["init", str(tmp_path / "new")])
    assert result.exit_code == 2 and "disk is full" in result.output
    assert os.listdir(tmp_path / "new") == []


def test_issue20_a_new_write_removes_what_a_killed_run_left_for_the_same_target(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    stale = tmp_path / f".report.html{output.TEMP_MARK}deadbeef"
    stale.write_text("half a report from a killed run")
    then = time.time() - 3600
    os.utime(stale, (then, then))
    fresh = tmp_path / f".report.html{output.TEMP_MARK}0badcafe"  # another run writing now
    fresh.write_text("being written")
    write_output(target, "complete")
    assert target.read_text() == "complete" and not stale.exists() and fresh.exists()
