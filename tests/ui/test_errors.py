"""The error reporter: known errors are a plain message, anything else a bug report."""
from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from livestream_desk.db.errors import ForeignDatabase, NewerSchema, NotADatabase
from livestream_desk.domain.money import MoneyError
from livestream_desk.services.errors import UserError
from livestream_desk.ui.errors import (
    build_error_box,
    error_handler,
    install_excepthook,
    is_known_error,
    report_error,
)
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    "exc, chinese",
    [
        (UserError("common.cancelled"), "取消"),
        (NewerSchema("database.newer", path="shop.sqlite3", revision="9999"), "更新版本"),
        (MoneyError("money.not_an_amount", value="abc"), "abc"),
        (FileNotFoundError(2, "No such file or directory", "orders.xlsx"), "orders.xlsx"),
    ],
)
def test_known_errors_are_a_plain_message_in_chinese(parent, exc, chinese):
    assert is_known_error(exc)
    box = build_error_box(parent, exc)
    assert box.property("errorKind") == "known"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == ""
    assert chinese in box.text()


@pytest.mark.parametrize(
    "exc, explanation",
    [
        (NewerSchema("database.newer", path="shop.sqlite3", revision="9999"), "更新版本"),
        (ForeignDatabase("database.foreign", path="shop.sqlite3"), "别的程序"),
        (NotADatabase("database.not_sqlite", path="shop.sqlite3"), "恢复一份备份"),
    ],
)
def test_database_problems_are_explained_in_chinese(parent, exc, explanation):
    text = build_error_box(parent, exc).text()
    assert explanation in text and "shop.sqlite3" in text


def test_an_unknown_message_code_still_shows_something(parent):
    assert "no.such_code" in build_error_box(parent, UserError("no.such_code")).text()


@pytest.mark.parametrize("exc", [RuntimeError("unexpected"), KeyError("x"), OSError("no file name")])
def test_anything_else_is_a_bug_with_its_traceback(parent, exc, caplog):
    assert not is_known_error(exc)
    exc.traceback_text = "Traceback (most recent call last):\n  File 'worker.py'\nRuntimeError: unexpected\n"
    with caplog.at_level(logging.ERROR):
        box = report_error(parent, exc)
    assert box.property("errorKind") == "bug"
    assert box.icon() == QMessageBox.Icon.Critical
    assert "缺陷" in box.text()  # "this is a bug" in Chinese
    assert box.detailedText() == exc.traceback_text
    assert box.isVisible()  # opened without blocking
    assert "worker.py" in caplog.text
    box.close()


def test_a_bug_without_an_attached_traceback_gets_its_own(parent):
    try:
        {}["missing"]
    except KeyError as exc:
        box = build_error_box(parent, exc)
    assert "KeyError" in box.detailedText() and "test_errors.py" in box.detailedText()


def test_task_failures_reach_the_reporter_on_the_gui_thread(qtbot, parent):
    runner = TaskRunner()

    def broken(context):
        raise RuntimeError("worker bug")

    handle = runner.submit(broken, on_failure=error_handler(parent))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].property("errorKind") == "bug"
    assert "worker bug" in boxes[0].detailedText()
    boxes[0].close()
    runner.wait(5000)


def test_excepthook_reports_exceptions_from_slots(parent, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *args: pytest.fail("the default hook should not run"))
    install_excepthook(lambda: parent)
    try:
        raise ValueError("escaped from a slot")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "escaped from a slot" in boxes[0].detailedText()
    boxes[0].close()


# --- one classifier for the command line and the window ---------------------------------------------------------


def _known_and_bug_cases():
    import sqlite3

    from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

    from livestream_desk.domain.period import PeriodError
    from livestream_desk.services.errors import Cancelled

    return [
        (UserError("common.file_missing", path="a.csv"), True),
        (Cancelled(), True),
        (MoneyError("money.empty"), True),
        (PeriodError("period.empty_range"), True),
        (NotADatabase("database.missing", path="x.sqlite3"), True),
        (FileNotFoundError(2, "No such file or directory", "orders.xlsx"), True),
        (PermissionError(13, "Permission denied", "/shop/a.xlsx"), True),
        (OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked")), True),
        (sqlite3.DatabaseError("file is not a database"), True),
        (ArgumentError("Could not parse SQLAlchemy URL"), True),
        (OSError("no file name"), False),
        (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")), False),
        (sqlite3.ProgrammingError("closed"), False),
        (ValueError("plain ValueError"), False),
        (KeyError("x"), False),
        (RuntimeError("unexpected"), False),
    ]


@pytest.mark.parametrize("exc, known", _known_and_bug_cases(), ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else str(v))
def test_cli_and_window_classify_errors_alike(parent, exc, known):
    from livestream_desk.cli import known_error_message
    from livestream_desk.services import errors

    assert errors.is_known_error(exc) is known
    assert is_known_error(exc) is known  # the window's name for the same rule
    assert (known_error_message(exc, "shop.sqlite3", "zh_CN") is not None) is known
    box = build_error_box(parent, exc)
    assert box.property("errorKind") == ("known" if known else "bug")
    if known:
        # The same message, in the window's language (Chinese here) and the CLI's --lang zh_CN.
        assert box.text() == known_error_message(exc, None, "zh_CN")
