"""Build reference.pptx: the 16:9 master, layouts and theme the executive deck uses.

A consultancy replaces reference.pptx with its own to rebrand the deck. The renderer looks up
layouts by name ("Title Slide", "Title and Content", "Title Only", "Section Header") and falls
back sensibly; it colours charts and tables with the theme's accent colours, so a new theme
recolours them too. Re-run after changing the look:
`python report_templates/make_reference_pptx.py`.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

NAVY, TEAL, AMBER = "1F3A5F", "1B6E7A", "C9822B"
INK, MIST = "2B2B2B", "E8EEF3"
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, 16:9
TITLE_BOX = (Inches(0.6), Inches(0.32), Inches(12.13), Inches(0.9))
BODY_BOX = (Inches(0.6), Inches(1.45), Inches(12.13), Inches(5.25))
FOOTERS = {  # placeholder type → box
    PP_PLACEHOLDER.DATE: (Inches(0.6), Inches(6.98), Inches(2.5), Inches(0.36)),
    PP_PLACEHOLDER.FOOTER: (Inches(3.3), Inches(6.98), Inches(6.7), Inches(0.36)),
    PP_PLACEHOLDER.SLIDE_NUMBER: (Inches(10.73), Inches(6.98), Inches(2.0), Inches(0.36)),
}
TITLED = ("Title and Content", "Title Only", "Two Content", "Comparison", "Title and Vertical Text")
THEME_COLOURS = {
    "dk2": NAVY,
    "lt2": MIST,
    "accent1": NAVY,
    "accent2": TEAL,
    "accent3": AMBER,
    "accent4": "5B7C99",
    "accent5": "8FB8BF",
    "accent6": "7F7F7F",
}


def build(path: Path) -> None:
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    _theme(deck)
    master = deck.slide_master
    _widen(master)
    for layout in deck.slide_layouts:
        _widen(layout)
    _master_look(master)
    for layout in deck.slide_layouts:
        _layout_look(layout)
    props = deck.core_properties
    props.title, props.author, props.last_modified_by = (
        "Reference deck",
        "ITSM assessment toolkit",
        "",
    )
    deck.save(str(path))


def _theme(deck) -> None:  # type: ignore[no-untyped-def]
    theme = deck.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    root.set("name", "Assessment")
    scheme = root.find(f".//{a}clrScheme")
    scheme.set("name", "Assessment")
    for name, colour in THEME_COLOURS.items():
        slot = scheme.find(f"{a}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{a}srgbClr", val=colour)
    fonts = root.find(f".//{a}fontScheme")
    fonts.set("name", "Assessment")
    for latin in fonts.iter(f"{a}latin"):
        latin.set("typeface", "Arial")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _widen(part) -> None:  # type: ignore[no-untyped-def]
    """Stretch the 4:3 placeholder geometry of python-pptx's default template to 16:9."""
    for shape in part.shapes:
        if shape._element.spPr.find(qn("a:xfrm")) is not None:  # own geometry, not inherited
            shape.left = Emu(int(shape.left * 4 / 3))
            shape.width = Emu(int(shape.width * 4 / 3))


def _place(shape, box) -> None:  # type: ignore[no-untyped-def]
    shape.left, shape.top, shape.width, shape.height = box


def _master_look(master) -> None:  # type: ignore[no-untyped-def]
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(shape, TITLE_BOX)
        elif kind == PP_PLACEHOLDER.BODY:
            _place(shape, BODY_BOX)
        else:
            _place(shape, FOOTERS[kind])
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _run_props(title.find(qn("a:defRPr")), 2800, NAVY, bold=True)
    body = styles.find(qn("p:bodyStyle"))
    for level, size, margin, char in (
        ("a:lvl1pPr", 2000, 0.3, "▪"),
        ("a:lvl2pPr", 1800, 0.65, "–"),
        ("a:lvl3pPr", 1600, 1.0, "–"),
    ):
        paragraph = body.find(qn(level))
        paragraph.set("marL", str(int(Inches(margin))))
        paragraph.set("indent", str(-int(Inches(0.3))))
        _run_props(paragraph.find(qn("a:defRPr")), size, INK)
        bullet = paragraph.find(qn("a:buChar"))
        if bullet is not None:
            bullet.set("char", char)
            colour = etree.Element(qn("a:buClr"))
            etree.SubElement(colour, qn("a:srgbClr"), val=TEAL)
            bullet.addprevious(colour)
    tree = master.shapes._spTree
    top_band = _rectangle(9001, "Accent band", 0, 0, WIDTH, Inches(0.12), NAVY)
    rule = _rectangle(
        9002, "Footer rule", Inches(0.6), Inches(6.92), Inches(12.13), Emu(9525), TEAL
    )
    tree.insert(2, rule)
    tree.insert(2, top_band)


def _layout_look(layout) -> None:  # type: ignore[no-untyped-def]
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx >= 10:  # date, footer, slide number: inherit the master's boxes
            xfrm = shape._element.spPr.find(qn("a:xfrm"))
            if xfrm is not None:
                shape._element.spPr.remove(xfrm)
        elif idx == 0 and layout.name in TITLED:
            _place(shape, TITLE_BOX)
        elif idx == 1 and layout.name in ("Title and Content", "Title and Vertical Text"):
            _place(shape, BODY_BOX)
    if layout.name in ("Title Slide", "Section Header"):
        _cover(layout)


def _cover(layout) -> None:  # type: ignore[no-untyped-def]
    """A navy cover: white title, pale teal subtitle, an amber rule between them."""
    layout.background.fill.solid()
    layout.background.fill.fore_color.rgb = RGBColor.from_string(NAVY)
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            _place(shape, (Inches(0.9), Inches(2.1), Inches(11.5), Inches(1.6)))
            _list_style(shape, 4000, "FFFFFF", bold=True, anchor="b")
        elif idx == 1:
            _place(shape, (Inches(0.9), Inches(4.0), Inches(11.5), Inches(1.5)))
            _list_style(shape, 2000, "BFDDE1", anchor="t")
    layout.shapes._spTree.insert(
        2,
        _rectangle(9003, "Cover rule", Inches(0.9), Inches(3.82), Inches(2.2), Inches(0.06), AMBER),
    )


def _list_style(shape, size: int, colour: str, bold: bool = False, anchor: str = "t") -> None:  # type: ignore[no-untyped-def]
    body = shape._element.txBody
    body.bodyPr.set("anchor", anchor)
    style = body.find(qn("a:lstStyle"))
    for child in list(style):
        style.remove(child)
    level = etree.SubElement(style, qn("a:lvl1pPr"), marL="0", indent="0", algn="l")
    etree.SubElement(level, qn("a:buNone"))
    _run_props(etree.SubElement(level, qn("a:defRPr")), size, colour, bold)


def _run_props(props, size: int, colour: str, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    props.set("sz", str(size))
    props.set("b", "1" if bold else "0")
    for child in list(props):
        if child.tag == qn("a:solidFill"):
            props.remove(child)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=colour)
    props.insert(0, fill)


def _rectangle(shape_id: int, name: str, x: int, y: int, cx: int, cy: int, colour: str):  # type: ignore[no-untyped-def]
    xml = (
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{int(x)}" y="{int(y)}"/>'
        f'<a:ext cx="{int(cx)}" cy="{int(cy)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/>'
        "</a:ln></p:spPr></p:sp>"
    )
    return copy.deepcopy(etree.fromstring(xml))


if __name__ == "__main__":
    build(Path(__file__).with_name("reference.pptx"))
