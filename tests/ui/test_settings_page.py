"""The Settings page: what it shows about the database, backups, the data folder, the language."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from livestream_desk import i18n
from livestream_desk.services.errors import Cancelled
from livestream_desk.ui.settings import SettingsPage
from livestream_desk.ui.settings.backup import run_backup
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def make_page(qtbot):
    runners = []

    def make(database):
        runner = TaskRunner()
        runners.append(runner)
        page = SettingsPage(database, runner)
        qtbot.addWidget(page)
        page.show()
        return page

    yield make
    for runner in runners:
        runner.wait(5000)


def test_shows_where_and_what_the_database_is(qtbot, make_page, sales_db, isolated_data_dir):
    page = make_page(sales_db)
    assert page.location_label.fullText() == str(sales_db.path)
    assert page.kind_label.text() == "本机文件"
    number = int(sales_db.revision.split("_")[0])
    assert page.revision_label.text() == f"数据库版本 {number}"  # not the migration id
    assert page.revision_label.toolTip() == sales_db.revision  # which stays at hand for support
    assert page.database_folder_label.fullText() == str(sales_db.path.resolve().parent)
    assert page.size_label.text().endswith(("kB", "MB", "字节", "bytes"))
    assert page.data_folder_label.fullText() == str(isolated_data_dir)
    assert page.backup_button.isEnabled()
    assert "备份" in page.backup_hint.text()


def test_open_data_folder_uses_the_desktop(qtbot, make_page, db, isolated_data_dir, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    page = make_page(db)
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [isolated_data_dir]


def test_open_folder_shows_the_folder_of_the_database_actually_open(qtbot, make_page, tmp_path, monkeypatch):
    from livestream_desk.db.engine import open_database

    elsewhere = tmp_path / "店里的账" / "shop.sqlite3"
    elsewhere.parent.mkdir()
    database = open_database(elsewhere)
    try:
        opened = []
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
        page = make_page(database)
        assert page.database_folder_label.fullText() == str(elsewhere.parent.resolve())
        assert page.open_database_folder_button.text() == "打开文件夹"
        qtbot.mouseClick(page.open_database_folder_button, Qt.MouseButton.LeftButton)
        assert [Path(url.toLocalFile()) for url in opened] == [elsewhere.parent.resolve()]
    finally:
        database.dispose()


@pytest.mark.parametrize(
    "revision, number", [("0002_product_search", 2), ("0004_product_keys", 4), (None, None), ("", None)]
)
def test_version_number_of_a_migration(revision, number):
    from livestream_desk.ui.settings.page import version_number

    assert version_number(revision) == number


def test_language_choice_is_saved_for_the_next_start(qtbot, make_page, db):
    page = make_page(db)
    assert page.selected_language() == i18n.CHINESE
    assert "下次启动" in page.language_note.text()
    with qtbot.waitSignal(page.languageChanged) as signal:
        page.language_combo.setCurrentIndex(page.language_combo.findData(i18n.ENGLISH))
    assert signal.args == [i18n.ENGLISH]
    assert QSettings().value(i18n.LANGUAGE_SETTING) == "en"
    assert i18n.resolve_language(None) == i18n.ENGLISH  # what the next start will use
    assert i18n.resolve_language("zh_CN") == i18n.CHINESE  # the command line still wins
    # The running window keeps its language until then.
    assert page.kind_label.text() == "本机文件"


def _tables_and_sales(path: Path) -> tuple[set[str], int]:
    conn = sqlite3.connect(path)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        (count,) = conn.execute("SELECT count(*) FROM sales").fetchone()
        return tables, count
    finally:
        conn.close()


def test_back_up_now_copies_the_database(qtbot, make_page, sales_db, tmp_path, monkeypatch):
    page = make_page(sales_db)
    target = tmp_path / "usb" / "店铺备份"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    with qtbot.waitSignal(page.backup.finished, timeout=10_000) as signal:
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
        assert not page.backup_button.isEnabled()  # one backup at a time
    written = signal.args[0]
    assert written == target.with_suffix(".sqlite3")
    assert written.read_bytes()[:16] == b"SQLite format 3\x00"
    tables, sales = _tables_and_sales(written)
    assert {"sales", "products", "livestreams", "alembic_version"} <= tables
    assert sales == _tables_and_sales(sales_db.path)[1] > 0
    assert page.backup_button.isEnabled()
    box = page.findChild(QMessageBox, "backupDoneBox")
    assert box is not None and box.isVisible() and str(written) in box.text()
    box.close()


def test_backup_refuses_to_overwrite_the_database_itself(qtbot, make_page, db, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "livestream_desk.ui.settings.backup.report_error", lambda parent, exc, *a, **k: shown.append(exc)
    )
    page = make_page(db)
    assert page.start_backup(db.path) is None
    assert len(shown) == 1 and shown[0].code == "backup.target_is_database"
    from livestream_desk.ui.errors import error_message

    assert "别的文件" in error_message(shown[0])  # shown in the window's language


def test_a_cancelled_backup_leaves_no_file(db, tmp_path):
    class Context:
        def progress(self, done, total):
            pass

        def cancelled(self):
            return True

    target = tmp_path / "backup.sqlite3"
    with pytest.raises(Cancelled):
        run_backup(Context(), db, target)
    assert not target.exists()
    assert not list(tmp_path.glob("*.partial"))


def test_backup_is_disabled_with_a_reason_for_postgresql(make_page, db):
    server = replace(db, url="postgresql+psycopg://shop:secret@192.168.1.10/shop", path=None)
    page = make_page(server)
    assert not page.backup_button.isEnabled()
    assert "pg_dump" in page.backup_hint.text()
    assert page.kind_label.text() == "服务器 192.168.1.10"
    assert "PostgreSQL" in page.kind_label.toolTip()
    assert "secret" not in page.location_label.fullText()
    assert page.database_folder_label.isHidden() and page.open_database_folder_button.isHidden()
    assert page.start_backup() is None


def test_the_location_is_readable_in_the_window(qtbot, window_factory, sales_db):
    from livestream_desk.ui.screenshot import wait_until_idle

    window = window_factory(sales_db)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("settings")
    assert wait_until_idle(window)
    label = page.location_label
    assert label.text() == str(sales_db.path)
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())  # not squeezed away
