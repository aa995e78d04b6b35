"""Bytes to text: byte-order marks, newlines, and the errors a user sees for bad bytes."""

from __future__ import annotations

import codecs

import pytest

from transcript_tool.errors import InputError, UsageError
from transcript_tool.readers.decode import decode

TEXT = "Interviewer: Qué tal?\nPriya: Très bien — thanks.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, id="utf-8 with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, id="utf-16 LE with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, id="utf-16 BE with BOM"),
        pytest.param(
            codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"),
            TEXT,
            id="utf-16 with BOM and CRLF",
        ),
        pytest.param(b"A: one\r\nB: two\r\n", "A: one\nB: two\n", id="CRLF"),
        pytest.param(b"A: one\rB: two\r", "A: one\nB: two\n", id="lone CR"),
        pytest.param(b"A: one\r\n\r\rB: two", "A: one\n\n\nB: two", id="mixed line ends"),
        pytest.param(b"", "", id="empty"),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "talk.txt") == expected


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        pytest.param("Priya: café\r\n".encode("cp1252"), "cp1252", "Priya: café\n", id="cp1252"),
        pytest.param("Priya: café".encode("latin-1"), "latin-1", "Priya: café", id="latin-1"),
        pytest.param(
            "Priya: hi".encode("utf-16-le"), "utf-16-le", "Priya: hi", id="utf-16 without BOM"
        ),
        pytest.param(
            codecs.BOM_UTF8 + "Priya: café".encode(), "cp1252", "Priya: café", id="BOM wins"
        ),
    ],
)
def test_decode_with_encoding(data: bytes, encoding: str, expected: str) -> None:
    assert decode(data, "talk.txt", encoding) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        pytest.param(
            b"Q: hi\nA: d\xe9j\xe0 vu",
            None,
            "talk.txt:2:5: not valid UTF-8 (byte 0xe9); pass --encoding (for example cp1252)",
            id="latin-1 byte in UTF-8",
        ),
        pytest.param(
            b"\xff",
            None,
            "talk.txt:1:1: not valid UTF-8 (byte 0xff); pass --encoding (for example cp1252)",
            id="first byte",
        ),
        pytest.param(
            "Q: héllo\r\nA: ça\r\n".encode() + b"  x\x80",
            None,
            "talk.txt:3:4: not valid UTF-8 (byte 0x80); pass --encoding (for example cp1252)",
            id="column counts characters after CRLF",
        ),
        pytest.param(
            b"A: caf\xc3",
            None,
            "talk.txt:1:7: not valid UTF-8 (byte 0xc3); pass --encoding (for example cp1252)",
            id="truncated sequence at the end",
        ),
        pytest.param(
            b"Q: ok\nA: \x81",
            "cp1252",
            "talk.txt:2:4: not valid cp1252 (byte 0x81); "
            "pass the file's actual encoding with --encoding",
            id="byte undefined in the given encoding",
        ),
        pytest.param(
            codecs.BOM_UTF8 + b"A: caf\xe9",
            None,
            "talk.txt:1:7: not valid UTF-8 (byte 0xe9); "
            "the file starts with a UTF-8 byte-order mark, so it may be damaged",
            id="damaged after a BOM",
        ),
    ],
)
def test_undecodable_bytes(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "talk.txt", encoding)
    assert str(caught.value) == message
    assert caught.value.source == "talk.txt"


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        pytest.param("Q: hi".encode("utf-16-le"), 1, id="utf-16 LE without BOM"),
        pytest.param("Q: hi".encode("utf-16-be"), 0, id="utf-16 BE without BOM"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00\x00\x00", 7, id="binary file"),
        pytest.param(codecs.BOM_UTF16_LE + "Q\x00".encode("utf-16-le"), 4, id="NUL in UTF-16"),
    ],
)
def test_binary_looking_input(data: bytes, offset: int) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "talk.txt")
    assert str(caught.value).startswith(
        f"talk.txt: looks like a binary file, not text (NUL byte at offset {offset}); "
    )


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("xyz", "unknown encoding 'xyz'"),
        ("rot13", "unknown encoding 'rot13' (not a text encoding)"),
    ],
)
def test_unknown_encoding(encoding: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        decode(b"Q: hi", "talk.txt", encoding)
    assert str(caught.value) == message
