"""Normalised text views of generated files, for golden comparisons (bytes differ run to run).

docx → `style: text` per paragraph plus table rows; pptx → per slide the layout, each shape's
text, chart type, categories and values; xlsx → per sheet the non-empty rows; pdf → page count
and per-page text.
"""

from __future__ import annotations

from pathlib import Path


def docx_view(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines = [
        f"# sections: {len(document.sections)}, orientation: "
        + ", ".join(str(s.orientation).split(".")[-1].split(" ")[0] for s in document.sections)
    ]
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                lines.append(f"{block.style.name}: {block.text}")
            elif block._p.xpath(".//pic:pic"):
                lines.append(f"{block.style.name}: [picture]")
        elif isinstance(block, Table):
            lines.append(f"[table {len(block.rows)}x{len(block.columns)}]")
            lines += [
                "| " + " | ".join(c.text.replace("\n", " / ") for c in row.cells)
                for row in block.rows
            ]
    return "\n".join(lines) + "\n"


def pptx_view(path: Path) -> str:
    from pptx import Presentation

    deck = Presentation(str(path))
    lines = []
    for number, slide in enumerate(deck.slides, start=1):
        lines.append(f"## slide {number}: {slide.slide_layout.name}")
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                lines.append(f"{shape.shape_type}: {shape.text_frame.text}".replace("\n", " / "))
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = shape.chart
                lines.append(f"chart {chart.chart_type}: {list(chart.plots[0].categories)}")
                lines += [f"  {s.name}: {list(s.values)}" for s in chart.plots[0].series]
            if getattr(shape, "has_table", False) and shape.has_table:
                lines += ["| " + " | ".join(c.text for c in row.cells) for row in shape.table.rows]
        if slide.has_notes_slide:
            lines.append("notes: " + slide.notes_slide.notes_text_frame.text.replace("\n", " / "))
    return "\n".join(lines) + "\n"


def xlsx_view(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"## sheet {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            if any(v is not None and v != "" for v in row):
                lines.append("| " + " | ".join("" if v is None else str(v) for v in row))
    return "\n".join(lines) + "\n"


def pdf_view(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    lines = [f"# pages: {len(reader.pages)}"]
    for number, page in enumerate(reader.pages, start=1):
        lines.append(f"## page {number}")
        lines += [
            line.rstrip() for line in (page.extract_text() or "").splitlines() if line.strip()
        ]
    return "\n".join(lines) + "\n"


VIEWS = {".docx": docx_view, ".pptx": pptx_view, ".xlsx": xlsx_view, ".pdf": pdf_view}


def view(path: Path) -> str:
    return VIEWS[path.suffix](path)


def libreoffice_pdf(files: list[Path], outdir: Path, check: bool = False):
    """Convert office files to PDF as a reader's LibreOffice would (a private profile in outdir)."""
    import subprocess

    return subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{outdir}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=check,
    )
