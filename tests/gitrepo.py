"""A throwaway git repository holding a copy of data/2024, for tests that read revisions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import DATA_2024

IK43_TARGET = """            nama: Persentasi Pegawai yang mendapat layanan Administrasi Kepegawaian Tepat Waktu
            target: 97.5"""
"""IK-43's text and target in data/2024: the line a retargeting test changes."""
PERUBAHAN_I = """perubahan:
  - label: PK Perubahan I
    tanggal: 2024-09-02
    dasar: c
    alasan: Penyesuaian target layanan kepegawaian setelah reorganisasi.
    surat: Surat Sekretaris Jenderal KPU Nomor 1234/SDM.01-SD/08/2024
    mengubah: [{ids}]
"""
"""A first revision; fill in the ids it covers with .format(ids=...)."""
PERUBAHAN_II = """  - label: PK Perubahan II
    tanggal: 2024-10-01
    dasar: a
    alasan: Pergantian Sekretaris KPU Provinsi NTB.
    surat: Surat Sekretaris Jenderal KPU Nomor 1300/SDM.12-SD/09/2024
    mengubah: [pihak_pertama]
"""


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
