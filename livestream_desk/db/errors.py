"""Known database problems: each is a `Problem` with a `database.*` code, shown as it is."""
from ..messages import Problem


class DatabaseProblem(Problem):
    """A database that cannot be opened or used as asked."""


class NotADatabase(DatabaseProblem):
    """The file is missing, corrupt, or not an SQLite database at all."""


class ForeignDatabase(DatabaseProblem):
    """A valid database that was not made by livestream_desk."""


class NewerSchema(DatabaseProblem):
    """Made by a newer livestream_desk: refused, never touched."""


class UnsupportedOperation(DatabaseProblem):
    """Asked of a database kind that cannot do it (e.g. a file backup of PostgreSQL)."""
