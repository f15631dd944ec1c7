"""uow installs the engine's listeners (change notices, row versions) before the first unit of
work of any kind, once: never later, while another thread may be dispatching the same events
(SQLAlchemy's registration is not safe against that: "deque mutated during iteration")."""
from __future__ import annotations

import threading

from sqlalchemy import text

from livestream_desk.services import uow


def _listener_counts(engine) -> tuple[int, int, int]:
    dispatch = engine.dispatch
    return len(dispatch.begin), len(dispatch.before_cursor_execute), len(dispatch.before_execute)


def test_a_first_read_installs_what_a_later_write_needs(db):
    before = _listener_counts(db.engine)
    with uow.reading(db) as conn:
        conn.execute(text("SELECT 1"))
    after_read = _listener_counts(db.engine)
    assert after_read != before  # installed by the read
    with uow.writing(db) as session:
        session.execute(text("SELECT 1"))
    assert _listener_counts(db.engine) == after_read  # the write added nothing


def test_threads_starting_together_install_them_once(db):
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            start.wait()
            if index % 2:
                with uow.reading(db) as conn:
                    conn.execute(text("SELECT 1"))
            else:
                with uow.writing(db) as session:
                    session.execute(text("SELECT 1"))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = _listener_counts(db.engine)
    with uow.writing(db) as session:
        session.execute(text("SELECT 1"))
    assert _listener_counts(db.engine) == counts
