"""Bytes to text: a BOM names the codec, else strict UTF-8, else Windows-1258 when it reads as text.

What comes out is NFC with Windows line ends as ``\\n``; nothing else changes (spaces and tone-mark
placement stay as written), so character offsets index the text as the rest of the tool sees it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata

from summarizer.errors import BinaryInputError, DecodeError
from summarizer.text.normalize import nfc

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x0b\x1a") + b"\x7f"
_BINARY_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.05
_PLAUSIBILITY_SAMPLE = 65536
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def finish_text(text: str) -> str:
    """NFC, Windows line ends as \\n; nothing else changes (spaces and tone placement stay as written)."""
    return nfc(text.replace("\r\n", "\n"))


def lone_surrogate_at(text: str) -> int | None:
    """Offset of the first lone surrogate (valid in JSON, not in UTF-8), or None."""
    match = _LONE_SURROGATE.search(text)
    return match.start() if match else None


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_record_date(value: object) -> dt.date | None:
    """A record's date as ISO (``2025-09-18``, a timestamp) or as Vietnamese news writes it (``18/09/2025``,
    ``18-9-2025``, ``18.09.2025``: day first); anything else None."""
    found = parse_iso_date(value)
    if found is not None or not isinstance(value, str):
        return found
    match = _DMY.fullmatch(value.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_iso_date(value: object) -> dt.date | None:
    """``2024-12-13`` or an ISO timestamp as a date; anything else None."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _check_binary(data: bytes, source: str) -> None:
    if b"\x00" in data:
        raise BinaryInputError("binary file (contains NUL bytes), not text", source)
    sample = data[:_BINARY_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise BinaryInputError("binary file (many control bytes), not text", source)


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes: a damaged UTF-8 file, not a legacy encoding."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded[:_PLAUSIBILITY_SAMPLE] if ord(ch) > 127 and ch != "\ufffd")
    return good > bad


def _plausible_vietnamese(text: str) -> bool:
    """Whether a Windows-1258 decoding reads as text: no stray controls, mostly letters and spaces,
    mostly basic Latin letters, and every combining tone mark attached to a vowel."""
    if _C0_CONTROLS.search(text):
        return False
    sample = text[:_PLAUSIBILITY_SAMPLE]
    if not sample.strip():
        return True
    letters = sum(1 for ch in sample if ch.isalpha())
    spaces = sum(1 for ch in sample if ch.isspace())
    ascii_letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    loose_marks = sum(1 for ch in sample if unicodedata.category(ch) == "Mn")
    return (
        (letters + spaces) / len(sample) >= 0.7
        and letters > 0
        and ascii_letters / letters >= 0.4
        and loose_marks <= 0.01 * letters
    )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes: a BOM names the codec; else strict UTF-8; else Windows-1258 if it reads as text."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return finish_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec.upper()} at byte {exc.start}", source) from None
    _check_binary(data, source)
    try:
        return finish_text(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if not _looks_like_broken_utf8(data):
        try:
            text = finish_text(data.decode("cp1258"))
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_vietnamese(text):
            return text
    raise DecodeError(
        f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and not readable as Windows-1258",
        source,
    )


def decode_html(data: bytes, source: str) -> str:
    """Decode an HTML page, trusting a BOM first, then its ``<meta charset>``, then the text strategy."""
    if not any(data.startswith(bom) for bom, _ in BOMS):
        match = _META_CHARSET.search(data[:4096])
        if match:
            try:
                codec = codecs.lookup(match.group(1).decode("ascii")).name
            except LookupError:
                codec = None
            if codec and not codec.startswith(("utf-16", "utf-32")):
                try:
                    return finish_text(data.decode(codec))
                except UnicodeDecodeError:
                    pass
    return decode_bytes(data, source)
