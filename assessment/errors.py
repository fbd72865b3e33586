"""The exceptions the toolkit raises for people, and how each maps to an exit code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, located as precisely as we know."""

    file: str
    line: int
    item: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        head = ": ".join(part for part in (where, self.item) if part)
        return f"{head}: {self.message}" if head else self.message


class AssessError(Exception):
    """A failure caused by the user's input or environment, never by a bug: no traceback."""

    exit_code = 1


class InvalidInput(AssessError):
    """One or more problems with a pack, an engagement or a form; all of them, at once."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("", 0, "", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = problems
        self.warnings: list[Problem] = []  # printed after the problems; they do not fail alone
        super().__init__("\n".join(str(p) for p in problems))


class UsageError(AssessError):
    """The command line itself is wrong."""

    exit_code = 2


class Interrupted(AssessError):
    """The user pressed Ctrl-C; whatever was confirmed before is already saved."""

    exit_code = 130
