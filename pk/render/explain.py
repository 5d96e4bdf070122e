"""The finding codes of the catalogue (pk.check.codes) as text: `pk explain CODE`,
`pk explain --list`, and the pages docs/kode-temuan.md and docs/finding-codes.md (`make docs`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pk.check.codes import ALL, Code

_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "failing": "Contoh yang salah",
        "fixed": "Perbaikannya",
        "where": "Berkas",
        "level": {"error": "kesalahan (error)", "warning": "peringatan (warning)"},
        "title": "Kode temuan pk",
        "intro": (
            "Setiap temuan `pk validate` diakhiri kodenya dalam kurung siku, mis. "
            "`[target-missing]`. Kode tidak berubah antarbahasa dan antarversi. "
            "`pk explain KODE` menampilkan penjelasan di bawah ini di terminal."
        ),
        "generated": "Halaman ini dibuat dari pk/check/codes.py dengan `make docs`; "
        "jangan disunting langsung.",
        "rezim": "Aturan penilaian per rezim anggaran (`pk explain rezim`)",
        "rezim_intro": (
            "Profil bentuk dokumen menamai rezimnya (`rezim: apbn` untuk kpu-satker, `apbd` "
            "untuk pemerintah-daerah); perjanjian dapat memilih yang lain dengan "
            "`bentuk: {rezim: apbd}`, dan pengaturan.yaml dapat mengubah `efisiensi_batas` "
            "dan mengganti skala `predikat` rezimnya. Aturannya di "
            "templates/rezim/*.yaml."
        ),
        "efisiensi": "Efisiensi: selisih rata-rata capaian − penyerapan > {b} efisien, "
        "−{b}…{b} cukup efisien, < −{b} tidak efisien",
        "pedoman": "Pedoman penyerapan (kumulatif, % pagu)",
        "tanpa_pedoman": "Pedoman penyerapan: tidak ada (tidak digambar pada grafik anggaran)",
        "predikat": "Skala predikat",
        "sumber": "Sumber",
    },
    "en": {
        "failing": "Failing example",
        "fixed": "Fixed",
        "where": "File",
        "level": {"error": "error", "warning": "warning"},
        "title": "pk finding codes",
        "intro": (
            "Each finding of `pk validate` ends with its code in brackets, e.g. "
            "`[target-missing]`. Codes are the same in every language and version. "
            "`pk explain CODE` prints the explanation below in the terminal."
        ),
        "generated": "Generated from pk/check/codes.py by `make docs`; do not edit.",
        "rezim": "Rules of judging by budget regime (`pk explain rezim`)",
        "rezim_intro": (
            "A profile of the document's form names its regime (`rezim: apbn` for kpu-satker, "
            "`apbd` for pemerintah-daerah); an agreement may pick another with "
            "`bentuk: {rezim: apbd}`, and pengaturan.yaml may set `efisiensi_batas` and the "
            "replace its regime's `predikat` scale. The rules are "
            "in templates/rezim/*.yaml."
        ),
        "efisiensi": "Efficiency: average capaian − penyerapan > {b} efisien, "
        "−{b}…{b} cukup efisien, < −{b} tidak efisien",
        "pedoman": "Absorption guide (cumulative, % of pagu)",
        "tanpa_pedoman": "Absorption guide: none (none drawn on the budget chart)",
        "predikat": "Predikat scale",
        "sumber": "Source",
    },
}

DOC_PAGES = {"id": "docs/kode-temuan.md", "en": "docs/finding-codes.md"}


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def render_text(code: Code, lang: str) -> str:
    """One explanation for the terminal."""
    w = _WORDS[lang]
    return (
        f"{code.id} · {w['level'][code.level]} · {w['where'].lower()}: {code.where}\n\n"
        f"{code.text(lang)}\n\n{w['failing']}:\n{_indent(code.failing)}\n\n"
        f"{w['fixed']}:\n{_indent(code.fixed)}\n"
    )


ABBREVIATIONS = frozenset({"mis", "dll", "dsb", "dst", "a.n", "no", "e.g", "i.e", "etc", "cf"})
"""Words ending in a full stop that do not end a sentence (Indonesian and English)."""


def first_sentence(text: str) -> str:
    """The text up to its first full stop that ends a sentence, without that stop: a stop
    after an abbreviation such as `mis.` (misalnya) or `e.g.` does not."""
    for stop in re.finditer(r"\.(?=\s|$)", text):
        word = text[: stop.start()].rsplit(None, 1)[-1].lstrip("(").lower()
        if word not in ABBREVIATIONS:
            return text[: stop.start()]
    return text


def render_list(lang: str) -> str:
    """Every code with its level and the first sentence of its explanation, sorted."""
    width = max(len(c.id) for c in ALL)
    lines = []
    for c in sorted(ALL, key=lambda c: c.id):
        lines.append(f"{c.id:<{width}}  {c.level:<7}  {first_sentence(c.text(lang))}.")
    return "\n".join(lines) + "\n"


def render_markdown(lang: str) -> str:
    """The documentation page: every code, in the order of the pipeline."""
    w = _WORDS[lang]
    out = [f"# {w['title']}", "", f"<!-- {w['generated']} -->", "", w["intro"], ""]
    out += [f"| {'Kode' if lang == 'id' else 'Code'} | Level | {w['where']} |", "|---|---|---|"]
    out += [f"| [`{c.id}`](#{c.id}) | {c.level} | {c.where} |" for c in ALL]
    out.append("")
    for c in ALL:
        out += [
            f"## {c.id}",
            "",
            f"**{w['level'][c.level]}** · {w['where']}: {c.where}",
            "",
            c.text(lang),
            "",
            f"{w['failing']}:",
            "",
            "```yaml",
            c.failing,
            "```",
            "",
            f"{w['fixed']}:",
            "",
            "```yaml",
            c.fixed,
            "```",
            "",
        ]
    return "\n".join(out) + "\n" + render_regimes(lang)


def render_regimes(lang: str, level: str = "##") -> str:
    """Each built-in regime with its rules and where they come from (`pk explain rezim`)."""
    from pk.load.bentuk import context
    from pk.model.bentuk import Rezim
    from pk.numbers import plain_comma

    w = _WORDS[lang]
    out = [f"{level} {w['rezim']}", "", w["rezim_intro"], ""]
    for data in context()["rezim"].values():
        rezim = Rezim.model_validate(data)
        batas = plain_comma(rezim.efisiensi.batas)
        out += [f"{level}# {rezim.id}: {rezim.nama}", ""]
        out += [f"- {w['efisiensi'].format(b=batas)}. {w['sumber']}: {rezim.efisiensi.sumber}"]
        skala = rezim.predikat
        bands = ", ".join(
            k.nama if k.min is None else f"{k.nama} ≥ {plain_comma(k.min)}" for k in skala.kategori
        )
        out.append(f"- {w['predikat']}: {skala.nama}: {bands}. {w['sumber']}: {skala.sumber}")
        guide = rezim.pedoman_penyerapan
        if guide is None:
            out.append(f"- {w['tanpa_pedoman']}.")
        else:
            quarters = ", ".join(
                f"{tw} {plain_comma(getattr(guide, tw))}%" for tw in ("TW1", "TW2", "TW3", "TW4")
            )
            out.append(f"- {w['pedoman']}: {quarters}. {w['sumber']}: {guide.sumber}")
        out.append("")
    return "\n".join(out)


TOPICS = {"rezim": render_regimes}
"""What `pk explain` explains besides the finding codes."""


def explanation(name: str, lang: str) -> str:
    """`pk explain NAME`: a finding code's explanation, or a topic's (`rezim`); a UsageError
    naming the closest code for anything else."""
    from pk.check.codes import BY_ID
    from pk.diagnostics import UsageError
    from pk.i18n import _

    name = name.strip().strip("[]").lower()
    if name in TOPICS:
        return TOPICS[name](lang)
    if name not in BY_ID:
        import difflib

        close = difflib.get_close_matches(name, list(BY_ID), n=1)
        hint = (
            _("did you mean {code}?").format(code=close[0])
            if close
            else _("pk explain --list shows every code")
        )
        raise UsageError(_("no finding code {code!r}; {hint}").format(code=name, hint=hint))
    return render_text(BY_ID[name], lang)


def write_docs(root: str = ".") -> None:
    for lang, page in DOC_PAGES.items():
        (Path(root) / page).write_text(render_markdown(lang), encoding="utf-8")
