"""Place an outline into HTML (Jinja2, autoescaped) and print it to PDF with WeasyPrint.

WeasyPrint may fetch only the bundled stylesheet and `data:` URLs: a note containing
`<img src="file:///etc/passwd">` is escaped text anyway, and even a crafted template could not
reach a file or the network through this fetcher.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
import warnings
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from assessment.errors import AssessError
from assessment.files.atomic import replacing
from assessment.render import pdf_fonts
from assessment.render.docx_blocks import TEMPLATES
from assessment.render.outline import Bullets, Figure, Heading, Orientation, Outline, Quote, Table

TEMPLATE = "document.html.j2"
STYLESHEET = "report.css"


def html_for(outline: Outline, generated: dt.datetime) -> str:
    """The intermediate HTML (also kept for golden views)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
    )
    blocks, toc = _annotate(outline)
    return env.get_template(TEMPLATE).render(
        outline=outline, blocks=blocks, toc=toc, generated=generated.isoformat()
    )


def _annotate(outline: Outline) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    blocks: list[dict[str, Any]] = []
    toc: list[dict[str, Any]] = []
    landscape = False  # inside a landscape <div> that must be closed
    for index, (block, following) in enumerate(
        zip(outline.blocks, (*outline.blocks[1:], None), strict=True)
    ):
        entry: dict[str, Any] = {"kind": type(block).__name__.lower(), "b": block}
        # a paragraph that introduces a list, table or figure stays on its page
        entry["keep"] = isinstance(following, Bullets | Table | Figure | Quote)
        if isinstance(block, Heading):
            entry["anchor"] = f"s{index}-" + re.sub(r"[^a-z0-9]+", "-", block.text.lower())[:40]
            if block.level <= 2:
                toc.append({"level": block.level, "text": block.text, "anchor": entry["anchor"]})
        elif isinstance(block, Table):
            entry["total_width"] = sum(block.widths) or 1
        elif isinstance(block, Figure):
            # PNG, not SVG: WeasyPrint lays out an SVG chart's hundreds of text nodes itself,
            # which tripled the time of a report; at 150 dpi print quality is the same.
            data = base64.b64encode(block.chart.png).decode()
            entry["src"] = f"data:image/png;base64,{data}"
            entry["width_cm"] = block.fitted_width_cm()
        elif isinstance(block, Orientation):
            entry["close"], landscape = landscape, block.landscape
        blocks.append(entry)
    if landscape:
        blocks.append({"kind": "orientation", "b": None, "close": True})
    return blocks, toc


def load_library() -> Any:
    """WeasyPrint, loaded quietly (a second call costs nothing)."""
    # WeasyPrint reports missing optional system libraries (HarfBuzz subsetting) as warnings
    # on every run; the PDF is correct without them, so keep the consultant's terminal quiet.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="weasyprint")
    import weasyprint
    from weasyprint.pdf import fonts

    pdf_fonts.install(fonts)
    return weasyprint


def write_pdf(outline: Outline, generated: dt.datetime, target: Path) -> Path:
    """Write `outline` as a PDF (whole or not at all)."""
    weasyprint = load_library()
    HTML, URLFetcher = weasyprint.HTML, weasyprint.URLFetcher

    class BundledOnly(URLFetcher):  # type: ignore[misc,valid-type]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:") or url == (TEMPLATES / STYLESHEET).as_uri():
                return super().fetch(url, headers)
            raise AssessError(f"refused to fetch {url[:80]}")

    html = HTML(
        string=html_for(outline, generated),
        base_url=str(TEMPLATES) + "/",
        url_fetcher=BundledOnly(),
    )
    with replacing(target) as temp:
        html.write_pdf(str(temp))
    return target
