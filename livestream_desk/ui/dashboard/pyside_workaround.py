"""Work around a reference-counting bug of PySide6 6.12.0 on CPython < 3.12.

`SignalInstance.emit()` returns `True` without taking a reference to it, so every signal
emitted from Python code (ours, the TaskRunner's, pyqtgraph's mouse moves…) drops one
reference to the `True` singleton. After a few hundred emits CPython frees `True` and the
process dies at some later, unrelated moment ("bool_dealloc: deallocating True or False",
or a segfault in QObject::~QObject while processing deferred deletes).

CPython 3.12 made True/False immortal, where this is harmless. `apply()` detects the bug
with one probe emit and, only when it is present, gives True and False a reference count so
large it can never reach zero (which is what immortality means). Idempotent and cheap;
call it once at start-up, before signals fly. It belongs at application start (app.py)
and in tests/conftest.py; the dashboard calls it too because it emits the most signals.
"""
from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_applied = False


def emit_leaks_true() -> bool:
    """True when emitting a signal from Python drops a reference to True."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    after = sys.getrefcount(True)
    return after < before


def apply() -> bool:
    """Make True/False effectively immortal if PySide's emit leaks them; returns whether it did."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not emit_leaks_true():
        return False
    for singleton in (True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    _applied = True
    return True
