"""Running the analyzer over many articles: in order, in bounded memory, on N processes.

Results come back in input order whatever the number of workers, so output bytes do
not depend on ``--jobs``. At most ``jobs * 4`` articles are in flight at once, so a
corpus of any size streams in constant memory.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Iterable, Iterator

from .inputs import Article


def record(article: Article, published: str | None, include: tuple[str, ...]) -> dict[str, Any]:
    """The output record of one article: its analysis, or ``{"source", "error"}``."""
    if article.error is not None:
        return {"source": article.source, "error": article.error}
    from newsx.core import analyze

    pub = article.published or published
    try:
        a = analyze(article.text or "", published=pub, source=article.source, meta=article.meta)
    except ValueError as e:  # e.g. a bad "published" field in a JSONL line
        return {"source": article.source, **article.meta, "error": str(e)}
    except RecursionError:
        return {"source": article.source, **article.meta, "error": "internal error: input too deeply nested"}
    except Exception as e:  # never a traceback for one bad article: report it and go on
        return {"source": article.source, **article.meta, "error": f"internal error: {type(e).__name__}: {e}"}
    d = a.to_dict(include=include)
    if article.warnings:
        d["warnings"] = list(article.warnings) + d.get("warnings", [])
    return d


def _warm() -> None:
    """Load hazm and the language data once per worker process."""
    from newsx.core import analyze

    analyze("سلام. امروز ۲ نفر در تهران گفتند.")


def _work(args: tuple[Article, str | None, tuple[str, ...]]) -> dict[str, Any]:
    return record(*args)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run(
    articles: Iterable[Article],
    published: str | None,
    include: tuple[str, ...],
    jobs: int | None,
) -> Iterator[dict[str, Any]]:
    """Records for ``articles`` in order. ``jobs=None``: all cores when there are more
    than a few articles, else one process."""
    it = iter(articles)
    head: list[Article] = []
    for a in it:
        head.append(a)
        if len(head) > 4:
            break
    if jobs is None:
        jobs = default_jobs() if len(head) > 4 else 1
    if jobs <= 1:
        for a in head:
            yield record(a, published, include)
        for a in it:
            yield record(a, published, include)
        return

    import itertools
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm) as pool:
        pending: deque = deque()
        for a in itertools.chain(head, it):
            pending.append(pool.submit(_work, (a, published, include)))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
