"""The SIPOC view: the pack's suppliers, inputs, key activities, outputs and customers, tailored,
with what the interviewees said names each party here. The SIPOC renderer and the guide's
appendix place it."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.report.context import Context, tailor
from assessment.text import bulleted

Rows = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Sipoc:
    """The SIPOC table: a title, and one row per supplier with activities shown by name."""

    title: str
    header: tuple[str, ...]
    customer: str
    process: str
    rows: Rows


SIPOC_HEADER = ("Supplier", "Inputs", "Process (key activities)", "Outputs", "Customer")


def build_sipoc(context: Context) -> Sipoc:
    """The SIPOC rows of the pack, tailored, without drawing the guide's diagrams."""
    k = context.knowledge
    t = tailor(context)
    activities = {a.id: t(a.name) for a in k.activities}
    rows = tuple(
        (
            _named(context, t(r.supplier), r.supplier_questions),
            bulleted(t.all(r.inputs)),
            bulleted([activities[a] for a in r.activities]),
            bulleted(t.all(r.outputs)),
            _named(context, t(r.customer), r.customer_questions),
        )
        for r in k.sipoc
    )
    title = f"{context.process} SIPOC"
    return Sipoc(title, SIPOC_HEADER, context.customer, context.process, rows)


NAMED = "Named in the interviews:"


def _named(context: Context, party: str, questions: tuple[str, ...]) -> str:
    """The pack's party, then what the interviewees said names it here, attributed by role."""
    said = dict.fromkeys(
        f"{a.text.strip()} ({a.role})"
        for q in questions
        for a in context.text_answers.get(q, [])
        if a.text.strip()
    )
    return f"{party}\n{NAMED}\n{bulleted(list(said))}" if said else party
