"""report summaries: the reports read pre-summed tables instead of the sale lines

Revision ID: 0006_report_summaries
Revises: 0005_row_versions
Create Date: 2026-11-29 11:00:00

- report_product_month (month, platform, product_id, livestream_id; 0 = none): units, gmv,
  refunds, refunded units and lines of the paid sale lines. Everything in it adds up, so a
  period's products, categories, origins and producers are sums of its rows.
- report_livestream_month (livestream_id, month, platform): the same sums per livestream
  and its distinct orders, each order counted in the month of its first paid line of that
  livestream (so the months add up to the livestream's exact order count).

Both are filled here from the existing lines, with plain SQL that does what
services.report_tables does (which keeps them in step from now on, like
monthly_sales_summary); `check` compares them with the lines.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_report_summaries'
down_revision = '0005_row_versions'
branch_labels = None
depends_on = None

Fen = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def _month(column: str, dialect: str) -> str:
    if dialect == "sqlite":
        return f"CAST(strftime('%Y%m', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(YEAR FROM {column}) * 100 + EXTRACT(MONTH FROM {column}) AS INTEGER)"


def upgrade() -> None:
    op.create_table(
        "report_product_month",
        sa.Column("month", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("product_id", sa.Integer(), primary_key=True),
        sa.Column("livestream_id", sa.Integer(), primary_key=True),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("gmv_fen", Fen, nullable=False),
        sa.Column("refunds_fen", Fen, nullable=False),
        sa.Column("refunded_units", sa.Integer(), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
    )
    op.create_table(
        "report_livestream_month",
        sa.Column("livestream_id", sa.Integer(), primary_key=True),
        sa.Column("month", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("gmv_fen", Fen, nullable=False),
        sa.Column("refunds_fen", Fen, nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
    )
    op.create_index("ix_report_livestream_month_month", "report_livestream_month", ["month"])

    month = _month("paid_at", op.get_bind().dialect.name)
    op.execute(
        "INSERT INTO report_product_month (month, platform, product_id, livestream_id, units, gmv_fen,"
        " refunds_fen, refunded_units, lines)"
        f" SELECT {month}, platform, COALESCE(product_id, 0), COALESCE(livestream_id, 0),"
        " COALESCE(SUM(quantity), 0), COALESCE(SUM(paid_fen), 0), COALESCE(SUM(refunded_fen), 0),"
        " COALESCE(SUM(refunded_quantity), 0), COUNT(*)"
        " FROM sales WHERE paid_at IS NOT NULL"
        f" GROUP BY {month}, platform, COALESCE(product_id, 0), COALESCE(livestream_id, 0)"
    )
    op.execute(
        "INSERT INTO report_livestream_month (livestream_id, month, platform, orders, units, gmv_fen,"
        " refunds_fen, lines)"
        " SELECT sums.livestream_id, sums.month, sums.platform, COALESCE(orders.orders, 0), sums.units,"
        " sums.gmv_fen, sums.refunds_fen, sums.lines FROM"
        f" (SELECT livestream_id, {month} AS month, platform, COALESCE(SUM(quantity), 0) AS units,"
        "   COALESCE(SUM(paid_fen), 0) AS gmv_fen, COALESCE(SUM(refunded_fen), 0) AS refunds_fen,"
        "   COUNT(*) AS lines"
        "  FROM sales WHERE paid_at IS NOT NULL AND livestream_id IS NOT NULL"
        f"  GROUP BY livestream_id, {month}, platform) AS sums"
        " LEFT OUTER JOIN"
        " (SELECT livestream_id, platform, month, COUNT(*) AS orders FROM"
        f"   (SELECT livestream_id, platform, MIN({month}) AS month FROM sales"
        "     WHERE paid_at IS NOT NULL AND livestream_id IS NOT NULL"
        "     GROUP BY livestream_id, platform, order_id) AS firsts"
        "  GROUP BY livestream_id, platform, month) AS orders"
        " ON orders.livestream_id = sums.livestream_id AND orders.platform = sums.platform"
        " AND orders.month = sums.month"
    )


def downgrade() -> None:
    op.drop_index("ix_report_livestream_month_month", table_name="report_livestream_month")
    op.drop_table("report_livestream_month")
    op.drop_table("report_product_month")
