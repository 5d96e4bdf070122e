"""pk keeps a Perjanjian Kinerja (SAKIP performance agreement) as YAML and checks it.

One sub-package a stage; each imports only the stages above it in this list:

    model/    pydantic schema of the files (perjanjian, realisasi, workspace; JSON Schema)
    check/    semantic checks as plain functions, and the catalogue of finding codes
    load/     text -> models and every located Diagnostic (runs the checks)
    compute/  pure capaian, roll-ups of a workspace: frozen results, no I/O
    change/   diff, the signed-baseline gate, history in git, the Riwayat Perubahan
    render/   terminal, JSON/CSV, report contexts, templates, charts, PDF
    edit/     commands that write YAML: round trip, entry, fmt, a new year

Beside them: `validate`, `capaian`, `report` and `lke` (use cases across stages), the thin `cli`,
and the base every stage may use (`vocab`, `diagnostics`, `i18n`, `numbers`, `files`, `text`,
`phrase`).
"""

__version__ = "0.1.0"
