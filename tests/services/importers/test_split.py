"""The 京东 money split: whole fen, exact sums, proportional (hypothesis)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from livestream_desk.services.importers import split_fen


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**7), min_size=1, max_size=30))
def test_split_lines_sum_to_the_order(total, weights):
    shares = split_fen(total, weights)
    assert sum(shares) == total and len(shares) == len(weights) and min(shares) >= 0
    whole = sum(weights)
    if whole:
        for share, weight in zip(shares, weights):
            assert abs(share * whole - total * weight) < whole  # within one fen of the exact share


def test_largest_remainder_goes_first():
    assert split_fen(100, [1, 1, 1]) == [34, 33, 33]
    assert split_fen(14990, [9400, 3600, 2990]) == [8812, 3375, 2803]
    assert split_fen(500, [0, 0]) == [250, 250]
