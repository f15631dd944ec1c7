"""schedule and order imports: retired accounts and hosts, updated rows of an import batch

Revision ID: 0003_schedule_and_imports
Revises: 0002_product_search
Create Date: 2026-11-29 07:00:00

- accounts.retired, hosts.retired: an account (直播间) or a host (主播) that is no longer used
  is retired, not deleted: old livestreams keep showing it, new ones cannot pick it.
- import_batches.updated_rows: a later export that moved a line's refund or status on updates
  the line (DESIGN §6); the batch counts those apart from plain duplicates.
- import_batches.rejected_detail: the rejected rows of the batch (row, column, code), as JSON,
  so the import history can show them again.

Plain ADD COLUMN (no batch copy): `products` is not touched, so the search triggers stay.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_schedule_and_imports'
down_revision = '0002_product_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("accounts", sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("hosts", sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("import_batches", sa.Column("updated_rows", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("import_batches", sa.Column("rejected_detail", sa.Text(), nullable=False, server_default=sa.text("''")))


def downgrade() -> None:
    with op.batch_alter_table("import_batches") as batch:
        batch.drop_column("rejected_detail")
        batch.drop_column("updated_rows")
    with op.batch_alter_table("hosts") as batch:
        batch.drop_column("retired")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("retired")
