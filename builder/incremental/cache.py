"""A cache of values (parsed plans, per-plan analyses) pickled under a digest of their inputs."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any


class PickleCache:
    """Values pickled under a hash of their inputs and a salt (the code that made them)."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt
        self.used: set[Path] = set()

    def key(self, *parts: bytes | str) -> Path:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(part.encode() if isinstance(part, str) else part)
            digest.update(b"\0")
        return self.folder / f"{digest.hexdigest()}.pickle"

    def get(self, path: Path) -> Any | None:
        self.used.add(path)
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, path: Path, value: Any) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(f".tmp{os.getpid()}")
        with scratch.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        scratch.replace(path)

    def prune(self) -> None:
        """Forget entries this build did not ask for (plans gone or changed)."""
        if self.folder.is_dir():
            for path in self.folder.glob("*.pickle"):
                if path not in self.used:
                    path.unlink(missing_ok=True)
