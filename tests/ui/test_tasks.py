"""The TaskRunner (ui/tasks.py): results, failures, progress and cancelling reach the GUI thread.

Signals from a task are connected before it starts (the submit() callbacks) or observed
through `handle.done`: a queued connection made after an emission never sees it.
"""
from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThread

from livestream_desk.services.errors import Cancelled
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait(5000)
    runner.deleteLater()


def test_success_arrives_on_the_gui_thread(qtbot, runner, qapp):
    seen = {}

    def work(context, a, b):
        seen["worker_thread"] = QThread.currentThread()
        return a + b

    def done(result):
        seen["result"] = result
        seen["callback_thread"] = QThread.currentThread()

    handle = runner.submit(work, 2, 3, on_success=done)
    assert runner.active() == 1
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen["result"] == 5
    assert seen["callback_thread"] is qapp.thread()
    assert seen["worker_thread"] is not qapp.thread()
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=2000)


def test_failure_is_delivered_with_its_traceback(qtbot, runner, qapp):
    failures = []

    def broken(context):
        raise RuntimeError("boom in the worker")

    def failed(exc):
        failures.append((exc, QThread.currentThread()))

    handle = runner.submit(broken, on_failure=failed, on_success=lambda _r: pytest.fail("no success expected"))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    (exc, thread), = failures
    assert isinstance(exc, RuntimeError)
    assert thread is qapp.thread()
    assert "boom in the worker" in exc.traceback_text
    assert "def broken" in exc.traceback_text or "broken" in exc.traceback_text


def test_failure_without_a_handler_is_logged(qtbot, runner, caplog):
    def broken(context):
        raise ValueError("nobody listens")

    with caplog.at_level(logging.ERROR):
        handle = runner.submit(broken)
        qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert "nobody listens" in caplog.text


def test_cancel_emits_cancelled_and_no_result(qtbot, runner):
    started = threading.Event()
    outcome = []

    def long_work(context):
        started.set()
        while True:
            context.raise_if_cancelled()
            QThread.msleep(5)

    handle = runner.submit(
        long_work,
        on_success=lambda r: outcome.append(("success", r)),
        on_failure=lambda e: outcome.append(("failure", e)),
        on_cancelled=lambda: outcome.append(("cancelled", None)),
    )
    assert started.wait(5)
    with qtbot.waitSignal(handle.signals.cancelled, timeout=5000):
        handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=2000)
    assert outcome == [("cancelled", None)]


def test_a_task_that_raises_cancelled_itself_counts_as_cancelled(qtbot, runner):
    def gives_up(context):
        raise Cancelled()

    cancelled = []
    handle = runner.submit(gives_up, on_cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert cancelled == [True]


def test_progress_reports_arrive_in_order(qtbot, runner):
    reports = []

    def counting(context):
        for done in range(1, 6):
            context.progress(done, 5)
        return "ok"

    handle = runner.submit(counting, on_progress=lambda done, total: reports.append((done, total)))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert reports == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_wait_blocks_until_every_task_is_done(qtbot, runner):
    finished = []

    def slow(context, n):
        QThread.msleep(50)
        finished.append(n)
        return n

    for n in range(4):
        runner.submit(slow, n)
    assert runner.wait(5000)
    assert sorted(finished) == [0, 1, 2, 3]
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=2000)
