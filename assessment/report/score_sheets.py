"""The score tables of scores.xlsx: every table of the score document as header and rows of
plain values (numbers stay numbers), for the consultant's own analysis. The workbook renderer
only places them, one sheet a table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assessment.pack.questions import LEVEL_LABELS

Cell = str | int | float | None
Record = Mapping[str, Any]
Getter = Callable[[Record], Cell]


@dataclass(frozen=True, slots=True)
class ScoreSheet:
    """One sheet of scores.xlsx: its name, an optional title line, its header and rows."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""


def _yes(key: str) -> Getter:
    return lambda record: "yes" if record[key] else ""


def _labelled(current: float | None) -> str:
    """The name of the level a score reaches, printed next to it: 2.40 | Repeatable."""
    if current is None:
        return ""
    return LEVEL_LABELS[min(int(current), max(LEVEL_LABELS))]


def _level(level: int | None) -> str:
    """A level with its name: "2 Repeatable"."""
    return "" if level is None else f"{level} {LEVEL_LABELS[level]}"


def _columns(headers: str, getters: Mapping[str, str | Getter]) -> tuple[tuple[str, Getter], ...]:
    """Columns from their headings (comma-separated); a heading's record key is the heading
    in snake case unless `getters` names another key or a function of the record."""

    def getter(heading: str) -> Getter:
        get = getters.get(heading, heading.lower().replace(" ", "_"))
        return get if callable(get) else lambda record: record[get]

    return tuple((h, getter(h)) for h in headers.split(", "))


QUESTION_COLUMNS = _columns(
    "Question, Text, Perspective, Current, Level, Target, Gap, Type, Weight, Responses, NA, "
    "Unknown, Spread, Rated, Consensus",
    {
        "Question": "id",
        "Level": lambda q: _labelled(q["current"]),
        "Rated": _yes("rated"),
        "Consensus": _yes("consensus"),
    },
)
RECOMMENDATION_COLUMNS = _columns(
    "Rank, Id, Title, Perspective, Horizon, Phase, Effort, Impact, Priority, Quick win, "
    "Customer priority, Questions",
    {
        "Quick win": _yes("quick_win"),
        "Customer priority": _yes("customer_priority"),
        "Questions": lambda r: ", ".join(r["questions"]),
    },
)

ROADMAP_COLUMNS = _columns(
    "Rank, Id, Phase, Window, Horizon, Effort, Days, Depends on, Marks",
    {"Depends on": lambda r: ", ".join(r["depends_on"]), "Marks": lambda r: _marks(r)},
)
UNADDRESSED_COLUMNS = _columns(
    "Question, Perspective, Current, Target, Plan reaches, What to do",
    {"Plan reaches": "reaches", "What to do": "action"},
)


def _table(
    name: str, columns: tuple[tuple[str, Getter], ...], records: Iterable[Record]
) -> ScoreSheet:
    """A sheet from (heading, function of the record) columns, one row a record."""
    header = tuple(heading for heading, _ in columns)
    return ScoreSheet(name, header, tuple(tuple(get(r) for _, get in columns) for r in records))


def _marks(item: Record) -> str:
    """`quick win, prerequisite`: what the plan marks an item as."""
    marks = {"quick win": "quick_win", "initial win": "initial_win", "prerequisite": "prerequisite"}
    return ", ".join(mark for mark, key in marks.items() if item[key])


def score_sheets(
    doc: dict[str, Any], texts: Mapping[str, str], title: str
) -> tuple[ScoreSheet, ...]:
    """Every score table: `doc` is the score document, `texts` the questions as shown."""
    perspectives, plan = doc["perspectives"], doc["plan"]
    ids = [p["id"] for p in perspectives]
    windows, items = {w["id"]: w["name"] for w in plan["windows"]}, plan["items"]
    summary = [_summary(p["name"], p, p["scored"], p["questions"]) for p in perspectives]
    summary.append(_summary("Overall", doc["overall"], None, None))
    questions = [{**q, "text": texts.get(q["id"], "")} for q in doc["questions"]]
    return (
        ScoreSheet(
            "Summary",
            ("Perspective", "Current", "Target", "Gap", "Level", "Scored", "Questions"),
            tuple(summary),
            title,
        ),
        _table("Questions", QUESTION_COLUMNS, questions),
        ScoreSheet(
            "By role",
            ("Role", *(p["name"] for p in perspectives)),
            tuple((role, *(v.get(pid) for pid in ids)) for role, v in doc["by_role"].items()),
        ),
        ScoreSheet(
            "Consensus",
            ("Question", "Spread", "Current", "Role", "Said"),
            tuple(
                (c["question"], c["spread"], c["current"], v["role"], _said(v))
                for c in doc["consensus"]
                for v in c["voices"]
            ),
        ),
        _table("Recommendations", RECOMMENDATION_COLUMNS, doc["recommendations"]),
        _table("Roadmap", ROADMAP_COLUMNS, [{**r, "window": windows[r["window"]]} for r in items]),
        ScoreSheet(
            "Alternatives",
            ("Path", "Recommendations", "Days", "Overall", *ids, "Open gaps"),
            tuple(
                (
                    a["name"],
                    len(a["recommendations"]),
                    a["days"],
                    a["overall"],
                    *(a["reaches"][pid] for pid in ids),
                    len(a["open_gaps"]),
                )
                for a in plan["alternatives"]
            ),
        ),
        _table("Unaddressed gaps", UNADDRESSED_COLUMNS, plan["unaddressed"]),
        _table("Training", _columns("Role, Skill, Required, Current, Gap", {}), doc["training"]),
    )


def _summary(name: str, scores: Record, scored: Cell, questions: Cell) -> tuple[Cell, ...]:
    """A Summary row: the name, current, target, gap, level and (per perspective) coverage."""
    level = _level(scores["level"])
    return (name, scores["current"], scores["target"], scores["gap"], level, scored, questions)


def _said(voice: Record) -> Cell:
    value: Cell = voice["value"]
    return value if value is not None else voice["status"]
