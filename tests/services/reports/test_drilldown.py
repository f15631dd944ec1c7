"""Drill-downs: a month's or a row's livestreams and products equal the brute-force filters."""
from __future__ import annotations

import random

import pytest

from livestream_desk.domain.period import Month
from livestream_desk.services.reports import (
    ReportPeriod,
    livestreams_for,
    period_report,
    product_breakdown,
    products_for,
)
from tests.services.reports.data import PLATFORMS, done_streams, expected_livestreams, group_by, load, random_shop, sums_of

PERIOD = ReportPeriod.year(2025)


@pytest.fixture(params=[5, 6])
def shop(request, db):
    data = random_shop(random.Random(request.param), n_orders=200, n_streams=40)
    load(db, data)
    return data


def as_tuple(row) -> tuple:
    return (row.gmv_fen, row.refunds_fen, row.units, row.sums.lines)


def streams_of(rows) -> dict:
    return {r.livestream_id: (r.orders, as_tuple(r)) for r in rows}


def test_livestreams_of_a_product_producer_category_or_origin(db, shop):
    """The sums of the livestreams' lines of those products; orders None (distinct orders are
    kept per livestream, not per product: they do not add up across products)."""
    first, last = PERIOD.first, PERIOD.last

    def expected(product_filter) -> dict:
        found = expected_livestreams(shop, first, last, product_filter)
        return {stream_id: (None, sums) for stream_id, (_orders, sums) in found.items()}

    for product in shop.products:
        got = streams_of(livestreams_for(db, PERIOD, product_id=product["id"]))
        assert got == expected(lambda p, r: r["product_id"] == product["id"])
    got = streams_of(livestreams_for(db, PERIOD, product_id=0))  # lines without a product
    assert got == expected(lambda p, r: r["product_id"] is None)
    for producer in shop.producers:
        got = streams_of(livestreams_for(db, PERIOD, producer_id=producer["id"]))
        assert got == expected(lambda p, r: p is not None and p["producer_id"] == producer["id"])
    got = streams_of(livestreams_for(db, PERIOD, category_id=0))
    assert got == expected(lambda p, r: p is not None and p["category_id"] is None)
    got = streams_of(livestreams_for(db, PERIOD, origin=("婺源县", "江湾镇")))
    assert got == expected(lambda p, r: p is not None and (p["origin_county"], p["origin_town"]) == ("婺源县", "江湾镇"))


def test_livestreams_of_a_platform_or_host_are_the_ranking_rows(db, shop):
    report = period_report(db, PERIOD)
    for platform in PLATFORMS:
        got = livestreams_for(db, PERIOD, platform=platform)
        assert got == tuple(r for r in report.livestreams if r.platform == platform)
    for host in shop.hosts:
        assert livestreams_for(db, PERIOD, host_id=host["id"]) == tuple(r for r in report.livestreams if r.host_id == host["id"])
    assert livestreams_for(db, PERIOD, host_id=0) == tuple(r for r in report.livestreams if r.host_id is None)


def test_a_months_drilldown_is_that_months_breakdown(db, shop):
    month = ReportPeriod.month(Month(2025, 6))
    assert products_for(db, month) == product_breakdown(db, month, top=None)
    assert {r.livestream_id for r in livestreams_for(db, month)} == {s["id"] for s in done_streams(shop, month.first, month.last)}


def test_products_of_a_row(db, shop):
    first, last = PERIOD.first, PERIOD.last
    products = {p["id"]: p for p in shop.products}
    for platform in PLATFORMS:
        got = {r.key: as_tuple(r) for r in products_for(db, PERIOD, platform=platform).rows}
        sub = [r for r in shop.sales if r["platform"] == platform]
        expected = group_by(type(shop)(products=shop.products, sales=sub), first, last, lambda p: p and p["id"])
        assert got == expected
    for producer in shop.producers:
        got = {r.key: as_tuple(r) for r in products_for(db, PERIOD, producer_id=producer["id"]).rows}
        sub = [r for r in shop.sales if r["product_id"] and products[r["product_id"]]["producer_id"] == producer["id"]]
        assert got == group_by(type(shop)(products=shop.products, sales=sub), first, last, lambda p: p and p["id"])
    for host in shop.hosts:
        streams = {s["id"] for s in shop.livestreams if s["host_id"] == host["id"]}
        got = {r.key: as_tuple(r) for r in products_for(db, PERIOD, host_id=host["id"]).rows}
        sub = [r for r in shop.sales if r["livestream_id"] in streams]
        assert got == group_by(type(shop)(products=shop.products, sales=sub), first, last, lambda p: p and p["id"])


def test_products_of_a_livestream_whenever_paid(db, shop):
    for stream in shop.livestreams[:10]:
        got = products_for(db, None, livestream_id=stream["id"])
        lines = [r for r in shop.sales if r["livestream_id"] == stream["id"] and r["paid_at"] is not None]
        expected = {}
        for pid in {r["product_id"] for r in lines}:
            expected[pid] = sums_of([r for r in lines if r["product_id"] == pid])
        assert {r.key: as_tuple(r) for r in got.rows} == expected
