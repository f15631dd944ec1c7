"""售价 is required: a price left blank is refused, never saved as ¥0.00; 0 only when typed
(issue 7 item 12). A product import row without 售价 (DESIGN §6: only 商品名称 is required)
gives no price at all (None), which is 0."""
from __future__ import annotations

import pytest

from livestream_desk.domain.validation import ProductInput, clean_product
from livestream_desk.messages import render


@pytest.mark.parametrize("typed", ["", " ", "　", "\t"])
def test_a_blank_price_is_refused(typed):
    valid, errors = clean_product(ProductInput(name="婺源皇菊", list_price=typed))
    assert valid is None
    assert set(errors) == {"list_price"}
    assert render(errors["list_price"]) == "the price is required"


@pytest.mark.parametrize("typed", ["0", "0.00", "¥0", 0])
def test_zero_when_typed_is_zero(typed):
    valid, errors = clean_product(ProductInput(name="赠品袋", list_price=typed))
    assert errors == {}
    assert valid.list_price_fen == 0


def test_no_price_given_at_all_is_zero():
    valid, errors = clean_product(ProductInput(name="婺源皇菊"))
    assert errors == {}
    assert valid.list_price_fen == 0
