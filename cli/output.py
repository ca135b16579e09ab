"""Where output goes: stdout, or a file written atomically (temp file + rename)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import IO, Iterator


class Sink:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, s: str) -> None:
        self.stream.write(s)

    def flush(self) -> None:
        self.stream.flush()


@contextlib.contextmanager
def open_sink(path: Path | None) -> Iterator[Sink]:
    """Stdout, or ``path`` replaced only when everything was written."""
    if path is None:
        try:
            sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
        yield Sink(sys.stdout)
        sys.stdout.flush()
        return
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        from .app import UsageError

        raise UsageError(f"--output: folder {str(directory)!r} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield Sink(fh)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def schema_text() -> str:
    return resources.files("newsx.core").joinpath("newsx.schema.json").read_text(encoding="utf-8")
