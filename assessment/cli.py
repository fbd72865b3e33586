"""The `assess` command line: parse arguments, call one library function, map errors to exits.

Heavy libraries (pandas, python-docx, weasyprint, ...) are imported inside the commands that
need them, so `assess --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assessment import __version__
from assessment.errors import AssessError, InvalidInput

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_").replace("_", "-")] = func
    return func


@command
def cmd_init(args: argparse.Namespace) -> int:
    from assessment import workflow

    folder = workflow.init(Path(args.dir), args.customer, args.pack)
    print(f"Created engagement for {args.customer} in {folder}")
    print(f"Next: `assess interview {folder}` or `assess export-form {folder} --out form.xlsx`")
    return 0


@command
def cmd_validate(args: argparse.Namespace) -> int:
    from assessment import workflow

    print(workflow.validate(Path(args.path)))
    return 0


@command
def cmd_score(args: argparse.Namespace) -> int:
    from assessment import workflow

    if args.json:
        import json

        document = workflow.score_document_for(Path(args.dir))
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        from assessment.render.console import print_scores

        print_scores(workflow.assess(Path(args.dir)))
    return 0


@command
def cmd_generate(args: argparse.Namespace) -> int:
    from assessment import workflow

    only = [name.strip() for name in args.only.split(",")] if args.only else None
    written = workflow.generate(Path(args.dir), Path(args.out) if args.out else None, only)
    for path in written:
        print(path)
    return 0


@command
def cmd_demo(args: argparse.Namespace) -> int:
    from assessment import workflow

    written = workflow.demo(Path(args.out) if args.out else None)
    for path in written:
        print(path)
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
    p.add_argument("--pack", default="release_management", help="pack name or path to a pack")

    p = sub.add_parser("validate", help="check a pack or an engagement (file:line messages)")
    p.add_argument("path", help="a pack folder or an engagement folder")

    p = sub.add_parser("score", help="print the maturity and gap table")
    p.add_argument("dir", help="the engagement folder")
    p.add_argument("--json", action="store_true", help="print the score document as JSON")

    p = sub.add_parser("generate", help="write the deliverables")
    p.add_argument("dir", help="the engagement folder")
    p.add_argument("--out", help="output folder (default outputs/<customer-slug>/)")
    p.add_argument("--only", help="comma-separated deliverable names, e.g. analysis-report")

    p = sub.add_parser("demo", help="copy the example engagement and generate everything from it")
    p.add_argument("--out", help="output folder (default outputs/<customer-slug>/)")
    return parser


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
        return exc.exit_code
    except AssessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\ninterrupted; everything confirmed before is saved", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
