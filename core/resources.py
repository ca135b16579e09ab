"""Reading the language data under ``core/data/`` (one reader for every stage).

Data files are UTF-8, tab-separated, one entry per line; blank lines and lines that
start with ``#`` (comments, the header that explains the columns) are skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

DATA = Path(__file__).resolve().parent / "data"


def rows(name: str | Path, *, strip: bool = True) -> Iterator[list[str]]:
    """The cells of each entry of a data file: ``name`` under ``core/data/``, or a path.

    ``strip=False`` keeps the cells exactly as written (regular expressions, hazm's files).
    """
    path = name if isinstance(name, Path) else DATA / name
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            yield [c.strip() for c in cells] if strip else cells
