"""The evaluation as readable terminal tables (rich)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .scoring import COMPONENTS, FIELDS


def _counts_table(title: str, first: str, names: tuple[str, ...], table: Mapping[str, Mapping[str, Any]]) -> Table:
    out = Table(title=title, title_justify="left")
    out.add_column(first)
    for column in ("P", "R", "F1", "TP", "FP", "FN"):
        out.add_column(column, justify="right")
    for name in names:
        c = table[name]
        out.add_row(
            name, f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"[bold]{c['f1']:.3f}[/]", str(c["tp"]), str(c["fp"]), str(c["fn"])
        )
    return out


def print_scores(console: Console, record: Mapping[str, Any], path: str) -> None:
    scores = record["scores"]
    usage = record["usage"]
    made_by = f"backend {escape(str(record['backend']))}"
    if record.get("model"):
        made_by += f", model {escape(str(record['model']))}"
    if record.get("prompt"):
        made_by += f", prompt {escape(str(record['prompt']))}"
    console.print(f"[bold]run {record['id']}[/] ({made_by}; {len(scores['articles'])} articles, gold {record['gold_hash']})")
    if usage["tokens_in"] or usage["tokens_out"] or usage.get("cost_unknown"):
        unknown = f" + unknown for {usage['cost_unknown']}" if usage.get("cost_unknown") else ""
        console.print(
            f"tokens {usage['tokens_in']} in / {usage['tokens_out']} out, cost ${usage['cost_usd']:.4f}{unknown}, "
            f"{usage['cached']} cached"
        )
    console.print(_counts_table("Components", "component", COMPONENTS, scores["components"]))
    console.print(_counts_table("Fields", "field", FIELDS, scores["fields"]))
    articles = Table(title="Articles", title_justify="left")
    articles.add_column("article", overflow="fold")
    for column in ("overall", *COMPONENTS, "grounding"):
        articles.add_column(column, justify="right")
    for a in scores["articles"]:
        name = escape(a["id"]) + (" [red](error)[/]" if a.get("error") else "")
        grounding = f"{a['grounding']['rate']:.3f}" if a.get("grounding") else "—"
        articles.add_row(name, f"[bold]{a['overall']:.3f}[/]", *(f"{a['components'][c]['f1']:.3f}" for c in COMPONENTS), grounding)
    console.print(articles)
    line = f"[bold]overall F1 {scores['overall']:.3f}[/]"
    if scores.get("grounding"):
        g = scores["grounding"]
        line += f"   grounding {g['rate']:.3f} ({g['found']}/{g['total']} names, titles and contents found in the text)"
    console.print(line)
    console.print(f"run record: {escape(path)}")


def _signed(value: float) -> str:
    colour = "green" if value > 0 else "red" if value < 0 else "default"
    return f"[{colour}]{value:+.3f}[/]"


def print_comparison(console: Console, comparison: Mapping[str, Any]) -> None:
    table = Table(
        title=f"Compared with {escape(comparison['baseline'])} ({comparison['articles_compared']} articles, "
        f"paired bootstrap, {comparison['resamples']} resamples)",
        title_justify="left",
    )
    table.add_column("metric")
    for column in ("baseline", "current", "Δ", "95% interval of Δ"):
        table.add_column(column, justify="right")
    for name, m in comparison["metrics"].items():
        if name in ("overall", *COMPONENTS) or m["delta"] != 0:
            low, high = m["ci95"]
            table.add_row(name, f"{m['baseline']:.3f}", f"{m['current']:.3f}", _signed(m["delta"]), f"[{low:+.3f}, {high:+.3f}]")
    console.print(table)
    headings = {
        "gained": "[green]gained[/]",
        "lost": "[red]lost[/]",
        "new_false_alarms": "[red]new false alarm[/]",
        "fixed_false_alarms": "[green]false alarm gone[/]",
    }
    for change in comparison["articles"]:
        console.print(f"[bold]{escape(change['id'])}[/] {change['overall_baseline']:.3f} → {change['overall_current']:.3f}")
        for part, heading in headings.items():
            for kind, items in change[part].items():
                for item in items:
                    console.print(f"  {heading} ({kind}): {escape(item)}", highlight=False)
    if comparison.get("unpaired"):
        console.print(f"not in both runs (left out): {escape(', '.join(comparison['unpaired']))}")
