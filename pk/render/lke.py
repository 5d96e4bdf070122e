"""`pk lke`: the LKE pre-check (`pk.compute.lke.Penilaian`) as text or JSON.

Only formats; every answer and score comes from `pk.compute.lke.assess`. Both say
"estimasi, bukan nilai resmi": the evaluator's nilai penetapan is the only score.

The JSON is a stable contract, an object with: `label` ("estimasi, bukan nilai resmi"),
`instrumen` (`nama`, `peraturan`, `sumber`), `tahun`, `unit`, `fiktif`, `nilai` (`pasti`,
`maks`: the band over all components), `komponen` (each `id`, `nama`, `bobot`, `pasti`,
`maks`, `sub_komponen`: each `id`, `nama`, `uraian`, `bobot`, `pasti`, `maks`, `kriteria`:
each `id`, `teks`, `skala`, `bobot`, `status` (diputuskan, belum tercatat, penilaian
evaluator), `aturan`, `cara`, `bukti`, `jawaban`, `nilai`, `persen`, `alasan`, `rujukan`),
and `penilaian_evaluator` (the ids pk cannot decide). Weights and scores are numbers in
points of 100, with two decimals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pk.compute.lke import NilaiKriteria, Penilaian, StatusKriteria
from pk.i18n import _
from pk.numbers import plain_comma
from pk.render.frasa import words
from pk.text import json_text, visible
from pk.vocab import LkeFormat

LABEL = "estimasi, bukan nilai resmi"
"""What every output of the pre-check says it is (the JSON's `label`, in Indonesian)."""


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def _kriteria(c: NilaiKriteria) -> dict[str, Any]:
    return {
        "id": c.id,
        "teks": c.teks,
        "skala": c.skala,
        "bobot": _number(c.bobot),
        "status": c.status.value,
        "aturan": c.aturan,
        "cara": c.cara,
        "bukti": c.bukti,
        "jawaban": c.jawaban,
        "nilai": _number(c.nilai),
        "persen": _number(c.persen),
        "alasan": words(c.alasan) if c.alasan else None,
        "rujukan": list(c.rujukan),
    }


def build(result: Penilaian) -> dict[str, Any]:
    """The JSON object (module docstring)."""
    return {
        "label": LABEL,
        "instrumen": {
            "nama": result.nama,
            "peraturan": result.peraturan,
            "sumber": list(result.sumber),
        },
        "tahun": result.tahun,
        "unit": result.unit,
        "fiktif": result.fiktif,
        "nilai": {"pasti": _number(result.pasti), "maks": _number(result.maks)},
        "komponen": [
            {
                "id": k.id,
                "nama": k.nama,
                "bobot": _number(k.bobot),
                "pasti": _number(k.pasti),
                "maks": _number(k.maks),
                "sub_komponen": [
                    {
                        "id": s.id,
                        "nama": s.nama,
                        "uraian": s.uraian,
                        "bobot": _number(s.bobot),
                        "pasti": _number(s.pasti),
                        "maks": _number(s.maks),
                        "kriteria": [_kriteria(c) for c in s.kriteria],
                    }
                    for s in k.sub
                ],
            }
            for k in result.komponen
        ],
        "penilaian_evaluator": [c.id for c in result.kriteria(StatusKriteria.EVALUATOR)],
    }


def render_json(result: Penilaian) -> str:
    return json_text(build(result))


def band(pasti: Decimal, maks: Decimal) -> str:
    """`14,24–89,5`: the points decided and the most the undecided could add."""
    return f"{plain_comma(pasti)}–{plain_comma(maks)}"


def render_text(result: Penilaian) -> str:
    """Each decided criterion with its answer and reason, a band per component."""
    lines = [
        visible(_("LKE pre-check {tahun} — {unit}").format(tahun=result.tahun, unit=result.unit)),
        f"{_('estimate, not an official score')} · {visible(result.peraturan)}",
    ]
    if result.fiktif:
        lines.append("CONTOH FIKTIF")
    for k in result.komponen:
        lines += [
            "",
            f"{k.id}. {visible(k.nama)} ({plain_comma(k.bobot)}): {band(k.pasti, k.maks)}",
        ]
        for s in k.sub:
            head = f"{s.id} {visible(s.nama)} ({plain_comma(s.bobot)}): {band(s.pasti, s.maks)}"
            lines.append(f"  {head}")
            for c in s.kriteria:
                if c.status is StatusKriteria.EVALUATOR:
                    continue
                answer = c.jawaban or "-"
                lines.append(f"    {c.id:<7} {answer}  {visible(c.teks)}")
                reason = visible(words(c.alasan) if c.alasan else "")
                if c.status is StatusKriteria.BELUM_TERCATAT:
                    reason = _("not recorded: {reason}").format(reason=reason)
                lines.append(f"            {reason}")
                if c.rujukan:
                    lines.append(f"            ({', '.join(map(visible, c.rujukan))})")
            evaluator = [c.id for c in s.kriteria if c.status is StatusKriteria.EVALUATOR]
            if evaluator:
                lines.append(
                    "    " + _("evaluator's judgment: {ids}").format(ids=", ".join(evaluator))
                )
    lines += [
        "",
        _("Total: {band} of 100 ({label})").format(
            band=band(result.pasti, result.maks), label=_("estimate, not an official score")
        ),
        _(
            "The first figure counts only what pk decided; the second adds every criterion "
            "it could not decide at full weight."
        ),
    ]
    return "\n".join(lines) + "\n"


VIEWS = {LkeFormat.TEXT: render_text, LkeFormat.JSON: render_json}
