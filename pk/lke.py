"""`pk lke`: the LKE pre-check of a year, an estimate of the Evaluasi AKIP ahead of it.

    year folder --load_valid--> Loaded --compute, perbandingan_for--> Fakta
        + instrument (pk/model/lke.yaml) --assess--> Penilaian

The facts cross stages (the earlier years' PKs, the Renstra and where each value sits in its
file), so they are gathered here; the decisions are pk.compute.lke's.
"""

from __future__ import annotations

from pathlib import Path

from pk.capaian import EarlierYears, earlier_years, perbandingan_for
from pk.compute.capaian import compute
from pk.compute.lke import Fakta, InstrumenError, Locator, Penilaian, assess
from pk.load.lke import SHIPPED, load_instrumen
from pk.load.renstra import LoadedRenstra, renstra_for
from pk.load.source import Source
from pk.load.year import Loaded, load_valid
from pk.model.lke import Instrumen
from pk.model.perjanjian import Loc, Perjanjian
from pk.model.renstra import Renstra
from pk.vocab import (
    EVALUASI_FILE,
    LKJIP_CHAPTERS,
    LKJIP_FOLDER,
    PERJANJIAN_FILE,
    REALISASI_FILE,
    RENSTRA_FILE,
    Periode,
    beside,
)


def lke_for(path: Path | None, instrumen: Path | None = None) -> Penilaian:
    """The pre-check of the year `path` names (default the newest data/<year>)."""
    rules = load_instrumen(instrumen)
    try:
        return lke_of(load_valid(path), rules)
    except InstrumenError as err:
        where = (instrumen or SHIPPED).as_posix()
        raise InstrumenError(f"{where}: {err}") from None


def lke_of(loaded: Loaded, rules: Instrumen | None = None) -> Penilaian:
    """The pre-check of a valid loaded year by `rules` (default pk's instrument)."""
    rules = rules or load_instrumen()
    p = loaded.perjanjian
    assert p is not None  # load_valid refuses a year without one
    capaian = compute(p, loaded.realisasi, loaded.pengaturan, Periode.TAHUNAN)
    earlier = earlier_years(loaded, p.tahun, Periode.TAHUNAN)
    perbandingan = perbandingan_for(loaded, capaian, instrumen=rules, earlier=earlier)
    found = renstra_for(loaded.folder, p.tahun)
    renstra = found.renstra if found is not None and found.ok else None
    berkas = _files(loaded, found)
    fakta = Fakta(
        perjanjian=p,
        realisasi=loaded.realisasi,
        evaluasi=loaded.evaluasi,
        capaian=capaian,
        perbandingan=perbandingan,
        renstra=renstra,
        tanpa_renstra=perbandingan.tanpa.renstra,
        pk_periode=_period_ids(p, earlier, renstra),
        bab_lkjip=_chapters(loaded),
        berkas=berkas,
        lokasi=_locator(berkas, loaded, found),
    )
    return assess(rules, fakta)


def _files(loaded: Loaded, renstra: LoadedRenstra | None) -> dict[str, str]:
    folder = loaded.folder
    where = renstra.path if renstra is not None else beside(folder) / RENSTRA_FILE
    return {
        "perjanjian": (folder / PERJANJIAN_FILE).as_posix(),
        "realisasi": (folder / REALISASI_FILE).as_posix(),
        "evaluasi": (folder / EVALUASI_FILE).as_posix(),
        "renstra": where.as_posix(),
        "lkjip": f"{(folder / LKJIP_FOLDER).as_posix()}/",
    }


def _chapters(loaded: Loaded) -> dict[str, bool] | None:
    """Whether each chapter the LKjIP requires is written; None without an lkjip/ folder."""
    if not (loaded.folder / LKJIP_FOLDER).is_dir():
        return None
    return {n: bool(loaded.lkjip.get(n, "").strip()) for n, req in LKJIP_CHAPTERS.items() if req}


def _locator(berkas: dict[str, str], loaded: Loaded, renstra: LoadedRenstra | None) -> Locator:
    sources: dict[str, Source] = dict(loaded.sources)
    if renstra is not None and renstra.source is not None:
        sources[berkas["renstra"]] = renstra.source

    def lokasi(file: str, loc: Loc) -> str:
        path = berkas[file]
        source = sources.get(path)
        line = source.locate(loc)[0] if source is not None else 0
        return f"{path}:{line}" if line else path

    return lokasi


def _period_ids(
    p: Perjanjian, earlier: EarlierYears, renstra: Renstra | None
) -> dict[int, frozenset[str]]:
    """Each valid year's PK indicator ids within the Renstra's period, up to this year."""
    ids = {p.tahun: frozenset(i.id for _, _, i in p.indikator())}
    if renstra is not None:
        for then in earlier.years:
            if renstra.tahun_awal <= then.tahun:
                ids[then.tahun] = frozenset(i.id for _, _, i in then.perjanjian.indikator())
    return ids
