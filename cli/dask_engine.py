"""``newsx analyze --engine dask``: the same analysis on a Dask cluster.

Articles are cut into *parts* of ``part_size`` articles, in input order. Each part is
one task on the cluster (``newsx.cli.batch._work_chunk``: the worker analyzes the
articles and returns their JSON Lines), and the client writes it as
``DIR/part-00000.jsonl``, ``part-00001.jsonl``, … (each through a temporary file and
a rename, so a part file is whole or absent). Concatenating the parts in name order
gives exactly the bytes of ``newsx analyze --format jsonl`` on the same inputs.

The client reads the inputs and sends their text, so workers need not see the
client's files; they need the same version of newsx installed (``pip install
'newsx[dask]'`` on every worker). At most ``2 × workers`` parts are in flight, so the
client's memory stays bounded whatever the corpus size.

Requires the optional extra ``newsx[dask]`` (``dask[distributed]``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .batch import Result, _work_chunk, chunks
from .inputs import Article

PART_SIZE = 500


class DaskUnavailable(ImportError):
    pass


def _distributed():
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable("--engine dask needs the optional extra: pip install 'newsx[dask]'") from None
    return distributed


def part_name(k: int) -> str:
    return f"part-{k:05d}.jsonl"


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None):
    distributed = _distributed()
    if scheduler:
        client = distributed.Client(scheduler, timeout="30s")
        try:
            yield client
        finally:
            client.close()
        return
    # no scheduler: a throwaway cluster on this machine
    from .batch import default_jobs

    cluster = distributed.LocalCluster(
        n_workers=workers or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def run(
    articles: Iterable[Article],
    published: str | None,
    include: tuple[str, ...],
    outdir: Path,
    scheduler: str | None = None,
    *,
    part_size: int | None = None,
    workers: int | None = None,
    client: Any = None,
    on_part: Callable[[int, list[Result]], None] | None = None,
) -> Iterator[Result]:
    """Analyze ``articles`` on the cluster at ``scheduler`` (or ``client``), write the
    parts into ``outdir``, and yield the results in input order (their ``data`` is
    the JSON line without its newline)."""
    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob("part-*.jsonl"):  # a rerun replaces an earlier one
        old.unlink()
    part_size = part_size or PART_SIZE
    if client is not None:
        yield from _run(client, articles, published, include, outdir, part_size)
        return
    with _client(scheduler, workers) as c:
        yield from _run(c, articles, published, include, outdir, part_size)


def _materialize(chunk: list[Article]) -> list[Article]:
    """Read unloaded files here: the workers may not share our filesystem."""
    return [a.load() if a.text is None and a.path is not None else a for a in chunk]


def _run(client: Any, articles, published, include, outdir: Path, part_size: int) -> Iterator[Result]:
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    except Exception:  # pragma: no cover - an odd client
        n_workers = 1
    window = 2 * n_workers
    pending: deque = deque()
    parts = chunks(articles, part_size, max_chars=1 << 62)
    k = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            chunk = next(parts, None)
            if chunk is None:
                exhausted = True
                break
            chunk = _materialize(chunk)
            fut = client.submit(_work_chunk, chunk, published, include, "compact", pure=False)
            pending.append((k, chunk, fut))
            k += 1
        if not pending:
            return
        idx, chunk, fut = pending.popleft()
        try:
            results: list[Result] = fut.result()
        except Exception as e:  # a worker lost, a task failed: this part's articles fail, not the run
            from .batch import _error

            results = [_error(a, f"internal error on the cluster: {type(e).__name__}: {e}", "compact") for a in chunk]
        finally:
            fut.release()
        _write_atomic(outdir / part_name(idx), "".join(r.data + "\n" for r in results))
        yield from results
