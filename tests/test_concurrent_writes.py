"""Writers at the same time: two `pk set` (or `pk set` and `pk fmt`) on one year never lose a
value that either reported as written."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DATA_2024, ROOT

from pk.load.year import load_year

PAIRS = 6


def _pk(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pk", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PK_LANG": "en", "PATH": "/usr/bin:/bin"},
    )


def test_two_pk_set_at_once_keep_both_values(tmp_path: Path) -> None:
    year = tmp_path / "data" / "2024"
    shutil.copytree(DATA_2024, year)
    expected = {}
    for n in range(PAIRS):
        first, second = f"IK-{2 * n + 1:02d}", f"IK-{2 * n + 2:02d}"
        value = f"{50 + n}"
        runs = [
            _pk("set", ident, str(year), "-p", "TW1", "-r", value, cwd=tmp_path)
            for ident in (first, second)
        ]
        for run in runs:
            out, err = run.communicate(timeout=60)
            assert run.returncode == 0, err
        expected |= {first: value, second: value}
    realisasi = load_year(year).realisasi
    assert realisasi is not None
    recorded = {
        ident: str(entry.TW1.realisasi)
        for ident, entry in realisasi.indikator.items()
        if entry.TW1 is not None
    }
    assert recorded == expected
    assert not (year / ".pk.lock").exists()
