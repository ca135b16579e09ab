"""Running the analyzer over many articles: in order, in bounded memory, on N processes.

Results come back in input order whatever the number of workers, so output bytes do
not depend on ``--jobs``. Work goes to the pool in *chunks* of several articles (fewer
round trips), at most ``jobs * 3`` chunks are in flight, so a corpus of any size
streams in constant memory. To keep the parent light:

* a plain file travels to a worker as its *path* (the worker reads and decodes it),
  a JSONL line as its raw bytes (the worker decodes and parses it);
* a worker sends back the *encoded* output (a JSON string), not a nested dict that
  would cost a pickle in the worker and an unpickle in the parent.

One article never kills the batch: any exception in analysis becomes that article's
``{"source", "error"}`` record, and a worker process that dies takes only its chunk
with it (the pool is rebuilt and the rest goes on).
"""

from __future__ import annotations

import json
import os
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal

from .inputs import Article

#: How a worker hands back a record: the dict itself, or JSON text.
Style = Literal["dict", "compact", "pretty"]

#: Articles per task and the text size at which a chunk is closed early.
CHUNK_ARTICLES = 16
CHUNK_CHARS = 256 * 1024


@dataclass(slots=True)
class Result:
    """One output record: its source, its error (or None), and the record itself
    (a dict, or its JSON text, as the ``style`` asked)."""

    source: str
    error: str | None
    data: Any
    warnings: tuple[str, ...] = ()  #: input warnings (e.g. the encoding it was decoded from)


def record(article: Article, published: str | None, include: tuple[str, ...]) -> dict[str, Any]:
    """The output record of one article: its analysis, or ``{"source", "error"}``."""
    if article.error is None and article.text is None:
        article.load()  # a file not read yet, a JSONL line not parsed yet
    if article.error is not None:
        return {"source": article.source, **article.meta, "error": article.error}
    from newsx.core import analyze

    pub = article.published or published
    try:
        a = analyze(article.text or "", published=pub, source=article.source, meta=article.meta)
        d = a.to_dict(include=include)
    except ValueError as e:  # e.g. a bad "published" field in a JSONL line
        return {"source": article.source, **article.meta, "error": _one_line(str(e)) or "invalid input"}
    except RecursionError:
        return {"source": article.source, **article.meta, "error": "internal error: input too deeply nested"}
    except MemoryError:
        return {"source": article.source, **article.meta, "error": "internal error: out of memory on this input"}
    except Exception as e:  # never a traceback for one bad article: report it and go on
        return {"source": article.source, **article.meta, "error": _one_line(f"internal error: {type(e).__name__}: {e}")}
    if article.warnings:
        d["warnings"] = list(article.warnings) + d.get("warnings", [])
    return d


def _one_line(s: str) -> str:
    return " ".join(s.split())[:500]


def dumps(d: dict[str, Any], pretty: bool) -> str:
    if pretty:
        return json.dumps(d, ensure_ascii=False, indent=2)
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def result(article: Article, published: str | None, include: tuple[str, ...], style: Style) -> Result:
    d = record(article, published, include)
    err = d.get("error") if "schema" not in d else None
    warnings = tuple(article.warnings)
    if style == "dict":
        return Result(d["source"], err, d, warnings)
    return Result(d["source"], err, dumps(d, style == "pretty"), warnings)


def _init_worker(gazetteers: tuple[str, ...]) -> None:
    """A worker's start: the user's gazetteers (for start methods that do not fork), then warm up."""
    if gazetteers:
        from newsx.core.gazetteer import set_user_gazetteers

        set_user_gazetteers(gazetteers)
    from .lean import load_hazm

    load_hazm()
    _warm()


def _warm() -> None:
    """Load hazm and the language data once per process, then move what was loaded out of
    the cyclic garbage collector's sight: the lexicons live as long as the process, and
    re-scanning them on every collection costs ~10% of a batch (and forked workers then
    share those pages instead of copying them)."""
    from newsx.core import analyze

    analyze("سلام. امروز ۲ نفر در تهران گفتند.")
    _freeze()


def _freeze() -> None:
    # (no collection first: what import and loading left as garbage is a few hundred
    # kilobytes, and a full collection of the heap here costs ~0.08 s. Frozen objects
    # are also skipped by the collection at exit, which makes a one-article run end
    # ~0.15 s sooner.)
    import gc

    gc.freeze()


def _work_chunk(chunk: list[Article], published: str | None, include: tuple[str, ...], style: Style) -> list[Result]:
    return [result(a, published, include, style) for a in chunk]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def chunks(articles: Iterable[Article], size: int = CHUNK_ARTICLES, max_chars: int = CHUNK_CHARS) -> Iterator[list[Article]]:
    """Consecutive groups of at most ``size`` articles and about ``max_chars`` of text."""
    chunk: list[Article] = []
    chars = 0
    for a in articles:
        chunk.append(a)
        chars += len(a.text) if a.text is not None else len(a.line or b"")
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def run(
    articles: Iterable[Article],
    published: str | None,
    include: tuple[str, ...],
    jobs: int | None,
) -> Iterator[dict[str, Any]]:
    """Record dicts for ``articles`` in order (see :func:`run_results`)."""
    for r in run_results(articles, published, include, jobs, "dict"):
        yield r.data


def run_results(
    articles: Iterable[Article],
    published: str | None,
    include: tuple[str, ...],
    jobs: int | None,
    style: Style = "dict",
    chunk_size: int | None = None,
) -> Iterator[Result]:
    """Results for ``articles`` in input order. ``jobs=None``: all cores when there
    are more than a few articles, else one process."""
    it = iter(articles)
    head: list[Article] = []
    for a in it:
        head.append(a)
        if len(head) > 4:
            break
    if jobs is None:
        jobs = default_jobs() if len(head) > 4 else 1
    import itertools

    stream = itertools.chain(head, it)
    if jobs <= 1:
        frozen = False
        for a in stream:
            r = result(a, published, include, style)
            if not frozen and r.error is None:
                _freeze()  # the lexicons are loaded now
                frozen = True
            yield r
        return
    yield from _pooled(stream, published, include, jobs, style, chunk_size or _chunk_size(len(head)))


def _chunk_size(n_head: int) -> int:
    return CHUNK_ARTICLES if n_head > 4 else 1


def _forks() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


def _pool(jobs: int):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    from newsx.core import gazetteer

    users = tuple(str(p) for p in gazetteer._user_paths)  # re-registered in workers that do not fork
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(users,))


def _pooled(stream: Iterator[Article], published, include, jobs: int, style: Style, size: int) -> Iterator[Result]:
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 3
    if _forks():
        _warm()  # load once here: forked workers inherit the loaded lexicons
    pool = _pool(jobs)
    pending: deque = deque()  # (chunk, future)

    def submit(chunk: list[Article]) -> None:
        pending.append((chunk, pool.submit(_work_chunk, chunk, published, include, style)))

    try:
        source = chunks(stream, size)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    submit(chunk)
            if not pending:
                break
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # a worker died (killed, out of memory, crashed in C code): this chunk is
                # lost; rebuild the pool and resubmit the chunks that were in flight.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(jobs)
                retry = [c for c, _ in pending]
                pending.clear()
                for c in retry:
                    submit(c)
                results = _died(chunk, published, include, style)
            except Exception as e:  # pickling trouble and the like: report, go on
                results = [_error(a, f"internal error: {type(e).__name__}: {e}", style) for a in chunk]
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _died(chunk: list[Article], published, include, style: Style) -> list[Result]:
    """A chunk whose worker died: retry its articles one by one in a fresh single
    worker, so only the culprit gets an error."""
    from concurrent.futures.process import BrokenProcessPool

    out = []
    for a in chunk:
        pool = _pool(1)
        try:
            out.extend(pool.submit(_work_chunk, [a], published, include, style).result())
        except BrokenProcessPool:
            out.append(_error(a, "internal error: the worker process died on this input", style))
        except Exception as e:
            out.append(_error(a, f"internal error: {type(e).__name__}: {e}", style))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return out


def _error(a: Article, message: str, style: Style) -> Result:
    if a.line is not None:
        a.load()  # its pass-through fields (id, title, url) go into the error record
    d = {"source": a.source, **a.meta, "error": _one_line(message)}
    return Result(a.source, d["error"], d if style == "dict" else dumps(d, style == "pretty"))
