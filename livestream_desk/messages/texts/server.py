"""Messages about a shared PostgreSQL server: the connection test and the copy (services.server)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "server.wrong_password": QT_TRANSLATE_NOOP(
        "Messages", "The server {host} refused the user name or password (user {user}); check both and try again."
    ),
    "server.no_database": QT_TRANSLATE_NOOP(
        "Messages", "There is no database “{database}” on the server {host}; ask whoever runs the server to create it "
        "(an empty one), or check its name."
    ),
    "server.unreachable": QT_TRANSLATE_NOOP(
        "Messages", "Cannot reach the server {host} on port {port}: check the address, the network and that "
        "PostgreSQL is running there ({reason})."
    ),
    "server.cannot_connect": QT_TRANSLATE_NOOP("Messages", "Cannot connect to {where}: {reason}"),
    "server.field_missing": QT_TRANSLATE_NOOP("Messages", "Fill in the {field}."),
    "server.field_host": QT_TRANSLATE_NOOP("Messages", "server address"),
    "server.field_database": QT_TRANSLATE_NOOP("Messages", "database name"),
    "server.field_user": QT_TRANSLATE_NOOP("Messages", "user name"),
    "server.not_empty": QT_TRANSLATE_NOOP(
        "Messages", "The server database {where} already holds data ({rows} rows): the copy goes only into an "
        "empty database, so nothing there is overwritten. Nothing was copied."
    ),
    "server.copy_needs_file": QT_TRANSLATE_NOOP(
        "Messages", "Only a database file on this PC can be copied to a server; this window already uses a server."
    ),
}
