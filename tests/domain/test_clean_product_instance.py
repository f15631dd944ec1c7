"""clean_product makes its ValidProduct without the dataclass's __init__ (speed, a big
import): the instance must be exactly what ValidProduct(...) makes, every field set."""
from dataclasses import FrozenInstanceError, asdict, fields

import pytest

from livestream_desk.domain.validation import ProductInput, ValidProduct, clean_product


def test_clean_product_gives_a_complete_ordinary_valid_product():
    valid, errors = clean_product(ProductInput(
        name=" 婺源皇菊 ", sku="ＪＸ-1", spec="500克", list_price="39.9", live_price=1990, cost="", stock="１２",
        low_stock_threshold=3, origin_province="江西省", origin_county="婺源县", certifications="地理标志、绿色食品",
        shelf_life_days=180, archived=True, platform_codes=[("douyin", "A1")], stock_reason="盘点"))
    assert errors == {}
    assert set(vars(valid)) == {f.name for f in fields(ValidProduct)}
    same = ValidProduct(**asdict(valid) | {"platform_codes": valid.platform_codes})
    assert valid == same and hash(valid) == hash(same) and repr(valid) == repr(same)
    assert (valid.name, valid.sku, valid.list_price_fen, valid.live_price_fen, valid.cost_fen, valid.stock) == (
        "婺源皇菊", "JX-1", 3990, 1990, None, 12)
    assert valid.platform_codes == (("douyin", "A1"),) and valid.stock_reason == "盘点"
    with pytest.raises(FrozenInstanceError):
        valid.name = "x"
