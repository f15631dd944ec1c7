"""Counts the window writes into sentences have thousands separators (12,000, not 12000)."""
from __future__ import annotations

from livestream_desk.ui.catalogue.questions import _uses_text


def test_sale_line_and_lineup_counts_have_separators(qapp):
    assert "12,000" in _uses_text(12_000, 0)
    text = _uses_text(12_000, 1_500)
    assert "12,000" in text and "1,500" in text
    assert "2,500" in _uses_text(0, 2_500)
    assert "12000" not in text
