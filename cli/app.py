"""The ``newsx`` command line (typer).

Commands stay thin: they parse options, hand texts to :mod:`newsx.core`, and render
records as rich tables, JSON or JSON Lines. Heavy modules (hazm, the language data)
are imported only by the commands that analyze text, so ``newsx --help``,
``--version`` and ``newsx schema`` start instantly.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, List, Optional

import typer

from newsx import __version__

from . import inputs as _inputs
from .output import Sink, open_sink

app = typer.Typer(
    name="newsx",
    help="Offline analyzer for Persian news: entities, dates, numbers, events.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"


class TokenFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    conll = "conll"


class RTL(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """newsx: who and what a Persian news article is about."""


def _click_exception(name: str) -> type[Exception]:
    """A click exception class as typer uses it (typer may vendor its own click)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


UsageError = _click_exception("UsageError")
ClickException = _click_exception("ClickException")


def _fail_usage(message: str) -> None:
    raise UsageError(message)


def _includes(value: str | None) -> tuple[str, ...]:
    from newsx.core.model import OPTIONAL_PARTS

    if not value:
        return ()
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in OPTIONAL_PARTS]
    if bad:
        _fail_usage(f"--include: unknown part {bad[0]!r} (choose from {', '.join(OPTIONAL_PARTS)})")
    return parts


def _check_published(value: str | None) -> str | None:
    if not value:
        return None
    from newsx.core.pipeline import parse_published

    try:
        return parse_published(value).isoformat()
    except ValueError as e:
        _fail_usage(f"--published: {e}")
    return None


def _stdout_is_tty(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty()


def _dumps(d: dict[str, Any], pretty: bool) -> str:
    if pretty:
        return json.dumps(d, ensure_ascii=False, indent=2)
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def _single(paths: list[str], input_format: InputFormat) -> bool:
    """One plain input file or stdin: JSON output is an object, not an array."""
    return (
        input_format is InputFormat.text
        and len(paths) == 1
        and (paths[0] == "-" or Path(paths[0]).is_file() or not Path(paths[0]).exists() and "*" not in paths[0])
    )


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def analyze(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, directories (*.txt, recursively), globs, or - for stdin."),
    format: Format = typer.Option(Format.auto, "--format", "-f", help="auto: tables on a terminal, JSON when piped."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout; with --engine dask, a folder for the parts."),
    published: Optional[str] = typer.Option(None, "--published", help="Reference date: 2023-10-29 or Jalali 1402-08-07."),
    include: Optional[str] = typer.Option(None, "--include", help="Bulky parts to add: tokens,sentences,text,normalized."),
    rtl: Optional[RTL] = typer.Option(None, "--rtl", help="Shape and reorder Persian in tables [env NEWSX_RTL; default auto]."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input-format", help="jsonl: one article per line with text (and id, title, published, url)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force an input encoding (default: UTF-8, else detected)."),
    max_bytes: int = typer.Option(_inputs.DEFAULT_MAX_BYTES, "--max-bytes", min=0, help="Refuse an input (a file, stdin, or one JSONL line) larger than this (0: no limit)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores for more than a few inputs)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (processes on this machine) or dask (a Dask cluster; needs newsx[dask])."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."),
    gazetteer: Optional[List[Path]] = typer.Option(None, "--gazetteer", help="Your own entity list (TSV, same format as core/data/gaz_*.tsv); repeatable."),
) -> None:
    """Analyze articles: entities, dates, numbers, events."""
    pub = _check_published(published)
    parts = _includes(include)
    if gazetteer:
        if engine is Engine.dask:
            _fail_usage("--gazetteer is not supported with --engine dask yet")
        _use_gazetteers(gazetteer)
    if engine is Engine.dask:
        _analyze_dask(paths, format, output, pub, parts, input_format, encoding, max_bytes, jobs, quiet, scheduler)
        return
    if scheduler:
        _fail_usage("--scheduler needs --engine dask")
    fmt = format
    if fmt is Format.auto:
        fmt = Format.table if _stdout_is_tty(output) else Format.json
    single = _single(paths, input_format)
    arts = _inputs.articles(paths, input_format.value, encoding, max_bytes, lazy=True)

    from .batch import run_results
    from .lean import load_hazm

    load_hazm()

    style = "dict" if fmt is Format.table else "compact" if fmt is Format.jsonl else "pretty"
    failed = False
    with open_sink(output) as sink, _progress(paths, input_format, quiet) as advance:
        # tables show a tokens preview while nothing else was found
        results = run_results(arts, pub, parts + ("tokens",) if fmt is Format.table else parts, jobs, style)
        if fmt is Format.table:
            failed = _write_tables(results, sink, rtl, "tokens" in parts, output is None, advance)
        else:
            failed = _write_json(results, sink, fmt, single, advance)
    raise typer.Exit(1 if failed else 0)


def _use_gazetteers(paths: list[Path]) -> None:
    from newsx.core.gazetteer import set_user_gazetteers

    for p in paths:
        if not p.is_file():
            _fail_usage(f"--gazetteer: {str(p)!r}: no such file")
    try:
        set_user_gazetteers(paths)
    except (OSError, ValueError) as e:
        _fail_usage(f"--gazetteer: {e}")


def _analyze_dask(paths, format, output, pub, parts, input_format, encoding, max_bytes, jobs, quiet, scheduler) -> None:
    if format not in (Format.auto, Format.jsonl):
        _fail_usage("--engine dask writes JSON Lines parts: use --format jsonl (or leave it out)")
    if output is None:
        _fail_usage("--engine dask needs --output DIR (a folder for part-NNNNN.jsonl files)")
    if output.exists() and not output.is_dir():
        _fail_usage(f"--output: {str(output)!r} is a file; --engine dask writes a folder")
    from . import dask_engine

    try:
        dask_engine._distributed()
    except dask_engine.DaskUnavailable as e:
        _fail_usage(str(e))
    arts = _inputs.articles(paths, input_format.value, encoding, max_bytes, lazy=True)
    failed = False
    try:
        with _progress(paths, input_format, quiet) as advance:
            for r in dask_engine.run(arts, pub, parts, output, scheduler, workers=jobs):
                _report(r)
                failed = failed or r.error is not None
                advance()
    except OSError as e:
        if scheduler:
            raise ClickException(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        raise
    raise typer.Exit(1 if failed else 0)


def _errline(source: str, message: str) -> None:
    sys.stderr.write(f"newsx: {source}: {message}\n")
    sys.stderr.flush()


def _report(r) -> None:
    """Errors and input warnings of one result on stderr, one line each."""
    for w in r.warnings:
        _errline(r.source, f"warning: {w}")
    if r.error is not None:
        _errline(r.source, r.error)


def _write_json(results, sink: Sink, fmt: Format, single: bool, advance) -> bool:
    """Write encoded results as they come: one JSON object, a JSON array, or JSON Lines."""
    failed = False
    first = True
    if fmt is Format.json and not single:
        sink.write("[")
    for r in results:
        _report(r)
        failed = failed or r.error is not None
        if fmt is Format.jsonl:
            sink.write(r.data + "\n")
            sink.flush()
        elif single:
            sink.write(r.data + "\n")
        else:
            sink.write(("\n" if first else ",\n") + r.data)
        first = False
        advance()
    if fmt is Format.json and not single:
        sink.write("\n]\n" if not first else "]\n")
    return failed


def _write_tables(results, sink: Sink, rtl: RTL | None, show_tokens: bool, to_stdout: bool, advance) -> bool:
    from rich.console import Console

    from .render import Renderer
    from .rtl import resolve_mode

    tty = to_stdout and sys.stdout.isatty()
    console = Console(file=sink.stream, force_terminal=tty, width=None if tty else 120, no_color=not tty)
    renderer = Renderer(console, resolve_mode(rtl.value if rtl else None, tty))
    failed = False
    for r in results:
        _report(r)
        if r.error is not None:
            failed = True
        else:
            renderer.analysis(r.data, show_tokens)
        advance()
    return failed


class _NoProgress:
    def __enter__(self):
        return lambda: None

    def __exit__(self, *exc: Any) -> None:
        return None


def _progress(paths: list[str], input_format: InputFormat, quiet: bool):
    """A progress bar on stderr for a batch on a terminal."""
    if quiet or not sys.stderr.isatty():
        return _NoProgress()
    if input_format is InputFormat.text:
        total = sum(1 for _ in _inputs.expand(paths))
        if total <= 1:
            return _NoProgress()
    else:
        total = _jsonl_total(paths)
    from .progress import BatchProgress

    return BatchProgress(total)


def _jsonl_total(paths: list[str]) -> int | None:
    """Articles in JSONL files (non-blank lines), or None when one input is stdin."""
    total = 0
    for _, path, error in _inputs.expand(paths):
        if path is None:
            if error:
                total += 1
                continue
            return None
        try:
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1
    return total


@app.command()
def normalize(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, directories, or - for stdin."),
    no_repair: bool = typer.Option(False, "--no-repair", help="Skip the half-space (ZWNJ) repair, for comparison."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force an input encoding."),
    max_bytes: int = typer.Option(_inputs.DEFAULT_MAX_BYTES, "--max-bytes", min=0, help="Refuse larger inputs (0: no limit)."),
) -> None:
    """Print the normalized text, line for line."""
    from newsx.core.normalize import normalize as _normalize

    from .lean import load_hazm

    load_hazm()

    failed = False
    with open_sink(output) as sink:
        for art in _inputs.articles(paths, "text", encoding, max_bytes):
            if art.error is not None:
                failed = True
                _errline(art.source, art.error)
                continue
            norm, _ = _normalize(art.text or "", repair=not no_repair)
            sink.write(norm if norm.endswith("\n") or not norm else norm + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def tokens(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, directories, or - for stdin."),
    format: TokenFormat = typer.Option(TokenFormat.auto, "--format", "-f", help="table, json, or conll (CoNLL-U-like TSV)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    rtl: Optional[RTL] = typer.Option(None, "--rtl", help="Shape and reorder Persian in tables."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force an input encoding."),
) -> None:
    """Print tokens with offsets, normalized form and lemma."""
    from newsx.core import analyze as _analyze

    from .lean import load_hazm

    load_hazm()

    fmt = format
    if fmt is TokenFormat.auto:
        fmt = TokenFormat.table if _stdout_is_tty(output) else TokenFormat.json
    failed = False
    with open_sink(output) as sink:
        for art in _inputs.articles(paths, "text", encoding, _inputs.DEFAULT_MAX_BYTES):
            if art.error is not None:
                failed = True
                _errline(art.source, art.error)
                continue
            a = _analyze(art.text or "", source=art.source)
            d = a.to_dict(include=("tokens",))
            if fmt is TokenFormat.json:
                sink.write(_dumps({"source": art.source, "tokens": d["tokens"]}, pretty=True) + "\n")
            elif fmt is TokenFormat.conll:
                sink.write(_conll(a))
            else:
                from rich.console import Console

                from .render import Renderer
                from .rtl import resolve_mode

                tty = output is None and sys.stdout.isatty()
                console = Console(file=sink.stream, force_terminal=tty, width=None if tty else 120, no_color=not tty)
                table = Renderer(console, resolve_mode(rtl.value if rtl else None, tty)).tokens(d, None)
                if table is not None:
                    console.print(table)
    raise typer.Exit(1 if failed else 0)


def _conll(a) -> str:
    """CoNLL-U-like: ID FORM LEMMA NORM START END, a blank line after each sentence."""
    lines = []
    for s in a.sentences:
        lines.append(f"# sent_id = {s.index}")
        lines.append(f"# text = {s.text}")
        first = s.tokens[0]
        for t in a.tokens[s.tokens[0] : s.tokens[1]]:
            lines.append(f"{t.i - first + 1}\t{t.text}\t{t.lemma}\t{t.norm}\t{t.start}\t{t.end}")
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis output."""
    from .output import schema_text

    sys.stdout.write(schema_text())


def _register_optional_commands() -> None:
    try:
        from .eval_cmd import eval_command
    except ImportError:
        return
    app.command("eval")(eval_command)


_register_optional_commands()


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one line on stderr for any error, never a traceback."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="newsx", standalone_mode=False)
        if code == 130:  # typer turns Ctrl-C into Exit(130) before it reaches us
            sys.stderr.write("newsx: interrupted\n")
    except UsageError as e:
        msg = e.format_message().strip().splitlines()[0] if e.format_message().strip() else "usage error"
        sys.stderr.write(f"newsx: error: {msg} (see 'newsx --help')\n")
        code = 2
    except ClickException as e:
        sys.stderr.write(f"newsx: error: {e.format_message()}\n")
        code = e.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("newsx: interrupted\n")
        code = 130
    except BrokenPipeError:
        # the reader (head, jq -e …) went away: stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        code = 0
    except Exception as e:  # pragma: no cover - the last line of defence
        if os.environ.get("NEWSX_DEBUG"):
            raise
        sys.stderr.write(f"newsx: internal error: {type(e).__name__}: {e}\n")
        code = 1
    sys.exit(code if isinstance(code, int) else 0)
