"""row versions: several PCs on one database never overwrite each other silently

Revision ID: 0005_row_versions
Revises: 0004_product_keys
Create Date: 2026-11-29 10:00:00

- products, livestreams, lineup_items, sales: `version` (starts at 1, +1 on every change made
  through the services, which save with `WHERE id = ? AND version = ?`: a save over a change
  made elsewhere since the editor read the row is refused, services.versions) and
  `updated_by` (who changed the row last: user@computer). lineup_items and sales also get
  `updated_at` (NULL until the row is first changed; products and livestreams had it).
- data_changes: one counter per area of the app (catalogue, schedule, sales, targets), bumped
  in the same write transaction, so that the other windows on an SQLite file see cheaply what
  changed (services.changes); a PostgreSQL server tells them with NOTIFY instead.

Plain ADD COLUMN (no batch copy of `products`), so the search index's triggers (0002) stay;
the downgrade drops the columns with ALTER TABLE … DROP COLUMN on SQLite (3.35+).
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_row_versions'
down_revision = '0004_product_keys'
branch_labels = None
depends_on = None

VERSIONED = ("products", "livestreams", "lineup_items", "sales")
NEW_UPDATED_AT = ("lineup_items", "sales")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
        op.add_column(table, sa.Column("updated_by", sa.String(128), nullable=False, server_default=sa.text("''")))
    for table in NEW_UPDATED_AT:
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.create_table(
        "data_changes",
        sa.Column("area", sa.String(32), primary_key=True),
        sa.Column("counter", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )


def downgrade() -> None:
    op.drop_table("data_changes")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in VERSIONED:
        columns = ["updated_by", "version"] + (["updated_at"] if table in NEW_UPDATED_AT else [])
        for name in columns:
            if sqlite:  # not a batch copy: that would drop the search triggers with `products`
                op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
            else:
                op.drop_column(table, name)
