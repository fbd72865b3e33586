"""Build reference.docx: the styles every Word deliverable uses. Re-run after changing the look.

A consultancy replaces reference.docx with its own (same style names) to rebrand the documents.
"""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

NAVY = RGBColor(0x1F, 0x3A, 0x5F)
TEAL = RGBColor(0x1B, 0x6E, 0x7A)


def build(path: Path) -> None:
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    for name, size, colour in (
        ("Title", 28, NAVY),
        ("Subtitle", 14, TEAL),
        ("Heading 1", 18, NAVY),
        ("Heading 2", 14, NAVY),
        ("Heading 3", 12, TEAL),
    ):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.space_before = Pt(18)
    styles["Caption"].font.size = Pt(9)
    styles["Caption"].font.italic = True
    if "Table Text" not in [s.name for s in styles]:
        table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = normal
        table_text.font.size = Pt(9)
        table_text.paragraph_format.space_after = Pt(0)
    names = [s.name for s in styles]
    if "TOC Heading" not in names:
        toc = styles.add_style("TOC Heading", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.font.size = Pt(18)
        toc.font.bold = True
        toc.paragraph_format.space_after = Pt(12)
        toc.font.color.rgb = NAVY
    for level, indent in (("toc 1", 0), ("toc 2", 0.6)):
        if level not in names:  # Word's built-in names, so updating the TOC keeps these looks
            entry = styles.add_style(level, WD_STYLE_TYPE.PARAGRAPH)
            entry.base_style = normal
            entry.paragraph_format.left_indent = Cm(indent)
            entry.paragraph_format.space_after = Pt(3 if indent else 4)
            entry.font.bold = not indent
            entry.element.set(qn("w:styleId"), level.upper().replace(" ", ""))
            entry.element.attrib.pop(qn("w:customStyle"), None)
    if "Quote" in names:
        styles["Quote"].font.color.rgb = TEAL
    section = doc.sections[0]
    section.header.paragraphs[0].text = ""
    doc.save(path)


if __name__ == "__main__":
    build(Path(__file__).with_name("reference.docx"))
