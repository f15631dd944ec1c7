"""Guard against a reference-counting bug of PySide6 6.12.0 (abi3 wheel) on CPython < 3.12.

pyproject.toml keeps that release out on CPython < 3.12; this guard protects a machine where
it got installed anyway.

Measured here on CPython 3.11.7: every call of a void Qt method (`label.setText(…)`,
`widget.setVisible(…)`, pyqtgraph's many setPen/update calls…) returns `None` without
taking a reference to it, and `SignalInstance.emit()` does the same with `True`. Each call
drops one reference to the singleton; after enough calls CPython frees `None` or `True`
and the process dies at some later, unrelated moment ("none_dealloc: deallocating None",
"bool_dealloc: deallocating True or False", or a segfault while deleting a QObject).
A dashboard refresh alone makes a few hundred such calls; a few minutes of use is enough.

CPython 3.12 made these singletons immortal, where the bug is harmless. `apply()` detects
the bug with two probe calls and, only when it is present, gives None, True and False a
reference count so large it can never reach zero (which is what immortality means).
Idempotent and cheap. Called at application start (app.create_application) and in tests/conftest.py.
"""
from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_applied = False


def pyside_leaks_singletons() -> bool:
    """True when a void Qt method or a Python-side emit() drops a reference to None / True."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    probe.setObjectName("probe")  # a void method: returns None
    probe.ping.emit()  # returns True
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def apply() -> bool:
    """Make None/True/False effectively immortal if PySide leaks them; returns whether it did."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not pyside_leaks_singletons():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    _applied = True
    return True
