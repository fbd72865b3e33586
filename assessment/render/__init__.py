"""Render the report model into files: one module per file format's building blocks, one per
deliverable; `registry` names the deliverables and renders them, `ahead` is the worker process
that starts while the engagement is still being read."""
