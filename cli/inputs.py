"""Input handling: expanding paths into articles, and decoding bytes into text.

An input is one *article*: a file, standard input, or one line of a JSON Lines corpus.
Nothing here raises for a bad input; a bad input becomes an :class:`Article` with
``error`` set, so a batch always yields one record per input.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

#: Inputs larger than this are refused (``--max-bytes``; 0 lifts the limit). A news
#: article is a few kB; analysis holds about 200 bytes of memory per character of
#: input (tokens, alignment), so 2 MiB keeps one article under ~0.5 GB. Larger
#: corpora go in as many files or as JSON Lines, which stream in constant memory.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024

#: Fields of a JSONL corpus line that pass through to the output record.
PASSTHROUGH = ("id", "title", "url")


class InputError(Exception):
    """A problem with one input; its message is a single line for the user."""


@dataclass
class Article:
    """One input. A plain file may come *unloaded* (``path`` set, ``text`` None), and a
    line of a JSONL corpus *unparsed* (``line`` set): :meth:`load` reads, decodes and
    parses it where it is analyzed (in a worker process), so the parent of a batch
    does not spend its time there."""

    source: str
    text: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    path: str | None = None
    encoding: str | None = None
    max_bytes: int = 0
    line: bytes | None = None  #: an unparsed JSONL line

    def load(self) -> "Article":
        """Read and decode ``path``, or decode and parse ``line``, into ``text`` and the
        other fields (or set ``error``)."""
        if self.line is not None and self.text is None and self.error is None:
            raw, self.line = self.line, None
            try:
                line, warnings = decode(raw, self.encoding)
            except InputError as e:
                self.error = str(e)
                return self
            a = _jsonl_article(self.source, line.removeprefix("\ufeff"), warnings)
            self.text, self.published, self.meta, self.warnings, self.error = a.text, a.published, a.meta, a.warnings, a.error
            return self
        if self.text is None and self.error is None and self.path is not None:
            try:
                text, warnings = decode(read_bytes(Path(self.path), self.max_bytes), self.encoding)
                self.text = text
                self.warnings.extend(warnings)
            except InputError as e:
                self.error = str(e)
            except OSError as e:
                self.error = f"cannot read: {e.strerror or e}"
        return self


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(s: str, warnings: list[str]) -> str:
    """Lone surrogates (from a broken decoder upstream, e.g. ``"\\ud800"`` in JSON)
    cannot be written as UTF-8: each becomes U+FFFD, one for one, so offsets hold."""
    if _SURROGATE.search(s) is None:
        return s
    if "lone surrogates replaced by U+FFFD" not in warnings:
        warnings.append("lone surrogates replaced by U+FFFD")
    return _SURROGATE.sub("\ufffd", s)


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
    # Not UTF-8: ask charset-normalizer, and trust it when the result reads as Persian or
    # Arabic script. It needs some text to be sure; for short inputs (a headline) fall
    # back to Windows-1256, what legacy Persian archives mostly are (it has Arabic
    # ي/ك, which normalization turns into Persian ی/ک).
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding != "utf_8":
        text = str(best)
        if _arabic_ratio(text) >= 0.3:
            warnings.append(f"not UTF-8: decoded as {_encoding_name(best.encoding)}")
            return text, warnings
    text = data.decode("cp1256", errors="replace")
    if _arabic_ratio(text) >= 0.3 and "\ufffd" not in text:
        warnings.append("not UTF-8: decoded as windows-1256")
        return text, warnings
    if best is not None and best.encoding != "utf_8" and best.chaos <= 0.1:
        warnings.append(f"not UTF-8: decoded as {_encoding_name(best.encoding)}")
        return str(best), warnings
    raise InputError(f"undecodable: not UTF-8 (byte {bad}) and no Persian encoding fits; try --encoding")


def _encoding_name(python_name: str) -> str:
    """``cp1256`` -> ``windows-1256``: the name users know."""
    n = python_name.replace("_", "-").lower()
    return "windows-" + n[2:] if n.startswith("cp12") else n


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
    warnings = list(warnings)
    meta = {k: _clean(obj[k], warnings) for k in PASSTHROUGH if k in obj}
    pub = obj.get("published")
    return Article(
        source,
        text=_no_surrogates(obj["text"], warnings),
        published=pub if isinstance(pub, str) and pub else None,
        meta=meta,
        warnings=warnings,
    )


def _clean(value: Any, warnings: list[str]) -> Any:
    """A pass-through field, with lone surrogates replaced (see :func:`_no_surrogates`)."""
    if isinstance(value, str):
        return _no_surrogates(value, warnings)
    if isinstance(value, (dict, list)):
        return json.loads(_no_surrogates(json.dumps(value, ensure_ascii=False), warnings))
    return value


def articles(
    paths: list[str],
    input_format: str = "text",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lazy: bool = False,
) -> Iterator[Article]:
    """Every article of the inputs, in order; bad inputs come back with ``error`` set.

    ``lazy``: plain files come back unloaded, JSONL lines unparsed (see :meth:`Article.load`). ``max_bytes``
    limits a file, standard input, and each line of a JSONL corpus (0: no limit).
    """
    for source, path, error in expand(paths):
        if error:
            yield Article(source, error=error)
            continue
        try:
            if input_format == "jsonl":
                if path is None:
                    yield from _jsonl_stream(sys.stdin.buffer, "-", encoding, max_bytes, lazy)
                else:
                    with open(path, "rb") as fh:
                        yield from _jsonl_stream(fh, source, encoding, max_bytes, lazy)
                continue
            if path is not None and lazy:
                yield Article(source, path=str(path), encoding=encoding, max_bytes=max_bytes)
                continue
            data = _stdin_bytes(max_bytes) if path is None else read_bytes(path, max_bytes)
            text, warnings = decode(data, encoding)
            yield Article(source, text=text, warnings=warnings)
        except InputError as e:
            yield Article(source, error=str(e))
        except OSError as e:
            yield Article(source, error=f"cannot read: {e.strerror or e}")


def _lines(fh: Any, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """``(line, size)`` for each line of a binary stream; a line longer than
    ``max_bytes`` comes back as ``(None, size)`` without ever being held whole."""
    if not max_bytes:
        for raw in fh:
            yield raw, len(raw)
        return
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield raw, len(raw)
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
            raw = fh.readline(1 << 20)
            size += len(raw)
        yield None, size


def _jsonl_stream(fh: Any, source: str, encoding: str | None, max_bytes: int = 0, lazy: bool = False) -> Iterator[Article]:
    """Read a JSONL corpus line by line (constant memory); ``lazy``: lines come back
    unparsed (see :meth:`Article.load`)."""
    for n, (raw, size) in enumerate(_lines(fh, max_bytes), 1):
        src = f"{source}:{n}"
        if raw is None:
            yield Article(src, error=f"too large: line of {size} bytes (limit {max_bytes}; raise it with --max-bytes)")
            continue
        if not raw.strip():
            continue
        if lazy:
            yield Article(src, line=raw, encoding=encoding)
            continue
        try:
            line, warnings = decode(raw, encoding)
        except InputError as e:
            yield Article(src, error=str(e))
            continue
        yield _jsonl_article(src, line.removeprefix("\ufeff"), warnings)


def env_flag(name: str) -> str | None:
    v = os.environ.get(name)
    return v.strip().lower() if v else None
