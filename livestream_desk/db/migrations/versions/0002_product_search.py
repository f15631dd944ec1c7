"""product search index: an FTS5 trigram index of products.search_keys (SQLite only)

Revision ID: 0002_product_search
Revises: 0001_initial
Create Date: 2026-11-27 10:00:00

Search as you type over 50,000 products (issue 3): `LIKE '%word%'` reads every product on
every key press (10-17 ms here), so on SQLite the search keys are also indexed, in
`product_search`: an FTS5 table with the trigram tokenizer, which finds any substring of
three characters or more from its index. services/catalogue.py (`text_search`) turns the
typed words into FTS5 queries; the products found are exactly those LIKE finds.

    product_search_source (a view of products: what is indexed, one row per product)
        id       products.id (the FTS5 rowid)
        keys     search_keys || ' '  (the space gives the last two characters a trigram
                 too, so that a 2-character word is "any trigram starting with it")
        letters  each ASCII letter and digit found in the keys, as the letter followed by
                 two U+001F: a trigram per letter, so that a 1-character word (the first
                 key typed) is found from the index too
        state    three U+001F for an archived product, else empty (a count of the products
                 on sale that match needs nothing but the index)
    product_search (FTS5, external content = the view, so the text is not stored twice)
    product_search_vocab (fts5vocab: the indexed trigrams, for the 2-character words)

U+001F never occurs in the keys or in a search (domain.pinyin_keys turns it into a space,
like any whitespace), and no trigram of `letters` or `state` holds two other characters in a
row: a search word of two characters or more can only ever match `keys`, so the queries need
no column filter (which costs FTS5 a look at every position).

Four triggers on `products` keep the index equal to the view whatever writes the products
(the ORM, Core bulk inserts of the demo data and the imports, an undo), so no Python code
has to remember it. The removal of a product's old entry reads its old values through the
view, hence BEFORE triggers (they change nothing in `products`).

PostgreSQL keeps the plain LIKE (nothing is created there), and so does an SQLite without
FTS5 or older than 3.34 (no trigram tokenizer): the service looks for the table.

Note for later migrations: a batch ALTER of `products` (render_as_batch copies the table)
drops these triggers with the old table; such a migration must create them again and
`INSERT INTO product_search(product_search) VALUES ('rebuild')`.
tests/db/test_migrations.py checks that the triggers exist at head.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_product_search'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"

CREATE_VIEW = (
    "CREATE VIEW product_search_source AS SELECT id, "
    "search_keys || ' ' AS keys, "
    + " || ".join(f"CASE WHEN instr(search_keys, '{c}') THEN '{c}' || char(31, 31) ELSE '' END" for c in LETTERS)
    + " AS letters, "
    "CASE WHEN archived THEN char(31, 31, 31) ELSE '' END AS state "
    "FROM products"
)
CREATE_INDEX = (
    "CREATE VIRTUAL TABLE product_search USING fts5(keys, letters, state, "
    "tokenize = 'trigram case_sensitive 1', content = 'product_search_source', content_rowid = 'id', "
    "columnsize = 0)"
)
CREATE_VOCAB = "CREATE VIRTUAL TABLE product_search_vocab USING fts5vocab(product_search, 'row')"

_ADD = (
    "INSERT INTO product_search (rowid, keys, letters, state) "
    "SELECT id, keys, letters, state FROM product_search_source WHERE id = {row}.id"
)
_REMOVE = (
    "INSERT INTO product_search (product_search, rowid, keys, letters, state) "
    "SELECT 'delete', id, keys, letters, state FROM product_search_source WHERE id = {row}.id"
)
_CHANGED = (
    "WHEN old.id IS NOT new.id OR old.search_keys IS NOT new.search_keys OR old.archived IS NOT new.archived"
)
TRIGGERS = {
    "products_search_insert": f"AFTER INSERT ON products BEGIN {_ADD.format(row='new')}; END",
    "products_search_delete": f"BEFORE DELETE ON products BEGIN {_REMOVE.format(row='old')}; END",
    "products_search_update_old": (
        f"BEFORE UPDATE OF id, search_keys, archived ON products {_CHANGED} BEGIN {_REMOVE.format(row='old')}; END"
    ),
    "products_search_update_new": (
        f"AFTER UPDATE OF id, search_keys, archived ON products {_CHANGED} BEGIN {_ADD.format(row='new')}; END"
    ),
}


def fts5_trigram_available(bind) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34+ built with FTS5)."""
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.product_search_probe USING fts5(x, tokenize = 'trigram')")
    except sa.exc.DBAPIError:
        return False
    bind.exec_driver_sql("DROP TABLE temp.product_search_probe")
    return True


def create_triggers() -> None:
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or not fts5_trigram_available(bind):
        return  # the service searches with LIKE where the index is missing
    op.execute(CREATE_VIEW)
    op.execute(CREATE_INDEX)
    op.execute(CREATE_VOCAB)
    op.execute("INSERT INTO product_search (product_search) VALUES ('rebuild')")  # the existing products
    op.execute("INSERT INTO product_search (product_search) VALUES ('optimize')")  # one segment: ~10% faster
    create_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS product_search_vocab")
    op.execute("DROP TABLE IF EXISTS product_search")
    op.execute("DROP VIEW IF EXISTS product_search_source")
