"""Input handling: expanding paths into articles, and decoding bytes into text.

An input is one *article*: a file, standard input, or one line of a JSON Lines corpus.
Nothing here raises for a bad input; a bad input becomes an :class:`Article` with
``error`` set, so a batch always yields one record per input.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Fields of a JSONL corpus line that pass through to the output record.
PASSTHROUGH = ("id", "title", "url")


class InputError(Exception):
    """A problem with one input; its message is a single line for the user."""


@dataclass
class Article:
    source: str
    text: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def _arabic_ratio(text: str) -> float:
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff") / len(letters)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls > max(2, len(sample) // 100)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode article bytes. Returns the text and warnings; raises InputError."""
    warnings: list[str] = []
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {encoding} (byte {e.start})") from None
        return text.removeprefix("\ufeff"), warnings
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), warnings
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-8 after a UTF-8 BOM (byte {e.start + 3})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 after a UTF-16 BOM") from None
        warnings.append("decoded as UTF-16")
        return text.removeprefix("\ufeff"), warnings
    if _looks_binary(data):
        raise InputError("binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as e:
        bad = e.start
    # Legacy Persian archives are mostly Windows-1256.
    try:
        text = data.decode("cp1256")
        if _arabic_ratio(text) >= 0.3:
            warnings.append("not UTF-8: decoded as windows-1256")
            return text, warnings
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8",):
        text = str(best)
        if _arabic_ratio(text) >= 0.3 or best.encoding in ("ascii",):
            warnings.append(f"not UTF-8: decoded as {best.encoding}")
            return text, warnings
    raise InputError(f"undecodable: not UTF-8 (byte {bad}) and no Persian encoding fits")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None
    if max_bytes and size > max_bytes:
        raise InputError(f"too large: {size} bytes (limit {max_bytes}; raise it with --max-bytes)")
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None


def expand(paths: list[str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """Yield ``(source, path, error)`` for each input: files as given, directories
    recursively (``*.txt``, sorted), globs expanded, ``-`` as standard input."""
    for p in paths:
        if p == "-":
            yield ("-", None, None)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*.txt") if f.is_file())
            if not files:
                yield (p, None, "directory has no .txt files")
            for f in files:
                yield (str(f), f, None)
        elif path.exists():
            yield (p, path, None)
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield (p, None, "no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield (m, Path(m), None)
        else:
            yield (p, None, "no such file or directory")


def _stdin_bytes(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"too large: over {max_bytes} bytes (raise the limit with --max-bytes)")
    return data


def _jsonl_article(source: str, line: str, warnings: list[str]) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return Article(source, error=f"invalid JSON ({e.msg} at column {e.colno})")
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return Article(source, error='a JSONL article needs a "text" string field')
    meta = {k: obj[k] for k in PASSTHROUGH if k in obj}
    pub = obj.get("published")
    return Article(
        source,
        text=obj["text"],
        published=pub if isinstance(pub, str) and pub else None,
        meta=meta,
        warnings=list(warnings),
    )


def articles(
    paths: list[str],
    input_format: str = "text",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Every article of the inputs, in order; bad inputs come back with ``error`` set."""
    for source, path, error in expand(paths):
        if error:
            yield Article(source, error=error)
            continue
        try:
            if input_format == "jsonl":
                if path is None:
                    yield from _jsonl_stream(sys.stdin.buffer, "-", encoding)
                else:
                    with open(path, "rb") as fh:
                        yield from _jsonl_stream(fh, source, encoding)
                continue
            data = _stdin_bytes(max_bytes) if path is None else read_bytes(path, max_bytes)
            text, warnings = decode(data, encoding)
            yield Article(source, text=text, warnings=warnings)
        except InputError as e:
            yield Article(source, error=str(e))
        except OSError as e:
            yield Article(source, error=f"cannot read: {e.strerror or e}")


def _jsonl_stream(fh: Any, source: str, encoding: str | None) -> Iterator[Article]:
    """Read a JSONL corpus line by line (constant memory)."""
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        src = f"{source}:{n}"
        try:
            line, warnings = decode(raw, encoding)
        except InputError as e:
            yield Article(src, error=str(e))
            continue
        yield _jsonl_article(src, line.removeprefix("\ufeff"), warnings)


def env_flag(name: str) -> str | None:
    v = os.environ.get(name)
    return v.strip().lower() if v else None
