"""Write the tailored process guide (Word), section by section in the order of the MOF guide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm

from assessment.files import replacing
from assessment.render import docx_blocks as blocks
from assessment.render import docx_pages as pages
from assessment.render.context import Context
from assessment.render.guide_context import Block, Guide, build_guide

FILE_NAME = "process-guide.docx"
WIDTH = 15.2  # portrait text width of the reference document, cm
WIDE = 23.9  # landscape text width with 2 cm margins, cm


SIGN_OFF = (["Name", "Title", "Role", "Date", "Signature"], [3.6, 3.2, 2.6, 2.4, 3.4])


def render(context: Context, out: Path) -> list[Path]:
    guide = build_guide(context)
    doc = blocks.new_document(guide.title, f"Process guide for {guide.customer}", context.generated)
    blocks.running_header_footer(doc, f"{guide.customer} · {guide.title}")
    _title_page(doc, guide)
    blocks.table_of_contents(doc)
    _document_information(doc, guide)
    _approval(doc, guide)
    _vision(doc, guide)
    _workflow(doc, guide)
    _resources(doc, guide)
    _tools(doc, guide)
    _appendices(doc, guide)
    for table in doc.tables:
        pages.keep_rows_whole(table)
    blocks.finish(doc)
    target = out / FILE_NAME
    with replacing(target) as temp:
        doc.save(str(temp))
    return [target]


# --- helpers ---------------------------------------------------------------------------------


def _chapter(doc: DocxDocument, title: str) -> None:
    """A Heading 1 that starts a new page."""
    doc.add_heading(title, level=1).paragraph_format.page_break_before = True


def _overview(doc: DocxDocument, introduction: str, topics: list[str], more: str = "") -> None:
    doc.add_heading("Overview", level=2)
    doc.add_paragraph(introduction)
    if more:
        doc.add_paragraph(more)
    pages.lead(doc, "This section contains the following topics:")
    blocks.bullets(doc, topics)


def _block(doc: DocxDocument, block: Block, level: int = 3) -> None:
    """A named block: heading, paragraph, bullets."""
    doc.add_heading(block.name, level=level)
    if block.text:
        pages.lead(doc, block.text)
    blocks.bullets(doc, block.lines)


def _blank_table(doc: DocxDocument, header: list[str], widths: list[float], rows: int) -> None:
    """A table to fill in by hand: empty rows tall enough to write or sign in."""
    table = blocks.table(doc, header, [[""] * len(header)] * rows, widths)
    for row in table.rows[1:]:
        row.height = Cm(0.9)


# --- front matter ----------------------------------------------------------------------------


def _title_page(doc: DocxDocument, guide: Guide) -> None:
    doc.add_paragraph("Process Guide", style="Title")
    doc.add_paragraph(guide.process, style="Subtitle")
    doc.add_paragraph("Service Improvement Program (SIP)", style="Subtitle")
    doc.add_paragraph(f"Prepared for {guide.customer}")
    doc.add_paragraph(f"{guide.date} · Version 0.1 (draft)")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _document_information(doc: DocxDocument, guide: Guide) -> None:
    _chapter(doc, "Document Information")
    for label, text in guide.document_info:
        pages.labelled(doc, label, text)
    pages.lead(doc, "The following table records the versions of this document.")
    blocks.table(doc, ["Version", "Date", "Revisions"], guide.versions, [2.5, 3.5, 9.2])


def _approval(doc: DocxDocument, guide: Guide) -> None:
    _chapter(doc, "Approval")
    doc.add_paragraph(
        "This document defines roles and responsibilities using the SARCI model, adopted to "
        "identify the stakeholders who are Responsible, Accountable, Consulted, Informed, or "
        "whose Signature approval is required."
    )
    doc.add_heading("SARCI model", level=3)
    pages.lead(doc, "The SARCI titles and descriptions are:")
    blocks.table(doc, ["Code", "Title", "Description"], guide.sarci_approval, [1.6, 3, 10.6])
    doc.add_heading("Delivery team approval", level=3)
    pages.lead(doc, "The team directly involved in developing this document approves its content.")
    _blank_table(doc, *SIGN_OFF, guide.blank_rows)
    doc.add_heading("Client approval", level=3)
    pages.lead(
        doc,
        f"The sponsor and the {guide.customer} team directly involved in developing "
        "this document approve its content.",
    )
    _blank_table(doc, *SIGN_OFF, guide.blank_rows)
    doc.add_heading("Team members", level=3)
    pages.lead(
        doc,
        f"The following {guide.customer} team members contributed to and reviewed "
        "the contents of this document.",
    )
    _blank_table(doc, ["Name", "Title", "Role"], [5.2, 5, 5], guide.blank_rows)


# --- Section 1 -------------------------------------------------------------------------------


def _vision(doc: DocxDocument, guide: Guide) -> None:
    _chapter(doc, "Section 1: Process Vision")
    _overview(
        doc,
        f"This section describes the process foundation for the {guide.process} process.",
        [
            "Process Mission and Goals",
            "Guiding Principles",
            "Critical Success Factors",
            "Key Performance Indicators",
            "Process Solution Scope",
        ],
        guide.introduction,
    )
    doc.add_heading("Process Mission and Goals", level=2)
    doc.add_heading("Mission statement", level=3)
    doc.add_paragraph(guide.mission)
    _block(doc, guide.goal)
    doc.add_heading("Guiding Principles", level=2)
    for number, p in enumerate(guide.principles, start=1):
        doc.add_heading(f"Principle {number}", level=3)
        doc.add_paragraph(p.principle).runs[0].bold = True
        pages.labelled(doc, "Example application of the principle", p.example)
        pages.lead(doc, "Rationale:").runs[0].bold = True
        blocks.bullets(doc, p.rationale)
        pages.lead(doc, "Implications:").runs[0].bold = True
        blocks.bullets(doc, p.implications)
    doc.add_heading("Critical Success Factors", level=2)
    pages.lead(doc, f"The critical success factors (CSFs) of the {guide.process} process are:")
    for csf in guide.csfs:
        pages.labelled(doc, csf.name, csf.text)
    doc.add_heading("Key Performance Indicators", level=2)
    pages.lead(
        doc,
        "The key performance indicators (KPIs), grouped by the CSF they measure, "
        "with the goal agreed for each:",
    )
    blocks.table(
        doc,
        ["Key performance indicator", "Goal"],
        guide.kpis,
        [11.2, 4],
        emphasis=guide.kpi_group_rows,
    )
    doc.add_heading("Process Solution Scope", level=2)
    doc.add_paragraph(guide.scope.text)
    if guide.scope.lines:
        pages.lead(doc, "In scope:").runs[0].bold = True
        blocks.bullets(doc, guide.scope.lines)
    if guide.scope_excludes:
        pages.lead(doc, "Out of scope:").runs[0].bold = True
        blocks.bullets(doc, guide.scope_excludes)


# --- Section 2 -------------------------------------------------------------------------------


def _workflow(doc: DocxDocument, guide: Guide) -> None:
    _chapter(doc, "Section 2: Process Workflow")
    _overview(
        doc,
        f"This section describes the {guide.process} workflow.",
        [
            "Process Inputs",
            "Process Key Activities",
            "Process Outputs",
            "Process High Level Workflows",
        ],
    )
    doc.add_heading("Process Inputs", level=2)
    pages.lead(doc, "The table below describes the inputs to this process, by supplier:")
    _party_table(doc, ["Supplier", "Inputs"], guide.inputs)
    doc.add_heading("Process Key Activities", level=2)
    pages.lead(doc, "The following table summarises the key activities of this process:")
    blocks.table(
        doc, [f"{guide.process} key activities"], [(b.name,) for b in guide.activities], [15.2]
    )
    for activity in guide.activities:
        _block(doc, activity)
    doc.add_heading("Process Outputs", level=2)
    pages.lead(doc, "The table below describes the outputs of this process, by customer:")
    _party_table(doc, ["Customer", "Outputs"], guide.outputs)
    doc.add_heading("Process High Level Workflows", level=2)
    if guide.workflow_png:
        pages.lead(
            doc,
            f"The following diagram shows the high-level workflow of the "
            f"{guide.process} process; shading shows the key activity of each step.",
        )
        pages.picture(doc, guide.workflow_png, WIDTH, 20)
        blocks.caption(doc, f"Figure 1: {guide.process} workflow")
    pages.lead(doc, "The steps of the workflow:")
    blocks.table(
        doc,
        ["Step", "What happens", "Key activity", "Roles"],
        guide.workflow_steps,
        [3.2, 6.2, 3.2, 2.6],
    )


# --- Section 3 -------------------------------------------------------------------------------


def _resources(doc: DocxDocument, guide: Guide) -> None:
    _chapter(doc, "Section 3: Process Resources")
    _overview(
        doc,
        f"This section describes the resources of the {guide.process} process.",
        ["Process Roles", "Required Skills", "Process Resources"],
    )
    doc.add_heading("Process Roles", level=2)
    pages.lead(doc, "The key roles involved in executing this process are:")
    blocks.bullets(doc, [role.name for role in guide.roles])
    for role in guide.roles:
        doc.add_heading(role.name, level=3)
        doc.add_paragraph(role.text)
        pages.lead(doc, "Key activities of this role:")
        blocks.bullets(doc, role.lines)
    doc.add_heading("Required Skills", level=2)
    doc.add_paragraph(
        "The following tables list the key skills needed to operate the process, "
        "each with the level of expertise needed."
    )
    doc.add_heading("Skill expertise levels", level=3)
    blocks.table(doc, ["Level", "Description"], guide.skill_levels, [1.6, 13.6])
    doc.add_heading("Roles/skills matrix", level=3)
    pages.lead(doc, "The skills each role needs, with the expertise level in brackets:")
    blocks.table(doc, ["Process role", "Required skill (level)"], guide.skills_matrix, [6, 9.2])
    doc.add_heading("Process Resources", level=2)
    pages.lead(
        doc,
        "The SARCI model identifies the resources that carry out each role. "
        "The following codes are used:",
    )
    blocks.table(doc, ["Code", "Description"], guide.sarci_resource, [1.6, 13.6])
    pages.lead(
        doc,
        f"The following table shows which {guide.customer} resources fill each role "
        "to operate the process; names are added as they become known.",
    )
    blocks.table(
        doc, ["Name", "Title", "SARCI", "Organisation"], guide.resources, [3.6, 5.4, 1.6, 4.6]
    )


# --- Section 4 -------------------------------------------------------------------------------


def _tools(doc: DocxDocument, guide: Guide) -> None:
    _chapter(doc, "Section 4: Process Tool Requirements")
    _overview(
        doc,
        f"This section describes the tool requirements of the {guide.process} process.",
        ["Functional Requirements", "Existing Tool Support Matrix", "Logical Support Architecture"],
    )
    doc.add_heading("Functional Requirements", level=2)
    pages.lead(doc, f"The types of tool needed to support {guide.process} are:")
    for tool in guide.tool_types:
        pages.labelled(doc, tool.name, tool.text)
    doc.add_heading("Functional requirements matrix", level=3)
    pages.lead(
        doc, "The functional requirements needed to operate this process, grouped by tool type:"
    )
    blocks.table(doc, ["Tool type", "Desired tool functionality"], guide.requirements, [4.4, 10.8])
    doc.add_heading("Existing Tool Support Matrix", level=2)
    pages.lead(
        doc,
        f"The tools {guide.customer} uses today for each tool type, as reported in "
        "the interviews (with the role of the person who reported it):",
    )
    blocks.table(doc, ["Tool type", "Existing tools reported"], guide.tool_support, [4.4, 10.8])
    pages.orientation_section(doc, landscape=True, margin_cm=2)
    doc.add_heading("Logical Support Architecture", level=2)
    doc.add_paragraph(guide.architecture)
    if guide.architecture_png:
        pages.picture(doc, guide.architecture_png, WIDE, 11)
        blocks.caption(
            doc,
            "Figure 2: Logical support architecture; dark boxes are data "
            "stores, numbers refer to the data flows below",
        )
    if guide.architecture_links:
        blocks.table(doc, ["#", "From", "To", "Data"], guide.architecture_links, [1, 7, 7, 8.9])
    pages.orientation_section(doc, landscape=False, margin_cm=3.175)


# --- Section 5 -------------------------------------------------------------------------------


def _appendices(doc: DocxDocument, guide: Guide) -> None:
    doc.add_heading("Section 5: Appendices", level=1)
    _overview(
        doc,
        "Additional information about this process is included in the following appendices.",
        [
            "Appendix A – Initial Wins",
            "Appendix B – Process Reporting Templates",
            "Appendix C – Process Form Templates",
            f"Appendix D – {guide.process} SIPOC",
            f"Appendix E – {guide.process} Topics",
            "Appendix F – Glossary",
        ],
    )
    doc.add_heading("Appendix A – Initial Wins", level=2)
    pages.lead(
        doc,
        "These initial wins are expected to be within the scope of the Service "
        f"Improvement Program (SIP) for the {guide.process} process. The last column "
        "shows where this assessment placed the recommendation that delivers each.",
    )
    blocks.table(
        doc, ["Initial win", "Planned benefits", "Recommendation"], guide.initial_wins, [4.2, 7, 4]
    )
    _templates(
        doc, "Appendix B – Process Reporting Templates", "reporting", guide.reporting_templates
    )
    _templates(doc, "Appendix C – Process Form Templates", "form", guide.form_templates)
    pages.orientation_section(doc, landscape=True, margin_cm=2)
    doc.add_heading(f"Appendix D – {guide.process} SIPOC", level=2)
    pages.lead(
        doc, "Suppliers, inputs, the key activities involved, outputs and customers of the process."
    )
    blocks.table(
        doc,
        ["Supplier", "Inputs", "Process (key activities)", "Outputs", "Customer"],
        guide.sipoc,
        [3.4, 6.2, 5, 6.2, 3.1],
    )
    pages.orientation_section(doc, landscape=False, margin_cm=3.175)
    _topics(doc, guide)
    doc.add_heading("Appendix F – Glossary", level=2)
    blocks.table(doc, ["Term", "Meaning"], guide.glossary, [4.6, 10.6])


def _templates(doc: DocxDocument, title: str, kind: str, templates: tuple[Block, ...]) -> None:
    doc.add_heading(title, level=2)
    pages.lead(doc, f"The planned {kind} templates to be used with this process:")
    blocks.table(doc, ["Template", "Description"], [(t.name, t.text) for t in templates], [5, 10.2])
    for template in templates:
        doc.add_heading(template.name, level=3)
        pages.lead(doc, "Contents:")
        blocks.bullets(doc, template.lines)


def _topics(doc: DocxDocument, guide: Guide) -> None:
    doc.add_heading(f"Appendix E – {guide.process} Topics", level=2)
    doc.add_paragraph(
        f"The subjects a {guide.process} process must settle, as they apply to {guide.customer}."
    )
    for topic in guide.topics:
        doc.add_heading(topic.name, level=3)
        if topic.summary:
            doc.add_paragraph(topic.summary)
        if not any(entry.details for entry in topic.entries):
            blocks.table(
                doc,
                ["Name", "Description"],
                [(e.name, e.description) for e in topic.entries],
                [4.6, 10.6],
            )
            continue
        for entry in topic.entries:
            doc.add_heading(entry.name, level=4)
            if entry.description:
                doc.add_paragraph(entry.description)
            for label, value in entry.details:
                if isinstance(value, str):
                    pages.labelled(doc, label, value)
                else:
                    pages.lead(doc, f"{label}:").runs[0].bold = True
                    blocks.bullets(doc, value)


def _party_table(doc: DocxDocument, header: list[str], parties: Any) -> None:
    """One row per interfacing party with its bulleted lines (process inputs or outputs)."""
    rows = [(b.name, "\n".join(f"• {line}" for line in b.lines)) for b in parties]
    blocks.table(doc, header, rows, [4.4, 10.8])
