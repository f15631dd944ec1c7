"""User-visible messages as codes with parameters, rendered in the user's language.

Services and the domain never build finished sentences: they raise a `Problem` (or return a
`Message`) that carries a code such as ``money.bad_char`` and its parameters. This package
holds the one table of English source texts (``texts/``, one module per area) and renders a
message through a `translate(context, source)` function:

- the GUI passes ``QCoreApplication.translate`` (the compiled ``.qm``),
- the CLI passes `catalogue_translator(lang)`, which reads the same translations from the
  ``.ts`` file without Qt.

So a message has exactly one English text and one Chinese text, wherever it is shown. The
package imports nothing else from the app and no Qt: every layer may use it.
"""
from __future__ import annotations

from .message import CONTEXT, Message, Problem, clip, render, source_text
from .catalogue import catalogue_translator, english

__all__ = ["CONTEXT", "Message", "Problem", "clip", "render", "source_text", "catalogue_translator", "english"]
