"""Live refresh: what other PCs (or other windows) change shows here within seconds.

`LiveRefresh(database)` emits `areasChanged(frozenset)` with the areas (services.changes.AREAS:
catalogue, schedule, sales, targets) that someone else changed; the main window hands them
to the pages that show those areas (Page.data_changed), which reload at once when on screen
and otherwise when next shown.

- PostgreSQL: a QThread holds its own psycopg connection, LISTENs and waits for NOTIFYs
  (services.changes.ServerListener); it never touches widgets, only emits a queued signal,
  and reconnects after RECONNECT_S when the server goes away.
- SQLite: a QTimer every POLL_MS, running only while the application is active (nobody
  looks at a window in the background; it catches up the moment it is activated again),
  asks `PRAGMA data_version` and reads the few counters only when it moved (≈ 20 µs).
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject, QThread, QTimer, Qt, Signal
from PySide6.QtGui import QGuiApplication

from ..services import changes

if TYPE_CHECKING:
    from ..db.engine import Database

log = logging.getLogger(__name__)

POLL_MS = 2000
WAIT_S = 0.5  # how long the listener blocks before it checks whether it should stop
RECONNECT_S = 10


class _ServerListenThread(QThread):
    """Waits for the server's NOTIFYs; emits the areas other windows changed."""

    heard = Signal(object)  # frozenset[str]

    def __init__(self, database: "Database", parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._url = database.engine.url.render_as_string(hide_password=False)
        self._engine = database.engine

    def run(self) -> None:
        listener = None
        while not self.isInterruptionRequested():
            try:
                if listener is None:
                    listener = changes.ServerListener(self._url, self._engine)
                    self.heard.emit(changes.ALL_AREAS)  # missed while (re)connecting: catch up
                areas = listener.wait(WAIT_S)
                if areas:
                    self.heard.emit(areas)
            except Exception as exc:  # noqa: BLE001 - the server went away: try again later
                log.warning("live refresh: lost the database server (%s); retrying in %d s",
                            type(exc).__name__, RECONNECT_S)
                if listener is not None:
                    try:
                        listener.close()
                    except Exception:  # noqa: BLE001
                        pass
                    listener = None
                for _ in range(int(RECONNECT_S / 0.1)):
                    if self.isInterruptionRequested():
                        break
                    self.msleep(100)
        if listener is not None:
            listener.close()


class LiveRefresh(QObject):
    """Tells the window which areas changed elsewhere (see the module docstring)."""

    areasChanged = Signal(object)  # frozenset[str]

    def __init__(self, database: "Database", parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.database = database
        self._poller: Optional[changes.FileChangePoller] = None
        self._thread: Optional[_ServerListenThread] = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll_now)

    def start(self) -> None:
        if self.database.is_sqlite and self.database.path is not None:
            try:
                self._poller = changes.FileChangePoller(self.database.path, self.database.engine)
            except Exception as exc:  # noqa: BLE001 - no live refresh is better than no window
                log.warning("live refresh is off: %s", exc)
                return
            app = QGuiApplication.instance()
            if app is not None:
                app.applicationStateChanged.connect(self._application_state_changed)
                self._application_state_changed(QGuiApplication.applicationState())
            else:
                self._timer.start()
        elif self.database.engine.dialect.name == "postgresql":
            self._thread = _ServerListenThread(self.database, self)
            self._thread.heard.connect(self._heard, Qt.ConnectionType.QueuedConnection)
            self._thread.start()

    def is_polling(self) -> bool:
        return self._timer.isActive()

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.poll_now()  # catch up at once on coming back
            self._timer.start()
        else:
            self._timer.stop()

    def poll_now(self) -> frozenset:
        """Ask the SQLite file now (the timer does every POLL_MS); the areas reported."""
        if self._poller is None:
            return frozenset()
        try:
            areas = self._poller.poll()
        except Exception as exc:  # noqa: BLE001 - the file went away for a moment: next time
            log.debug("live refresh poll failed: %s", exc)
            return frozenset()
        if areas:
            self.areasChanged.emit(areas)
        return areas

    def _heard(self, areas) -> None:
        self.areasChanged.emit(frozenset(areas))

    def stop(self) -> None:
        self._timer.stop()
        if self._poller is not None:
            self._poller.close()
            self._poller = None
        if self._thread is not None:
            thread, self._thread = self._thread, None
            thread.heard.disconnect()
            thread.requestInterruption()
            if not thread.wait(int((WAIT_S + 2) * 1000)):
                # still connecting to an unreachable server: let it finish on its own rather
                # than destroy a running thread (which aborts the process)
                thread.setParent(None)
                _finishing.append(thread)
                thread.finished.connect(lambda t=thread: _finishing.remove(t) if t in _finishing else None)


_finishing: list = []  # listener threads asked to stop that have not yet ended


__all__ = ["LiveRefresh", "POLL_MS"]
