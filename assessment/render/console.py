"""Print the maturity and gap table in the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from assessment.render.context import fmt
from assessment.scoring import Assessment
from assessment.text import clean


def print_scores(assessment: Assessment, console: Console | None = None) -> None:
    console = console or Console()
    overall = assessment.overall
    title = f"{clean(assessment.customer)} · {clean(assessment.pack.info.process)}"
    table = Table(title=title, title_justify="left")
    for column in ("Perspective", "Current", "Target", "Gap", "Level", "Scored"):
        table.add_column(column, justify="left" if column in ("Perspective", "Level") else "right")
    for _, row in assessment.perspectives.iterrows():
        table.add_row(
            clean(row["name"]),
            fmt(row["current"]),
            fmt(row["target"]),
            fmt(row["gap"]),
            row["label"] or "–",
            f"{row['scored']}/{row['questions']}",
        )
    table.add_section()
    table.add_row(
        "Overall",
        fmt(overall["current"]),
        fmt(overall["target"]),
        fmt(overall["gap"]),
        overall["label"] or "–",
        "",
        style="bold",
    )
    console.print(table)

    consensus = assessment.questions[assessment.questions["consensus"]]
    if not consensus.empty:
        console.print(
            "\n[bold]Consensus needed[/] (respondents differ by 2 levels or more): "
            + ", ".join(consensus.index)
        )
    if assessment.recommendations:
        console.print("\n[bold]Top recommendations[/]")
        for ranked in assessment.recommendations[:5]:
            flag = " (quick win)" if ranked.quick_win else ""
            console.print(
                f"  {ranked.rank}. {clean(ranked.recommendation.title)}{flag}",
                markup=False,
                highlight=False,
            )
