"""The README's commands and jq recipes work for real."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _recipes() -> list[str]:
    block = README.split("<!-- jq-recipes -->", 1)[1].split("<!-- /jq-recipes -->", 1)[0]
    return [line for line in block.splitlines() if line.startswith("newsx ")]


def test_readme_has_exactly_two_setup_commands():
    cmds = re.findall(r"^python3 -m venv .*$", README, flags=re.M)
    assert len(cmds) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert cmds[1] in ci.splitlines(), ".ci/run must run the README's test command verbatim"
    assert "newsx analyze seeds/" in cmds[0]


@pytest.mark.parametrize("recipe", _recipes())
def test_jq_recipe_runs(recipe: str):
    if shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    cmd = recipe.replace("newsx ", f"{sys.executable} -m newsx ", 1)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=REPO, capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.strip(), f"recipe printed nothing: {recipe}"


def test_there_are_recipes():
    assert len(_recipes()) >= 5
