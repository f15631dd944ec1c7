"""The dashboard's figures of the latest month, read with plain sqlite3 for the first paint.

Start-up must not wait for SQLAlchemy (≈ 0.4 s to import) before showing figures: this
module reads the small monthly summary, the month's finished livestreams and its target
directly, read-only, and returns the same `MonthlyFigures` that
services.reports.monthly_report gives for that month (tests compare them). The window
shows them at once; the dashboard replaces them with its own when the database is open.
Anything unexpected (a PostgreSQL URL, a missing table, a locked file) gives None, and
the window simply waits for the normal path.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Optional

from ..domain.metrics import MonthlyFigures, growth_pct
from ..domain.period import Month
from .preflight import readonly_uri

_LATEST = "SELECT max(month) FROM monthly_sales_summary WHERE lines > 0"
_SUMS = (
    "SELECT month, sum(orders), sum(units), sum(gmv_fen), sum(refunds_fen) FROM monthly_sales_summary "
    "WHERE month IN (?, ?) GROUP BY month"
)
# Livestreams as DESIGN §5 counts them: done, by their actual (else scheduled) start. Times
# are stored as 'YYYY-MM-DD HH:MM:SS…' text, so text comparison orders them.
_STREAMS = (
    "SELECT count(*) FROM livestreams WHERE status = 'done' "
    "AND coalesce(actual_start, scheduled_start) >= ? AND coalesce(actual_start, scheduled_start) < ?"
)
_TARGET = "SELECT target_fen FROM monthly_targets WHERE month = ? AND platform = ''"


def latest_month_figures(path: Path) -> Optional[MonthlyFigures]:
    """All platforms' figures of the latest month with a paid sale; None when there are
    no sales or the file cannot be read this way."""
    try:
        # Leaves no -wal/-shm beside a closed database, and reads one on read-only media.
        conn = sqlite3.connect(readonly_uri(Path(path)), uri=True, timeout=0.2)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        (latest,) = conn.execute(_LATEST).fetchone()
        if latest is None:
            return None
        month = Month.from_key(int(latest))
        previous = month.previous()
        sums = {row[0]: tuple(int(v or 0) for v in row[1:]) for row in conn.execute(_SUMS, (previous.key, month.key))}
        (streams,) = conn.execute(_STREAMS, (str(month.start()), str(month.end()))).fetchone()
        target = conn.execute(_TARGET, (month.key,)).fetchone()
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()
    orders, units, gmv, refunds = sums.get(month.key, (0, 0, 0, 0))
    _o, _u, prev_gmv, prev_refunds = sums.get(previous.key, (0, 0, 0, 0))
    return MonthlyFigures(
        month=month,
        livestreams=int(streams or 0),
        orders=orders,
        units=units,
        gmv_fen=gmv,
        refunds_fen=refunds,
        mom_growth_pct=growth_pct(gmv - refunds, prev_gmv - prev_refunds),
        target_fen=int(target[0]) if target and target[0] is not None else None,
    )


__all__ = ["latest_month_figures"]
