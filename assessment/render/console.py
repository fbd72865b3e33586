"""Print the maturity and gap table in the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assessment.analysis.score_document import fmt
from assessment.analysis.scoring import Assessment
from assessment.text import clean


def _t(value: str) -> Text:
    """Customer and pack text as plain text: `[bold]` in a name is not rich markup."""
    return Text(clean(value))


def print_scores(assessment: Assessment, console: Console | None = None) -> None:
    console = console or Console()
    overall = assessment.overall
    title = _t(f"{assessment.customer} · {assessment.pack.info.process}")
    table = Table(title=title, title_justify="left")
    for column in ("Perspective", "Current", "Target", "Gap", "Level", "Scored"):
        table.add_column(column, justify="left" if column in ("Perspective", "Level") else "right")
    for _, row in assessment.perspectives.iterrows():
        table.add_row(
            _t(row["name"]),
            fmt(row["current"]),
            fmt(row["target"]),
            fmt(row["gap"]),
            row["label"] if isinstance(row["label"], str) else "–",
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

    if assessment.consensus:
        agenda = Table(
            title=f"Consensus needed: {len(assessment.consensus)} questions where "
            "answers differ by 2 levels or more",
            title_justify="left",
        )
        for column in ("Question", "Spread", "What each role said"):
            agenda.add_column(column, justify="right" if column == "Spread" else "left")
        for item in assessment.consensus[:8]:
            said = "; ".join(
                f"{v.role} {fmt(v.value) if v.value is not None else v.status}" for v in item.voices
            )
            if item.rated:
                said += f" → rated {fmt(item.current)}"
            agenda.add_row(item.question, fmt(item.spread), _t(said))
        if len(assessment.consensus) > 8:
            agenda.add_row("…", "", f"{len(assessment.consensus) - 8} more in `--json`")
        console.print(agenda)
    if assessment.recommendations:
        top = Table(title="Top recommendations", title_justify="left")
        for column in ("#", "Recommendation", "Horizon", "Effort", ""):
            top.add_column(column)
        for ranked in assessment.recommendations[:5]:
            rec = ranked.recommendation
            flags = ", ".join(
                f
                for f, on in (
                    ("quick win", ranked.quick_win),
                    ("customer priority", ranked.customer_priority),
                )
                if on
            )
            top.add_row(str(ranked.rank), _t(rec.title), rec.horizon, rec.effort, flags)
        console.print(top)
