"""The analysis notebook runs top to bottom on the example engagement (stored without outputs)."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "analysis.ipynb"
EXAMPLE = ROOT / "examples" / "northwind-release"


def test_the_notebook_is_stored_without_outputs() -> None:
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    assert all(
        not c.get("outputs") and not c.get("execution_count")
        for c in cells
        if c["cell_type"] == "code"
    )
    assert any("parameters" in c["metadata"].get("tags", []) for c in cells)


def test_the_notebook_runs_on_the_example_engagement() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    parameters = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    parameters.source = f"engagement = {str(EXAMPLE)!r}"
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs)
    assert "Northwind Logistics: overall" in text
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # radar and heat map
