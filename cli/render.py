"""Rich tables of an analysis (rendered from its JSON dict, the one contract)."""

from __future__ import annotations

from typing import Any, Callable

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .rtl import visual

_TOKEN_PREVIEW = 40


def _fmt_number(n: Any) -> str:
    if isinstance(n, float):
        return f"{n:,.6g}" if abs(n) < 1e15 else f"{n:.6g}"
    if isinstance(n, int):
        return f"{n:,}"
    return "" if n is None else str(n)


def _value_text(m: dict[str, Any]) -> str:
    v = m.get("value") or {}
    if "number" in v:
        s = _fmt_number(v["number"])
        if v.get("max") is not None:
            s += "–" + _fmt_number(v["max"])
        return s
    return ""


def _iso_text(v: dict[str, Any]) -> str:
    """A date value for display: its ISO day, or its ISO range."""
    if v.get("gregorian"):
        return str(v["gregorian"])
    start, end = v.get("start"), v.get("end")
    if start and end and start != end:
        return f"{start} … {end}"
    return str(start or "")


class Renderer:
    def __init__(self, console: Console, rtl: bool) -> None:
        self.console = console
        self.v: Callable[[str], str] = visual if rtl else (lambda s: s)

    def _table(self, title: str, *columns: str) -> Table:
        t = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left", title_style="bold")
        for c in columns:
            t.add_column(c, overflow="fold")
        return t

    def summary(self, d: dict[str, Any]) -> Panel:
        st = d.get("stats", {})
        mins, secs = divmod(int(st.get("reading_seconds", 0)), 60)
        lines = [
            f"[bold]file[/]        {d.get('source') or '-'}",
            f"[bold]characters[/]  {st.get('characters', 0):,}",
            f"[bold]words[/]       {st.get('words', 0):,}",
            f"[bold]sentences[/]   {st.get('sentences', 0):,}",
            f"[bold]reading[/]     {mins} min {secs:02d} s",
        ]
        if d.get("published"):
            lines.append(f"[bold]published[/]   {d['published']}")
        if d.get("title"):
            lines.append(f"[bold]title[/]       {self.v(str(d['title']))}")
        for w in d.get("warnings", []):
            lines.append(f"[yellow]warning[/]     {w}")
        return Panel("\n".join(lines), title="newsx", title_align="left", expand=False)

    def entities(self, d: dict[str, Any]) -> Table | None:
        ents = d.get("entities") or []
        if not ents:
            return None
        t = self._table("Entities", "name", "label", "mentions", "roles")
        for e in ents:
            label = e["label"] + (f" ({e['kind']})" if e.get("kind") else "")
            t.add_row(self.v(e["name"]), label, str(e["count"]), self.v("، ".join(e.get("roles", []))))
        return t

    def dates(self, d: dict[str, Any]) -> Table | None:
        rows = [m for m in d.get("mentions", []) if m["label"] in ("DATE", "TIME")]
        if not rows:
            return None
        t = self._table("Dates", "text", "label", "jalali", "gregorian", "sentence")
        for m in rows:
            v = m.get("value") or {}
            greg = _iso_text(v)
            if v.get("inferred"):
                greg += " (inferred)"
            if m["label"] == "TIME" and v.get("hour") is not None:
                greg = f"{v['hour']:02d}:{(v.get('minute') or 0):02d} " + greg
            t.add_row(self.v(m["text"]), m["label"], v.get("jalali") or "", greg.strip(), str(m["sentence"]))
        return t

    def numbers(self, d: dict[str, Any]) -> Table | None:
        rows = [m for m in d.get("mentions", []) if m["label"] in ("MONEY", "PERCENT", "QUANTITY")]
        if not rows:
            return None
        t = self._table("Numbers", "text", "label", "value", "unit", "qualifier", "sentence")
        for m in rows:
            v = m.get("value") or {}
            unit = v.get("currency") or v.get("unit") or ("%" if m["label"] == "PERCENT" else "")
            t.add_row(
                self.v(m["text"]),
                m["label"] + (f" ({m['kind']})" if m.get("kind") else ""),
                _value_text(m),
                self.v(str(unit)),
                self.v(v.get("qualifier") or ""),
                str(m["sentence"]),
            )
        return t

    def events(self, d: dict[str, Any]) -> Table | None:
        evs = d.get("events") or []
        if not evs:
            return None
        mentions = {m["id"]: m for m in d.get("mentions", [])}
        t = self._table("Events", "#", "type", "trigger", "who", "whom", "where", "when", "how many", "source")

        def refs(rs: list[dict[str, Any]]) -> str:
            return self.v("، ".join(r["text"] for r in rs))

        for e in evs:
            when = ""
            if e.get("time"):
                tm = e["time"]
                when = self.v(tm["text"])
                v = (mentions.get(tm.get("mention") or "") or {}).get("value") or {}
                iso = _iso_text(v)
                if iso:
                    when += f" ({iso})"
            many = "، ".join(
                _value_text(mentions[q["mention"]]) if q.get("mention") in mentions else q["text"]
                for q in e.get("quantities", [])
            )
            trig = self.v(e["trigger"]["text"])
            if e.get("negated"):
                trig = f"NOT {trig}"
            t.add_row(
                str(e["sentence"]),
                e["type"],
                trig,
                refs(e.get("actors", [])),
                refs(e.get("targets", [])),
                refs(e.get("place", [])),
                when,
                many,
                self.v(e["source"]["text"]) if e.get("source") else "",
            )
        return t

    def quotes(self, d: dict[str, Any]) -> Table | None:
        qs = d.get("quotes") or []
        if not qs:
            return None
        t = self._table("Quotes", "quote", "speaker", "sentence")
        for q in qs:
            t.add_row(self.v(q["text"]), self.v(q["speaker"]["text"]) if q.get("speaker") else "", str(q["sentence"]))
        return t

    def tokens(self, d: dict[str, Any], limit: int | None) -> Table | None:
        toks = d.get("tokens")
        if not toks:
            return None
        shown = toks if limit is None else toks[:limit]
        title = "Tokens" if len(shown) == len(toks) else f"Tokens (first {len(shown)} of {len(toks)})"
        t = self._table(title, "#", "text", "normalized", "lemma", "sentence", "start", "end")
        for tok in shown:
            t.add_row(
                str(tok["i"]), self.v(tok["text"]), self.v(tok["norm"]), self.v(tok["lemma"]),
                str(tok["sentence"]), str(tok["start"]), str(tok["end"]),
            )
        return t

    def analysis(self, d: dict[str, Any], show_tokens: bool) -> None:
        parts: list[Any] = [self.summary(d)]
        for part in (self.entities(d), self.events(d), self.dates(d), self.numbers(d), self.quotes(d)):
            if part is not None:
                parts.append(part)
        if show_tokens or len(parts) == 1:
            tok = self.tokens(d, None if show_tokens else _TOKEN_PREVIEW)
            if tok is not None:
                parts.append(tok)
        self.console.print(Group(*parts))

    def error(self, source: str, message: str) -> None:
        self.console.print(Text(f"{source}: {message}", style="red"))
