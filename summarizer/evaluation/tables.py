"""The evaluation as readable terminal tables (rich)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from summarizer.grounding import GROUNDED_ITEMS

from .formatting import NOTHING, interval, listed, money, score, spread_text
from .scoring import COMPONENTS, FIELDS, OVERALL_NOTE


def _counts_table(title: str, first: str, names: tuple[str, ...], table: Mapping[str, Mapping[str, Any]]) -> Table:
    out = Table(title=title, title_justify="left")
    out.add_column(first)
    for column in ("P", "R", "F1", "TP", "FP", "FN"):
        out.add_column(column, justify="right")
    for name in names:
        c = table[name]
        out.add_row(name, score(c["precision"]), score(c["recall"]), f"[bold]{score(c['f1'])}[/]", str(c["tp"]), str(c["fp"]), str(c["fn"]))
    return out


def print_scores(console: Console, record: Mapping[str, Any], path: str) -> None:
    scores = record["scores"]
    usage = record["usage"]
    made_by = f"backend {escape(str(record['backend']))}"
    if record.get("model"):
        made_by += f", model {escape(str(record['model']))}"
    if record.get("prompt"):
        made_by += f", prompt {escape(str(record['prompt']))}"
    if record.get("source"):
        made_by += f", predictions from {escape(str(record['source']))}"
    console.print(
        f"[bold]run {record['id']}[/] ({made_by}; {len(scores['articles'])} articles, gold {record['gold_hash']}; {record.get('created', '')})"
    )
    if usage["tokens_in"] or usage["tokens_out"] or usage.get("cost_unknown"):
        unknown = f" + unknown for {usage['cost_unknown']}" if usage.get("cost_unknown") else ""
        console.print(
            f"tokens {usage['tokens_in']} in / {usage['tokens_out']} out, cost ${usage['cost_usd']:.4f}{unknown}, "
            f"{usage['cached']} cached"
        )
    console.print(_counts_table("Components", "component", COMPONENTS, scores["components"]))
    console.print(f"{OVERALL_NOTE}.", highlight=False)
    console.print(_counts_table("Fields", "field", FIELDS, scores["fields"]))
    articles = Table(title="Articles", title_justify="left")
    articles.add_column("article", overflow="fold")
    for column in ("overall", *COMPONENTS, "grounding"):
        articles.add_column(column, justify="right")
    for a in scores["articles"]:
        name = escape(a["id"]) + (" [red](error)[/]" if a.get("error") else "")
        grounding = score(a["grounding"]["rate"]) if a.get("grounding") else "—"
        articles.add_row(name, f"[bold]{score(a['overall'])}[/]", *(score(a["components"][c]["f1"]) for c in COMPONENTS), grounding)
    console.print(articles)
    line = f"[bold]overall F1 {score(scores['overall'])}[/]"
    if scores.get("grounding"):
        g = scores["grounding"]
        line += f"   grounding {score(g['rate'])} ({g['found']}/{g['total']} {GROUNDED_ITEMS} found in the text)"
    console.print(line)
    console.print(f"run record: {escape(path)}")


def _signed(value: float | None) -> str:
    if value is None:
        return NOTHING
    colour = "green" if value > 0 else "red" if value < 0 else "default"
    return f"[{colour}]{value:+.3f}[/]"


def print_comparison(console: Console, comparison: Mapping[str, Any]) -> None:
    console.print(f"[bold]baseline[/] {escape(comparison['baseline']['label'])}")
    console.print(f"[bold]current[/]  {escape(comparison['current']['label'])}")
    for problem in comparison.get("problems") or []:
        console.print(f"[red]not a comparison of the named backends:[/] {escape(problem)}")
    table = Table(
        title=f"Current compared with baseline ({comparison['articles_compared']} articles, "
        f"paired bootstrap, {comparison['resamples']} resamples)",
        title_justify="left",
    )
    table.add_column("metric")
    for column in ("baseline", "current", "Δ", "95% interval of Δ"):
        table.add_column(column, justify="right")
    for name, m in comparison["metrics"].items():
        if listed(name, m, ("overall", *COMPONENTS)):
            table.add_row(name, score(m["baseline"]), score(m["current"]), _signed(m["delta"]), interval(m["ci95"]))
    console.print(table)
    headings = {
        "gained": "[green]gained[/]",
        "lost": "[red]lost[/]",
        "new_false_alarms": "[red]new false alarm[/]",
        "fixed_false_alarms": "[green]false alarm gone[/]",
    }
    for change in comparison["articles"]:
        console.print(f"[bold]{escape(change['id'])}[/] {score(change['overall_baseline'])} → {score(change['overall_current'])}")
        for part, heading in headings.items():
            for kind, items in change[part].items():
                for item in items:
                    console.print(f"  {heading} ({kind}): {escape(item)}", highlight=False)
    if comparison.get("unpaired"):
        console.print(f"not in both runs (left out): {escape(', '.join(comparison['unpaired']))}")


def _spread_cell(figures: Mapping[str, Any], repeats: int) -> str:
    """A mean over repeats, its standard deviation on a second line (narrow columns in a terminal)."""
    return spread_text(figures, repeats).replace(" ± ", "\n± ")


def print_matrix(console: Console, matrix: Mapping[str, Any], *, articles: int) -> None:
    """Prompts × models: overall F1 as a grid, then F1 per component, then grounding, tokens and cost per run."""
    repeats = matrix["repeat"]
    runs = f", {repeats} runs each: mean ± standard deviation" if repeats > 1 else ""
    by_cell = {(c["prompt"], c["model"]): c for c in matrix["cells"]}

    grid = Table(title=f"Prompts × models: overall F1 ({articles} articles{runs})", title_justify="left")
    grid.add_column("prompt \\ model", overflow="fold")
    for model in matrix["models"]:
        grid.add_column(escape(model or "—"), justify="right", overflow="fold")
    for prompt in matrix["prompts"]:
        row = [by_cell.get((prompt, model)) for model in matrix["models"]]
        grid.add_row(escape(prompt or "—"), *(f"[bold]{_spread_cell(c['overall'], repeats)}[/]" if c else "" for c in row))
    console.print(grid)

    components = Table(title="F1 per component", title_justify="left")
    usage = Table(title="Grounding, tokens and cost per run", title_justify="left")
    for table in (components, usage):
        table.add_column("prompt", overflow="fold")
        table.add_column("model", overflow="fold")
    for name in COMPONENTS:
        components.add_column(name, justify="right")
    for name in ("grounding", "tokens in", "tokens out", "cost", "failed"):
        usage.add_column(name, justify="right")
    for c in matrix["cells"]:
        names = (escape(c["prompt"] or "—"), escape(c["model"] or "—"))
        components.add_row(*names, *(_spread_cell(c["components"][name], repeats) for name in COMPONENTS))
        usage.add_row(
            *names, score(c["grounding"]["mean"]), f"{c['tokens_in']:,}", f"{c['tokens_out']:,}", money(c["cost_usd"]), f"{c['failed']:g}"
        )
    console.print(components)
    console.print(usage)
    console.print("every run is saved as a run record; failed: articles the model gave no usable answer for (misses)", highlight=False)
    if repeats > 1:
        console.print(f"repeats: {escape(matrix['repeat_note'])}", highlight=False)
