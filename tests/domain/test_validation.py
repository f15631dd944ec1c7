"""Pure field rules of products (domain.validation)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livestream_desk.domain.money import MoneyError, parse_fen
from livestream_desk.domain.validation import (
    FieldError,
    ProductInput,
    clean_product,
    is_low_stock,
    join_certifications,
    join_origin,
    margin_pct,
    normalise_text,
    parse_money_field,
    parse_whole_number,
    split_certifications,
    split_origin,
    validate_product,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  婺源皇菊\t", "婺源皇菊"),
        ("婺源\u00a0皇菊", "婺源 皇菊"),
        ("５０朵/盒", "50朵/盒"),
        ("\u200b皇菊\ufeff", "皇菊"),
        ("\u3000皇菊\u3000", "皇菊"),
        (None, ""),
        (12, "12"),
        (12.0, "12"),
        (2.5, "2.5"),
        ("（特级）", "（特级）"),  # only digits are folded, other full-width text stays as typed
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [(12, 12), ("12", 12), ("１２", 12), ("1,200", 1200), (12.0, 12), ("12.0", 12), ('="12"', 12), ("", None),
     (None, None), (" 0 ", 0)],
)
def test_whole_numbers(raw, expected):
    assert parse_whole_number(raw) == expected


@pytest.mark.parametrize("raw", ["-1", -1, "1.5", 2.5, "abc", "12件", "1,2"])
def test_whole_numbers_refused(raw):
    with pytest.raises(FieldError):
        parse_whole_number(raw, what="stock")


def test_negative_whole_number_message():
    with pytest.raises(FieldError, match="stock cannot be negative"):
        parse_whole_number("-3", what="stock")


@pytest.mark.parametrize(
    "raw, fen",
    [("39.9", 3990), ("¥1,234.50", 123450), ("１２元", 1200), ('="39.90"', 3990), ("1.2万", 1200000),
     (3990, 3990), ("", None), (None, None), ("  ", None)],
)
def test_money_fields(raw, fen):
    """Text is yuan as typed (DESIGN §4); an int is already fen."""
    assert parse_money_field(raw) == fen


def test_money_field_message_is_money_error_message():
    with pytest.raises(MoneyError) as money:
        parse_fen("12.3.4")
    with pytest.raises(FieldError) as field:
        parse_money_field("12.3.4")
    assert str(field.value) == str(money.value)


def test_negative_money_refused():
    with pytest.raises(FieldError, match="cannot be negative"):
        parse_money_field("-5", what="the price")


def test_valid_product_is_clean():
    valid, errors = clean_product(
        ProductInput(
            name=" 婺源皇菊 ", sku="ＪＸ-ＨＪ-０５０", list_price="¥39.90", live_price="", cost=1800, stock="２００",
            certifications="地理标志, 绿色食品、地理标志", shelf_life_days="540",
        )
    )
    assert errors == {}
    assert valid.name == "婺源皇菊"
    assert valid.sku == "JX-HJ-050"
    assert (valid.list_price_fen, valid.live_price_fen, valid.cost_fen) == (3990, None, 1800)
    assert valid.stock == 200
    assert valid.certifications == "地理标志、绿色食品"
    assert valid.shelf_life_days == 540


def test_every_bad_field_reported_at_once():
    errors = validate_product(
        ProductInput(name="", list_price="12.3.4", live_price="abc", cost="-1", stock=-5, shelf_life_days="1.5")
    )
    assert set(errors) == {"name", "list_price", "live_price", "cost", "stock", "shelf_life_days"}
    assert errors["name"].code == "product.name_required"
    assert "more than one decimal point" in str(errors["list_price"])
    assert errors["stock"].code == "product.negative"
    assert errors["shelf_life_days"].code == "product.whole_number_not"


def test_blank_sku_means_none_and_lengths_checked():
    valid, _ = clean_product(ProductInput(name="x", sku="  "))
    assert valid.sku is None
    errors = validate_product(ProductInput(name="x" * 201, unit="u" * 17))
    assert set(errors) == {"name", "unit"}


def test_platform_code_rules():
    errors = validate_product(ProductInput(name="x", platform_codes=[("douyin", "1"), ("douyin", " 1 ")]))
    assert errors["platform_codes"].code == "product.code_twice"
    errors = validate_product(ProductInput(name="x", platform_codes=[("douyin", "")]))
    assert errors["platform_codes"].code == "product.code_empty"
    valid, errors = clean_product(ProductInput(name="x", platform_codes=[("", ""), ("KUAISHOU", "a1")]))
    assert valid.platform_codes == (("kuaishou", "a1"),)


@pytest.mark.parametrize(
    "text, parts",
    [
        ("江西省 婺源县 江湾镇 篁岭村", ("江西省", "婺源县", "江湾镇", "篁岭村")),
        ("江西省婺源县江湾镇篁岭村", ("江西省", "婺源县", "江湾镇", "篁岭村")),
        ("江西省/婺源县/江湾镇", ("江西省", "婺源县", "江湾镇", "")),
        ("江西·婺源", ("江西", "婺源", "", "")),
        ("江西婺源", ("江西", "婺源", "", "")),
        ("婺源县江湾镇", ("", "婺源县", "江湾镇", "")),
        ("婺源县 篁岭村", ("", "婺源县", "", "篁岭村")),
        ("篁岭村", ("", "", "", "篁岭村")),
        ("婺源", ("", "婺源", "", "")),
        ("上饶市 婺源县", ("", "上饶市婺源县", "", "")),
        ("北京市密云区", ("北京市", "密云区", "", "")),
        ("广西壮族自治区 百色市 田阳区", ("广西壮族自治区", "百色市田阳区", "", "")),
        ("", ("", "", "", "")),
    ],
)
def test_split_origin(text, parts):
    assert split_origin(text) == parts


PROVINCES = ["", "江西省", "浙江省", "广西壮族自治区", "北京市", "江西"]
COUNTIES = ["", "婺源县", "修水县", "上饶市婺源县", "章贡区", "婺源"]
TOWNS = ["", "江湾镇", "溪头乡", "东华街道"]
VILLAGES = ["", "篁岭村", "汪口村", "城东社区"]


@given(st.sampled_from(PROVINCES), st.sampled_from(COUNTIES), st.sampled_from(TOWNS), st.sampled_from(VILLAGES))
def test_origin_round_trip(province, county, town, village):
    """The one-column 产地 of the export splits back into the same four parts."""
    assert split_origin(join_origin(province, county, town, village)) == (province, county, town, village)


def test_certifications():
    assert split_certifications("地理标志,绿色食品；有机 / 地理标志") == ["地理标志", "绿色食品", "有机"]
    assert join_certifications(["地理标志", "有机"]) == "地理标志、有机"
    assert split_certifications(["有机", " 有机 "]) == ["有机"]


def test_margin_and_low_stock():
    assert margin_pct(3990, 1800) == Decimal(2190) * 100 / Decimal(3990)
    assert margin_pct(0, 100) is None
    assert margin_pct(1000, None) is None
    assert is_low_stock(5, 5) and is_low_stock(0, 1)
    assert not is_low_stock(6, 5)
    assert not is_low_stock(0, 0)  # no threshold, no warning
