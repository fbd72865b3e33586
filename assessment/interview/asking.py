"""Ask one interview question in the terminal: its choices, help, validation and navigation.

Returns the confirmed answer, or where the consultant wants to go (`back`, `skip`, `stop`);
saving and the order of questions belong to the session.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from assessment.engagement.model import Answer
from assessment.interview import flow
from assessment.interview.flow import QuestionPlan
from assessment.interview.prompts import Choice, Prompter
from assessment.pack.questions import LEVEL_LABELS, Question

_NAVIGATION = {"help", "back", "skip", "stop"}


@dataclass(frozen=True)
class Asker:
    """Asks questions through `prompter`; `t` makes pack and customer text fit to show."""

    prompter: Prompter
    t: Callable[[str], str]
    self_service: bool = False

    def ask(
        self, question: Question, answers: dict[str, Answer], plan: QuestionPlan
    ) -> Answer | str:
        """Show one question until it is answered or the consultant navigates away: the answer,
        or `help`/`back`/`skip`/`stop`."""
        saved = answers.get(question.id)
        place = flow.progress(plan, answers, question)
        self.prompter.show("")
        self.prompter.show(f"── {place} " + "─" * max(4, 60 - len(place)) + f" {question.id}")
        if saved is not None:
            self.prompter.show(
                f"   saved answer: {flow.describe(question, saved)} (Enter keeps it)"
            )
        while True:
            ask = {
                "scale": self._scale,
                "multi": self._multi,
                "text": self._text,
                "metric": self._metric,
            }[question.type]
            result = ask(question, saved)
            if result == "help":
                for text in self._guidance(question):
                    self.prompter.show(textwrap.indent(textwrap.fill(text, 96), "   │ "))
                continue
            if isinstance(result, str):
                return result
            hint = "(evidence or a quote; Enter for none):"
            note = self.t(self.prompter.write("Note", saved.note if saved else "", hint))
            return Answer.model_validate({**result.model_dump(exclude_none=True), "note": note})

    def _scale(self, question: Question, saved: Answer | None) -> Answer | str:
        items = [
            Choice(f"{LEVEL_LABELS[n]}: {self.t(question.levels[n])}", str(n), str(n))
            for n in range(6)
        ]
        items += self._not_scored() + self._navigation(question)
        default = None if saved is None else str(saved.level)
        choice = self.prompter.choose(self.t(question.text), items, default)
        return choice if choice in _NAVIGATION else flow.level_answer(choice)

    def _multi(self, question: Question, saved: Answer | None) -> Answer | str:
        items = [Choice("Tick the options that apply…", "tick", "t"), *self._not_scored()]
        items += self._navigation(question)
        default = str(saved.level) if saved is not None and saved.not_scored else "tick"
        choice = self.prompter.choose(self.t(question.text), items, default)
        if choice != "tick":
            return choice if choice in _NAVIGATION else flow.level_answer(choice)
        options = [Choice(self.t(o.label), o.id) for o in question.options]
        ticked = saved.selected or [] if saved is not None else []
        while True:
            chosen = self.prompter.tick("Tick every one that applies:", options, ticked)
            if chosen or self.prompter.confirm(
                f"None of the {len(options)} options is ticked. Save that as the answer?"
            ):
                return flow.options_answer(chosen)

    def _text(self, question: Question, saved: Answer | None) -> Answer | str:
        default = saved.text or "" if saved is not None else ""
        hint = "(type the answer; Enter on an empty line for more choices):"
        typed = self.t(self.prompter.write(self.t(question.text), default, hint))
        if typed:
            return flow.text_answer(typed)
        items = [Choice("Type an answer", "type", "a"), *self._not_scored()]
        choice = self.prompter.choose(
            "No answer typed. What next?", items + self._navigation(question)
        )
        if choice == "type":
            return self._text(question, saved)
        return choice if choice in _NAVIGATION else flow.level_answer(choice)

    def _metric(self, question: Question, saved: Answer | None) -> Answer | str:
        number = saved.measured if saved is not None else None
        default = "" if number is None else f"{number:g}"
        hint = f"({flow.measure_hint(question)}; Enter on an empty line for more choices):"
        while typed := self.prompter.write(self.t(question.text), default, hint):
            result = flow.measure_answer(question, typed)
            if isinstance(result, Answer):
                return result
            self.prompter.show(f"   {self.t(result)}")
            default = ""
        items = [Choice("Type a number", "type", "a"), *self._not_scored()]
        choice = self.prompter.choose(
            "No number typed. What next?", items + self._navigation(question)
        )
        if choice == "type":
            return self._metric(question, saved)
        if choice == flow.UNKNOWN:
            return Answer(value=flow.UNKNOWN)
        return choice if choice in _NAVIGATION else flow.level_answer(choice)

    def _guidance(self, question: Question) -> list[str]:
        """What `h` shows: the respondent's help when self-service; else the probe, then help."""
        if self.self_service:
            return [self.t(question.help)] if question.help else []
        shown = [f"Probe: {self.t(question.probe)}"] if question.probe else []
        return shown + ([self.t(question.help)] if question.help else [])

    def _not_scored(self) -> list[Choice]:
        return [
            Choice("Not applicable", flow.NOT_APPLICABLE, "n"),
            Choice("Don't know", flow.UNKNOWN, "d"),
        ]

    def _navigation(self, question: Question) -> list[Choice]:
        items = [Choice.separator()]
        if self._guidance(question):
            items.append(Choice("Show help for this question", "help", "h"))
        items.append(Choice("← Back to the previous question", "back", "b"))
        items.append(Choice("Skip for now", "skip", "s"))
        items.append(Choice("Stop here (answers so far are saved)", "stop", "q"))
        return items
