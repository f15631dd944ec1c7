"""Shared set-up for the catalogue page tests (tests/ui/test_catalogue*.py)."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, insert, select

from livestream_desk.db import models
from livestream_desk.services.catalogue import ProductInput, create_product
from livestream_desk.ui.catalogue import CataloguePage
from livestream_desk.ui.tasks import TaskRunner

HUANGJU = ProductInput(
    name="婺源皇菊", sku="JX-HJ-050", spec="50朵/盒", unit="盒", category="花草茶", list_price="¥39.90",
    live_price="29.9", cost="18", stock="95", low_stock_threshold=100, origin_province="江西省",
    origin_county="婺源县", origin_town="江湾镇", origin_village="篁岭村", producer="婺源县篁岭皇菊专业合作社",
    certifications="地理标志、绿色食品", shelf_life_days="540",
)
XIUSHUI = ProductInput(
    name="修水高山皇菊", sku="JX-HJ-030", spec="30朵/罐", unit="罐", category="花草茶", list_price="48",
    stock=525, low_stock_threshold=20, origin_province="江西省", origin_county="修水县", producer="李知",
)
QICHENG = ProductInput(
    name="赣南脐橙", sku="JX-QC-5", spec="5斤/箱", unit="箱", category="水果", list_price="59.8", cost="30",
    stock=50, low_stock_threshold=10, origin_province="江西省", origin_county="信丰县", producer="信丰果农",
)
GONGMI = ProductInput(
    name="万年贡米", sku="JX-GM-5", spec="5kg/袋", unit="袋", category="粮油", list_price="89.8", cost="36",
    stock=80, origin_province="江西省", origin_county="万年县", producer="万年贡米合作社", certifications="地理标志",
)
LIANZI = ProductInput(
    name="广昌白莲", spec="500g/袋", unit="袋", category="干货", list_price="1,288", cost="22", stock=420,
    origin_province="江西省", origin_county="广昌县", producer="驿前白莲合作社",
)
PRODUCTS = (HUANGJU, XIUSHUI, QICHENG, GONGMI, LIANZI)


@pytest.fixture
def shop(db):
    """Five products: two 皇菊 (one at low stock), an orange, rice, lotus seeds (no 商家编码)."""
    for product in PRODUCTS:
        create_product(db, product)
    return db


def add_sale(db, product_id: int, order_id: str = "o1") -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(models.Sale).values(product_id=product_id, platform="douyin", order_id=order_id,
                                                line_id="1", paid_fen=100, paid_at=datetime(2025, 10, 1, 12)))


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` as a user would: ASCII with key clicks, Chinese as an input method commits
    it (QTest cannot click keys for characters outside Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent

    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if char != "\0":
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def wait_idle(qtbot, page, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: not page.is_loading() and page.task_runner.active() == 0, timeout=timeout)


@pytest.fixture
def make_page(qtbot):
    """A CataloguePage of its own (with its own TaskRunner), shown, active and loaded."""
    runners = []

    def make(database, size=(1366, 700)):
        runner = TaskRunner()
        runners.append(runner)
        page = CataloguePage(database, runner)
        qtbot.addWidget(page)
        page.resize(*size)
        page.set_active(True)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3000)
        wait_idle(qtbot, page)
        assert page.model.has_loaded()
        return page

    yield make
    for runner in runners:
        runner.cancel_all()
        runner.wait(5000)


def model_names(page) -> list[str]:
    model = page.model
    return [model.product(row).name for row in range(model.rowCount())]


def row_of_name(page, name: str) -> int:
    names = model_names(page)
    return names.index(name)


def snapshot(db):
    """Everything the catalogue holds, to prove that nothing was written."""
    with db.engine.connect() as conn:
        products = conn.execute(select(models.Product).order_by(models.Product.id)).all()
        counts = [conn.execute(select(func.count()).select_from(m)).scalar_one()
                  for m in (models.Product, models.PlatformCode, models.StockMovement, models.Category,
                            models.Producer)]
    return [tuple(r) for r in products], counts
