"""The corpus of real plans (tests/corpus/): complete and split; the held-out half read as it must be.

Labels were made by reading; the figures of every step are in tests/corpus/figures.md and
`python scripts/corpus_report.py --plans --themes` prints them.
"""

from __future__ import annotations

import yaml

from tests import corpus_support as corpus


def test_every_corpus_plan_has_its_source_its_labels_and_a_half() -> None:
    names = []
    for path in corpus.files():
        names.append(path.stem)
        assert path.with_name(path.stem + ".source.txt").exists(), path
        labels = yaml.safe_load(path.with_name(path.stem + ".labels.yml").read_text(encoding="utf-8"))
        assert labels.get("parts") or labels.get("loose_items"), path
    split = set(corpus.SPLIT["tuning"]) | set(corpus.SPLIT["heldout"])
    assert sorted(split) == sorted(names)
    assert not set(corpus.SPLIT["tuning"]) & set(corpus.SPLIT["heldout"])
    assert len(names) >= 20
