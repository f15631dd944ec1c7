import sys

from livestream_desk.cli import main

code = main()
if "PySide6.QtWidgets" not in sys.modules:  # a command ran (not the window): the process ends now
    import gc

    # The OS frees what is left. Frozen, it is not walked by the interpreter's last garbage
    # collections first (SQLAlchemy's objects, pypinyin's tables, what a command read: up to
    # 0.35 s of CPU after a large import); exit handlers and stream flushes still run.
    gc.freeze()
raise SystemExit(code)
