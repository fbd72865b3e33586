"""Views of the answers: per respondent, per role, per key activity, and the consensus agenda."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.analysis.means import weighted_means
from assessment.pack.model import Pack


@dataclass(frozen=True)
class Voice:
    """What the respondents of one role said (reports never name interviewees).

    `value` is the mean of their scored answers; `status` is `na` or `unknown` when none of
    them placed the practice on the scale.
    """

    role: str
    value: float | None
    status: str
    respondents: int


@dataclass(frozen=True)
class ConsensusItem:
    """A question whose respondents disagree by two levels or more: a workshop agenda item."""

    question: str
    text: str
    perspective: str
    spread: float
    current: float
    voices: tuple[Voice, ...]
    rated: bool = False  # settled: a consultant rating replaced the mean


def _scored_with_meta(pack: Pack, answers: pd.DataFrame) -> pd.DataFrame:
    meta = pd.DataFrame(
        [(q.id, q.perspective, q.weight) for q in pack.questions],
        columns=["question", "perspective", "weight"],
    )
    return answers[answers["status"] == "scored"].merge(meta, on="question")


def _weighted_pivot(pack: Pack, frame: pd.DataFrame, by: str) -> pd.DataFrame:
    means = weighted_means(frame, "value", [by, "perspective"]).unstack("perspective")
    return means.reindex(columns=[p.id for p in pack.info.perspectives])


def respondent_view(pack: Pack, answers: pd.DataFrame) -> pd.DataFrame:
    """Respondent × perspective: each person's question-weighted mean."""
    return _weighted_pivot(pack, _scored_with_meta(pack, answers), "respondent")


def role_view(pack: Pack, answers: pd.DataFrame) -> pd.DataFrame:
    """Role × perspective: how the release manager's picture differs from the service desk's."""
    frame = _scored_with_meta(pack, answers)
    frame = frame.assign(role=frame["role"].replace("", "unspecified"))
    return _weighted_pivot(pack, frame, "role")


def informs_view(pack: Pack, questions: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Perspective × item of one `informs` kind (e.g. key activity): weighted current and gap."""
    links = pd.DataFrame(
        [(q.id, ref) for q in pack.questions if q.scored for ref in q.informs.get(kind, ())],
        columns=["question", kind],
    )
    if links.empty:
        return pd.DataFrame(columns=["perspective", kind, "current", "target", "gap", "questions"])
    joined = links.merge(questions, left_on="question", right_index=True)
    joined = joined.dropna(subset=["current"])
    by = ["perspective", kind]
    frame = pd.DataFrame(
        {
            "current": weighted_means(joined, "current", by),
            "target": weighted_means(joined, "target", by),
            "questions": joined.groupby(by).size(),
        }
    )
    frame["gap"] = (frame["target"] - frame["current"]).clip(lower=0).round(2)
    return frame.reset_index()


def consensus_agenda(
    pack: Pack, questions: pd.DataFrame, answers: pd.DataFrame
) -> list[ConsensusItem]:
    """Flagged questions, widest disagreement first, with what each role said."""
    flagged = questions[questions["consensus"]].sort_values(
        "spread", ascending=False, kind="stable"
    )
    said = answers[answers["question"].isin(flagged.index)]
    said = said.assign(
        role=said["role"].replace("", "unspecified"), status=said["status"].astype(str)
    )
    by_role = said.groupby(["question", "role"], sort=True).agg(
        value=("value", "mean"), status=("status", "min"), respondents=("value", "size")
    )
    by_role = by_role.reset_index().sort_values(["question", "value", "role"], kind="stable")
    voices: dict[str, list[Voice]] = {}
    for qid, role, value, status, count in by_role.itertuples(index=False):
        voices.setdefault(qid, []).append(
            Voice(
                role=role,
                value=None if pd.isna(value) else round(float(value), 2),
                status="scored" if pd.notna(value) else status,
                respondents=int(count),
            )
        )
    return [
        ConsensusItem(
            question=str(qid),
            text=pack.question(str(qid)).text,
            perspective=pack.perspective_name(row["perspective"]),
            spread=float(row["spread"]),
            current=float(row["current"]),
            voices=tuple(voices.get(str(qid), ())),
            rated=bool(row["rated"]),
        )
        for qid, row in flagged.iterrows()
    ]
