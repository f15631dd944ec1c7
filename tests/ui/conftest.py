"""UI-only fixtures: private QSettings per test, and a small database with known sales."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path, qapp):
    """QSettings (window geometry, language choice) go to the test's own folder."""
    from PySide6.QtCore import QSettings

    from livestream_desk.app import ORGANIZATION
    from livestream_desk import APP_NAME

    qapp.setOrganizationName(ORGANIZATION)
    qapp.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield tmp_path / "qsettings"


@pytest.fixture(autouse=True)
def chinese_by_default(qapp):
    """Every test starts with the app's default language installed (Chinese)."""
    from livestream_desk import i18n

    i18n.install_translators(qapp, i18n.CHINESE)
    yield
    i18n.install_translators(qapp, i18n.CHINESE)


PLATFORMS = ("douyin", "kuaishou", "shipinhao")


def fill_sales(database, *, seed: int = 3, first=(2025, 1), months: int = 22) -> None:
    """Sale lines, finished livestreams and a few targets written with Core inserts, then the
    summary table refreshed, as the services do. Amounts vary a lot from month to month so
    that sorting by text and by number disagree."""
    from sqlalchemy import insert

    from livestream_desk.db.models import Livestream, MonthlyTarget, Sale
    from livestream_desk.domain.period import Month
    from livestream_desk.services.summary import refresh_months

    rng = random.Random(seed)
    start = Month(*first)
    sales, streams, targets = [], [], []
    order_no = 0
    for offset in range(months):
        month = start + offset
        for platform in PLATFORMS:
            if platform == "shipinhao" and offset % 3:
                continue  # a platform that sells only now and then
            day = datetime(month.year, month.month, 1, 20, 0)
            for stream in range(rng.randint(1, 3)):
                streams.append(
                    {
                        "title": f"{month} {platform} #{stream}",
                        "platform": platform,
                        "scheduled_start": day + timedelta(days=3 * stream),
                        "actual_start": day + timedelta(days=3 * stream),
                        "actual_end": day + timedelta(days=3 * stream, hours=2),
                        "status": "done",
                    }
                )
            for _ in range(rng.randint(2, 6)):
                order_no += 1
                quantity = rng.randint(1, 4)
                price = rng.choice((1990, 3880, 6800, 12800, 99900, 250000))
                paid = quantity * price
                refunded = paid if rng.random() < 0.1 else 0
                sales.append(
                    {
                        "platform": platform,
                        "order_id": f"O{order_no:06d}",
                        "line_id": "1",
                        "item_name": "皇菊",
                        "quantity": quantity,
                        "unit_price_fen": price,
                        "paid_fen": paid,
                        "paid_at": day + timedelta(days=rng.randint(0, 27), hours=rng.randint(-12, 3)),
                        "refunded_fen": refunded,
                        "refunded_quantity": quantity if refunded else 0,
                        "source": "demo",
                    }
                )
        if offset % 4 == 0:
            targets.append({"month": month.key, "platform": "", "target_fen": 2_000_000})
    with database.engine.begin() as conn:
        conn.execute(insert(Livestream), streams)
        conn.execute(insert(Sale), sales)
        conn.execute(insert(MonthlyTarget), targets)
        refresh_months(conn)


@pytest.fixture
def sales_db(db):
    """The per-test empty database with 22 months of known sales (2025-01 … 2026-10)."""
    fill_sales(db)
    return db


@pytest.fixture
def window_factory(qtbot):
    """Builds MainWindows that are closed (and their tasks waited for) after the test."""
    from livestream_desk.ui.main_window import MainWindow

    made = []

    def make(database, **kwargs):
        window = MainWindow(database, **kwargs)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()
