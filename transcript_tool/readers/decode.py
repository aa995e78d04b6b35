"""Bytes to text: byte-order marks, strict decoding, one newline convention.

:func:`decode` is the only place where a transcript's bytes become text.
Readers never see a byte-order mark, a ``\\r`` or an undecodable byte.
"""

from __future__ import annotations

import codecs

from ..errors import InputError, UsageError
from .html import html_text, is_html
from .own import refuse_own_output
from .pdf import is_pdf, pdf_text
from .word import is_word, word_text

_SAVE_AS_TEXT = "save or export its text as a .txt file and pass that"
_RECORDING = (
    "an audio or video recording",
    "transcribe it first (for example with Whisper) and pass the transcript "
    "(.json, .vtt, .srt or .txt)",
)
# The first bytes of files people mistake for transcripts: (offset, bytes, what, remedy).
_SIGNATURES: tuple[tuple[int, bytes, str, str], ...] = (
    (0, b"{\\rtf", "an RTF document", _SAVE_AS_TEXT),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document", _SAVE_AS_TEXT),
    (0, b"PK\x03\x04", "a ZIP archive (or a .xlsx/.pptx)", "unzip it, or " + _SAVE_AS_TEXT),
    (0, b"PK\x05\x06", "an empty ZIP archive", "pass the transcript itself"),
    (0, b"\x1f\x8b", "a gzip archive", "unpack it (gunzip) and pass the transcript"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image", "pass the transcript as text"),
    (0, b"\xff\xd8\xff", "a JPEG image", "pass the transcript as text"),
    (0, b"GIF8", "a GIF image", "pass the transcript as text"),
    (0, b"ID3", *_RECORDING),
    (0, b"fLaC", *_RECORDING),
    (0, b"OggS", *_RECORDING),
    (0, b"RIFF", *_RECORDING),
    (0, b"\x1aE\xdf\xa3", *_RECORDING),
    (4, b"ftyp", *_RECORDING),
)

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode a transcript's bytes to text with ``\\n`` line ends.

    A UTF-8, UTF-16 or UTF-32 byte-order mark decides the encoding and is
    removed; otherwise ``encoding`` (default UTF-8) is applied strictly.
    A Word document (.docx) or a PDF is read as its text (:mod:`.word`,
    :mod:`.pdf`), whatever ``encoding`` says; a web page (.html) as its text
    (:mod:`.html`).

    Raises :class:`UsageError` for an unknown ``encoding`` name and
    :class:`InputError` (with ``source``, and line/column of the first bad
    byte where there is one) for bytes that do not decode or that look binary,
    and for an RTF or old Office document, archive, image or recording (known by
    its first bytes) or a report or table this tool wrote (:mod:`.own`),
    saying what to do instead.
    """
    if encoding is not None:
        _check_encoding(encoding)
    codec, label, bom = _choose_codec(data, encoding)
    if not bom and is_word(data, source):
        return normalize_newlines(word_text(data, source))
    if not bom and is_pdf(data, source):
        return normalize_newlines(pdf_text(data, source))
    if not bom:
        _refuse_known_binary(data, source)
    body = data[len(bom) :]
    if b"\x00" in body and b"\x00" not in "a".encode(codec):
        raise _binary_error(source, len(bom) + body.index(b"\x00"))
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        hint = _hint(label, bom, explicit=encoding is not None)
        raise _decode_error(body, codec, label, error.start, source, hint) from None
    if "\x00" in text:
        offset = len(bom) + len(text[: text.index("\x00")].encode(codec))
        raise _binary_error(source, offset)
    text = normalize_newlines(text)
    refuse_own_output(text, source)
    return html_text(text, source) if is_html(text, source) else text


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_encoding(encoding: str) -> None:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"unknown encoding {encoding!r} (not a text encoding)")


def _choose_codec(data: bytes, encoding: str | None) -> tuple[str, str, bytes]:
    """(codec name, name shown to the user, byte-order mark to skip)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return codec, label, bom
    if encoding is None:
        return "utf-8", "UTF-8", b""
    return encoding, encoding, b""


def _hint(label: str, bom: bytes, *, explicit: bool) -> str:
    """How to fix a decoding failure."""
    if bom:
        return f"the file starts with a {label} byte-order mark, so it may be damaged"
    if explicit:
        return "pass the file's actual encoding with --encoding"
    return "pass --encoding (for example cp1252)"


def _decode_error(
    body: bytes, codec: str, label: str, start: int, source: str, hint: str
) -> InputError:
    """InputError naming the line and column (1-based, in characters) of byte ``start``."""
    before = normalize_newlines(body[:start].decode(codec, errors="replace"))
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    message = f"not valid {label} (byte 0x{body[start]:02x}); {hint}"
    return InputError(message, source=source, line=line, column=column)


def _refuse_known_binary(data: bytes, source: str) -> None:
    """InputError for a document, archive, image or recording, by its first bytes."""
    for offset, signature, what, remedy in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            raise InputError(f"this is {what}, not a text transcript; {remedy}", source=source)


def _binary_error(source: str, offset: int) -> InputError:
    return InputError(
        f"looks like a binary file, not text (NUL byte at offset {offset}); "
        "if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le or utf-16-be",
        source=source,
    )
