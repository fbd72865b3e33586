"""The flow, top to bottom: load → check → score → build the context → render. No logic inline."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessment.errors import InvalidInput, Problem

if TYPE_CHECKING:
    from assessment.analysis.scoring import Assessment

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEMO_ENGAGEMENT = "northwind-release"


def now() -> dt.datetime:
    """The one clock: SOURCE_DATE_EPOCH when set (reproducible builds), else the wall clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC)


def init(folder: Path, customer: str, pack: str) -> Path:
    from assessment.engagement.store import init_engagement
    from assessment.pack.load import load_pack, resolve_pack

    load_pack(resolve_pack(pack))
    return init_engagement(folder, customer, pack, now().date())


def validate(path: Path) -> str:
    """Check a pack or an engagement; a one-line summary when all is well."""
    from assessment.engagement.open import open_engagement
    from assessment.pack.load import load_pack

    if (path / "pack.yaml").is_file():
        pack = load_pack(path)
        return (
            f"{path}: pack {pack.info.id} {pack.info.version} is valid: "
            f"{len(pack.questions)} questions, {len(pack.recommendations)} recommendations"
        )
    if (path / "engagement.yaml").is_file():
        opened = open_engagement(path)
        answers = sum(len(i.answers) for i in opened.interviews.values())
        return (
            f"{path}: engagement for {opened.engagement.customer} is valid: "
            f"{len(opened.interviews)} interviews, {answers} answers"
        )
    raise InvalidInput(
        Problem(
            str(path),
            0,
            "",
            "is neither a pack (no pack.yaml) nor an engagement (no engagement.yaml)",
        )
    )


def assess(folder: Path) -> Assessment:
    from assessment.analysis.scoring import score
    from assessment.engagement.open import open_engagement

    return score(open_engagement(folder))


def score_document_for(folder: Path) -> dict[str, Any]:
    from assessment.analysis.score_document import score_document

    return score_document(assess(folder))


def default_output(customer: str) -> Path:
    from assessment.text import slug

    return Path("outputs") / slug(customer)


def generate(folder: Path, out: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Write the deliverables of one engagement; each file appears whole or not at all."""
    from assessment.render import render_all
    from assessment.report.context import build_context

    assessment = assess(folder)
    context = build_context(assessment, now())
    return render_all(context, out or default_output(assessment.customer), only)


def demo(out: Path | None = None) -> list[Path]:
    """Copy the example engagement aside and generate every deliverable from it."""
    source = EXAMPLES / DEMO_ENGAGEMENT
    with tempfile.TemporaryDirectory(prefix="assess-demo-") as temp:
        copy = Path(temp) / DEMO_ENGAGEMENT
        shutil.copytree(source, copy)
        return generate(copy, out)
