"""A livestream's run sheet (header + ordered lineup lines) as data; ui/schedule/runsheet.py
renders it (print preview, A4 PDF)."""
from __future__ import annotations

from ...db.engine import Database
from .. import uow
from .lineup import lineup
from .platforms import chinese_name
from .queries import get_livestream
from .rows import RunSheet, RunSheetLine


def runsheet(db: Database, livestream_id: int) -> RunSheet:
    """The run sheet of one livestream; Problem schedule.not_found when it does not exist."""
    stream = get_livestream(db, livestream_id)
    items = lineup(db, livestream_id)
    lines = tuple(
        RunSheetLine(
            order=item.position,
            product_name=item.product_name,
            spec=item.spec,
            unit=item.unit,
            list_price_fen=item.list_price_fen,
            live_price_fen=item.price_fen,
            allotted_stock=item.allotted_stock,
            talking_points=item.talking_points,
            archived=item.archived,
        )
        for item in items
    )
    return RunSheet(
        livestream=stream,
        lines=lines,
        total_value_fen=sum(item.value_fen for item in items),
        made_at=uow.now(),
        platform_name=chinese_name(stream.platform),
    )


__all__ = ["runsheet"]
