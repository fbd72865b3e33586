"""The question-weighted mean: the one rule behind every perspective, respondent and role figure."""

from __future__ import annotations

import pandas as pd


def weighted_means(frame: pd.DataFrame, value: str, by: str | list[str]) -> pd.Series:
    """Σ(weight × value) ÷ Σ weight per group of `by`, over rows with a value; 2 decimals."""
    known = frame.dropna(subset=[value])
    sums = known.assign(_wv=known["weight"] * known[value]).groupby(by)[["_wv", "weight"]].sum()
    return (sums["_wv"] / sums["weight"]).round(2)
