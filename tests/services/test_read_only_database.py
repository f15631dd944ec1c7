"""Read-only databases: commands that only read open the file read-only and leave nothing
beside it; a write-protected file, folder or disk can still be reported, checked and exported.

The tests run as root here, where chmod does not stop writes; the permission tests then skip
(saying so), and read-only media are made with a read-only bind mount inside a private mount
namespace of the command's own (`unshare --mount`), which is gone when the command ends.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import OperationalError

from livestream_desk.cli import main
from livestream_desk.db import models, preflight
from livestream_desk.db.preflight import readonly_uri
from livestream_desk.services.database import open_for_reading, open_for_window, open_for_writing
from livestream_desk.services.errors import UserError
from tests.cli.conftest import REPO_ROOT, build_hand_db
from tests.cli.helpers import assert_one_line_error, digest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


@pytest.fixture
def shop(tmp_path) -> Path:
    (tmp_path / "shop").mkdir()
    path = build_hand_db(tmp_path / "shop" / "shop.sqlite3")
    assert side_files(path) == []  # closed cleanly: a WAL database with everything in the main file
    return path


# --- how read-only opening works ---------------------------------------------------------


def test_readonly_uri_is_immutable_only_without_a_wal_file(shop):
    assert readonly_uri(shop).endswith("?mode=ro&immutable=1")
    Path(f"{shop}-wal").write_bytes(b"")
    assert readonly_uri(shop).endswith("?mode=ro")


def test_read_only_database_refuses_writes_and_leaves_no_side_files(shop):
    database = open_for_reading(str(shop))
    try:
        assert database.readonly
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sales")).scalar() == 6
        with pytest.raises(OperationalError, match="readonly"):
            with database.engine.begin() as conn:
                conn.execute(insert(models.Host).values(name="不该写入"))
        assert side_files(shop) == []
    finally:
        database.dispose()
    assert side_files(shop) == []


def test_read_only_database_sees_commits_still_in_the_wal(shop):
    writer = sqlite3.connect(shop)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO hosts (name) VALUES ('在WAL里')")
        writer.commit()
        assert Path(f"{shop}-wal").stat().st_size > 0
        database = open_for_reading(str(shop))
        try:
            with database.engine.connect() as conn:
                names = conn.execute(text("SELECT name FROM hosts")).scalars().all()
        finally:
            database.dispose()
    finally:
        writer.close()
    assert "在WAL里" in names


def test_the_first_paint_figures_leave_no_side_files(shop):
    from livestream_desk.db.quick_figures import latest_month_figures

    assert latest_month_figures(shop) is not None
    assert side_files(shop) == []


@pytest.mark.parametrize("argv", [
    ["report", "monthly"],
    ["report", "monthly", "--format", "csv"],
    ["check"],
    ["export", "sales", "--to", "{out}/sales.csv"],
    ["export", "products", "--to", "{out}/products.xlsx"],
    ["export", "livestreams", "--to", "{out}/livestreams.csv"],
    ["export", "monthly", "--to", "{out}/monthly.csv"],
    ["import-products", "{products}", "--dry-run"],
])
def test_reading_commands_leave_the_database_and_its_folder_alone(argv, shop, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    products = tmp_path / "products.csv"
    products.write_text("商品名称,售价\n婺源皇菊,39.9\n", encoding="utf-8-sig")
    before = digest(shop)
    argv = [part.format(out=out, products=products) for part in argv]
    assert main(argv + ["--db", str(shop)]) == 0, capsys.readouterr().err
    assert digest(shop) == before
    assert side_files(shop) == []
    assert sorted(p.name for p in shop.parent.iterdir()) == ["shop.sqlite3"]


def test_dry_run_on_an_older_schema_leaves_nothing_beside_the_database(tmp_path, capsys):
    fixture = REPO_ROOT / "tests" / "fixtures" / "schema_0003_schedule_and_imports.sqlite3"
    old = tmp_path / "shop" / "old.sqlite3"
    old.parent.mkdir()
    shutil.copyfile(fixture, old)
    conn = sqlite3.connect(old)  # as the app left it: in WAL mode, everything in the main file
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    products = tmp_path / "products.csv"
    products.write_text("商品名称,售价\n婺源皇菊,39.9\n", encoding="utf-8-sig")
    before = digest(old)
    assert main(["import-products", str(products), "--dry-run", "--db", str(old)]) == 0, capsys.readouterr().err
    assert digest(old) == before
    assert sorted(p.name for p in old.parent.iterdir()) == ["old.sqlite3"]


def test_a_database_opened_read_only_by_the_window_when_it_cannot_be_written(shop, monkeypatch):
    monkeypatch.setattr(preflight, "read_only_reason", lambda path: "medium")
    database = open_for_window(str(shop))
    try:
        assert database.readonly
    finally:
        database.dispose()
    with pytest.raises(UserError) as caught:
        open_for_writing(str(shop))
    assert caught.value.code == "database.read_only"
    assert "read-only disk" in str(caught.value)
    assert side_files(shop) == []


def test_writing_commands_refuse_a_read_only_database_in_one_line(shop, monkeypatch, capsys):
    monkeypatch.setattr(preflight, "read_only_reason", lambda path: "folder")
    before = digest(shop)
    assert main(["demo", "--months", "2", "--sales", "20", "--db", str(shop)]) == 2
    assert_one_line_error(capsys.readouterr().err, str(shop), "read-only")
    assert digest(shop) == before


def test_an_older_schema_on_read_only_media_is_refused_with_a_reason(tmp_path, monkeypatch, capsys):
    fixture = REPO_ROOT / "tests" / "fixtures" / "schema_0003_schedule_and_imports.sqlite3"
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(fixture, old)
    monkeypatch.setattr(preflight, "read_only_reason", lambda path: "medium")
    before = digest(old)
    assert main(["report", "monthly", "--db", str(old)]) == 2
    assert_one_line_error(capsys.readouterr().err, "older schema", "read-only")
    assert digest(old) == before


# --- real read-only files, folders and disks ---------------------------------------------


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod does not stop root from writing "
                    "(the read-only disk test below covers a real refusal)")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_write_protected_file_or_folder_can_be_read(what, shop, tmp_path, capsys):
    target = shop if what == "file" else shop.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        assert main(["report", "monthly", "--format", "csv", "--db", str(shop)]) == 0
        assert main(["check", "--db", str(shop)]) == 0
        assert side_files(shop) == []
        assert main(["demo", "--months", "1", "--sales", "5", "--db", str(shop)]) == 2
        assert "read-only" in capsys.readouterr().err
    finally:
        target.chmod(mode)


def _can_bind_mount_read_only() -> bool:
    if not IS_ROOT or shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                           "mount -t tmpfs none /mnt 2>/dev/null || mount --bind / /mnt"],
                          capture_output=True, timeout=30)
    return done.returncode == 0


@pytest.mark.skipif(not _can_bind_mount_read_only(), reason="needs root and unshare/mount for a private read-only bind mount")
def test_database_on_a_read_only_disk_can_be_reported_checked_and_exported(shop, tmp_path, isolated_data_dir):
    mounted = tmp_path / "readonly-disk"
    mounted.mkdir()
    db = mounted / shop.name
    python = f"{sys.executable} -m livestream_desk"
    script = " && ".join([
        f"mount --bind -o ro {shop.parent} {mounted}",
        f"{python} report monthly --format csv --db {db} > {tmp_path}/report.csv",
        f"{python} check --db {db} > {tmp_path}/check.txt",
        f"{python} export sales --db {db} --to {tmp_path}/sales.csv > /dev/null",
        f"! {python} demo --months 1 --sales 5 --db {db} 2> {tmp_path}/demo.err",
        f"ls -a {mounted} > {tmp_path}/listing.txt",
    ])
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), LIVESTREAM_DESK_DATA_DIR=str(isolated_data_dir),
               LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    env.pop("LC_ALL", None)
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, timeout=180, env=env, cwd=str(REPO_ROOT))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.csv").read_text().startswith("month,livestreams,orders")
    assert "healthy" in (tmp_path / "check.txt").read_text()
    assert (tmp_path / "sales.csv").stat().st_size > 0
    assert "read-only disk" in (tmp_path / "demo.err").read_text()
    assert (tmp_path / "listing.txt").read_text().split() == [".", "..", "shop.sqlite3"]
