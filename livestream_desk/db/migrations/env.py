"""Alembic environment: migrations run on the connection that open_database() hands over."""
from alembic import context

from livestream_desk.db import models  # registers the tables
from livestream_desk.db.base import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("livestream_desk migrations run through livestream_desk.db.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only ALTER by copying tables
        compare_type=True,
        include_name=models.in_models,  # not the FTS5 search index (0002_product_search)
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
