"""`reader audit FILE|REF [--json]`: findings of a naive conversion, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import ExitCode
from tests.cli.helpers import run

REPO = Path(__file__).resolve().parents[2]
SIMPLIFIED_SAMPLE = REPO / "resources" / "samples" / "02-zhonglianbu-research-simplified.txt"


def test_human_output_lists_each_finding_and_a_summary(
    capsys: pytest.CaptureFixture[str], seed_file: Path
) -> None:
    code, out, err = run(capsys, "audit", str(seed_file))
    assert code == ExitCode.OK and err == ""
    lines = out.splitlines()
    assert lines[-1] == "18 errors, 3 variants (checked against s2tw)"
    assert sum("  干部 → 幹部  [error]  …" in line for line in lines) == 7
    assert sum("  公裡 → 公里  [error]  …" in line for line in lines) == 2
    assert "1:9  布局 → 佈局  [variant]  …堅持科學謀劃、統籌布局,為大興調查研究打牢基礎…" in lines
    assert len(lines) == 22


def test_json_output_has_the_documented_keys(
    capsys: pytest.CaptureFixture[str], seed_file: Path
) -> None:
    code, out, _ = run(capsys, "audit", "--json", str(seed_file))
    assert code == ExitCode.OK
    data = json.loads(out)
    assert len(data) == 21
    for item in data:
        assert list(item) == ["block", "start", "end", "found", "suggestion", "kind", "context"]
        assert item["kind"] in {"error", "variant"}
        assert item["end"] - item["start"] == len(item["found"])
    assert {"block": -4, "start": 25, "end": 27, "found": "模范", "suggestion": "模範"}.items() <= (
        data[0].items()
    )
    assert sum(item["kind"] == "variant" for item in data) == 3


def test_a_library_article_is_audited_by_id(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    lib = str(tmp_path / "lib")
    run(capsys, "--library", lib, "import", str(seed_file))
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    article_id = json.loads(out)[0]["articles"][0]["id"]
    code, out, _ = run(capsys, "--library", lib, "audit", "--json", article_id[:8])
    assert code == ExitCode.OK
    assert len(json.loads(out)) == 21


def test_a_simplified_file_has_nothing_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(SIMPLIFIED_SAMPLE))
    assert code == ExitCode.OK and err == ""
    assert out.count("\n") == 1 and "Traditional" in out
    code, out, err = run(capsys, "audit", "--json", str(SIMPLIFIED_SAMPLE))
    assert code == ExitCode.OK
    assert json.loads(out) == []
    assert err.count("\n") == 1 and "Traditional" in err


def test_a_missing_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "audit", str(tmp_path / "nope.txt"))
    assert code == ExitCode.INPUT_FAILED
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("reader: ") and "nope.txt" in err
