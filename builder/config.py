"""Every path and environment variable the build reads, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository: builder/, source_docs/, mkdocs.yml …
TEMPLATES = ROOT / "site_templates"  # pages/ (Markdown templates), overrides/ and assets/ (the theme's)
TAXONOMY_FILE = "_taxonomy.yml"  # in the folder of plans
DIVISIONS_FILE = ROOT / "builder" / "data" / "divisions.json"  # province → city → county names
DIVISIONS_EXTRA_FILE = ROOT / "builder" / "data" / "divisions-extra.yml"  # names the data lacks

# Environment variables. The first two shape the site, so they enter the code fingerprint.
SITE_URL = "SITE_URL"  # the published address, e.g. https://<user>.github.io/<repo>/ (mkdocs.yml reads it too)
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"  # reproducible builds: the time mkdocs writes into the sitemap
SITE_ENVIRONMENT = (SITE_URL, SOURCE_DATE_EPOCH)
DOCS_DIR = "BUILDER_DOCS_DIR"  # where the Markdown tree goes (tests keep parallel builds apart)
MKDOCS_SHARDS = "BUILDER_MKDOCS_SHARDS"  # force how many processes render pages (benchmarks, tests)
CI = "CI"  # set: no progress display


def docs_dir() -> str | None:
    return os.environ.get(DOCS_DIR) or None


def in_ci() -> bool:
    return bool(os.environ.get(CI))


def site_url() -> str:
    return os.environ.get(SITE_URL, "")


def forced_shards() -> int | None:
    value = os.environ.get(MKDOCS_SHARDS)
    return max(1, int(value)) if value else None


@dataclass(frozen=True)
class Paths:
    root: Path
    sources: Path
    config: Path
    docs: Path  # the generated Markdown tree (a build output)
    site: Path

    def _beside_docs(self, suffix: str) -> Path:
        """Build state kept next to the docs folder (build/docs.<suffix>), so tests can move it all."""
        return self.docs.with_name(f"{self.docs.name}.{suffix}")

    @property
    def stage(self) -> Path:
        """mkdocs' own output, kept between builds so unchanged pages need not be rendered again."""
        return self._beside_docs("site-stage")

    @property
    def state(self) -> Path:
        return self._beside_docs("state.json")

    @property
    def parse_cache(self) -> Path:
        return self._beside_docs("parse-cache")

    @property
    def analysis_cache(self) -> Path:
        return self._beside_docs("analysis-cache")

    @property
    def alignment_cache(self) -> Path:
        return self._beside_docs("alignment-cache")

    @property
    def taxonomy(self) -> Path:
        here = self.sources / TAXONOMY_FILE
        # A folder of plans elsewhere (tests, the benchmark) still uses the project's taxonomy.
        return here if here.exists() else self.root / "source_docs" / TAXONOMY_FILE

    @classmethod
    def under(
        cls, root: Path, sources: Path | None = None, site_dir: Path | None = None, docs_dir: Path | None = None
    ) -> Paths:
        root = root.resolve()
        return cls(
            root,
            (sources or root / "source_docs").resolve(),
            root / "mkdocs.yml",
            (docs_dir or root / "build" / "docs").resolve(),
            (site_dir or root / "site").resolve(),
        )
