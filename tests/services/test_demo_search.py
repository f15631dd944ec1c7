"""Issue 7 item 14 on the demo data: a product is found by its producer's name and kind
(合作社), never by the demo's internal keys (`wy_huangju`), and the LIKE wildcards `_` and `%`
typed in the search box are plain characters, through the trigram index and through LIKE
(PostgreSQL's way)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from livestream_desk.db import models
from livestream_desk.services import catalogue
from livestream_desk.services.catalogue import ArchivedFilter, ProductQuery
from livestream_desk.services.catalogue import query as catalogue_query
from livestream_desk.services.catalogue import window as catalogue_window
from livestream_desk.services.demo import catalogue as demo_catalogue
from livestream_desk.domain.pinyin_keys import product_search_keys


def found(db, text: str) -> set[int]:
    rows, total = catalogue.list_products_and_count(db, ProductQuery(text=text, archived=ArchivedFilter.INCLUDE,
                                                                     limit=1000))
    assert total == len(rows)
    return {r.id for r in rows}


def products_by_producer(db) -> dict[str, set[int]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(models.Product.id, models.Producer.name).join(models.Producer,
                                                                  models.Producer.id == models.Product.producer_id)
        ).all()
    by_producer: dict[str, set[int]] = {}
    for product_id, producer in rows:
        by_producer.setdefault(producer, set()).add(product_id)
    return by_producer


@pytest.fixture(params=["index", "like"])
def search_db(request, demo_db, monkeypatch):
    """The demo database searched through the trigram index, and with plain LIKE."""
    if request.param == "like":
        monkeypatch.setattr(catalogue_query, "has_search_index", lambda conn: False)
        monkeypatch.setattr(catalogue_window, "has_search_index", lambda conn: False)
    return demo_db


def test_demo_search_keys_are_the_products_own(demo_db):
    with demo_db.engine.connect() as conn:
        rows = conn.execute(catalogue.stored_product_select().add_columns(models.Product.search_keys)).all()
    assert rows
    for row in rows:
        assert row.search_keys == product_search_keys(row)
        assert "_" not in row.search_keys  # no internal key such as wy_huangju


def test_demo_products_are_found_by_their_producer(search_db):
    by_producer = products_by_producer(search_db)
    co_operatives = set().union(*(ids for name, ids in by_producer.items() if "合作社" in name))
    assert co_operatives and found(search_db, "合作社") == co_operatives
    for name, ids in by_producer.items():
        assert ids <= found(search_db, name), name
    internal = [p.key for p in demo_catalogue.PRODUCERS if "_" in p.key]  # (others are a name's pinyin)
    assert internal
    for key in internal:
        assert found(search_db, key) == set(), key


@pytest.mark.parametrize("text", ["_", "%", "__", "%%", "a_", "_j", "h%j", "\\"])
def test_wildcards_match_only_themselves(search_db, text):
    assert found(search_db, text) == set()
