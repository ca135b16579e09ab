"""The JSON output validates against the published JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import REPO, SEED, run_cli

SCHEMA = json.loads((REPO / "core" / "newsx.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_seed_output_validates(validator, seed_analysis):
    d = seed_analysis.to_dict(include=("tokens", "sentences", "text", "normalized"))
    validator.validate(d)
    validator.validate(seed_analysis.to_dict())


def test_cli_records_validate_including_errors(validator, tmp_path):
    (tmp_path / "a.txt").write_text("در تهران ۵۰ نفر در ۶ آبان ۱۴۰۲ گرد آمدند.", encoding="utf-8")
    r = run_cli("analyze", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), "-f", "jsonl")
    for line in r.stdout.decode().splitlines():
        validator.validate(json.loads(line))


def test_samples_validate(validator):
    from newsx import analyze

    for p in sorted((REPO / "samples").glob("*.txt")):
        validator.validate(analyze(p.read_text(encoding="utf-8")).to_dict(include=("tokens",)))


def test_schema_file_is_what_the_cli_prints():
    r = run_cli("schema")
    assert json.loads(r.stdout) == SCHEMA
    assert SEED.exists()
