"""Clock times to seconds, one way for every reader.

A time is counted in whole units of its fraction's last digit and divided
once, so its value is the float nearest to what the stamp says: ``01:36.379``
is exactly ``96.379``, where adding 0.379 to 96 gives 96.37899999999999 (as
it does for about 8 % of millisecond stamps). The leading field is the
largest unit and may be any value (``75:30`` is 75 minutes); a field after it
must be below 60.
"""

from __future__ import annotations

from collections.abc import Sequence


def clock_fields(*fields: str) -> list[int] | None:
    """The digit strings of a timestamp as ints; None when one is too long
    for int() (over 4300 digits: no time, and int() refuses it)."""
    try:
        return [int(field) for field in fields]
    except ValueError:
        return None


def clock_seconds(fields: Sequence[int], fraction: str = "") -> float | None:
    """Seconds of a clock time given as its whole fields, largest unit first
    (``[hours, minutes, seconds]`` or ``[minutes, seconds]``), and the digits
    after its decimal point (``"379"``, ``"5"`` for half a second).

    None when a field after the first passes 59 or the time is too large for
    a float. Digits of the fraction past the 18th are dropped: they are below
    a float's last bit for any time of a microsecond or more.
    """
    if any(field > 59 for field in fields[1:]):
        return None
    whole = 0
    for field in fields:
        whole = whole * 60 + field
    fraction = fraction[:18]
    scale: int = 10 ** len(fraction)
    try:
        return (whole * scale + int(fraction or "0")) / scale
    except OverflowError:  # over 10**308 seconds
        return None


def stamp_seconds(stamp: str) -> float | None:
    """Seconds of a ``[h:]mm:ss`` stamp with an optional ``.fff`` or ``,fff``
    fraction (``"01:36.379"`` -> 96.379); None when a field after the first
    passes 59, or the stamp is not digits and colons."""
    clock, _, fraction = stamp.replace(",", ".").partition(".")
    fields = clock.split(":")
    if not all(field.isdigit() and field.isascii() for field in fields) or not (
        fraction == "" or (fraction.isdigit() and fraction.isascii())
    ):
        return None
    numbers = clock_fields(*fields)
    return None if numbers is None else clock_seconds(numbers, fraction)
