"""Another PC for tests/postgresql/test_several_pcs.py: a separate process running the app's
services against the same PostgreSQL database.

    LIVESTREAM_DESK_OTHER_PC_DB=<url> python -m tests.postgresql.other_pc sell PRODUCT LIVESTREAM COUNT
    LIVESTREAM_DESK_OTHER_PC_DB=<url> python -m tests.postgresql.other_pc rename PRODUCT NAME

It writes as "amei@SHOP-PC2" and prints `committed <time.time()>` after each transaction.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace

OTHER_PC = "amei@SHOP-PC2"


def main(argv: list[str]) -> int:
    from livestream_desk.db.engine import open_database
    from livestream_desk.services import catalogue, sales, versions

    versions.writer_name = lambda: OTHER_PC  # type: ignore[assignment]
    db = open_database(os.environ["LIVESTREAM_DESK_OTHER_PC_DB"], create=False, migrate=False)
    try:
        action = argv[0]
        if action == "sell":
            product_id, livestream_id, count = (int(a) for a in argv[1:4])
            for _ in range(count):
                sales.create_sale(db, sales.SaleInput(product_id=product_id, quantity="1", unit_price="29.90",
                                                      paid_at="2026-11-01 20:10", livestream_id=livestream_id))
                print("committed", time.time(), flush=True)
        elif action == "rename":
            product_id, name = int(argv[1]), argv[2]
            detail = catalogue.get_product(db, product_id)
            catalogue.update_product(db, product_id, replace(catalogue.product_input_from(detail), name=name),
                                     expected_version=detail.version)
            print("committed", time.time(), flush=True)
        else:
            print(f"unknown action {action}", file=sys.stderr)
            return 2
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
