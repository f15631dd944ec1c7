"""Errors the services raise on purpose. Their str() is a message fit for the user.

Anything else that escapes a service is a bug: the CLI and the GUI report it differently
(a traceback in the log and a "this is a bug" dialog), as qutebrowser separates known
errors from bugs.
"""
from ..db.errors import DatabaseProblem


class UserError(Exception):
    """Bad input or a request that cannot be carried out; nothing was written."""


class Cancelled(Exception):
    """The user cancelled long work; everything it did was rolled back."""


__all__ = ["UserError", "Cancelled", "DatabaseProblem"]
