"""Nothing lost, nothing let in: RELIABILITY.md cases 21-29, one or more tests per failure class.

Each test names the case it covers (`case 21`) and the failure class of the red-team report it
closes (`class 1`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from assessment.errors import InvalidInput
from assessment.files.yamlfile import dump_yaml
from assessment.interview.prompts import QuestionaryPrompter
from tests.conftest import SAMPLE_PACK, drive_interview, interview, snapshot

ASSESS = Path(sys.executable).with_name("assess")
JANE = {"respondent": "Jane Doe", "role": "manager"}
LONG = "Maximiliana Alexandra Bartholomea Fitzgerald-Worthington of Y"


pytestmark = pytest.mark.usefixtures("wide_terminal")


def drive(folder: Path, keys: str, prompter: type = QuestionaryPrompter, **options: Any) -> str:
    """Run an interview on `keys` (the input then ends); returns what was shown."""
    return drive_interview(folder, keys, prompter, **options)[1]


def files(folder: Path) -> dict[str, dict[str, Any]]:
    """Every interview file by name, parsed."""
    return {
        p.name: yaml.safe_load(p.read_text())
        for p in sorted((folder / "interviews").iterdir())
        if not p.name.startswith(".")
    }


def unchanged(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if not k.endswith(".assess.lock")}


def one_line(err: str) -> str:
    """The single error line a refusal prints (fails on a traceback or several lines)."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err
    return lines[0]


# --- case 21 / class 1: outputs never replace what they did not write --------------------------


def test_export_form_over_engagement_yaml_refuses_and_changes_nothing(folder: Path, cli) -> None:
    before = snapshot(folder)
    result = cli("export-form", folder, "--out", folder / "engagement.yaml")
    assert result.code == 1
    line = one_line(result.err)
    assert "engagement.yaml" in line and "was not written by `assess export-form`" in line
    assert snapshot(folder) == before


@pytest.mark.parametrize("force", [False, True])
def test_export_form_never_overwrites_an_interview_even_with_force(
    folder: Path, cli, force: bool
) -> None:
    target = folder / "interviews" / "jane-doe.xlsx"
    target.write_bytes(b"respondent: {name: Jane Doe}\n")  # not a form, whatever its name
    before = snapshot(folder)
    result = cli("export-form", folder, "--out", target, *(["--force"] if force else []))
    assert result.code == 1
    assert "was not written by `assess export-form`" in one_line(result.err)
    assert snapshot(folder) == before


def test_a_returned_form_is_kept_unless_forced(folder: Path, tmp_path: Path, cli) -> None:
    form = tmp_path / "form.xlsx"
    assert cli("export-form", folder, "--out", form).code == 0
    assert cli("export-form", folder, "--out", form).code == 0  # our own blank form: replaced
    book = openpyxl.load_workbook(form)
    book["Questionnaire"]["C1"] = "Jane Doe"  # the customer fills it in and sends it back
    book.save(form)
    returned = form.read_bytes()
    result = cli("export-form", folder, "--out", form)
    assert result.code == 1
    assert "has changed since" in one_line(result.err) and "--force" in result.err
    assert form.read_bytes() == returned
    assert cli("export-form", folder, "--out", form, "--force").code == 0
    assert form.read_bytes() != returned


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_export_form_never_writes_to_a_special_file(
    folder: Path, tmp_path: Path, cli, kind: str
) -> None:
    target = tmp_path / "form.xlsx"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(victim)
    result = cli("export-form", folder, "--out", target, "--force")
    assert result.code == 1
    assert "is not a regular file" in one_line(result.err)
    assert victim.read_text() == "keep me"
    assert target.is_fifo() if kind == "fifo" else target.is_symlink()


def test_generate_keeps_a_file_it_did_not_write(small: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "scores.xlsx").write_bytes(b"the consultant's own workbook")
    before = snapshot(out)
    for extra in ([], ["--force"]):
        result = cli("generate", small, "--out", out, "--only", "scores", *extra)
        assert result.code == 1
        assert "was not written by `assess generate`" in one_line(result.err)
        assert snapshot(out) == before


def test_generate_replaces_its_own_output_and_an_edited_one_only_with_force(
    small: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "out"
    assert cli("generate", small, "--out", out, "--only", "scores").code == 0
    assert cli("generate", small, "--out", out, "--only", "scores").code == 0
    (out / "scores.xlsx").write_bytes(b"edited by hand")
    result = cli("generate", small, "--out", out, "--only", "scores")
    assert result.code == 1 and "has changed since" in one_line(result.err)
    assert (out / "scores.xlsx").read_bytes() == b"edited by hand"
    assert cli("generate", small, "--out", out, "--only", "scores", "--force").code == 0
    assert openpyxl.load_workbook(out / "scores.xlsx").sheetnames


# --- case 22 / classes 2, 3: one person, one file, one stable id ------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("李雷", "王芳"),
        ("😀", "🎉"),
        (LONG + " Anders", LONG + " Berg"),  # the same first 60 characters
    ],
)
def test_names_that_slug_alike_get_separate_files_and_ids(
    folder: Path, names: tuple[str, str]
) -> None:
    first, second = names
    drive(folder, "\r" + "1\r\r" + "q\r", respondent=first, role="manager")
    drive(folder, "\r" + "4\r\r" + "q\r", respondent=second, role="manager")
    saved = files(folder)
    assert len(saved) == 2
    people = {data["respondent"]["name"]: data for data in saved.values()}
    assert people[first]["answers"] == {"SP-PEO-01": {"level": 1}}
    assert people[second]["answers"] == {"SP-PEO-01": {"level": 4}}
    assert people[first]["respondent"]["id"] != people[second]["respondent"]["id"]
    drive(folder, "3\r\r" + "q\r", respondent=first)  # resuming finds the right person
    assert {d["respondent"]["name"]: d for d in files(folder).values()}[first]["answers"][
        "SP-PEO-02"
    ] == {"level": 3}
    assert (
        people[second]["answers"]
        == files(folder)[
            next(n for n, d in files(folder).items() if d["respondent"]["name"] == second)
        ]["answers"]
    )


def test_importing_a_second_person_whose_name_slugs_alike_adds_a_file(
    folder: Path, tmp_path: Path, cli
) -> None:
    drive(folder, "\r" + "2\r\r" + "q\r", respondent="李雷", role="manager")
    form = tmp_path / "form.xlsx"
    assert cli("export-form", folder, "--out", form).code == 0
    book = openpyxl.load_workbook(form)
    sheet = book["Questionnaire"]
    sheet["C1"] = "王芳"
    row = next(r[0].row for r in sheet.iter_rows(min_row=6) if r[6].value == "SP-PEO-01")
    sheet.cell(row=row, column=5).value = "5"
    book.save(form)
    result = cli("import", folder, form)
    assert result.code == 0, result.err
    by_name = {d["respondent"]["name"]: d for d in files(folder).values()}
    assert by_name["李雷"]["answers"]["SP-PEO-01"] == {"level": 2}
    assert by_name["王芳"]["answers"]["SP-PEO-01"] == {"level": 5}


def test_a_copied_interview_file_is_refused_not_merged(folder: Path, cli) -> None:
    drive(folder, "\r" + "2\r\r" + "q\r", **JANE)
    shutil.copy(folder / "interviews" / "jane-doe.yaml", folder / "interviews" / "bob.yaml")
    before = unchanged(folder)
    with pytest.raises(InvalidInput, match=r"respondent: records the same person as"):
        drive(folder, "\r" + "4\r\r" + "q\r", respondent="Bob", role="manager")
    assert unchanged(folder) == before
    result = cli("score", folder)
    assert result.code == 1 and "records the same person as bob.yaml" in result.err


def test_a_renamed_file_still_belongs_to_its_person(folder: Path) -> None:
    drive(folder, "\r" + "2\r\r" + "q\r", **JANE)
    (folder / "interviews" / "jane-doe.yaml").rename(folder / "interviews" / "bob.yaml")
    out = drive(folder, "\r" + "4\r\r" + "q\r", respondent="Bob", role="manager")
    assert "bob.yaml already holds another person's interview" in out
    saved = files(folder)
    assert saved["bob.yaml"]["respondent"]["name"] == "Jane Doe"
    assert saved["bob.yaml"]["answers"] == {"SP-PEO-01": {"level": 2}}
    assert saved["bob-2.yaml"]["respondent"]["name"] == "Bob"
    assert saved["bob-2.yaml"]["answers"] == {"SP-PEO-01": {"level": 4}}


def test_a_save_never_lands_on_a_file_that_records_another_person(folder: Path) -> None:
    from assessment.engagement.model import Interview
    from assessment.engagement.store import save_interview

    target = folder / "interviews" / "bob.yaml"
    target.write_text(dump_yaml(interview("Jane Doe", "manager", SP_PEO_01=2)))
    before = target.read_bytes()
    bob = Interview.model_validate({"respondent": {"name": "Bob", "id": "b0b"}})
    with pytest.raises(InvalidInput, match="records Jane Doe, not Bob; nothing was saved"):
        save_interview(folder, bob)  # bob.yaml is where Bob's name leads
    assert target.read_bytes() == before


def test_an_older_file_without_an_id_is_read_and_gets_one_on_its_next_save(folder: Path) -> None:
    old = folder / "interviews" / "jane-doe.yaml"
    old.write_text(dump_yaml(interview("Jane Doe", "manager", SP_PEO_01=2)))
    drive(folder, "3\r\r" + "q\r", respondent="Jane Doe")
    data = files(folder)["jane-doe.yaml"]
    assert data["respondent"]["id"]
    assert data["answers"] == {"SP-PEO-01": {"level": 2}, "SP-PEO-02": {"level": 3}}


# --- case 23 / class 4: an edit made on disk during an interview is kept ----------------------


class EditsDuringTheNote(QuestionaryPrompter):
    """Edits the interview file by hand while the second answer's note is being typed."""

    notes = 0

    def write(self, message: str, default: str = "", hint: str = "") -> str:
        if message == "Note":
            EditsDuringTheNote.notes += 1
            if EditsDuringTheNote.notes == 2:
                path = self.folder / "interviews" / "jane-doe.yaml"
                path.write_text(path.read_text().replace("level: 2", "level: 1"))
        return super().write(message, default, hint)


def test_an_edit_on_disk_during_the_interview_stops_the_next_save(folder: Path) -> None:
    EditsDuringTheNote.notes = 0
    EditsDuringTheNote.folder = folder  # type: ignore[attr-defined]
    path = folder / "interviews" / "jane-doe.yaml"
    with pytest.raises(InvalidInput) as caught:
        drive(folder, "\r" + "2\r\r" + "3\r\r" + "q\r", EditsDuringTheNote, **JANE)
    message = str(caught.value)
    assert "jane-doe.yaml: was changed on disk since this session read it" in message
    assert "SP-PEO-02: not saved: 3 Defined" in message
    assert yaml.safe_load(path.read_text())["answers"] == {"SP-PEO-01": {"level": 1}}


# --- case 24 / class 5 and 10: checklists need a confirmation for zero ticks ------------------


def test_a_checklist_with_no_ticks_needs_a_confirmation(folder: Path) -> None:
    keys = "\r" + "2\r\r" + "0\r\r"  # engineer: PEO-01, PRO-01 = 0
    keys += "t\r" + "3\r" + "n" + " \r" + "\r"  # PRO-02: a stray digit + Enter; decline; tick one
    keys += "\r" + "q\r"  # PRO-03 is a text question: an empty line opens its menu
    out = drive(folder, keys, respondent="Jane Doe", role="engineer")
    assert "None of the 3 options is ticked. Save that as the answer?" in out
    assert files(folder)["jane-doe.yaml"]["answers"]["SP-PRO-02"] == {"selected": ["review"]}


def test_a_confirmed_empty_checklist_is_saved(folder: Path) -> None:
    keys = "\r" + "2\r\r" + "0\r\r" + "t\r" + "\r" + "y" + "\r" + "\r" + "q\r"
    drive(folder, keys, respondent="Jane Doe", role="engineer")
    assert files(folder)["jane-doe.yaml"]["answers"]["SP-PRO-02"] == {"selected": []}


# --- case 25 / class 6: generate writes a whole set, named by its manifest ---------------------


def test_the_manifest_names_the_run_and_every_file(small: Path, tmp_path: Path, cli) -> None:
    from assessment.files.atomic import read_manifest

    out = tmp_path / "out"
    assert cli("generate", small, "--out", out, "--only", "scores,sipoc").code == 0
    manifest = read_manifest(out)
    assert manifest["complete"] is True
    run = manifest["runs"][manifest["run"]]
    assert run["pack"]["id"] == "sample" and run["pack"]["version"] == "0.1"
    assert len(run["engagement"]["sha256"]) == 64 and run["time"]
    assert sorted(manifest["files"]) == ["scores.xlsx", "sipoc.docx", "sipoc.xlsx"]
    assert not [p for p in out.iterdir() if ".assess-staging-" in p.name]
    (small / "engagement.yaml").write_text(
        (small / "engagement.yaml").read_text() + "consultant: Ann\n"
    )
    assert cli("generate", small, "--out", out, "--only", "scores").code == 0
    again = read_manifest(out)
    assert again["runs"][again["run"]]["engagement"]["sha256"] != run["engagement"]["sha256"]
    assert again["files"]["sipoc.docx"]["run"] == manifest["run"]  # kept from the first run
    assert again["files"]["scores.xlsx"]["run"] == again["run"]


def test_a_failed_render_leaves_the_folder_as_it_was(
    small: Path, tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    out = tmp_path / "out"
    assert cli("generate", small, "--out", out, "--only", "scores").code == 0
    before = snapshot(out)

    def broken_save(self: Any, path: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    result = cli("generate", small, "--out", out, "--only", "scores,strategic-plan")
    assert result.code == 1 and "No space left on device" in result.err
    assert {k: v for k, v in snapshot(out).items() if "lock" not in k} == {
        k: v for k, v in before.items() if "lock" not in k
    }


# --- case 26 / classes 7, 8: links out of the engagement, FIFOs, devices -----------------------


def test_a_link_out_of_the_engagement_is_refused(folder: Path, tmp_path: Path, cli) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(dump_yaml(interview("Mallory", "manager", SP_PEO_01=5)))
    (folder / "interviews" / "mallory.yaml").symlink_to(outside)
    result = cli("score", folder)
    assert result.code == 1
    line = one_line(result.err)
    assert "mallory.yaml: is a link to" in line and "outside" in line


def run_assess(*args: Any, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ASSESS), *map(str, args)], capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.skipif(not ASSESS.exists(), reason="`assess` is not installed in this environment")
def test_a_fifo_as_an_interview_is_refused_without_hanging(folder: Path) -> None:
    os.mkfifo(folder / "interviews" / "pipe.yaml")
    result = run_assess("validate", folder)
    assert result.returncode == 1
    assert "pipe.yaml: is a pipe (FIFO), not a regular file" in one_line(result.stderr)


@pytest.mark.skipif(not ASSESS.exists(), reason="`assess` is not installed in this environment")
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_named_as_a_form_is_refused(
    folder: Path, tmp_path: Path, special: str
) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "form.xlsx"
        os.mkfifo(path)
    before = unchanged(folder)
    result = run_assess("import", folder, path)
    assert result.returncode == 1
    assert "not a regular file" in one_line(result.stderr)
    assert unchanged(folder) == before


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_reads_are_bounded_whatever_stat_says() -> None:
    from assessment.files.inputs import read_input

    path = Path("/proc/self/environ")
    assert path.stat().st_size == 0  # stat says empty; the file is not
    with pytest.raises(InvalidInput, match="larger than the limit of 8 bytes"):
        read_input(path, 8)


# --- case 27 / class 9: one line naming the file and the fix, exit 1 ---------------------------


def test_interviews_being_a_file_is_one_clear_line(folder: Path, cli) -> None:
    shutil.rmtree(folder / "interviews")
    (folder / "interviews").write_text("oops")
    for command in ("validate", "score"):
        result = cli(command, folder)
        assert result.code == 1
        assert "interviews: is a file" in one_line(result.err)
    with pytest.raises(InvalidInput, match="interviews: is a file"):
        drive(folder, "", **JANE)


def test_a_symlink_loop_is_one_clear_line(folder: Path, cli) -> None:
    loop = folder / "interviews" / "loop.yaml"
    loop.symlink_to(loop)
    result = cli("validate", folder)
    assert result.code == 1
    assert "loop.yaml: is a symbolic link loop; remove the link" in one_line(result.err)


def test_a_read_only_engagement_is_one_clear_line(
    folder: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_open = builtins.open

    def read_only(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith(".assess.lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only)
    with pytest.raises(InvalidInput, match=r"cannot be written \(Permission denied\); nothing"):
        drive(folder, "", **JANE)


def test_init_with_an_empty_customer_is_one_clear_line(tmp_path: Path, cli) -> None:
    result = cli("init", tmp_path / "new", "--customer", "", "--pack", SAMPLE_PACK)
    assert result.code == 1
    assert "--customer: is empty" in one_line(result.err)
    assert not (tmp_path / "new").exists()


def test_export_into_a_folder_that_cannot_be_created_is_one_clear_line(folder: Path, cli) -> None:
    result = cli("export-form", folder, "--out", folder / "engagement.yaml" / "form.xlsx")
    assert result.code == 1
    assert "cannot create the output folder" in one_line(result.err)


def test_ctrl_d_at_a_prompt_says_what_is_saved_and_how_to_go_on(folder: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        drive(folder, "\r" + "2\r\r" + "\x04", **JANE)
    message = str(caught.value)
    assert "jane-doe.yaml: input ended (Ctrl-D); 1 answer saved" in message
    assert '--respondent "Jane Doe"' in message


def test_a_nul_byte_in_yaml_is_named_with_its_line(folder: Path, cli) -> None:
    (folder / "interviews" / "x.yaml").write_bytes(b"respondent: {name: X}\nanswers:\x00\n")
    result = cli("validate", folder)
    assert result.code == 1
    assert "x.yaml:2: a NUL byte is not allowed in YAML; delete it" in one_line(result.err)


def test_a_superscript_level_is_refused_with_the_allowed_values(folder: Path, cli) -> None:
    (folder / "interviews" / "x.yaml").write_text(
        "respondent: {name: X}\nanswers:\n  SP-PEO-01: {level: ³}\n", encoding="utf-8"
    )
    result = cli("validate", folder)
    assert result.code == 1
    assert "level must be 0..5, `na` or `unknown`" in one_line(result.err)


def test_a_form_without_its_lists_sheet_says_so(folder: Path, tmp_path: Path, cli) -> None:
    form = tmp_path / "form.xlsx"
    assert cli("export-form", folder, "--out", form).code == 0
    book = openpyxl.load_workbook(form)
    del book["Lists"]
    book.save(form)
    result = cli("import", folder, form)
    assert result.code == 1
    assert "hidden 'Lists' sheet" in one_line(result.err)


@pytest.mark.skipif(not ASSESS.exists(), reason="`assess` is not installed in this environment")
@pytest.mark.skipif(os.name != "posix", reason="uses a file-size limit to fill the disk")
def test_a_full_disk_during_generate_is_one_line_per_file_and_no_noise(
    small: Path, tmp_path: Path
) -> None:
    import resource

    out = tmp_path / "out"

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [str(ASSESS), "generate", small, "--out", out, "--only", "strategic-plan,scores"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_disk,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())
    assert "File too large" in result.stderr
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == []


# --- case 28: .yml interview files are read --------------------------------------------------


def test_yml_interview_files_are_read(folder: Path, cli) -> None:
    (folder / "interviews" / "ann.yml").write_text(
        dump_yaml(interview("Ann", "manager", SP_PEO_01=3))
    )
    result = cli("validate", folder)
    assert result.code == 0, result.err
    assert "1 interviews, 1 answers" in result.out
    drive(folder, "4\r\r" + "q\r", respondent="Ann")
    assert files(folder)["ann.yml"]["answers"]["SP-PEO-02"] == {"level": 4}
    assert "ann.yaml" not in files(folder)


def test_the_same_name_as_yaml_and_yml_is_refused(folder: Path, cli) -> None:
    for suffix in (".yaml", ".yml"):
        (folder / "interviews" / f"ann{suffix}").write_text(
            dump_yaml(interview("Ann", "manager", SP_PEO_01=3))
        )
    result = cli("validate", folder)
    assert result.code == 1 and "two files for one respondent" in result.err


# --- case 29 / class 10: forms are checked before anything is written --------------------------


def filled_form(
    folder: Path, tmp_path: Path, cli, respondent: tuple[str, str], **cells: str
) -> Path:
    form = tmp_path / "form.xlsx"
    assert cli("export-form", folder, "--out", form).code == 0
    book = openpyxl.load_workbook(form)
    sheet = book["Questionnaire"]
    sheet["C1"], sheet["C2"] = respondent
    rows = {r[6].value: r[0].row for r in sheet.iter_rows(min_row=6) if r[6].value}
    for key, value in cells.items():
        sheet.cell(row=rows[key.replace("_", "-")], column=5).value = value
    book.save(form)
    return form


def test_a_blank_form_is_refused(folder: Path, tmp_path: Path, cli) -> None:
    form = filled_form(folder, tmp_path, cli, ("Jane Doe", ""))
    before = snapshot(folder)
    result = cli("import", folder, form)
    assert result.code == 1 and "has no answers" in one_line(result.err)
    assert snapshot(folder) == before


def test_the_role_on_a_form_is_checked(folder: Path, tmp_path: Path, cli) -> None:
    form = filled_form(folder, tmp_path, cli, ("Jane Doe", "Janitor"), SP_PEO_01="2")
    before = snapshot(folder)
    result = cli("import", folder, form)
    assert result.code == 1
    assert "'Janitor' is not one of the roles: Manager, Engineer" in one_line(result.err)
    assert snapshot(folder) == before


@pytest.mark.parametrize(("typed", "level"), [("3", 3), ("3 Defined", 3), ("3  defined", 3)])
def test_a_level_typed_with_its_label_is_accepted(
    folder: Path, tmp_path: Path, cli, typed: str, level: int
) -> None:
    form = filled_form(folder, tmp_path, cli, ("Jane Doe", "Manager"), SP_PEO_01=typed)
    result = cli("import", folder, form)
    assert result.code == 0, result.err
    assert files(folder)["jane-doe.yaml"]["answers"]["SP-PEO-01"] == {"level": level}


def test_a_level_whose_label_disagrees_is_refused(folder: Path, tmp_path: Path, cli) -> None:
    form = filled_form(folder, tmp_path, cli, ("Jane Doe", "Manager"), SP_PEO_01="3 Managed")
    result = cli("import", folder, form)
    assert result.code == 1
    assert "level 3 is 'Defined'" in one_line(result.err)


def test_export_form_to_a_csv_name_is_refused(folder: Path, tmp_path: Path, cli) -> None:
    result = cli("export-form", folder, "--out", tmp_path / "form.csv")
    assert result.code == 1
    assert "name the file form.xlsx" in one_line(result.err)
    assert not (tmp_path / "form.csv").exists()
