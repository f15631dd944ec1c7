"""The shared sample exports reproduce the expected monthly reports exactly."""
from __future__ import annotations

import pytest

from .support import SAMPLES, import_file, monthly_csv


def expected(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("order", [("douyin_orders.csv", "kuaishou_orders.xlsx"), ("kuaishou_orders.xlsx", "douyin_orders.csv")])
def test_douyin_and_kuaishou_samples_give_the_expected_report(db, db_path, capsys, order):
    for name in order:
        preview, result = import_file(db, SAMPLES / name)
        assert result.batch_id is not None
        assert preview.rejected == ()
    assert monthly_csv(capsys, db_path) == expected("expected_monthly.csv")


def test_layouts_are_detected(db):
    from livestream_desk.services.importers import preview_import

    assert preview_import(db, SAMPLES / "douyin_orders.csv").layout.key == "douyin"
    assert preview_import(db, SAMPLES / "kuaishou_orders.xlsx").layout.key == "kuaishou"
    assert preview_import(db, SAMPLES / "jd_orders.csv").layout.key == "jd"


def test_jd_sample_gives_the_expected_report(db, db_path, capsys):
    preview, result = import_file(db, SAMPLES / "jd_orders.csv")
    assert (result.new, preview.unpaid, len(preview.rejected)) == (39, 6, 0)
    assert monthly_csv(capsys, db_path) == expected("expected_monthly_jd.csv")


def test_reimporting_adds_nothing(db, db_path, capsys):
    for name in ("douyin_orders.csv", "kuaishou_orders.xlsx", "jd_orders.csv"):
        import_file(db, SAMPLES / name)
    before = monthly_csv(capsys, db_path)
    for name in ("douyin_orders.csv", "kuaishou_orders.xlsx", "jd_orders.csv"):
        preview, result = import_file(db, SAMPLES / name)
        assert (preview.new, preview.updated, result.batch_id) == (0, 0, None)
        assert preview.duplicate == len(preview.file.parsed.lines)
    assert monthly_csv(capsys, db_path) == before


def test_products_are_created_once_and_codes_learned(db):
    from sqlalchemy import func, select

    from livestream_desk.db.models import PlatformCode, Product
    from livestream_desk.services import uow

    import_file(db, SAMPLES / "douyin_orders.csv")
    preview, _ = import_file(db, SAMPLES / "kuaishou_orders.xlsx")
    assert preview.unmatched == ()  # SKU编码 = 商家编码, or the exact name
    with uow.reading(db) as conn:
        assert conn.execute(select(func.count()).select_from(Product)).scalar_one() == 12
        assert conn.execute(select(func.count()).select_from(Product).where(Product.needs_review)).scalar_one() == 12
        assert conn.execute(select(func.count()).select_from(PlatformCode).where(PlatformCode.platform == "kuaishou")).scalar_one() == 10
