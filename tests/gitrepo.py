"""A throwaway git repository holding a copy of data/2024, for tests that read revisions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import DATA_2024


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Perencana")
        self.git("config", "user.email", "perencana@example.org")
        self.git("config", "commit.gpgsign", "false")
        self.file = root / "data" / "2024" / "perjanjian.yaml"
        self.file.parent.mkdir(parents=True)
        shutil.copy(DATA_2024 / "perjanjian.yaml", self.file)
        self.commit("PK 2024 ditandatangani")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
        )
        return done.stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def edit(self, old: str, new: str, count: int = 1) -> None:
        text = self.file.read_text(encoding="utf-8")
        assert text.count(old) >= count, f"{old!r} not in the file"
        self.file.write_text(text.replace(old, new, count), encoding="utf-8")
