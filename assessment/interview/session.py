"""Run one guided interview: hold the lock, pick the respondent, ask, save every answer at once.

The order of questions, skip logic and resume point come from `assessment.interview.flow`; the
terminal is reached only through a `Prompter`. Each confirmed answer is written (atomically)
before the next question is shown, so a crash or Ctrl-C loses at most the answer being typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from assessment.engagement.model import Answer, Engagement, Interview
from assessment.engagement.open import pack_of
from assessment.engagement.store import (
    INTERVIEWS_DIR,
    Folder,
    free_interview_path,
    interview_path,
    interviews_of,
    new_respondent_id,
    read_engagement,
    with_id,
    write_interview,
    writer_lock,
)
from assessment.errors import Interrupted, InvalidInput, Problem
from assessment.files.durable import ABSENT, clean_stray_temps
from assessment.interview import flow
from assessment.interview.asking import Asker
from assessment.interview.flow import QuestionPlan
from assessment.interview.prompts import Choice, Prompter
from assessment.pack.model import Pack
from assessment.pack.questions import Question
from assessment.text import Shown, shorten

NEW = "+new"
OTHER_ROLE = "+other"


def run_interview(
    folder: Path,
    prompter: Prompter,
    respondent: str | None = None,
    role: str | None = None,
    every_question: bool = False,
    today: dt.date | None = None,
    extended: bool = False,
    self_service: bool = False,
) -> str:
    """Interview one respondent; returns a short summary. Ctrl-C → Interrupted (exit 130).

    The role's core questions are asked; `extended` adds its other questions. `self_service`
    is a respondent answering alone: `h` shows the respondent's help, never the probe.
    """
    session: Session | None = None
    try:
        with writer_lock(folder, "interview"):
            clean_stray_temps(folder / INTERVIEWS_DIR)
            found = _read(folder)
            pack = pack_of(found)
            if role and flow.find_role(pack, role) is None:
                raise InvalidInput(f"unknown role {role!r}; use one of: {_roles(pack)}")
            session = Session(
                folder, found.engagement, pack, prompter, every_question, extended, self_service
            )
            try:
                session.start(found, respondent, role, today or dt.date.today())
            except _Declined:
                return "Stopped; nothing changed."
            return session.run()
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted; {_saved(session)} saved") from None
    except EOFError:
        raise InvalidInput(_ended(folder, session)) from None


def _ended(folder: Path, session: Session | None) -> Problem:
    """Ctrl-D (end of input) at a prompt: say what is saved and how to go on."""
    if session is None or session.interview is None or not session.saved:
        return Problem(
            "",
            0,
            "",
            "input ended (Ctrl-D) before any answer was saved; nothing changed. Run "
            f"`assess interview {folder}` again in an interactive terminal, or use `assess import`",
        )
    name = session.interview.respondent.name
    return Problem(
        str(session.path),
        0,
        "",
        f"input ended (Ctrl-D); {_saved(session)} saved. Continue with "
        f'`assess interview {folder} --respondent "{name}"`',
    )


def _read(folder: Path) -> Folder:
    """The engagement; a damaged interview file is refused with the way back, never replaced."""
    try:
        return read_engagement(folder)
    except InvalidInput as exc:
        damaged = sorted(
            {Path(p.file) for p in exc.problems if Path(p.file).parent.name == INTERVIEWS_DIR}
        )
        advice = []
        for path in damaged:
            backup = path.with_name(f".{path.name}.bak")
            fix = f"copy back the previous version {backup.name}" if backup.exists() else "fix it"
            advice.append(Problem(str(path), 0, "", f"nothing was changed; {fix}, then run again"))
        raise InvalidInput(exc.problems + advice) from None


def _saved(session: Session | None) -> str:
    count = session.saved if session else 0
    return f"{count} answer{'s' * (count != 1)}"


def _roles(pack: Pack) -> str:
    return ", ".join(f"{r.id} ({r.name})" for r in pack.info.interviewees) or "none defined"


@dataclass
class Session:
    """One respondent's interview in progress."""

    folder: Path
    engagement: Engagement
    pack: Pack
    prompter: Prompter
    every_question: bool = False
    extended: bool = False
    self_service: bool = False
    interview: Interview | None = None
    plan: QuestionPlan | None = None
    skipped: list[str] = field(default_factory=list)
    saved: int = 0
    path: Path | None = None  # the respondent's file
    expect: str = ABSENT  # sha256 of that file as last read or written: edits on disk are kept

    # --- text -----------------------------------------------------------------------------

    def t(self, text: str) -> str:
        """Pack or customer text as shown: placeholders filled, escapes and controls removed."""
        return Shown(self.engagement.customer, self.engagement.organisation)(text)

    def say(self, text: str = "") -> None:
        self.prompter.show(text)

    def _asker(self) -> Asker:
        return Asker(self.prompter, self.t, self.self_service)

    # --- who ------------------------------------------------------------------------------

    def start(self, found: Folder, name: str | None, role: str | None, today: dt.date) -> None:
        """Choose or create the respondent, settle the role, and check the pinned pack."""
        if name:
            name = self.t(name)
            keys = interviews_of(found, name)
            if len(keys) > 1:
                self._resume(found, self._pick(found, today, keys, allow_new=False))
            elif keys:
                self._resume(found, keys[0])
            else:
                self._new(name, role, today)
        elif found.interviews:
            self._resume(found, self._pick(found, today, sorted(found.interviews)))
        else:
            self._new(None, role, today)
        assert self.interview is not None
        interview = self.interview
        if role:
            chosen = flow.find_role(self.pack, role)
            respondent = interview.respondent.model_copy(
                update={"role": chosen.name if chosen else role}
            )
            interview = interview.model_copy(update={"respondent": respondent})
        self.interview = interview
        self.saved = len(interview.answers)
        stored_role = flow.find_role(self.pack, interview.respondent.role)
        if interview.respondent.role and stored_role is None and not self.every_question:
            self.say(
                f"Role {self.t(interview.respondent.role)!r} is not one of the pack's roles; "
                "every question is offered."
            )
        self.plan = QuestionPlan.make(self.pack, stored_role, self.every_question, self.extended)
        if interview.answers:
            self._check_pack()

    def _resume(self, found: Folder, key: str | None) -> None:
        if key is None:
            return
        self.interview = with_id(found.interviews[key])
        self.path = found.interview_paths[key]
        self.expect = found.interview_docs[key].digest

    def _pick(
        self, found: Folder, today: dt.date, keys: list[str], allow_new: bool = True
    ) -> str | None:
        """Let the consultant choose among existing interviews (or someone new)."""
        items = []
        for key in keys:
            iv = found.interviews[key]
            role = f" ({self.t(iv.respondent.role)})" if iv.respondent.role else ""
            where = f" [{found.interview_paths[key].name}]" if not allow_new else ""
            items.append(
                Choice(
                    f"Resume {self.t(iv.respondent.name)}{role} — {len(iv.answers)} answers "
                    f"saved{where}",
                    key,
                )
            )
        if allow_new:
            items.append(Choice("Someone new…", NEW))
        else:
            items.append(Choice("Someone else with this name (a new interview)", NEW))
        choice = self.prompter.choose("Who is being interviewed?", items)
        if choice != NEW:
            return choice
        self._new(
            None if allow_new else self.t(found.interviews[keys[0]].respondent.name), None, today
        )
        return None

    def _new(self, name: str | None, role: str | None, today: dt.date) -> None:
        while not name:
            name = self.t(self.prompter.write("Name of the person interviewed:"))
        path = free_interview_path(self.folder, name)  # refuses a name that would leave it
        first = interview_path(self.folder, name)
        if path != first:
            self.say(
                f"{first.name} already holds another person's interview; {name}'s answers "
                f"go to {path.name}."
            )
        role_name = ""
        if role is None and self.pack.info.interviewees:
            items = [Choice(self.t(r.name), r.id) for r in self.pack.info.interviewees]
            items.append(Choice("Other / not listed (offer every question)", OTHER_ROLE))
            chosen = self.prompter.choose(f"{name}'s role:", items)
            found = flow.find_role(self.pack, chosen) if chosen != OTHER_ROLE else None
            role_name = found.name if found else ""
        unit = self.t(self.prompter.write(f"{name}'s unit or team (optional):"))
        self.interview = Interview.model_validate(
            {
                "respondent": {
                    "name": name,
                    "role": role_name,
                    "unit": unit,
                    "id": new_respondent_id(),
                },
                "date": today,
                "pack_fingerprint": self.pack.fingerprint,
            }
        )
        self.path, self.expect = path, ABSENT

    def _check_pack(self) -> None:
        """Say plainly when the pack changed; never re-map an answer. Declining stops here."""
        assert self.interview is not None
        gone = flow.orphans(self.pack, self.interview.answers)
        if gone:
            self.say(
                f"{len(gone)} saved answer(s) are to questions this pack no longer has: "
                f"{', '.join(gone)}. They stay in the file untouched and are not asked again."
            )
        pinned = self.interview.pack_fingerprint
        if pinned and pinned != self.pack.fingerprint:
            self.say(
                f"The question pack has changed since this interview started "
                f"(pinned {pinned[:12]}, now {self.pack.fingerprint[:12]}). Saved answers are "
                "kept as given, by question id; nothing is re-mapped. Review changed "
                "questions with the respondent."
            )
            if not self.prompter.confirm("Continue this interview with the changed pack?"):
                raise _Declined
        self.interview = self.interview.model_copy(
            update={"pack_fingerprint": self.pack.fingerprint}
        )

    # --- the loop -------------------------------------------------------------------------

    def run(self) -> str:
        assert self.interview is not None and self.plan is not None
        self._loop()
        name = self.interview.respondent.name
        where = self.path
        if not self.saved:
            return f"No answers saved for {name}."
        active = self.plan.active(self.interview.answers)
        left = sum(q.id not in self.interview.answers for q in active)
        again = f'assess interview {self.folder} --respondent "{name}"'
        more = f"{left} question(s) still open; resume with" if left else "To change an answer:"
        return f"{_saved(self)} saved for {name} in {where}.\n{more} {again}"

    def _loop(self) -> None:
        assert self.interview is not None and self.plan is not None
        current = flow.next_question(self.plan, self.interview.answers)
        while True:
            if current is None:
                current = self._final_menu()
                if current is None:
                    return
            result = self._asker().ask(current, self.interview.answers, self.plan)
            answers = self.interview.answers
            if result == "stop":
                return
            if result == "back":
                previous = flow.previous_question(self.plan, answers, current.id)
                if previous is None:
                    self.say("This is the first question.")
                current = previous or current
                continue
            if result == "skip":
                self.skipped.append(current.id)
            elif isinstance(result, Answer):
                self._save(current, result)
            current = flow.next_question(
                self.plan, self.interview.answers, current.id, self.skipped
            )

    def _save(self, question: Question, answer: Answer) -> None:
        """Durable before anything else is shown; a failed save raises and shows nothing."""
        assert self.interview is not None
        answers = {**self.interview.answers, question.id: answer}
        updated = self.interview.model_copy(update={"answers": answers})
        try:
            self.path, self.expect = write_interview(self.folder, updated, self.path, self.expect)
        except InvalidInput as exc:
            lost = Problem("", 0, question.id, f"not saved: {flow.describe(question, answer)}")
            raise InvalidInput([*exc.problems, lost]) from None
        self.interview = updated
        self.saved = len(answers)
        if question.id in self.skipped:
            self.skipped.remove(question.id)
        self.say(f"  ✓ saved {question.id}: {flow.describe(question, answer)}")

    def _final_menu(self) -> Question | None:
        assert self.interview is not None and self.plan is not None
        active = self.plan.active(self.interview.answers)
        missing = [q for q in active if q.id not in self.interview.answers]
        self.say()
        if missing:
            self.say(
                f"{len(active) - len(missing)} of {len(active)} questions answered; "
                f"{len(missing)} skipped."
            )
        else:
            self.say(f"All {len(active)} questions answered.")
        items = [Choice("Finish", "finish", "f")]
        if missing:
            items.append(Choice(f"Answer the {len(missing)} skipped question(s)", "skipped", "s"))
        items.append(Choice("Change an answer…", "change", "c"))
        choice = self.prompter.choose("What next?", items)
        if choice == "skipped":
            self.skipped.clear()
            return missing[0]
        if choice == "change":
            return self._choose_question(active)
        return None

    def _choose_question(self, active: list[Question]) -> Question | None:
        assert self.interview is not None
        perspectives = [
            p for p in self.pack.info.perspectives if any(q.perspective == p.id for q in active)
        ]
        items = [Choice(self.t(p.name), p.id) for p in perspectives] + [Choice("← Cancel", "-")]
        pid = self.prompter.choose("Which perspective?", items)
        answers = self.interview.answers
        items = [
            Choice(
                f"{q.id}  {shorten(self.t(q.text), 60)} — {flow.describe(q, answers.get(q.id))}",
                q.id,
            )
            for q in active
            if q.perspective == pid
        ] + [Choice("← Cancel", "-")]
        qid = self.prompter.choose("Which question?", items) if pid != "-" else "-"
        return self.pack.question(qid) if qid != "-" else None


class _Declined(Exception):
    """The consultant chose not to continue on a changed pack."""
