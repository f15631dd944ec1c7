"""Page operations (ui/operation.py): background work for a page, busy while it runs, errors
shown as known or as bugs, progress, cancel, and undo / redo steps that also run in the
background and move the stack only when they worked."""
from __future__ import annotations

import re
import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from livestream_desk.messages import Message, Problem, render
from livestream_desk.services.errors import Cancelled
from livestream_desk.ui.operation import PageOp, UndoableOp, UndoActions, redo_in_background, undo_in_background
from livestream_desk.ui.page import Page
from livestream_desk.ui.tasks import TaskRunner
from livestream_desk.ui.widgets.task_status import TaskStatus

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def page(qtbot, qapp):
    """A bare Page whose 'database' is a plain object: the ops hand it to the work as it is."""
    runner = TaskRunner()
    page = Page({"name": "the database"}, runner)
    qtbot.addWidget(page)
    page.set_active(True)
    yield page
    runner.cancel_all()
    runner.wait(5000)


def _boxes(page) -> list[QMessageBox]:
    return [box for box in page.findChildren(QMessageBox, "errorBox") if box.isVisible()]


def _close_boxes(page) -> None:
    for box in _boxes(page):
        box.close()


def test_success_runs_the_work_on_a_worker_and_the_callback_on_the_gui_thread(qtbot, page):
    seen = {}

    def work(db):
        seen["database"] = db
        seen["work_thread"] = QThread.currentThread()
        return 42

    def done(result):
        seen["result"] = result
        seen["callback_thread"] = QThread.currentThread()

    op = PageOp(page, work, success=done).run()
    assert page.is_busy() and op.is_running()
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["database"] is page.database
    assert seen["work_thread"] is not QApplication.instance().thread()
    assert seen["callback_thread"] is QApplication.instance().thread()
    assert not page.is_busy() and not op.is_running()


def test_a_known_error_is_shown_translated(qtbot, page):
    problem = Problem("common.file_missing", path="/tmp/货单.xlsx")

    def work(db):
        raise problem

    called = []
    PageOp(page, work, success=called.append, title="无法导入").run()
    qtbot.waitUntil(lambda: bool(_boxes(page)), timeout=5000)
    box = _boxes(page)[0]
    assert box.property("errorKind") == "known"
    assert box.windowTitle() == "无法导入"
    expected = render(Message("common.file_missing", path="/tmp/货单.xlsx"), QApplication.translate)
    assert box.text() == expected and "/tmp/货单.xlsx" in box.text()
    assert CJK.search(box.text().replace("货单", "")), box.text()  # the sentence itself is Chinese
    assert called == [] and not page.is_busy()
    _close_boxes(page)


def test_a_bug_is_shown_as_a_bug_with_its_traceback(qtbot, page):
    def work(db):
        return {}["missing"]

    PageOp(page, work).run()
    qtbot.waitUntil(lambda: bool(_boxes(page)), timeout=5000)
    box = _boxes(page)[0]
    assert box.property("errorKind") == "bug"
    assert "KeyError" in box.informativeText()
    assert "return {}[\"missing\"]" in box.detailedText()
    assert not page.is_busy()
    _close_boxes(page)


def test_a_failure_callback_replaces_the_box(qtbot, page):
    failures = []
    PageOp(page, lambda db: 1 / 0, failure=failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)
    assert _boxes(page) == []


def test_progress_reaches_the_page_and_the_status_bar_under_the_label(qtbot, page):
    status = TaskStatus(page.task_runner)
    qtbot.addWidget(status)
    release = threading.Event()
    reports = []

    def work(db, task):
        task.progress(1, 4)
        release.wait(10)
        task.progress(4, 4)
        return "done"

    results = []
    PageOp(page, work, with_task=True, progress=lambda done, total: reports.append((done, total)),
           success=results.append, label="正在导出商品…").run()
    assert status.label.text() == "正在导出商品…"
    qtbot.waitUntil(lambda: reports == [(1, 4)], timeout=5000)
    qtbot.waitUntil(lambda: status.bar.maximum() == 1000 and status.bar.value() == 250, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert reports == [(1, 4), (4, 4)]


def test_cancel_stops_the_work_and_calls_cancelled_not_success(qtbot, page):
    started = threading.Event()

    def work(db, task):
        started.set()
        while not task.cancelled():
            threading.Event().wait(0.01)
        raise Cancelled()

    outcome = []
    op = PageOp(page, work, with_task=True, success=lambda r: outcome.append("success"),
                cancelled=lambda: outcome.append("cancelled")).run()
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)
    assert not page.is_busy() and _boxes(page) == []


def test_the_page_is_busy_while_any_operation_runs(qtbot, page):
    first, second = threading.Event(), threading.Event()
    changes = []
    page.busyChanged.connect(changes.append)
    done = []
    PageOp(page, lambda db: first.wait(10), success=lambda r: done.append(1)).run()
    PageOp(page, lambda db: second.wait(10), success=lambda r: done.append(2)).run()
    assert page.busy_counter.count() == 2 and page.is_loading()
    first.set()
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    assert page.is_busy()  # the second still runs
    second.set()
    qtbot.waitUntil(lambda: done == [1, 2], timeout=5000)
    assert not page.is_busy()
    assert changes == [True, False]  # one busy span, not one per operation


def test_an_operation_runs_once(qtbot, page):
    op = PageOp(page, lambda db: None).run()
    with pytest.raises(RuntimeError):
        op.run()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)


# --- undoable operations -------------------------------------------------------------------


class Store:
    """A tiny 'database': a list of names, shared by the steps (they run on workers)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.lock = threading.Lock()
        self.refuse_undo = False
        self.thread_of_steps: set = set()

    def add(self, name: str) -> str:
        with self.lock:
            self.thread_of_steps.add(QThread.currentThread())
            self.names.append(name)
            return name

    def remove(self, name: str) -> dict:
        with self.lock:
            self.thread_of_steps.add(QThread.currentThread())
            if self.refuse_undo:
                raise Problem("common.deleted_meanwhile")
            self.names.remove(name)
            return {"removed": name}


def _add(page, stack, store, name, changed):
    return UndoableOp(page, stack, f"添加 {name}", do=lambda db: store.add(name),
                      undo=lambda db, added: store.remove(added),
                      redo=lambda db, snapshot: store.add(snapshot["removed"]),
                      changed=changed.append)


def test_undo_and_redo_run_in_the_background_and_pass_each_step_the_last_result(qtbot, page):
    store, stack, changed = Store(), QUndoStack(page), []
    actions = UndoActions(page, stack)
    _add(page, stack, store, "皇菊", changed).run()
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    assert store.names == ["皇菊"] and changed == ["皇菊"]
    assert actions.undo_action.isEnabled() and actions.undo_action.text() == "撤销 添加 皇菊(&U)"

    assert undo_in_background(page, stack) is not None
    assert not actions.undo_action.isEnabled()  # busy: one step at a time
    assert stack.index() == 1  # the stack moves only once the step worked
    qtbot.waitUntil(lambda: stack.index() == 0, timeout=5000)
    assert store.names == [] and changed[-1] == {"removed": "皇菊"}
    assert page.last_message == "已撤销：添加 皇菊"

    actions.redo_action.trigger()
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    assert store.names == ["皇菊"] and changed[-1] == "皇菊"
    assert page.last_message == "已重做：添加 皇菊"
    assert QApplication.instance().thread() not in store.thread_of_steps


def test_a_failed_undo_leaves_the_stack_where_it_was(qtbot, page):
    store, stack, changed = Store(), QUndoStack(page), []
    _add(page, stack, store, "脐橙", changed).run()
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    store.refuse_undo = True
    undo_in_background(page, stack)
    qtbot.waitUntil(lambda: bool(_boxes(page)), timeout=5000)
    box = _boxes(page)[0]
    assert box.windowTitle() == "无法撤销" and box.property("errorKind") == "known"
    assert stack.index() == 1 and stack.canUndo()
    assert store.names == ["脐橙"] and changed == ["脐橙"]
    _close_boxes(page)

    store.refuse_undo = False  # the cause went away: the same undo works now
    undo_in_background(page, stack)
    qtbot.waitUntil(lambda: stack.index() == 0, timeout=5000)
    assert store.names == []


def test_a_failed_do_pushes_nothing(qtbot, page):
    stack, failures = QUndoStack(page), []

    def refuse(db):
        raise Problem("common.deleted_meanwhile")

    UndoableOp(page, stack, "改名", do=refuse, undo=lambda db, r: None, failure=failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert stack.count() == 0 and not page.is_busy()


def test_undo_waits_while_the_page_is_busy(qtbot, page):
    store, stack, changed = Store(), QUndoStack(page), []
    _add(page, stack, store, "贡米", changed).run()
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    release = threading.Event()
    PageOp(page, lambda db: release.wait(10)).run()
    assert undo_in_background(page, stack) is None
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    assert stack.index() == 1 and store.names == ["贡米"]


def test_undo_actions_work_only_on_the_active_page(qtbot, page):
    store, stack, changed = Store(), QUndoStack(page), []
    actions = UndoActions(page, stack)
    _add(page, stack, store, "白莲", changed).run()
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    assert actions.undo_action.isEnabled()
    page.set_active(False)
    assert not actions.undo_action.isEnabled()
    page.set_active(True)
    assert actions.undo_action.isEnabled() and not actions.redo_action.isEnabled()
    assert actions.redo_action.text() == "重做(&R)"


def test_a_result_for_a_closed_page_is_dropped(qtbot, qapp):
    runner = TaskRunner()
    page = Page(None, runner)
    release, called = threading.Event(), []
    PageOp(page, lambda db: release.wait(10), success=called.append).run()
    shiboken6.delete(page)  # the user closed it while the work ran
    release.set()
    runner.wait(5000)
    qtbot.wait(50)  # the queued result arrives…
    assert called == []  # …and is dropped, without touching the deleted page
    runner.deleteLater()


def test_redo_defaults_to_doing_it_again(qtbot, page):
    stack, calls = QUndoStack(page), []
    UndoableOp(page, stack, "计数", do=lambda db: calls.append("do") or len(calls),
               undo=lambda db, r: calls.append("undo")).run()
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    redo_in_background(page, stack)  # nothing to redo yet
    undo_in_background(page, stack)
    qtbot.waitUntil(lambda: stack.index() == 0, timeout=5000)
    redo_in_background(page, stack)
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)
    assert calls == ["do", "undo", "do"]


def test_an_operation_cancelled_before_it_started_never_runs(qtbot, qapp):
    runner = TaskRunner(max_threads=1)
    page = Page(None, runner)
    qtbot.addWidget(page)
    release, ran, outcome = threading.Event(), [], []
    PageOp(page, lambda db: release.wait(10)).run()  # holds the only thread
    waiting = PageOp(page, lambda db: ran.append(1), cancelled=lambda: outcome.append("cancelled")).run()
    waiting.cancel()
    release.set()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)
    assert ran == [] and not page.is_busy()
    runner.wait(5000)
