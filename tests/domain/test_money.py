"""Money in integer fen: the accepted and rejected forms of DESIGN §4, display, exact sums."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livestream_desk.domain.money import (
    Money,
    MoneyError,
    format_display,
    format_plain,
    format_short,
    parse_fen,
)

# Beyond anything a shop will see, and beyond the 28 digits of Decimal's default context.
any_fen = st.integers(min_value=-(10**40), max_value=10**40)
int64_fen = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@pytest.mark.parametrize(
    "text, fen",
    [
        ("1234.5", 123450),
        ("1234.50", 123450),
        ("1234", 123400),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("¥1,234.50", 123450),
        ("￥1,234.50", 123450),  # full-width yen sign
        ("¥ 1,234.50", 123450),
        ("1,234,567.89", 123456789),
        ("1234.50元", 123450),
        ("12块", 1200),
        ("１２３４", 123400),  # full-width digits
        ("１，２３４．５０", 123450),  # full-width separators too
        ('="1234.50"', 123450),  # Excel's keep-as-text wrapper
        ('="¥1,234.50"', 123450),
        ("1.2万", 1200000),
        ("3万", 3000000),
        ("1.2万元", 1200000),
        ("0.01万", 10000),
        ("1.234567万", 1234567),
        ("RMB 99.9", 9990),
        ("  56.78  ", 5678),
        ("\u00a012.30", 1230),
        ("-1234.5", -123450),
        ("−12.5", -1250),  # U+2212 minus sign
        ("-¥1,234.50", -123450),
        ("¥-1,234.50", -123450),
        ("-1.2万", -1200000),
    ],
)
def test_accepted_forms_parse_to_exact_fen(text, fen):
    assert parse_fen(text) == fen
    assert Money.parse(text) == Money(fen)


@pytest.mark.parametrize(
    "text, complaint",
    [
        ("12元5", "'元'"),
        ("1.234", "more than two decimals"),
        ("0.001", "more than two decimals"),
        ("1.2345678万", "more than two decimals"),
        ("12,34", "thousands separators"),
        ("1,2345", "thousands separators"),
        ("12,34.5", "thousands separators"),
        ("abc", "'a'"),
        ("", "empty"),
        ("   ", "empty"),
        ("1.2.3", "more than one decimal point"),
        ("¥", "no digits"),
        ("元", "no digits"),
        ("-", "no digits"),
        ("1e5", "'e'"),
        ("NaN", "'N'"),
        ("inf", "'i'"),
        ("0x10", "'x'"),
        ("+5", "'+'"),
        ("--5", "'-'"),
        ("12.3.", "more than one decimal point"),
        ("1_000", "'_'"),
        ("12$", "'$'"),
        ("3.14abc", "'a'"),
    ],
)
def test_rejected_forms_say_what_is_wrong(text, complaint):
    with pytest.raises(MoneyError) as caught:
        parse_fen(text)
    codes = {
        "more than two decimals": "money.too_many_decimals",
        "thousands separators": "money.misplaced_separators",
        "empty": "money.empty",
        "more than one decimal point": "money.two_decimal_points",
        "no digits": "money.no_digits",
    }
    error = caught.value
    if complaint.startswith("'"):  # the character that may not stand there
        assert error.code == "money.bad_char" and error.params["char"] == complaint.strip("'")
    else:
        assert error.code == codes[complaint]
    assert isinstance(error, ValueError)  # callers that catch ValueError keep working
    if text.strip():
        assert error.params["value"] == text.strip()  # names the bad value
        assert text.strip() in str(error)  # and the English text quotes it


@pytest.mark.parametrize("value", [None, True, False, [], object(), b"12"])
def test_non_text_values_are_rejected(value):
    with pytest.raises(MoneyError):
        parse_fen(value)


def test_spreadsheet_numbers_are_taken_at_their_decimal_face_value():
    assert parse_fen(12) == 1200
    assert parse_fen(Decimal("12.34")) == 1234
    assert parse_fen(0.1) == 10  # a cell holding 0.1 means ten fen, whatever the binary float
    assert parse_fen(1234.5) == 123450
    with pytest.raises(MoneyError, match="more than two decimals"):
        parse_fen(0.125)
    with pytest.raises(MoneyError):
        parse_fen(float("nan"))
    with pytest.raises(MoneyError):
        parse_fen(Decimal("Infinity"))


def test_display_forms():
    amount = Money(123450)
    assert amount.display() == "¥1,234.50" == str(amount)
    assert amount.plain() == "1234.50"
    assert Money(0).display() == "¥0.00"
    assert Money(5).plain() == "0.05"
    assert Money(-123450).display() == "-¥1,234.50"
    assert Money(-5).plain() == "-0.05"
    assert Money(123456789).display() == "¥1,234,567.89"


@pytest.mark.parametrize(
    "fen, short",
    [
        (98000, "¥980.00"),
        (999999, "¥9,999.99"),  # below 1万: in full
        (1000000, "¥1.0万"),
        (12300000, "¥12.3万"),
        (12345678, "¥12.3万"),
        (12350000, "¥12.4万"),  # half up
        (-12345678, "-¥12.3万"),
        (999999999, "¥1000.0万"),
        (9999999999, "¥1.0亿"),  # rounds up to 1亿, never "10000.0万"
        (12000000000, "¥1.2亿"),
    ],
)
def test_short_form_for_charts(fen, short):
    assert format_short(fen) == short
    assert Money(fen).short() == short


def test_money_never_holds_a_float():
    with pytest.raises(TypeError):
        Money(1.5)
    with pytest.raises(TypeError):
        Money(Decimal("1.5"))
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(TypeError):
        Money.from_yuan(1.5)
    with pytest.raises(TypeError):
        Money(100) * 1.5
    with pytest.raises(TypeError):
        Money(100) + 1


def test_arithmetic_and_from_yuan():
    assert Money(150) + Money(250) == Money(400)
    assert Money(150) - Money(250) == Money(-100)
    assert -Money(3) == Money(-3)
    assert Money(199) * 3 == 3 * Money(199) == Money(597)
    assert sum([Money(1), Money(2)]) == Money(3)
    assert not Money(0) and Money(1)
    assert Money(1) < Money(2)
    assert Money.from_yuan("12.34") == Money(1234)
    assert Money.from_yuan(Decimal("0.1")) == Money(10)
    assert Money.from_yuan(7) == Money(700)
    assert Money(1234).yuan == Decimal("12.34")
    with pytest.raises(MoneyError, match="more than two decimals"):
        Money.from_yuan("0.001")


@given(any_fen)
def test_display_round_trip(fen):
    assert parse_fen(format_display(fen)) == fen


@given(any_fen)
def test_plain_round_trip(fen):
    assert parse_fen(format_plain(fen)) == fen
    assert Money.parse(Money(fen).plain()) == Money(fen)


@given(int64_fen)
def test_excel_wrapped_and_yuan_suffixed_round_trip(fen):
    assert parse_fen(f'="{format_plain(fen)}"') == fen
    assert parse_fen(f"{format_plain(fen)}元") == fen


@given(any_fen)
def test_short_form_never_fails_and_keeps_the_sign(fen):
    text = format_short(fen)
    assert text.startswith("-¥" if fen < 0 else "¥")


@given(st.lists(any_fen, max_size=50))
def test_sums_are_exact(fens):
    assert sum((Money(f) for f in fens), Money(0)) == Money(sum(fens))
    total = Money(0)
    for fen in fens:
        total = total + Money(fen)
    assert total.fen == sum(fens)


@given(st.lists(st.integers(min_value=0, max_value=10**12), max_size=30))
def test_sums_of_parsed_amounts_are_exact(fens):
    # Typical float pitfall: 0.1 + 0.2 != 0.3. Parsing works on the digits, so sums stay exact.
    assert sum((Money.parse(format_plain(f)) for f in fens), Money(0)) == Money(sum(fens))


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_text_is_read_digit_by_digit(yuan, cents):
    assert parse_fen(f"{yuan}.{cents:02d}") == yuan * 100 + cents
    assert parse_fen(f"{yuan:,}.{cents:02d}") == yuan * 100 + cents
