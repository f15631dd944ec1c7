"""The Settings page's "several PCs" box on a real PostgreSQL server (skipped without one):
测试连接 says what is wrong in plain words (never the password), the choice is saved for the
next start, and 复制本机数据到服务器 copies this PC's data into an empty server database once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from livestream_desk import config
from livestream_desk.db.engine import open_database
from livestream_desk.db.models import Sale
from livestream_desk.services import server, uow
from livestream_desk.ui.settings import SettingsPage
from livestream_desk.ui.tasks import TaskRunner
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()


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
        runner.wait(10_000)


def fill(box, address: server.ServerAddress) -> None:
    box.use_server.setChecked(True)
    box.host_edit.setText(address.host)
    box.port_spin.setValue(address.port)
    box.database_edit.setText(address.database)
    box.user_edit.setText(address.user)
    box.password_edit.setText(address.password)


def connection_result(qtbot, box) -> str:
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=15_000)
    return box.status_label.text()


def test_the_connection_test_explains_what_is_wrong(qtbot, make_page, db, pg_url):
    page = make_page(db)
    box = page.server_box
    assert box.use_file.isChecked() and not box.host_edit.isEnabled()  # nothing saved yet: this PC's file
    address = server.ServerAddress.from_url(pg_url)
    fill(box, address)
    assert box.password_edit.echoMode() == box.password_edit.EchoMode.Password

    assert "PostgreSQL" in connection_result(qtbot, box)  # connected, an empty database
    box.password_edit.setText("wrong-secret-42")
    text = connection_result(qtbot, box)
    assert "密码" in text and "wrong-secret-42" not in text
    box.password_edit.setText(address.password)
    box.database_edit.setText("ld_no_such_database")
    assert "ld_no_such_database" in connection_result(qtbot, box) and "不存在" in connection_result(qtbot, box)
    box.database_edit.setText(address.database)
    box.port_spin.setValue(1)
    text = connection_result(qtbot, box)
    assert "无法连接" in text and address.password not in text


def test_the_choice_is_saved_for_the_next_start(qtbot, make_page, db, pg_url):
    page = make_page(db)
    address = server.ServerAddress.from_url(pg_url)
    fill(page.server_box, address)
    qtbot.mouseClick(page.server_box.save_button, Qt.MouseButton.LeftButton)
    assert config.saved_database_url() == address.url()
    assert address.password not in page.server_box.status_label.text()
    again = make_page(db).server_box  # the next start shows the saved server
    assert again.use_server.isChecked() and again.host_edit.text() == address.host
    again.use_file.setChecked(True)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert config.saved_database_url() is None


def test_copy_this_pcs_data_to_an_empty_server_once(qtbot, make_page, demo_db, pg_url):
    page = make_page(demo_db)
    box = page.server_box
    address = server.ServerAddress.from_url(pg_url)
    fill(box, address)
    assert box.copy_button.isEnabled()

    def copy() -> str:
        qtbot.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: box.copy_question is not None and box.copy_question.isVisible())
        qtbot.mouseClick(box.copy_yes_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: box.save_button.isEnabled() and not page.is_busy(), timeout=60_000)
        return box.status_label.text()

    assert "已复制" in copy()
    copied = open_database(address.url(), create=False)
    try:
        with uow.reading(copied) as conn, uow.reading(demo_db) as local:
            count = select(func.count()).select_from(Sale)
            assert conn.execute(count).scalar_one() == local.execute(count).scalar_one() > 1000
    finally:
        copied.dispose()
    assert "已有数据" in copy()  # a second time: refused, nothing overwritten
