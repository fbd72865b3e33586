"""The pack stage: typed pack models, process knowledge, loading and every pack cross-check."""
