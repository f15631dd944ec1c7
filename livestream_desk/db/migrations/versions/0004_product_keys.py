"""product keys: 商家编码 matched in any letter case, names sorted by pinyin

Revision ID: 0004_product_keys
Revises: 0003_schedule_and_imports
Create Date: 2026-11-29 09:30:00

- products.sku_key: the 商家编码 as it is matched (domain.validation.sku_key: trimmed,
  full-width letters and digits as ASCII, case-folded), unique when set
  (uq_products_sku_key). `d-1` and `D-1` were two products; now they are one code.
- products.name_sort: the name's pinyin sort key (domain.pinyin_keys.name_sort_key), so
  that 安福火腿 comes before 万年贡米; indexed with the name and spec (ix_products_name_sort)
  for the catalogue's order by name. "C" collation on PostgreSQL (byte order, as SQLite).

Existing codes that clash once case is ignored do not stop the upgrade: the first product
(lowest id) keeps the key, the others keep their 商家编码 but get no key and are marked
needs_review; the clashes are logged here and listed by `check` (health.sku_clash) until
the seller gives those products codes of their own.

The keys are computed by the app's own functions, as every writer computes them later
(services.catalogue.columns). Plain ADD COLUMN (no batch copy of `products`), so the search
index's triggers (0002) stay; the downgrade drops the columns with ALTER TABLE … DROP COLUMN
on SQLite (3.35+), which keeps them too.
"""
import logging

from alembic import op
import sqlalchemy as sa


revision = '0004_product_keys'
down_revision = '0003_schedule_and_imports'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
SortKey = sa.String(400).with_variant(sa.String(400, collation="C"), "postgresql")


def upgrade() -> None:
    from livestream_desk.domain.validation import sku_key
    from livestream_desk.domain.pinyin_keys import name_sort_key

    op.add_column("products", sa.Column("sku_key", sa.String(128), nullable=True))
    op.add_column("products", sa.Column("name_sort", SortKey, nullable=False, server_default=sa.text("''")))

    bind = op.get_bind()
    products = sa.table(
        "products", sa.column("id", sa.Integer), sa.column("sku", sa.String), sa.column("name", sa.String),
        sa.column("sku_key", sa.String), sa.column("name_sort", sa.String), sa.column("needs_review", sa.Boolean),
    )
    owner: dict[str, tuple[int, str]] = {}
    keys, clashes = [], []
    for product_id, sku, name in bind.execute(
        sa.select(products.c.id, products.c.sku, products.c.name).order_by(products.c.id)
    ):
        key = sku_key(sku)
        if key is not None and key in owner:
            clashes.append({"b_id": product_id})
            log.warning(
                "商家编码 %r of product %d clashes with %r of product %d (same code in another letter case): "
                "kept without a key and marked needs review", sku, product_id, owner[key][1], owner[key][0],
            )
            key = None
        elif key is not None:
            owner[key] = (product_id, sku)
        keys.append({"b_id": product_id, "b_key": key, "b_sort": name_sort_key(name)})
    if keys:
        bind.execute(
            products.update()
            .where(products.c.id == sa.bindparam("b_id"))
            .values(sku_key=sa.bindparam("b_key"), name_sort=sa.bindparam("b_sort")),
            keys,
        )
    if clashes:
        bind.execute(
            products.update().where(products.c.id == sa.bindparam("b_id")).values(needs_review=True), clashes
        )
    op.create_index("uq_products_sku_key", "products", ["sku_key"], unique=True)
    op.create_index("ix_products_name_sort", "products", ["name_sort", "name", "spec"])


def downgrade() -> None:
    op.drop_index("ix_products_name_sort", table_name="products")
    op.drop_index("uq_products_sku_key", table_name="products")
    if op.get_bind().dialect.name == "sqlite":
        # Not a batch copy: that would drop the search triggers with the old table.
        op.execute("ALTER TABLE products DROP COLUMN name_sort")
        op.execute("ALTER TABLE products DROP COLUMN sku_key")
    else:
        op.drop_column("products", "name_sort")
        op.drop_column("products", "sku_key")
