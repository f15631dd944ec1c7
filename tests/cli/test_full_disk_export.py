""".xlsx / CSV export to a full disk: one line on stderr, at once, nothing left behind.

The disk of the target folder is made "full" in a subprocess: files opened for writing
there fail with ENOSPC after a few KB (the temporary sheet openpyxl writes elsewhere
succeeds, as it does when only the USB stick or the target partition is full).
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from livestream_desk.services.tables import writer as table_writer
from livestream_desk.services.tables.reader import TableError
from livestream_desk.services.tables.writer import write_table

from .conftest import REPO_ROOT
from .helpers import assert_one_line_error

FULL_DISK_RUNNER = textwrap.dedent(
    """
    import errno, io, os, runpy, sys

    full_folder, allowed = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    real_open = io.open

    class FullDisk:
        def __init__(self, handle):
            self._handle, self._written = handle, 0
        def write(self, data):
            self._written += len(data)
            if self._written > allowed:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self._handle.write(data)
        def __getattr__(self, name):
            return getattr(self._handle, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self._handle.close()

    def open_on_a_full_disk(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if isinstance(file, (str, bytes, os.PathLike)) and any(m in mode for m in "wax+"):
            if os.path.dirname(os.path.abspath(os.fsdecode(file))) == full_folder:
                return FullDisk(handle)
        return handle

    io.open = open_on_a_full_disk
    import builtins
    builtins.open = open_on_a_full_disk
    sys.argv = ["livestream-desk"] + sys.argv[3:]
    runpy.run_module("livestream_desk", run_name="__main__")
    """
)


def run_on_a_full_disk(folder: Path, args: list[str], data_dir: Path):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), LIVESTREAM_DESK_DATA_DIR=str(data_dir),
               QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-c", FULL_DISK_RUNNER, str(folder), "4096", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env, cwd=str(REPO_ROOT))


@pytest.mark.parametrize("kind", ["sales", "products"])
def test_xlsx_export_to_a_full_disk_is_one_line(kind, demo_db, tmp_path, isolated_data_dir):
    path = demo_db.path
    demo_db.dispose()
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / f"{kind}.xlsx"
    done = run_on_a_full_disk(folder, ["export", kind, "--db", path, "--to", target], isolated_data_dir)
    assert done.returncode == 2, done.stderr
    assert "Exception ignored" not in done.stderr
    assert_one_line_error(done.stderr, str(target), os.strerror(28))
    assert list(folder.iterdir()) == []  # neither the target nor a temporary file


def test_a_full_disk_is_refused_before_any_row_is_read(tmp_path, monkeypatch):
    import shutil

    real = shutil.disk_usage
    monkeypatch.setattr(table_writer.shutil, "disk_usage", lambda folder: real(folder)._replace(free=0))

    def rows():
        raise AssertionError("rows were read for a file that cannot be written")
        yield  # pragma: no cover

    folder = tmp_path / "usb"
    folder.mkdir()
    for name in ("out.xlsx", "out.csv"):
        started = time.perf_counter()
        with pytest.raises(TableError) as caught:
            write_table(folder / name, ["a"], rows())
        assert time.perf_counter() - started < 1
        assert caught.value.code == "tables.cannot_write"
        assert str(folder / name) in str(caught.value)
    assert list(folder.iterdir()) == []
