"""UTF-8, UTF-8 with BOM and GB18030; LF and CRLF: the same plan in any of them gives the same plan."""

from __future__ import annotations

import pytest

from builder.render.exports import plan_json
from builder.sources.plan import parse_plan
from tests.conftest import SEED_IDS, SOURCES


def variants(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "gb18030": text.encode("gb18030"),
        "utf-8-crlf": crlf.encode("utf-8"),
        "gb18030-crlf": crlf.encode("gb18030"),
        "bom-crlf": b"\xef\xbb\xbf" + crlf.encode("utf-8"),
    }


@pytest.mark.parametrize("plan_id", SEED_IDS)
def test_same_plan_in_every_encoding(plan_id: str) -> None:
    text = (SOURCES / f"{plan_id}.txt").read_text(encoding="utf-8")
    results = {}
    for name, data in variants(text).items():
        loaded = parse_plan(data, f"source_docs/{plan_id}.txt")
        assert loaded.plan is not None, (name, loaded.problems)
        results[name] = plan_json(loaded.plan)
    reference = results.pop("utf-8")
    for name, result in results.items():
        assert result == reference, name
