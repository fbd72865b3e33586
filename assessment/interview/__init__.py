"""The interview stage: the flow, the guided session, terminal prompts, progress, offline forms."""
