"""The cycle collector paused while a file import reads or writes its rows (orders and products)."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused():
    """No cyclic garbage collection while an import reads or writes its rows (also a
    decorator): the rows and lines hold no cycles, yet each of the many full collections
    100,000 of them trigger walks them all (about a tenth of the time). Reference counting
    still frees everything; cycles left meanwhile are collected once it is back on.

    On the way out, what was made meanwhile goes to the oldest generation (freeze, then
    unfreeze: two list merges) rather than staying young: the first collection after enable()
    would otherwise walk all of it in one call, 20-100 ms with the GIL held, and the window
    freezes that long (issue 9). It is then walked only by full collections, like any
    long-lived data. Skipped when something else froze objects on purpose."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


__all__ = ["cyclic_gc_paused"]
