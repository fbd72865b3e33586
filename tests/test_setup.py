"""The toolkit as a consultant installs it: packs found the same way from anywhere, and a wheel
that carries everything `assess demo` needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assessment.files.yamlfile import dump_yaml
from tests.conftest import DELIVERABLE_FILES, ROOT, SAMPLE_PACK, interview


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "assessment", *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_relative_pack_path_is_stored_relative_to_the_engagement(tmp_path: Path) -> None:
    packs = tmp_path / "work" / "packs"
    shutil.copytree(SAMPLE_PACK, packs / "sample")
    made = run(
        "init",
        "clients/acme",
        "--customer",
        "Acme",
        "--pack",
        "packs/sample",
        cwd=tmp_path / "work",
    )
    assert made.returncode == 0, made.stderr
    engagement = tmp_path / "work" / "clients" / "acme"
    assert "pack: ../../packs/sample\n" in (engagement / "engagement.yaml").read_text()
    (engagement / "interviews" / "a.yaml").write_text(
        dump_yaml(interview("A", "manager", SP_PEO_01=2))
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    scored = run("score", engagement, "--json", cwd=elsewhere)
    assert scored.returncode == 0, scored.stderr
    assert '"pack": "sample"' in scored.stdout
    # Moved together with its pack, the engagement still opens.
    shutil.move(tmp_path / "work", tmp_path / "moved")
    assert run("score", "clients/acme", cwd=tmp_path / "moved").returncode == 0


def test_assess_packs_adds_the_search_path_to_the_built_in_packs(tmp_path: Path) -> None:
    listed = run("packs", cwd=tmp_path, env={"ASSESS_PACKS": str(SAMPLE_PACK.parent)})
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert "release_management" in rows and "built-in" in rows["release_management"]
    assert "sample 0.1" in rows["sample"] and "ASSESS_PACKS" in rows["sample"]
    assert "invalid" in rows["five_mistakes"]
    made = run(
        "init",
        "e",
        "--customer",
        "Acme",
        "--pack",
        "sample",
        cwd=tmp_path,
        env={"ASSESS_PACKS": str(SAMPLE_PACK.parent)},
    )
    assert made.returncode == 0, made.stderr
    assert "pack: sample\n" in (tmp_path / "e" / "engagement.yaml").read_text()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not installed (make install bootstraps it)")
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(out), "--quiet", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    return next(out.glob("*.whl"))


def test_the_wheel_carries_the_packs_templates_and_examples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in (ROOT / "questionnaires").glob("*/pack.yaml"):
        assert f"assessment/_bundled/questionnaires/{pack.parent.name}/pack.yaml" in names
    for template in ("reference.docx", "reference.pptx", "report.css", "document.html.j2"):
        assert f"assessment/_bundled/report_templates/{template}" in names
    assert "assessment/_bundled/questionnaires/_base/method.yaml" in names  # the shared method
    assert "assessment/_bundled/examples/northwind-release/engagement.yaml" in names
    assert not [n for n in names if "__pycache__" in n]


def test_the_installed_wheel_runs_the_demo_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    workdir = tmp_path / "anywhere"
    workdir.mkdir()
    env = {"PYTHONPATH": str(site), "ASSESS_PACKS": ""}
    probe = subprocess.run(
        [sys.executable, "-c", "import assessment; print(assessment.__file__)"],
        cwd=workdir,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert probe.stdout.startswith(str(site)), probe.stdout + probe.stderr
    demo = run("demo", "--out", "out", cwd=workdir, env=env)
    assert demo.returncode == 0, demo.stderr
    written = {p.name for p in (workdir / "out").iterdir()} - {"assess-manifest.json"}
    assert written == DELIVERABLE_FILES
    assert "process-guide.pdf" in demo.stdout  # the demo names every file it wrote
