"""LatestLoad (ui/latest_load.py): of loads of one kind only the latest request's answer or
error reaches the page; superseded runs are cancelled (a queued one never runs), and the load
is busy from a run until the latest one answers."""
from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from livestream_desk.messages import Problem
from livestream_desk.ui.latest_load import LatestLoad
from livestream_desk.ui.page import Page
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot, qapp):
    """A bare Page whose 'database' is a plain object handed to the work as it is."""
    page = Page({"name": "the database"}, TaskRunner(max_threads=2))
    qtbot.addWidget(page)
    yield page
    page.task_runner.cancel_all()
    page.task_runner.wait(5000)


def _recorder(page, **kw):
    answers, errors, loading = [], [], []
    load = LatestLoad(page, success=answers.append, failure=errors.append, parent=page, **kw)
    load.loading_changed.connect(loading.append)
    return load, answers, errors, loading


def test_a_stale_answer_is_dropped_and_only_the_latest_is_shown(qtbot, page):
    load, answers, errors, loading = _recorder(page)
    release, started = threading.Event(), threading.Event()

    def slow(db):
        started.set()
        release.wait(10)  # ignores cancel: it answers after the newer request
        return "old"

    load.run(slow)
    assert started.wait(5)
    assert load.is_loading() and loading == [True]
    load.run(lambda db: db["name"])  # the page's database reaches the work
    qtbot.waitUntil(lambda: answers == ["the database"], timeout=5000)
    assert not load.is_loading() and loading == [True, False]
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)  # the old answer arrived…
    qtbot.wait(20)
    assert answers == ["the database"] and errors == []  # …and was dropped
    assert loading == [True, False] and load.requests_sent == 2


def test_busy_until_the_latest_answers_even_when_an_older_one_answers_first(qtbot, page):
    load, answers, _errors, loading = _recorder(page)
    first_done, release = threading.Event(), threading.Event()
    load.run(lambda db: first_done.set() or "first")
    assert first_done.wait(5)
    load.run(lambda db: release.wait(10) and "second")
    qtbot.waitUntil(lambda: page.busy_counter.count() == 1, timeout=5000)  # the first has answered
    assert answers == [] and load.is_loading() and loading == [True]
    release.set()
    qtbot.waitUntil(lambda: answers == ["second"], timeout=5000)
    assert loading == [True, False] and not load.is_loading()


def test_a_superseded_request_that_has_not_started_never_runs(qtbot, qapp):
    runner = TaskRunner(max_threads=1)
    page = Page(None, runner)
    qtbot.addWidget(page)
    load, answers, _errors, _loading = _recorder(page)
    release, ran = threading.Event(), []
    load.run(lambda db: release.wait(10) and "holds the only thread")
    load.run(lambda db: ran.append("queued") or "queued")  # waits for the thread…
    load.run(lambda db: "latest")  # …and is cancelled by this one
    release.set()
    qtbot.waitUntil(lambda: answers == ["latest"], timeout=5000)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    assert ran == [] and not load._ops  # nothing left to cancel
    runner.wait(5000)


def test_the_latest_error_is_reported_and_a_stale_one_dropped(qtbot, page):
    load, answers, errors, loading = _recorder(page)
    release, started = threading.Event(), threading.Event()

    def stale_failure(db):
        started.set()
        release.wait(10)
        raise Problem("common.deleted_meanwhile")

    load.run(stale_failure)
    assert started.wait(5)  # running: the cancel cannot stop it
    load.run(lambda db: 1 / 0)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError) and loading == [True, False]
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    qtbot.wait(20)
    assert len(errors) == 1 and answers == [] and not load.is_loading()
    load.run(lambda db: "again")  # a failure does not stop the next request
    qtbot.waitUntil(lambda: answers == ["again"], timeout=5000)
    assert loading == [True, False, True, False]


def test_without_a_failure_callback_the_error_is_shown_under_the_title(qtbot, page):
    answers = []
    load = LatestLoad(page, success=answers.append, title="无法显示", parent=page)
    def work(db):
        raise Problem("common.deleted_meanwhile")

    load.run(work)
    qtbot.waitUntil(lambda: bool(page.findChildren(QMessageBox, "errorBox")), timeout=5000)
    box = page.findChildren(QMessageBox, "errorBox")[0]
    assert box.windowTitle() == "无法显示" and box.property("errorKind") == "known"
    assert answers == [] and not load.is_loading()
    box.close()


def test_an_answer_after_the_owner_closed_is_dropped(qtbot, page):
    owner = Page(None, page.task_runner)  # e.g. a dialog that owns the load; the page lives on
    answers, release = [], threading.Event()
    load = LatestLoad(page, success=answers.append, parent=owner)
    started = threading.Event()
    load.run(lambda db: started.set() or release.wait(10) and "late")
    assert started.wait(5)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    qtbot.wait(20)
    assert answers == []
