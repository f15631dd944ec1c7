"""The marker pyside6-lupdate looks for; at run time it returns the text unchanged."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
