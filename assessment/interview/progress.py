"""Interview progress: completion per respondent and perspective, and open questions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assessment.engagement.open import read_with_pack
from assessment.interview import flow
from assessment.pack.model import Pack
from assessment.pack.questions import Question
from assessment.text import clean, fill, shorten


@dataclass(frozen=True)
class RespondentProgress:
    name: str
    role: str
    done: dict[str, tuple[int, int]]  # perspective id → (answered, asked)
    orphans: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    pack: Pack
    respondents: tuple[RespondentProgress, ...]
    unanswered: tuple[Question, ...]
    customer: str = ""
    organisation: str = ""

    def shown(self, text: str) -> str:
        """Pack or customer text as printed: placeholders filled, escapes removed."""
        return clean(fill(text, self.customer, self.organisation))


def progress(folder: Path) -> Progress:
    """Read an engagement (answers to questions a changed pack lost are reported, not fatal)."""
    found, pack = read_with_pack(folder)
    rows, answered = [], set()
    for _, interview in sorted(found.interviews.items()):
        role = flow.find_role(pack, interview.respondent.role)
        plan = flow.QuestionPlan.make(pack, role, every_question=role is None)
        done = flow.completion(plan, interview.answers)
        orphans = tuple(flow.orphans(pack, interview.answers))
        rows.append(
            RespondentProgress(interview.respondent.name, interview.respondent.role, done, orphans)
        )
        answered |= set(interview.answers)
    open_questions = tuple(q for q in flow.ordered(pack) if q.id not in answered)
    engagement = found.engagement
    return Progress(pack, tuple(rows), open_questions, engagement.customer, engagement.organisation)


def print_progress(result: Progress) -> None:
    """A rich table of completion, then the questions nobody has answered yet."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    perspectives = result.pack.info.perspectives
    title = f"Interviews: {result.shown(result.pack.info.name)}"
    table = Table(title=title, title_justify="left")
    table.add_column("Respondent")
    table.add_column("Role")
    for perspective in perspectives:
        table.add_column(clean(perspective.name), justify="right")
    table.add_column("Total", justify="right", style="bold")
    for row in result.respondents:
        cells = [_cell(*row.done.get(p.id, (0, 0))) for p in perspectives]
        done = sum(d for d, _ in row.done.values())
        total = sum(t for _, t in row.done.values())
        name, role = result.shown(row.name), result.shown(row.role) or "-"
        table.add_row(name, role, *cells, _cell(done, total))
    if result.respondents:
        console.print(table, markup=False)
    else:
        console.print("No interviews yet; start one with `assess interview DIR`.", markup=False)
    for row in result.respondents:
        if row.orphans:
            console.print(
                f"{result.shown(row.name)}: answers to questions the pack no longer has "
                f"(kept, not scored): {', '.join(row.orphans)}",
                markup=False,
            )
    if result.unanswered:
        console.print(f"\nNot answered by anyone yet ({len(result.unanswered)}):", markup=False)
        for question in result.unanswered:
            text = shorten(result.shown(question.text), max(30, console.width - 14))
            console.print(f"  {question.id}  {text}", markup=False, overflow="ellipsis")
    else:
        console.print("\nEvery question has at least one answer.", markup=False)


def _cell(done: int, total: int) -> str:
    if not total:
        return "-"
    mark = " ✓" if done == total else ""
    return f"{done}/{total}{mark}"
