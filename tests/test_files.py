"""The one safe writer: atomic, mode-keeping, through symlinks, and locked per folder."""

import multiprocessing
import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from pk.files import LOCK_FILE, WriteFailed, locked, write_atomic


def test_replaces_the_content_and_keeps_the_mode(tmp_path: Path) -> None:
    file = tmp_path / "realisasi.yaml"
    file.write_bytes(b"old\n")
    file.chmod(0o640)
    write_atomic(file, b"new\r\n")
    assert file.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(file.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["realisasi.yaml"]


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out" / "capaian.html", b"<p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out" / "capaian.html").stat().st_mode) == 0o644


def test_through_a_symlink_the_linked_file_is_written(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "realisasi.yaml"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    link = tmp_path / "realisasi.yaml"
    link.symlink_to(real)
    write_atomic(link, b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"


def test_a_failed_write_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "perjanjian.yaml"
    file.write_bytes(b"old\n")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteFailed, match="perjanjian.yaml: cannot write here"):
        write_atomic(file, b"new\n")
    assert file.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["perjanjian.yaml"]


def _add_one(folder: str, start: Any) -> None:
    """Read a counter, wait a little, write it back plus one: loses updates without the lock."""
    file = Path(folder) / "counter"
    start.wait()
    for _ in range(25):
        with locked(Path(folder)):
            value = int(file.read_text())
            time.sleep(0.002)
            write_atomic(file, str(value + 1).encode())


def test_two_writers_under_the_lock_lose_nothing(tmp_path: Path) -> None:
    (tmp_path / "counter").write_text("0")
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    workers = [context.Process(target=_add_one, args=(str(tmp_path), start)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert (tmp_path / "counter").read_text() == "50"
    assert not (tmp_path / LOCK_FILE).exists()  # no litter in the planner's folder
