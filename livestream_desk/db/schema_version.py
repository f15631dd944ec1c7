"""The Alembic revisions this build knows, oldest first.

Kept as plain data so that opening an up-to-date database needs no Alembic import
(start-up time); tests/db/test_migrations.py checks it against the migration scripts.
"""
REVISIONS: tuple[str, ...] = ("0001_initial", "0002_product_search", "0003_schedule_and_imports", "0004_product_keys",
                              "0005_row_versions", "0006_report_summaries")
HEAD = REVISIONS[-1]
