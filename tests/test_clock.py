"""Clock times read the same, to the last bit, in every reader that reads them."""

from __future__ import annotations

import pytest

from transcript_tool.errors import InputError
from transcript_tool.readers import read_text
from transcript_tool.readers.clock import clock_seconds, stamp_seconds


def test_every_millisecond_is_the_float_its_digits_name() -> None:
    # 96 + 0.379 is 96.37899999999999: adding the fraction leaves noise in about
    # 8 % of millisecond stamps
    for whole in (0, 1, 59, 96, 3599, 7322):
        for millis in range(1000):
            expected = float(f"{whole}.{millis:03d}")
            assert clock_seconds([whole // 60, whole % 60], f"{millis:03d}") == expected


@pytest.mark.parametrize(
    ("stamp", "seconds"),
    [
        ("01:36.379", 96.379),
        ("00:01:36,379", 96.379),
        ("1:02:03.5", 3723.5),
        ("75:30", 4530.0),  # the leading field is the largest unit and may pass 59
        ("0:00", 0.0),
        ("00:00:00.000001", 0.000001),
        ("01:02." + "9" * 5000, 63.0),  # digits past the 18th dropped; int() takes 4300
    ],
)
def test_stamps(stamp: str, seconds: float) -> None:
    assert stamp_seconds(stamp) == seconds


@pytest.mark.parametrize(
    "stamp", ["01:60", "1:75:00", "00:00:61.5", "", "1:2a", "١:٠٢", "1:02.x", "9" * 5000 + ":00"]
)
def test_what_is_no_clock_time(stamp: str) -> None:
    assert stamp_seconds(stamp) is None


def test_too_large_for_a_float() -> None:
    assert clock_seconds([10**400, 0, 0]) is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("talk.vtt", "WEBVTT\n\n00:00:01.118 --> 00:00:04.137\n<v Ann>Tell me about it.\n"),
        ("talk.srt", "1\n00:00:01,118 --> 00:00:04,137\nAnn: Tell me about it.\n"),
        ("talk.txt", "[00:00:01.118] Ann: Tell me about it.\n[00:00:04.137] Bo: Sure.\n"),
        ("talk.txt", "Ann (00:01.118): Tell me about it.\nBo (00:04.137): Sure.\n"),
        ("talk.csv", "speaker,start,text\nAnn,00:00:01.118,Tell me about it.\nBo,0:04.137,Sure.\n"),
    ],
)
def test_readers_give_a_stamp_its_exact_value(name: str, text: str) -> None:
    transcript = read_text(text, name)
    # 1 + 0.118 is 1.1179999999999999, 4 + 0.137 is 4.1370000000000005
    assert transcript.turns[0].start == 1.118
    later = transcript.turns[0].end if len(transcript.turns) == 1 else transcript.turns[1].start
    assert later == 4.137


def test_a_label_stamp_past_59_names_its_line() -> None:
    # was read as 1 minute 75 seconds, silently
    with pytest.raises(InputError) as caught:
        read_text("Ann (01:02): Tell me about it.\n\nBo (01:75): Sure.\n", "talk.txt", "text")
    assert str(caught.value) == (
        "talk.txt:3: bad timestamp '01:75': minutes and seconds must be below 60"
    )


@pytest.mark.parametrize(
    ("text", "input_format", "line"),
    [
        pytest.param(f"Ann (01:75.{'9' * 5000}): Hi.\nBo (01:76): Sure.\n", "text", 1, id="label"),
        pytest.param(
            f"Ann: Hi.\n01:75.{'9' * 5000}\nBo: Sure.\n", "text", 2, id="a time mark (Meet)"
        ),
    ],
)
def test_a_long_bad_stamp_is_quoted_short(text: str, input_format: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        read_text(text, "talk.txt", input_format)
    message = str(caught.value)
    assert message.startswith(f"talk.txt:{line}: bad timestamp '01:75.999")
    assert "(5,006 characters): minutes and seconds must be below 60" in message
    assert len(message) < 200
