"""Finding and removing demo data, leaving the user's own data as it is (issue 7 item 22).

The schema has no "demo" mark, so what demo wrote is recognised the way it was written:
- sale lines: `source = 'demo'` (only the generator writes that source);
- products: a name and 商家编码 pair of the demo catalogue (catalogue.PRODUCTS);
- categories, producers, hosts, live rooms (accounts): the demo catalogue's names;
- livestreams: those on a demo live room;
- monthly targets: those of the demo's months (and the month after them, which it plans
  for) that are left without any sale line.
The generator runs only on an empty database, so before it ran none of these existed.

The user's own data stays:
- every sale line not written by demo (manual entry, the live console, imports);
- a demo product that one of the user's sale lines (or the lineup of a livestream of the
  user's) names is kept, as an ordinary product of the user's, with its category and producer;
- a demo livestream that one of the user's sale lines is attributed to is kept, with its
  live room, host, and the lineup entries of the products the user sold;
- categories, producers, hosts and live rooms are removed only when nothing kept uses them.
Everything happens in one write transaction; the sale lines go through SaleLineWriter, so
the monthly summary stays equal to the lines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from sqlalchemy import delete, exists, func, or_, select, tuple_

from ...db.engine import Database
from ...db.models import (
    Account,
    Category,
    Host,
    LineupItem,
    Livestream,
    MonthlySalesSummary,
    MonthlyTarget,
    Producer,
    Product,
    Sale,
    SaleSource,
)
from ...domain.period import Month
from .. import uow
from ..errors import Cancelled
from ..sale_lines import SaleLineWriter
from . import catalogue as cat


@dataclass(frozen=True)
class DemoRemoval:
    """What was removed, and what demo wrote that stays because the user's data uses it."""

    sale_lines: int
    products: int
    livestreams: int
    kept_products: int
    kept_livestreams: int


def _demo_product_clause():
    pairs = [(info.name, info.sku) for info in cat.PRODUCTS]
    return tuple_(Product.name, Product.sku).in_(pairs)


def _demo_account_clause():
    return tuple_(Account.platform, Account.name).in_([(a.platform, a.name) for a in cat.ACCOUNTS])


def _named_by_sales_or_lineups():
    return or_(
        Product.id.in_(select(Sale.product_id).where(Sale.product_id.is_not(None))),
        Product.id.in_(select(LineupItem.product_id)),
    )


def demo_present(db: Database) -> bool:
    """True while demo sale lines are in the database, or a demo product that no sale line
    or lineup names (a demo with --sales 0). A demo product kept because the user's data
    names it is the user's now, and no longer counts."""
    with uow.reading(db) as conn:
        demo_sales = conn.execute(select(exists().where(Sale.source == SaleSource.DEMO))).scalar()
        if demo_sales:
            return True
        unused = select(Product.id).where(_demo_product_clause(), ~_named_by_sales_or_lineups())
        return bool(conn.execute(select(exists(unused))).scalar())


def remove_demo(db: Database, cancelled: Optional[Callable[[], bool]] = None) -> DemoRemoval:
    """Remove what demo wrote (see the module docstring); one transaction."""
    with uow.writing(db) as session, SaleLineWriter(session) as lines:
        conn = session.connection()
        demo_span = _demo_months(conn)
        removed_lines = lines.delete_where(Sale.source == SaleSource.DEMO)
        if cancelled is not None and cancelled():
            raise Cancelled("common.cancelled")

        # Livestreams on the demo's live rooms, unless a sale line of the user's names them.
        demo_accounts = select(Account.id).where(_demo_account_clause())
        used_by_sales = select(Sale.livestream_id).where(Sale.livestream_id.is_not(None))
        streams = (Livestream.account_id.in_(demo_accounts.scalar_subquery()),)
        kept_streams = conn.execute(
            select(func.count()).select_from(Livestream).where(*streams, Livestream.id.in_(used_by_sales))
        ).scalar_one()
        removed_streams = conn.execute(
            delete(Livestream).where(*streams, Livestream.id.not_in(used_by_sales))
        ).rowcount  # lineups go with them (ON DELETE CASCADE)

        # A kept demo livestream keeps in its lineup only the products the user sold.
        sold = select(Sale.product_id).where(Sale.product_id.is_not(None))
        demo_products = select(Product.id).where(_demo_product_clause())
        conn.execute(
            delete(LineupItem).where(
                LineupItem.livestream_id.in_(select(Livestream.id).where(*streams)),
                LineupItem.product_id.in_(demo_products),
                LineupItem.product_id.not_in(sold),
            )
        )

        # Demo products, unless a sale line or a kept lineup names them.
        used = _named_by_sales_or_lineups()
        kept_products = conn.execute(
            select(func.count()).select_from(Product).where(_demo_product_clause(), used)
        ).scalar_one()
        removed_products = conn.execute(
            delete(Product).where(_demo_product_clause(), ~used)
        ).rowcount  # platform codes and stock movements go with them (ON DELETE CASCADE)

        # Reference data of the demo that nothing kept uses any more.
        conn.execute(
            delete(Category).where(
                Category.name.in_(cat.CATEGORIES), Category.id.not_in(_ids(Product.category_id))
            )
        )
        conn.execute(
            delete(Producer).where(
                Producer.name.in_([p.name for p in cat.PRODUCERS]), Producer.id.not_in(_ids(Product.producer_id))
            )
        )
        conn.execute(
            delete(Host).where(Host.name.in_(cat.HOSTS), Host.id.not_in(_ids(Livestream.host_id)))
        )
        conn.execute(
            delete(Account).where(_demo_account_clause(), Account.id.not_in(_ids(Livestream.account_id)))
        )

        # Targets the demo set (its months and the one after) for months left without sales.
        if demo_span is not None:
            first, after_last = demo_span
            with_sales = select(MonthlySalesSummary.month).where(MonthlySalesSummary.lines > 0)
            lines.settle()  # the summary first: it says which months still have lines
            conn.execute(
                delete(MonthlyTarget).where(
                    MonthlyTarget.month.between(first.key, after_last.key), MonthlyTarget.month.not_in(with_sales)
                )
            )
    return DemoRemoval(removed_lines, int(removed_products or 0), int(removed_streams or 0), kept_products, kept_streams)


def _demo_months(conn):
    """(first month, the month after the last) of the demo's paid lines, or None."""
    first, last = conn.execute(
        select(func.min(Sale.paid_at), func.max(Sale.paid_at)).where(Sale.source == SaleSource.DEMO)
    ).one()
    if first is None:
        return None
    return Month.of(first), Month.of(last).next()


def _ids(column):
    return select(column).where(column.is_not(None))


__all__ = ["DemoRemoval", "demo_present", "remove_demo"]
