"""The tailored process guide, section by section in the order of the MOF guide, in Word and PDF.

One outline of the guide is placed by the Word writer and by the HTML/PDF writer, so the two
formats cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from assessment.render.outline import (
    Block,
    Bullets,
    Cover,
    Figure,
    Heading,
    Orientation,
    Outline,
    Para,
    Table,
    Toc,
)
from assessment.render.outline_parts import blank_table, bold_list, named_item, section, text_table
from assessment.report.context import Context
from assessment.report.figures import Chart
from assessment.report.guide import Guide, NamedText, build_guide

NAME = "process-guide"
WIDTH = 15.2  # portrait text width of the reference document, cm
WIDE = 23.9  # landscape text width with 2 cm margins, cm
PORTRAIT_MARGIN = 3.175  # the reference document's left and right margins, cm


SIGN_OFF = (("Name", "Title", "Role", "Date", "Signature"), (3.6, 3.2, 2.6, 2.4, 3.4))


def outline(context: Context) -> Outline:
    """The guide of this engagement, as one outline for Word and PDF."""
    return guide_outline(build_guide(context))


def guide_outline(guide: Guide) -> Outline:
    """The whole guide: title page, contents, document information, sections 1 to 5."""
    blocks: list[Block] = [
        Cover(
            "Process Guide",
            guide.process,
            (
                "Service Improvement Program (SIP)",
                f"Prepared for {guide.customer}",
                f"{guide.date} · Version 0.1 (draft)",
            ),
        ),
        Toc(),
        *_document_information(guide),
        *_approval(guide),
        *section(
            "Section 1: Process Vision",
            f"This section describes the process foundation for the {guide.process} process.",
            _vision(guide),
            guide.introduction,
        ),
        *section(
            "Section 2: Process Workflow",
            f"This section describes the {guide.process} workflow.",
            _workflow(guide),
        ),
        *section(
            "Section 3: Process Resources",
            f"This section describes the resources of the {guide.process} process.",
            _resources(guide),
        ),
        *section(
            "Section 4: Process Tool Requirements",
            f"This section describes the tool requirements of the {guide.process} process.",
            _tools(guide),
        ),
        *section(
            "Section 5: Appendices",
            "Additional information about this process is included in the following appendices.",
            _appendices(guide),
        ),
    ]
    return Outline(
        title=guide.title,
        subject=f"Process guide for {guide.customer}",
        header=f"{guide.customer} · {guide.title}",
        blocks=tuple(blocks),
    )


# --- front matter ----------------------------------------------------------------------------


def _document_information(guide: Guide) -> list[Block]:
    return [
        Heading("Document Information", 1),
        *(Para(text, label=label) for label, text in guide.document_info),
        Para("The following table records the versions of this document."),
        text_table(["Version", "Date", "Revisions"], guide.versions, [2.5, 3.5, 9.2]),
    ]


def _approval(guide: Guide) -> list[Block]:
    return [
        Heading("Approval", 1),
        Para(
            "This document defines roles and responsibilities using the SARCI model, adopted to "
            "identify the stakeholders who are Responsible, Accountable, Consulted, Informed, or "
            "whose Signature approval is required."
        ),
        Heading("SARCI model", 3),
        Para("The SARCI titles and descriptions are:"),
        text_table(["Code", "Title", "Description"], guide.sarci_approval, [1.6, 3, 10.6]),
        Heading("Delivery team approval", 3),
        Para("The team directly involved in developing this document approves its content."),
        blank_table(*SIGN_OFF, guide.blank_rows),
        Heading("Client approval", 3),
        Para(
            f"The sponsor and the {guide.customer} team directly involved in developing "
            "this document approve its content."
        ),
        blank_table(*SIGN_OFF, guide.blank_rows),
        Heading("Team members", 3),
        Para(
            f"The following {guide.customer} team members contributed to and reviewed "
            "the contents of this document."
        ),
        blank_table(["Name", "Title", "Role"], [5.2, 5, 5], guide.blank_rows),
    ]


# --- Section 1 -------------------------------------------------------------------------------


def _vision(guide: Guide) -> list[Block]:
    blocks: list[Block] = [
        Heading("Process Mission and Goals", 2),
        Heading("Mission statement", 3),
        Para(guide.mission),
        *named_item(guide.goal),
        Heading("Guiding Principles", 2),
    ]
    for number, p in enumerate(guide.principles, start=1):
        blocks += [
            Heading(f"Principle {number}", 3),
            Para(p.principle, "strong"),
            Para(p.example, label="Example application of the principle"),
            *(
                [Para(p.evidence, label=f"What the assessment found at {guide.customer}")]
                if p.evidence
                else []
            ),
            *bold_list("Rationale:", p.rationale),
            *bold_list("Implications:", p.implications),
        ]
    blocks += [
        Heading("Critical Success Factors", 2),
        Para(f"The critical success factors (CSFs) of the {guide.process} process are:"),
        *(Para(csf.text, label=csf.name) for csf in guide.csfs),
        Heading("Key Performance Indicators", 2),
        Para(
            "The key performance indicators (KPIs), grouped by the CSF they measure, "
            "with the goal agreed for each:"
        ),
        text_table(
            ["Key performance indicator", "Goal"],
            guide.kpis,
            [11.2, 4],
            emphasis=tuple(i for i, group in enumerate(guide.kpi_group_rows) if group),
        ),
        Heading("Process Solution Scope", 2),
        Para(guide.scope.text),
        *bold_list("In scope:", guide.scope.lines),
        *bold_list("Out of scope:", guide.scope_excludes),
    ]
    return blocks


# --- Section 2 -------------------------------------------------------------------------------


def _workflow(guide: Guide) -> list[Block]:
    blocks: list[Block] = [
        Heading("Process Inputs", 2),
        Para("The table below describes the inputs to this process, by supplier:"),
        _party_table(["Supplier", "Inputs"], guide.inputs),
        Heading("Process Key Activities", 2),
        Para("The following table summarises the key activities of this process:"),
        text_table(
            [f"{guide.process} key activities"], [(b.name,) for b in guide.activities], [15.2]
        ),
    ]
    for activity in guide.activities:
        blocks += named_item(activity)
    blocks += [
        Heading("Process Outputs", 2),
        Para("The table below describes the outputs of this process, by customer:"),
        _party_table(["Customer", "Outputs"], guide.outputs),
        Heading("Process High Level Workflows", 2),
    ]
    if guide.workflow_png:
        caption = f"Figure 1: {guide.process} workflow"
        blocks += [
            Para(
                f"The following diagram shows the high-level workflow of the "
                f"{guide.process} process; shading shows the key activity of each step."
            ),
            Figure(Chart(guide.workflow_png, caption), caption, WIDTH, max_height_cm=20),
        ]
    blocks += [
        Para("The steps of the workflow:"),
        text_table(
            ["Step", "What happens", "Key activity", "Roles"],
            guide.workflow_steps,
            [3.2, 6.2, 3.2, 2.6],
        ),
    ]
    return blocks


# --- Section 3 -------------------------------------------------------------------------------


def _resources(guide: Guide) -> list[Block]:
    blocks: list[Block] = [
        Heading("Process Roles", 2),
        Para("The key roles involved in executing this process are:"),
        Bullets(tuple(role.name for role in guide.roles)),
    ]
    for role in guide.roles:
        blocks += [
            Heading(role.name, 3),
            Para(role.text),
            Para("Key activities of this role:"),
            Bullets(tuple(role.lines)),
        ]
    blocks += [
        Heading("Required Skills", 2),
        Para(
            "The following tables list the key skills needed to operate the process, "
            "each with the level of expertise needed."
        ),
        Heading("Skill expertise levels", 3),
        text_table(["Level", "Description"], guide.skill_levels, [1.6, 13.6]),
        Heading("Roles/skills matrix", 3),
        Para("The skills each role needs, with the expertise level in brackets:"),
        text_table(["Process role", "Required skill (level)"], guide.skills_matrix, [6, 9.2]),
        Heading("Process Resources", 2),
        Para(
            "The SARCI model identifies the resources that carry out each role. "
            "The following codes are used:"
        ),
        text_table(["Code", "Description"], guide.sarci_resource, [1.6, 13.6]),
        Para(
            f"The following table shows which {guide.customer} resources fill each role "
            "to operate the process; names are added as they become known."
        ),
        text_table(
            ["Name", "Title", "SARCI", "Organisation"], guide.resources, [3.6, 5.4, 1.6, 4.6]
        ),
    ]
    return blocks


# --- Section 4 -------------------------------------------------------------------------------


def _tools(guide: Guide) -> list[Block]:
    blocks: list[Block] = [
        Heading("Functional Requirements", 2),
        Para(f"The types of tool needed to support {guide.process} are:"),
        *(Para(tool.text, label=tool.name) for tool in guide.tool_types),
        Heading("Functional requirements matrix", 3),
        Para("The functional requirements needed to operate this process, grouped by tool type:"),
        text_table(["Tool type", "Desired tool functionality"], guide.requirements, [4.4, 10.8]),
        Heading("Existing Tool Support Matrix", 2),
        Para(
            f"The tools {guide.customer} uses today for each tool type, as reported in "
            "the interviews (with the role of the person who reported it):"
        ),
        text_table(["Tool type", "Existing tools reported"], guide.tool_support, [4.4, 10.8]),
        Orientation(landscape=True),
        Heading("Logical Support Architecture", 2),
        Para(guide.architecture),
    ]
    if guide.architecture_png:
        caption = (
            "Figure 2: Logical support architecture; dark boxes are data "
            "stores, numbers refer to the data flows below"
        )
        blocks.append(
            Figure(Chart(guide.architecture_png, caption), caption, WIDE, max_height_cm=11)
        )
    if guide.architecture_links:
        blocks.append(
            text_table(["#", "From", "To", "Data"], guide.architecture_links, [1, 7, 7, 8.9])
        )
    blocks.append(Orientation(landscape=False, margin_cm=PORTRAIT_MARGIN))
    return blocks


# --- Section 5 -------------------------------------------------------------------------------


def _appendices(guide: Guide) -> list[Block]:
    body: list[Block] = [
        Heading("Appendix A – Initial Wins", 2),
        Para(
            "These initial wins are expected to be within the scope of the Service "
            f"Improvement Program (SIP) for the {guide.process} process. They are the plan's "
            "initial wins, the same list as in the analysis report and the presentation; the "
            "last column shows where the plan starts each."
        ),
        text_table(
            ["Initial win", "Planned benefits", "In the plan"], guide.initial_wins, [4.2, 7, 4]
        ),
        *_templates(
            "Appendix B – Process Reporting Templates", "reporting", guide.reporting_templates
        ),
        *_templates("Appendix C – Process Form Templates", "form", guide.form_templates),
        Orientation(landscape=True),
        Heading(f"Appendix D – {guide.process} SIPOC", 2),
        Para(
            "Suppliers, inputs, the key activities involved, outputs and customers of the process."
        ),
        text_table(
            ["Supplier", "Inputs", "Process (key activities)", "Outputs", "Customer"],
            guide.sipoc,
            [5.6, 5.2, 4.0, 5.2, 3.9],
        ),
        Orientation(landscape=False, margin_cm=PORTRAIT_MARGIN),
        *_topics(guide),
        Heading("Appendix F – Glossary", 2),
        text_table(["Term", "Meaning"], guide.glossary, [4.6, 10.6]),
    ]
    return body


def _templates(title: str, kind: str, templates: tuple[NamedText, ...]) -> list[Block]:
    blocks: list[Block] = [
        Heading(title, 2),
        Para(f"The planned {kind} templates to be used with this process:"),
        text_table(["Template", "Description"], [(t.name, t.text) for t in templates], [5, 10.2]),
    ]
    for template in templates:
        blocks += [Heading(template.name, 3), *bold_list("Contents:", template.lines)]
    return blocks


def _topics(guide: Guide) -> list[Block]:
    blocks: list[Block] = [
        Heading(f"Appendix E – {guide.process} Topics", 2),
        Para(
            f"The subjects a {guide.process} process must settle, as they apply to "
            f"{guide.customer}."
        ),
    ]
    for topic in guide.topics:
        blocks.append(Heading(topic.name, 3))
        if topic.summary:
            blocks.append(Para(topic.summary))
        if not any(entry.details for entry in topic.entries):
            blocks.append(
                text_table(
                    ["Name", "Description"],
                    [(e.name, e.description) for e in topic.entries],
                    [4.6, 10.6],
                )
            )
            continue
        for entry in topic.entries:
            blocks.append(Heading(entry.name, 4))
            if entry.description:
                blocks.append(Para(entry.description))
            for label, value in entry.details:
                if isinstance(value, str):
                    blocks.append(Para(value, label=label))
                else:
                    blocks += bold_list(f"{label}:", value)
    return blocks


def _party_table(header: list[str], parties: Any) -> Table:
    """One row per interfacing party with its bulleted lines (process inputs or outputs)."""
    rows = [(b.name, "\n".join(f"• {line}" for line in b.lines)) for b in parties]
    return text_table(header, rows, [4.4, 10.8])
