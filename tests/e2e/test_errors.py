"""An editor's mistakes: every problem at once, as `file:line: what — what to do`, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES

GOOD = (SOURCES / "2020-wenzhou-longwan.txt").read_bytes()


def run(tmp: Path, files: dict[str, bytes | str], *args: str) -> subprocess.CompletedProcess[str]:
    sources = tmp / "source_docs"
    sources.mkdir(exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (sources / name).write_bytes(data)
    command = [
        sys.executable,
        "-m",
        "builder",
        *args,
        "--root",
        str(ROOT),
        "--sources",
        str(sources),
        "--site-dir",
        str(tmp / "site"),
    ]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def check(tmp: Path, files: dict[str, bytes | str], *args: str) -> str:
    result = run(tmp, files, "check", *args)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    return result.stderr


def test_empty_file(tmp_path: Path) -> None:
    err = check(tmp_path, {"empty.txt": " \n\n"})
    assert "source_docs/empty.txt: the file is empty — paste the plan's text" in err.replace(str(tmp_path) + "/", "")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("plan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
        ("plan.txt", b"PK\x03\x04\x14\x00\x06\x00", "a Word (.docx)"),
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    ],
)
def test_binary_files_say_which_kind_and_what_to_do(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    err = check(tmp_path, {name: data})
    assert f"{name}: this is {kind}" in err
    assert "—" in err


def test_invalid_encoding_names_the_line(tmp_path: Path) -> None:
    data = "第一行\n第二行\n".encode() + b"\xff\xfe\xfd bad\n" + "第四行\n".encode()
    err = check(tmp_path, {"bad.txt": data})
    assert "bad.txt:3: bytes" in err and "neither UTF-8 nor GB18030" in err and "re-save the file as UTF-8" in err


def test_no_part_or_item(tmp_path: Path) -> None:
    err = check(tmp_path, {"prose.txt": "这是一段没有任何编号的文字。\n只是一些说明。\n"})
    assert "prose.txt: no part (一、 or （一）) or numbered item" in err


def test_two_plans_with_the_same_id_name_both_files(tmp_path: Path) -> None:
    err = check(tmp_path, {"a.txt": GOOD, "b.txt": GOOD})
    assert "a.txt and source_docs/b.txt both get the id 2020-wenzhou-longwan" in err.replace(str(tmp_path) + "/", "")
    assert "set a distinct `id:` in a sidecar, e.g. b.yml" in err


def test_sidecar_problems_all_at_once_with_lines(tmp_path: Path) -> None:
    sidecar = "title: 标题\ncolour: red\nyear: twenty\ndate: 2020-02-30\nregion: 5\n"
    err = check(tmp_path, {"a.txt": GOOD, "a.yml": sidecar})
    assert "a.yml:2: unknown key `colour`" in err
    assert "a.yml:3: `year`: 'twenty' is not a year" in err
    assert "a.yml:4: `date`: 2020-02-30 is not a real date" in err
    assert "a.yml:5: `region`: expected a list of names" in err
    assert "4 problem(s) in 1 file(s)" in err


def test_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    err = check(tmp_path, {"empty.txt": "", "prose.txt": "没有编号。\n", "good.txt": GOOD})
    assert "empty.txt" in err and "prose.txt" in err and "2 problem(s) in 2 file(s)" in err


SKIPPING = (
    "威海市文登区教育局2021年工作要点\n一、部分\n"
    "1.第一条。正文。\n2.第二条。正文。\n4.第四条。正文。\n4.又一条。正文。\n"
)


def test_numbering_that_skips_or_repeats_warns_and_fails_under_strict(tmp_path: Path) -> None:
    ok = run(tmp_path, {"plan.txt": SKIPPING}, "check")
    assert ok.returncode == 0, ok.stderr
    assert "plan.txt:5: item numbering skips: expected 3, found 4." in ok.stdout
    assert "plan.txt:6: item numbering repeats: expected 5, found 4." in ok.stdout
    err = check(tmp_path, {"plan.txt": SKIPPING}, "--strict")
    assert "plan.txt:5: item numbering skips" in err


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run(tmp_path, {"empty.txt": ""}, "check", "--debug")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    result = run(tmp_path, {"empty.txt": ""}, "build")
    assert result.returncode == 1
    assert "site/ was left unchanged" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "source_docs"]


def test_an_orphan_sidecar_is_reported_with_the_other_problems(tmp_path: Path) -> None:
    err = check(tmp_path, {"lonely.yml": "year: 2020\n", "empty.txt": ""})
    assert "lonely.yml: a sidecar without a plan" in err and "empty.txt: the file is empty" in err
