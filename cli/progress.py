"""A rich progress bar on stderr (count, rate, ETA) for batches."""

from __future__ import annotations

from typing import Any, Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class _Rate(TextColumn):
    def __init__(self) -> None:
        super().__init__("")

    def render(self, task: Any):  # type: ignore[override]
        from rich.text import Text

        # the mean since the start: the window rich uses jumps when workers deliver in bursts
        elapsed = task.finished_time if task.finished else task.elapsed
        speed = task.completed / elapsed if elapsed and task.completed else None
        return Text(f"{speed:,.1f} articles/s" if speed else "", style="progress.data.speed")


class BatchProgress:
    def __init__(self, total: int | None) -> None:
        self.total = total
        self.progress = Progress(
            TextColumn("[bold]analyzing"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            _Rate(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.task = None

    def __enter__(self) -> Callable[[], None]:
        self.progress.__enter__()
        self.task = self.progress.add_task("analyze", total=self.total)
        return lambda: self.progress.advance(self.task)  # type: ignore[arg-type]

    def __exit__(self, *exc: Any) -> None:
        self.progress.__exit__(*exc)
