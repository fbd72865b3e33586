"""The `assess` command line: parse arguments, call one library function, map errors to exits.

Heavy libraries (pandas, python-docx, weasyprint, ...) are imported inside the commands that
need them, so `assess --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assessment import __version__
from assessment.errors import AssessError, Interrupted, InvalidInput

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_").replace("_", "-")] = func
    return func


@command
def cmd_init(args: argparse.Namespace) -> int:
    from assessment import pipeline

    folder = pipeline.init(Path(args.dir), args.customer, args.pack)
    print(f"Created engagement for {args.customer} in {folder}")
    print(f"Next: `assess interview {folder}` or `assess export-form {folder} --out form.xlsx`")
    return 0


@command
def cmd_packs(args: argparse.Namespace) -> int:
    from assessment import pipeline

    print(pipeline.list_packs())
    return 0


@command
def cmd_pack(args: argparse.Namespace) -> int:
    if args.pack_command == "schema":
        import json

        from assessment.pack.schema import pack_schema

        print(json.dumps(pack_schema(), indent=2))
        return 0
    folder = Path(args.dir)
    if args.pack_command == "upgrade":
        from assessment.pack.upgrade import upgrade_pack

        changes = upgrade_pack(folder)
        for change in changes:
            print(change)
        print(
            f"Next: `assess validate {folder}`"
            if changes
            else f"{folder}: nothing to change; the pack is in the current format"
        )
        return 0
    from assessment.pack.create import new_pack

    for path in new_pack(folder):
        print(path)
    print(f"Next: edit the files, then `assess validate --strict {folder}` until it warns no more")
    return 0


@command
def cmd_validate(args: argparse.Namespace) -> int:
    from assessment import pipeline
    from assessment.pack.lint import as_warning

    summary, warnings = pipeline.validate(Path(args.path))
    print(summary)
    for warning in warnings:
        print(as_warning(warning), file=sys.stderr)
    return 1 if args.strict and warnings else 0


@command
def cmd_score(args: argparse.Namespace) -> int:
    from assessment import pipeline

    if args.json:
        import json

        document = pipeline.score_document_for(Path(args.dir))
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        from assessment.render.console import print_scores

        print_scores(pipeline.assess(Path(args.dir)))
    return 0


@command
def cmd_generate(args: argparse.Namespace) -> int:
    from assessment import pipeline

    only = [name.strip() for name in args.only.split(",")] if args.only else None
    out = Path(args.out) if args.out else None
    written = pipeline.generate(Path(args.dir), out, only, args.force)
    for path in written:
        print(path)
    return 0


@command
def cmd_demo(args: argparse.Namespace) -> int:
    from assessment import pipeline

    written = pipeline.demo(Path(args.out) if args.out else None, args.example)
    for path in written:
        print(path)
    return 0


@command
def cmd_interview(args: argparse.Namespace) -> int:
    from assessment.interview.prompts import terminal_prompter
    from assessment.interview.session import run_interview
    from assessment.pipeline import now

    prompter = terminal_prompter()  # refuses before anything changes when there is no terminal
    print(
        run_interview(
            Path(args.dir),
            prompter,
            args.respondent,
            args.role,
            args.all,
            now().date(),
            extended=args.extended,
            self_service=args.self_service,
        )
    )
    return 0


@command
def cmd_status(args: argparse.Namespace) -> int:
    from assessment.interview.progress import print_progress, progress

    print_progress(progress(Path(args.dir)))
    return 0


@command
def cmd_export_form(args: argparse.Namespace) -> int:
    from assessment.interview.form_export import export_form

    out, count = export_form(Path(args.dir), Path(args.out), args.role, args.force, args.extended)
    print(f"Wrote {out}: {count} questions. Send it out; read it back with `assess import`.")
    return 0


@command
def cmd_import(args: argparse.Namespace) -> int:
    from assessment.interview.form_import import import_form
    from assessment.pipeline import now

    target, count = import_form(
        Path(args.dir), Path(args.file), args.respondent, args.replace, now().date()
    )
    print(f"Imported {count} answers into {target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assess",
        description="ITSM maturity assessments: interview, score, and write the deliverables.",
    )
    parser.add_argument("--version", action="version", version=f"assess {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create an engagement folder")
    p.add_argument("dir", help="the new engagement folder")
    p.add_argument("--customer", required=True, help="the customer's name as it should be printed")
    p.add_argument(
        "--pack",
        required=True,
        help="a pack name (see `assess packs`) or a path to a pack folder",
    )

    p = sub.add_parser("packs", help="list the packs on the search path (built-in + ASSESS_PACKS)")

    p = sub.add_parser(
        "pack", help="write packs: a new pack to start from, the JSON Schema, format upgrades"
    )
    pack_sub = p.add_subparsers(dest="pack_command", metavar="PACK-COMMAND", required=True)
    new = pack_sub.add_parser("new", help="create a minimal, valid, commented pack folder")
    new.add_argument("dir", help="the new pack folder; its name becomes the pack id")
    pack_sub.add_parser("schema", help="print the JSON Schema of pack files (for editors)")
    upgrade = pack_sub.add_parser(
        "upgrade", help="rewrite a pack in an earlier format to the current one, comments kept"
    )
    upgrade.add_argument("dir", help="the pack folder (the one holding pack.yaml)")

    p = sub.add_parser("validate", help="check a pack or an engagement (file:line messages)")
    p.add_argument("path", help="a pack folder or an engagement folder")
    p.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings as well as on errors"
    )

    p = _on_engagement(sub, "interview", "guided interview in the terminal; re-run to resume")
    p.add_argument("--respondent", help="the person interviewed (resumes their interview)")
    _role_questions(
        p,
        "their role: a role id or name from the pack",
        "add the role's extended questions to its core set",
    )
    p.add_argument("--all", action="store_true", help="offer every question, not just the role's")
    p.add_argument(
        "--self-service",
        action="store_true",
        help="the respondent answers alone: help shows the respondent text, never the probe",
    )

    p = _on_engagement(sub, "status", "interview completion per respondent and open questions")

    p = _on_engagement(sub, "export-form", "write a blank questionnaire .xlsx to fill in offline")
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    _role_questions(
        p,
        "only the core questions for this role (id or name)",
        "with --role: add its other questions",
    )
    p.add_argument(
        "--force", action="store_true", help="replace a form it wrote even if filled in since"
    )

    p = _on_engagement(sub, "import", "read a filled questionnaire .xlsx as an interview")
    p.add_argument("file", help="the filled .xlsx form")
    p.add_argument("--respondent", help="the respondent's name (default: the name in the form)")
    p.add_argument("--replace", action="store_true", help="overwrite their existing interview")

    p = _on_engagement(sub, "score", "print the maturity and gap table")
    p.add_argument("--json", action="store_true", help="print the score document as JSON")

    p = _on_engagement(sub, "generate", "write the deliverables")
    p.add_argument("--out", help="output folder (default outputs/<customer-slug>/)")
    p.add_argument("--only", help="comma-separated deliverable names, e.g. analysis-report")
    p.add_argument(
        "--force", action="store_true", help="replace deliverables it wrote even if edited since"
    )

    p = sub.add_parser("demo", help="copy an example engagement and generate everything from it")
    p.add_argument(
        "--example",
        default="northwind-release",
        help="which example engagement (folders under examples/; default northwind-release)",
    )
    p.add_argument(
        "--out",
        help="output folder (default outputs/<customer-slug>/; outputs/<example>/ for the others)",
    )
    return parser


def _on_engagement(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command that works on one engagement folder, its first argument."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    parser.add_argument("dir", help="the engagement folder")
    return parser


def _role_questions(parser: argparse.ArgumentParser, role: str, extended: str) -> None:
    """--role and --extended: a role's core questions, and its extended ones on request."""
    parser.add_argument("--role", help=role)
    parser.add_argument("--extended", action="store_true", help=extended)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except InvalidInput as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        if exc.warnings:
            from assessment.pack.lint import as_warning

            for warning in exc.warnings:
                print(as_warning(warning), file=sys.stderr)
        return exc.exit_code
    except Interrupted as exc:
        print(f"\n{exc}", file=sys.stderr)
        return exc.exit_code
    except AssessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\ninterrupted; everything confirmed before is saved", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
