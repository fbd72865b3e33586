"""Measured values: metric answers per respondent, the ratios a pack derives, medians and bands.

A metric answer is a number in the question's unit. A derived metric (`derive: {ratio: [a, b],
scale: s}`) is a × s ÷ b per respondent, skipped when either is unknown or b is 0. A question's
value for the engagement is the median over respondents; a banded metric scores the band level
of that median, an unbanded one is a baseline only.
"""

from __future__ import annotations

import pandas as pd

from assessment.pack.model import Pack

MEASURE_COLUMNS = ["respondent", "role", "question", "measure"]


def derived_rows(pack: Pack, measured: pd.DataFrame) -> pd.DataFrame:
    """Per respondent, one row per derived metric whose two operands were measured."""
    rows = []
    by_question = measured.set_index(["question", "respondent"])["measure"]
    roles = measured.drop_duplicates("respondent").set_index("respondent")["role"]
    for q in pack.questions:
        if q.derive is None:
            continue
        top, bottom = q.derive.ratio
        if top not in by_question.index or bottom not in by_question.index:
            continue
        pair = pd.concat([by_question[top], by_question[bottom]], axis=1, keys=["a", "b"])
        pair = pair.dropna()
        pair = pair[pair["b"] != 0]
        ratio = pair["a"] * q.derive.scale / pair["b"]
        rows += [(rid, roles[rid], q.id, float(value)) for rid, value in ratio.items()]
    return pd.DataFrame(rows, columns=MEASURE_COLUMNS)


def band_levels(pack: Pack, questions: pd.Series, values: pd.Series) -> pd.Series:
    """The band level each value earns for its question (NaN where unbanded or no value)."""
    banded = {q.id: q for q in pack.questions if q.type == "metric" and q.bands}
    levels = [
        float(banded[qid].band_level(value)) if qid in banded and pd.notna(value) else float("nan")
        for qid, value in zip(questions, values, strict=True)
    ]
    return pd.Series(levels, index=values.index, dtype=float)


def medians(answers: pd.DataFrame) -> pd.Series:
    """The median measured value per question, over the respondents who gave one."""
    measured = answers.dropna(subset=["measure"])
    return measured.groupby("question")["measure"].median().round(2)
