"""Where the bundled folders are: the checkout's top-level folders, or the installed copies.

In a checkout (and an editable install) the packs, report templates and examples are the
top-level `questionnaires/`, `report_templates/` and `examples/` folders. A wheel carries the same
folders inside the package as `assessment/_bundled/<name>/` (mapped at build time in
pyproject.toml), so an installed toolkit works from any directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The folder `name` (`questionnaires`, `report_templates` or `examples`)."""
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


PACKS = bundled("questionnaires")
TEMPLATES = bundled("report_templates")
EXAMPLES = bundled("examples")
