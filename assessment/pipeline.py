"""The flow, top to bottom: load → check → score → build the context → render. No logic inline."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessment.errors import InvalidInput, Problem

if TYPE_CHECKING:
    from assessment.analysis.scoring import Assessment

from assessment.resources import EXAMPLES

DEMO_ENGAGEMENT = "northwind-release"


def now() -> dt.datetime:
    """The one clock: SOURCE_DATE_EPOCH when set (reproducible builds), else the wall clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC)


def init(folder: Path, customer: str, pack: str) -> Path:
    from assessment.engagement.store import init_engagement
    from assessment.pack.load import load_pack, pack_reference, resolve_pack

    load_pack(resolve_pack(pack))
    return init_engagement(folder, customer, pack_reference(pack, folder), now().date())


def list_packs() -> str:
    """The packs on the search path, one line each: id, version, where it comes from."""
    from assessment.pack.load import find_packs, load_pack

    rows = [("pack", "id and version", "from")]
    for found in find_packs():
        try:
            info = load_pack(found.path).info
            what = f"{info.id} {info.version}"
        except InvalidInput as exc:
            what = f"invalid: {len(exc.problems)} problems (assess validate)"
        hidden = ", hidden by the pack above of the same name" if found.shadowed else ""
        rows.append((found.name, what, f"{found.origin} {found.path}{hidden}"))
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c}" for a, b, c in rows] if rows[1:] else []
    return "\n".join(lines) or "no packs found; set ASSESS_PACKS to a folder of packs"


def validate(path: Path) -> tuple[str, list[Problem]]:
    """Check a pack or an engagement: a one-line summary when all is well, and the pack's
    warnings (mistakes that load but spoil documents)."""
    from assessment.engagement.open import open_engagement
    from assessment.pack.load import check_pack

    if (path / "pack.yaml").is_file():
        pack, warnings = check_pack(path)
        count = f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
        return (
            f"{path}: pack {pack.info.id} {pack.info.version} is valid: "
            f"{len(pack.questions)} questions, {len(pack.recommendations)} recommendations{count}"
        ), warnings
    if (path / "engagement.yaml").is_file():
        opened = open_engagement(path)
        answers = sum(len(i.answers) for i in opened.interviews.values())
        return (
            f"{path}: engagement for {opened.engagement.customer} is valid: "
            f"{len(opened.interviews)} interviews, {answers} answers"
        ), []
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


def generate(
    folder: Path, out: Path | None = None, only: list[str] | None = None, force: bool = False
) -> list[Path]:
    """Write the deliverables of one engagement as one set: all of them appear, or none.

    They are rendered into a private staging folder and swapped in together, with a manifest
    naming the run; files this command did not write are never replaced (see `files`).
    """
    from assessment import __version__
    from assessment.analysis.scoring import score
    from assessment.engagement.open import open_engagement
    from assessment.files.atomic import staged_set
    from assessment.render.ahead import Ahead
    from assessment.render.registry import render_all
    from assessment.report.context import build_context

    # The stages are loaded before the worker starts (under fork it shares them); the worker
    # loads WeasyPrint while this process reads, scores and builds the report.
    with Ahead() as worker:
        opened = open_engagement(folder)
        assessment = score(opened)
        clock = now()
        context = build_context(assessment, clock)
        target = out or default_output(assessment.customer)
        run = {
            "id": f"{clock.strftime('%Y%m%dT%H%M%SZ')}-{uuid.uuid4().hex[:8]}",
            "time": clock.isoformat(),
            "tool": f"assess {__version__}",
            "pack": {
                "id": opened.pack.info.id,
                "version": opened.pack.info.version,
                "fingerprint": opened.pack.fingerprint,
            },
            "engagement": {"customer": opened.engagement.customer, "sha256": opened.digest},
        }
        with staged_set(target, run, "assess generate", force) as staging:
            written = render_all(context, staging, only, worker)
    return [target / path.name for path in written]


def examples() -> list[str]:
    """The example engagements shipped with the toolkit."""
    return sorted(p.name for p in EXAMPLES.iterdir() if (p / "engagement.yaml").is_file())


def demo(out: Path | None = None, example: str = DEMO_ENGAGEMENT) -> list[Path]:
    """Copy an example engagement aside and generate every deliverable from it."""
    if example not in examples():
        raise InvalidInput(f"no example {example!r}; the examples are {', '.join(examples())}")
    with tempfile.TemporaryDirectory(prefix="assess-demo-") as temp:
        copy = Path(temp) / example
        shutil.copytree(EXAMPLES / example, copy)
        default = None if example == DEMO_ENGAGEMENT else Path("outputs") / example
        return generate(copy, out or default)
