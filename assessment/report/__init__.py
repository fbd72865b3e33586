"""The report stage: the report model built once from the analysis, its words, charts, diagrams."""
