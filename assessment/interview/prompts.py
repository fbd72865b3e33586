"""The terminal adapter: the only module that prompts or prints during an interview.

`Prompter` is the seam the interview session talks to; `QuestionaryPrompter` implements it
with questionary. Prompts use `unsafe_ask()`, so Ctrl-C raises `KeyboardInterrupt` (questionary's
`ask()` would swallow it and return None, which must never become an answer) and end of input
raises `EOFError`. Tests pass a prompt_toolkit pipe input and `DummyOutput`.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from assessment.errors import InvalidInput
from assessment.text import shorten

TERMINAL_REQUIRED = "interactive terminal required; use `assess import`"


@dataclass(frozen=True)
class Choice:
    """One entry of a menu or checklist: a shortcut key, what is shown, what is returned."""

    title: str
    value: str
    key: str | None = None

    @classmethod
    def separator(cls) -> Choice:
        return cls("", "")

    @property
    def is_separator(self) -> bool:
        return not self.value


class Prompter(Protocol):
    """What an interview needs from a terminal; any call may raise KeyboardInterrupt/EOFError."""

    def show(self, text: str) -> None: ...

    def choose(self, message: str, items: Sequence[Choice], default: str | None = None) -> str: ...

    def tick(self, message: str, items: Sequence[Choice], ticked: Sequence[str]) -> list[str]: ...

    def write(self, message: str, default: str = "", hint: str = "") -> str: ...

    def confirm(self, message: str, default: bool = False) -> bool: ...


class QuestionaryPrompter:
    """A Prompter on questionary; `input`/`output` are for tests (pipe input, DummyOutput)."""

    def __init__(
        self,
        input: Any = None,
        output: Any = None,
        stream: TextIO | None = None,
        paste_guard: bool | None = None,
    ):
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io = {"input": input, "output": output}
        # On a real terminal, keys that arrive together with an Enter are a paste (a person
        # cannot type that fast); tests feed their whole script at once, so they opt in.
        self._paste_guard = input is None if paste_guard is None else paste_guard
        self.stream = stream or sys.stdout
        import questionary  # 0.12 s: only when an interview really starts

        self._q = questionary
        self._style = questionary.Style(
            [("answer", "fg:ansigreen bold"), ("instruction", "fg:ansibrightblack")]
        )

    def show(self, text: str) -> None:
        width = self._width() - 2
        lines = [self._fit(line, width) for line in text.splitlines() or [""]]
        print("\n".join(lines), file=self.stream, flush=True)

    @staticmethod
    def _fit(line: str, width: int) -> str:
        if len(line) <= width:
            return line
        indent = line[: len(line) - len(line.lstrip())]
        return textwrap.fill(line, width, initial_indent="", subsequent_indent=indent)

    def choose(self, message: str, items: Sequence[Choice], default: str | None = None) -> str:
        choices: list[Any] = [
            self._q.Separator(" ") if i.is_separator else self._choice(i) for i in items
        ]
        keys = any(i.key for i in items)
        instruction = "(key or ↑↓, then Enter)" if keys else "(↑↓, then Enter)"
        result = self._q.select(
            self._wrap(message, 2, margin=6 + len(instruction)),
            choices,
            default=default,
            use_shortcuts=keys,
            use_jk_keys=not keys,
            instruction=instruction,
            style=self._style,
            erase_when_done=True,  # the wrapped menu would echo cut off; echo one line instead
            **self._io,
        ).unsafe_ask()
        chosen = next(i for i in items if i.value == result)
        self.show(self._echo(message, chosen.title))
        return str(result)

    def tick(self, message: str, items: Sequence[Choice], ticked: Sequence[str]) -> list[str]:
        choices = [
            self._q.Choice(self._wrap(i.title, 5, margin=8), i.value, checked=i.value in ticked)
            for i in items
        ]
        result = self._q.checkbox(
            self._wrap(message, 2),
            choices,
            instruction="(Space ticks, ↑↓ moves, Enter confirms; none ticked is an answer too)",
            style=self._style,
            **self._io,
        ).unsafe_ask()
        return [str(value) for value in result]

    def write(self, message: str, default: str = "", hint: str = "") -> str:
        extra = {"key_bindings": _paste_keeps_newlines()} if self._paste_guard else {}
        result = self._q.text(
            self._wrap(f"{message} {hint}".strip(), 2),
            default=default,
            style=self._style,
            **extra,
            **self._io,
        ).unsafe_ask()
        return str(result).strip()

    def confirm(self, message: str, default: bool = False) -> bool:
        prompt = self._q.confirm(message, default=default, style=self._style, **self._io)
        result = bool(prompt.unsafe_ask())
        self.show(self._echo(message, "yes" if result else "no"))
        return result

    def _choice(self, item: Choice) -> Any:
        title = self._wrap(item.title, 6 if item.key else 3, margin=8)
        return self._q.Choice(title, item.value, shortcut_key=item.key or False)

    def _echo(self, message: str, title: str) -> str:
        """`? message → choice` on one line, both shortened to fit."""
        message, title = " ".join(message.split()), " ".join(title.split())
        budget = self._width() - 8
        right = min(len(title), max(budget // 2, budget - len(message)))
        return f"? {shorten(message, budget - right)} → {shorten(title, right)}"

    def _width(self) -> int:
        return min(shutil.get_terminal_size((100, 24)).columns, 120)

    def _wrap(self, text: str, indent: int, margin: int = 4) -> str:
        """Wrap long text to the terminal: prompt_toolkit would cut choice lines off."""
        width = max(40, self._width() - margin)
        return textwrap.fill(text, width, subsequent_indent=" " * indent)


def _paste_keeps_newlines() -> Any:
    """Enter with more keys already waiting is a line break inside a paste, not "done".

    Without bracketed paste a multi-line paste arrives as lines separated by Enter; taking
    the first Enter as the answer would feed the rest of the paste to the next question.
    """
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("enter", eager=True)
    @bindings.add("c-j", eager=True)
    def _enter(event: Any) -> None:
        if event.app.key_processor.input_queue:
            event.current_buffer.insert_text("\n")
        else:
            event.current_buffer.validate_and_handle()

    return bindings


def terminal_prompter() -> QuestionaryPrompter:
    """A prompter on the real terminal; refuses (exit 1, nothing changed) without one."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InvalidInput(TERMINAL_REQUIRED)
    return QuestionaryPrompter()
