"""Word and PDF originals: each of the seeds' originals under tests/fixtures/office/ (made by
scripts/make_office_fixtures.py with LibreOffice, as bureaus make theirs) gives the plan its seed's
.txt gives; broken files get one clear problem each."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from builder.model import Plan
from builder.sources.discover import find_sources, load_plan
from builder.sources.readers.docx import DocxReader
from builder.sources.readers.legacy import soffice
from builder.sources.readers.pdf import PdfReader
from builder.sources.textutil import han_and_digits
from tests.conftest import ROOT, SEED_IDS, SOURCES
from tests.e2e.test_fidelity import clauses

OFFICE = ROOT / "tests" / "fixtures" / "office"
KINDS = ("typed.docx", "auto.docx", "pdf")
ORIGINALS = [OFFICE / f"{seed}.{kind}" for seed in SEED_IDS for kind in KINDS]
TABLE_CELLS = ("制定年度工作推进方案", "开展重点工作督导检查", "总结评估年度工作完成情况")


def _as_plan(path: Path, tmp: Path) -> Plan:
    """The original under its seed's name in a folder of its own (the id does not come from the name)."""
    seed = path.name.split(".", 1)[0]
    target = tmp / "source_docs" / f"{seed}{path.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, target)
    loaded = load_plan(target, tmp)
    assert loaded.plan is not None, loaded.problems
    assert not [p for p in loaded.problems if p.severity == "error"], loaded.problems
    return loaded.plan


def _outline(plan: Plan) -> list[tuple[str, ...]]:
    parts = [("part", p.anchor, p.number, p.title) for p in plan.all_parts()]
    return parts + [("item", i.anchor, i.number, i.title) for i in plan.items]


def _all_text(plan: Plan) -> str:
    pieces = [*plan.notice, plan.meta.title, plan.meta.title_note or "", *plan.preamble, *plan.closing, *plan.annex]
    for part in plan.all_parts():
        pieces += [part.marker + part.title, *part.intro]
    pieces += [item.marker + item.text for item in plan.items]
    pieces += [u.text for u in plan.unplaced]
    return han_and_digits("".join(pieces))


def _unspaced(paragraphs: tuple[str, ...]) -> str:
    return re.sub(r"\s+", "", "".join(paragraphs))


def _expected(seed: str) -> Plan:
    plan = load_plan(SOURCES / f"{seed}.txt", ROOT).plan
    assert plan is not None
    return plan


@pytest.mark.parametrize("path", ORIGINALS, ids=lambda p: p.name)
def test_each_original_gives_the_plan_of_its_seed(path: Path, tmp_path: Path) -> None:
    expected = _expected(path.name.split(".", 1)[0])
    got = _as_plan(path, tmp_path)
    for name in ("id", "title", "issuers", "region", "year", "date", "doc_number"):
        assert getattr(got.meta, name) == getattr(expected.meta, name), name
    assert _outline(got) == _outline(expected)
    # Each item's words, spaces and paragraph breaks aside: a PDF cannot tell a typed space at a
    # line's end from the line's end, and a seed copied out of a PDF breaks paragraphs of its own.
    assert [_unspaced(i.paragraphs) for i in got.items] == [_unspaced(i.paragraphs) for i in expected.items]
    assert _unspaced(got.preamble) == _unspaced(expected.preamble)
    assert not got.unplaced
    assert got.meta.original_kind == path.suffix.lstrip(".")


@pytest.mark.parametrize("path", ORIGINALS, ids=lambda p: p.name)
def test_every_clause_of_the_seed_is_in_the_plan_read_from_its_original(path: Path, tmp_path: Path) -> None:
    seed = path.name.split(".", 1)[0]
    text = _all_text(_as_plan(path, tmp_path))
    missing = [c for c in clauses((SOURCES / f"{seed}.txt").read_text(encoding="utf-8")) if c not in text]
    assert not missing, f"{len(missing)} clauses missing, e.g. {missing[:3]}"


@pytest.mark.parametrize("path", [OFFICE / f"{seed}.pdf" for seed in SEED_IDS], ids=lambda p: p.name)
def test_a_pdf_loses_its_page_furniture_and_keeps_its_table_apart(path: Path, tmp_path: Path) -> None:
    read = PdfReader().read(path.read_bytes(), path.name)
    assert read.text is not None
    lines = read.text.split("\n")
    assert not [line for line in lines if re.fullmatch(r"[—\s\d]+", line)], "a page number is left"
    header = _expected(path.name.split(".", 1)[0]).meta.title
    assert sum(line == header for line in lines) <= 1, "the running header repeats"
    text = "\n".join(line for i, line in enumerate(lines) if i not in read.tables)
    seed = re.sub(r"\s+", " ", (SOURCES / f"{path.name.split('.', 1)[0]}.txt").read_text(encoding="utf-8"))
    spaced = set(re.findall(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text))
    assert spaced <= set(re.findall(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", seed)), "a space between Han the seed lacks"
    rows = [lines[i] for i in read.tables]
    assert [r.split()[1] for r in rows[1:]] == list(TABLE_CELLS)
    plan = _as_plan(path, tmp_path)
    assert plan.annex and plan.annex[0].startswith("附件"), "the table after the items is the attachment"
    assert all(cell in "".join(plan.annex) for cell in TABLE_CELLS)


def test_automatic_numbers_are_in_the_docx_only_as_numbering() -> None:
    """The fixture is honest: its numbers are Word's, not typed (python-docx's text has none)."""
    import docx

    document = docx.Document(str(OFFICE / "2019-weihai.auto.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "以强化党建为统领,构建全市教育系统大党建格局" in texts
    assert not any(t.startswith(("一、", "1.")) for t in texts)
    read = DocxReader().read((OFFICE / "2019-weihai.auto.docx").read_bytes(), "x.docx")
    assert read.text is not None and "\n一、以强化党建为统领" in read.text and "\n6.推进学前教育" in read.text


def test_a_docx_table_is_a_table_not_items() -> None:
    read = DocxReader().read((OFFICE / "2019-weihai.typed.docx").read_bytes(), "x.docx")
    assert read.text is not None
    lines = read.text.split("\n")
    rows = [lines[i] for i in read.tables]
    assert rows[0] == "序号 工作任务 完成时限" and [r.split()[1] for r in rows[1:]] == list(TABLE_CELLS)


@pytest.mark.build  # LibreOffice: a few seconds to start
def test_a_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    assert soffice() is not None, "make test installs LibreOffice (scripts/system-deps.sh)"
    expected = _expected("2019-weihai")
    got = _as_plan(OFFICE / "2019-weihai.doc", tmp_path)
    assert (got.meta.id, got.meta.title, got.meta.date) == (expected.meta.id, expected.meta.title, expected.meta.date)
    assert _outline(got) == _outline(expected)
    assert got.meta.original_kind == "doc"


def _problem_of(tmp: Path, name: str, data: bytes) -> str:
    folder = tmp / "source_docs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    sources, problems = find_sources(folder)
    if not problems:
        loaded = load_plan(sources[0].text, tmp)
        assert loaded.plan is None
        problems = list(loaded.problems)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.path.endswith(name) and problem.hint
    return f"{problem.message} — {problem.hint}"


def _blank_pdf() -> bytes:
    """A one-page PDF with a drawing and no text: what a scanner's PDF is to a reader."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
        b"<</Length 18>>stream\n0 0 m 100 100 l S\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer<</Size 5/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("scan.pdf", _blank_pdf(), "no text layer"),
        ("locked.pdf", (OFFICE / "locked.pdf").read_bytes(), "password"),
        ("cut.pdf", (OFFICE / "2019-weihai.pdf").read_bytes()[:5000], "damaged"),
        ("cut.docx", (OFFICE / "2019-weihai.auto.docx").read_bytes()[:3000], "damaged"),
        ("renamed.docx", _xlsx(), "Excel workbook"),
        ("budget.xlsx", _xlsx(), "Excel workbook"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_clear_problem(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    assert says in _problem_of(tmp_path, name, data)
