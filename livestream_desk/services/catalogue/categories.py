"""Categories and producers: found or made by name, listed with their product counts,
renamed, merged, deleted. A product names them; these are the rows behind the names."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...db.models import Category, Producer, Product
from ...domain.validation import MAX_LENGTHS, normalise_text
from ..uow import now, reading, writing
from .columns import refresh_keys
from .errors import CatalogueProblem, NotFound
from .rows import CategoryRow, ProducerRow


def _id_by_name(session: Session, table, name: str, created: Optional[list[str]], new_values=dict) -> Optional[int]:
    """The id of the `table` row called `name`, made when new (with the columns `new_values()`
    returns); None for a blank name. New names are appended to `created`."""
    name = normalise_text(name)
    if not name:
        return None
    found = session.execute(select(table.id).where(table.name == name)).scalar()
    if found is not None:
        return found
    new_id = session.execute(insert(table).values(name=name, **new_values()).returning(table.id)).scalar_one()
    if created is not None:
        created.append(name)
    return new_id


def category_id_for(session: Session, name: str, created: Optional[list[str]] = None) -> Optional[int]:
    """The id of the category called `name`, made (last in order) when new; None for a blank name."""

    def last_position() -> dict:
        top = session.execute(select(func.coalesce(func.max(Category.position), 0))).scalar_one()
        return {"position": top + 1}

    return _id_by_name(session, Category, name, created, last_position)


def producer_id_for(session: Session, name: str, created: Optional[list[str]] = None) -> Optional[int]:
    """The id of the producer called `name`, made when new; None for a blank name."""
    return _id_by_name(session, Producer, name, created)


# --- categories ----------------------------------------------------------------------------


def list_categories(db: Database) -> list[CategoryRow]:
    counts = select(Product.category_id, func.count().label("n")).group_by(Product.category_id).subquery()
    statement = (
        select(Category.id, Category.name, Category.position, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.category_id == Category.id)
        .order_by(Category.position, Category.name)
    )
    with reading(db) as conn:
        return [CategoryRow(id=r[0], name=r[1], position=r[2], product_count=r[3]) for r in conn.execute(statement)]


def _category_name(name: str) -> str:
    name = normalise_text(name)
    if not name:
        raise CatalogueProblem("catalogue.category_name_required")
    if len(name) > MAX_LENGTHS["category"]:
        raise CatalogueProblem("catalogue.category_name_too_long", limit=MAX_LENGTHS["category"])
    return name


def _category_row(session: Session, category_id: int) -> CategoryRow:
    r = session.execute(select(Category.id, Category.name, Category.position).where(Category.id == category_id)).first()
    if r is None:
        raise NotFound("category", category_id)
    count = session.execute(
        select(func.count()).select_from(Product).where(Product.category_id == category_id)
    ).scalar_one()
    return CategoryRow(id=r.id, name=r.name, position=r.position, product_count=count)


def add_category(db: Database, name: str) -> CategoryRow:
    name = _category_name(name)
    with writing(db) as session:
        if session.execute(select(Category.id).where(Category.name == name)).scalar() is not None:
            raise CatalogueProblem("catalogue.category_exists", name=name)
        return _category_row(session, category_id_for(session, name))


def rename_category(db: Database, category_id: int, name: str) -> CategoryRow:
    name = _category_name(name)
    with writing(db) as session:
        other = session.execute(select(Category.id).where(Category.name == name)).scalar()
        if other is not None and other != category_id:
            raise CatalogueProblem("catalogue.category_exists_merge", name=name)
        result = session.execute(update(Category).where(Category.id == category_id).values(name=name))
        if result.rowcount == 0:
            raise NotFound("category", category_id)
        return _category_row(session, category_id)


def merge_categories(db: Database, source_id: int, target_id: int) -> int:
    """Move every product of category `source_id` to `target_id` and remove the source.
    Returns how many products moved."""
    if source_id == target_id:
        raise CatalogueProblem("catalogue.merge_same_category")
    with writing(db) as session:
        for cid in (source_id, target_id):
            if session.execute(select(Category.id).where(Category.id == cid)).scalar() is None:
                raise NotFound("category", cid)
        moved = session.execute(
            update(Product).where(Product.category_id == source_id).values(category_id=target_id, updated_at=now())
        ).rowcount
        session.execute(delete(Category).where(Category.id == source_id))
        return moved


def delete_category(db: Database, category_id: int) -> int:
    """Remove a category; its products stay, without a category. Returns how many."""
    with writing(db) as session:
        left = session.execute(
            update(Product).where(Product.category_id == category_id).values(category_id=None)
        ).rowcount
        if session.execute(delete(Category).where(Category.id == category_id)).rowcount == 0:
            raise NotFound("category", category_id)
        return left


# --- producers ---------------------------------------------------------------------------


def _producer_rows(conn, where=None) -> list[ProducerRow]:
    counts = select(Product.producer_id, func.count().label("n")).group_by(Product.producer_id).subquery()
    statement = (
        select(Producer.id, Producer.name, Producer.kind, Producer.contact, Producer.village, Producer.notes,
               func.coalesce(counts.c.n, 0).label("n"))
        .outerjoin(counts, counts.c.producer_id == Producer.id)
        .order_by(Producer.name)
    )
    if where is not None:
        statement = statement.where(where)
    # By name as stored (code point): sorting by pinyin here would load pypinyin's phrase
    # dictionary (+56 MiB) into the window just to fill the producer filter; producers have
    # no stored sort key (products.name_sort is the products').
    return [
        ProducerRow(id=p.id, name=p.name, kind=p.kind, contact=p.contact, village=p.village, notes=p.notes,
                    product_count=p.n)
        for p in conn.execute(statement)
    ]


def list_producers(db: Database) -> list[ProducerRow]:
    with reading(db) as conn:
        return _producer_rows(conn)


def _producer_name(name: str) -> str:
    name = normalise_text(name)
    if not name:
        raise CatalogueProblem("catalogue.producer_name_required")
    if len(name) > MAX_LENGTHS["producer"]:
        raise CatalogueProblem("catalogue.producer_name_too_long", limit=MAX_LENGTHS["producer"])
    return name


def get_or_create_producer(db: Database, name: str) -> ProducerRow:
    name = _producer_name(name)
    with writing(db) as session:
        producer_id = producer_id_for(session, name)
        return _producer_rows(session.connection(), Producer.id == producer_id)[0]


def rename_producer(db: Database, producer_id: int, name: str) -> ProducerRow:
    """Rename a producer; the search keys of its products follow."""
    name = _producer_name(name)
    with writing(db) as session:
        other = session.execute(select(Producer.id).where(Producer.name == name)).scalar()
        if other is not None and other != producer_id:
            raise CatalogueProblem("catalogue.producer_exists", name=name)
        if session.execute(update(Producer).where(Producer.id == producer_id).values(name=name)).rowcount == 0:
            raise NotFound("producer", producer_id)
        refresh_keys(session, Product.producer_id == producer_id)
        return _producer_rows(session.connection(), Producer.id == producer_id)[0]


def refresh_search_keys(db: Database) -> int:
    """Recompute every product's search keys (after a pypinyin upgrade); returns the count."""
    with writing(db) as session:
        return refresh_keys(session)


__all__ = [
    "category_id_for", "producer_id_for", "list_categories", "add_category", "rename_category",
    "merge_categories", "delete_category", "list_producers", "get_or_create_producer", "rename_producer",
    "refresh_search_keys",
]
