"""What each finding code means, with a failing example and its fix: the one source of
`pk explain`, `pk explain --list` and the generated pages docs/kode-temuan.md (Indonesian)
and docs/finding-codes.md (English); `make docs` writes the pages.

Each entry is written in both languages here rather than through the gettext catalog: an
explanation is a paragraph a planner reads whole, and is easier to keep right side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Explanation:
    code: str
    level: str
    """`error` or `warning` (the level word of the text output)."""
    file: str
    """Where it is found: perjanjian.yaml, realisasi.yaml, an import table, …"""
    id: str
    """What it means and how to fix it, in Bahasa Indonesia."""
    en: str
    """The same in English."""
    failing: str
    fixed: str


def _e(code: str, level: str, file: str, id: str, en: str, failing: str, fixed: str) -> Explanation:
    return Explanation(code, level, file, id, en, failing.strip("\n"), fixed.strip("\n"))


_P, _R, _G, _W, _T = (
    "perjanjian.yaml",
    "realisasi.yaml",
    "pengaturan.yaml",
    "workspace.yaml",
    "pk import / pk set",
)
_ANY = "*.yaml"

EXPLANATIONS: tuple[Explanation, ...] = (
    # --- reading the file -----------------------------------------------------------------
    _e(
        "yaml-syntax",
        "error",
        _ANY,
        "Penulisan YAML salah sehingga berkas tidak bisa dibaca: biasanya indentasi yang tidak "
        "sejajar, tab sebagai pengganti spasi, atau tanda kutip yang tidak ditutup. Perbaiki baris "
        "yang ditunjuk (dan baris di atasnya).",
        "The YAML is written wrongly, so the file cannot be read: usually indentation that does "
        "not line up, a tab instead of spaces, or a quote never closed. Fix the line shown (and "
        "the one above it).",
        'unit:\n  nama: "KPU Provinsi NTB\n  singkatan: KPU NTB',
        'unit:\n  nama: "KPU Provinsi NTB"\n  singkatan: KPU NTB',
    ),
    _e(
        "yaml-alias",
        "error",
        _ANY,
        "Berkas pk tidak memakai anchor dan alias YAML (&nama, *nama): tulis nilainya lengkap di "
        "setiap tempat.",
        "pk files do not use YAML anchors and aliases (&name, *name): write the value out in "
        "full at each place.",
        "pihak_pertama:\n  nama: &ketua Ketua KPU\npihak_kedua:\n  nama: *ketua",
        "pihak_pertama:\n  nama: Ketua KPU\npihak_kedua:\n  nama: Ketua KPU",
    ),
    _e(
        "yaml-complex-key",
        "error",
        _ANY,
        "Kunci harus teks biasa, bukan daftar atau kumpulan kunci.",
        "A key must be plain text, not a list or a mapping.",
        "? [a, b]\n: nilai",
        "kunci: nilai",
    ),
    _e(
        "duplicate-key",
        "error",
        _ANY,
        "Kunci yang sama muncul dua kali dalam satu bagian; pk hanya membaca yang pertama. Hapus "
        "salah satunya.",
        "The same key appears twice in one mapping; pk reads only the first. Delete one.",
        "target: 100\ntarget: 95",
        "target: 100",
    ),
    _e(
        "too-deep",
        "error",
        _ANY,
        "Berkas bertingkat jauh lebih dalam daripada berkas pk mana pun; biasanya akibat "
        "indentasi atau kurung yang kacau.",
        "The file nests far deeper than any pk file; usually broken indentation or brackets.",
        "target: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[100]]]]]]]]]]]]]]]]",
        "target: 100",
    ),
    _e(
        "empty-file",
        "error",
        _ANY,
        "Berkasnya kosong (atau hanya berisi komentar). Isi dengan dokumen pk; `pk new` membuat "
        "tahun baru dari tahun sebelumnya.",
        "The file is empty (or holds only comments). Write the pk document into it; `pk new` "
        "starts a year from the previous one.",
        "# belum diisi",
        "versi_format: 1\ntahun: 2024\n# …",
    ),
    _e(
        "not-utf8",
        "error",
        _ANY,
        "Berkas tidak disimpan sebagai UTF-8 (mis. disimpan sebagai ANSI/Windows-1252). Simpan "
        "ulang dengan encoding UTF-8.",
        "The file is not saved as UTF-8 (e.g. saved as ANSI/Windows-1252). Save it again with "
        "the UTF-8 encoding.",
        "nama: Kepala Bagian Perencanaan dan Data (caf\\xe9 disimpan sebagai Latin-1)",
        "nama: Kepala Bagian Perencanaan dan Data (disimpan sebagai UTF-8)",
    ),
    _e(
        "not-a-file",
        "error",
        _ANY,
        "Di tempat berkas YAML ternyata ada folder (atau perangkat). Sebutkan berkasnya.",
        "A folder (or a device) is where a YAML file was expected. Name the file.",
        "data/2024/perjanjian.yaml/   (sebuah folder)",
        "data/2024/perjanjian.yaml",
    ),
    _e(
        "file-too-large",
        "error",
        _ANY,
        "Berkas jauh lebih besar daripada berkas pk (sekitar 40 KB); kemungkinan salah berkas.",
        "The file is far larger than a pk file (about 40 KB); probably the wrong file.",
        "perjanjian.yaml  (60 MB)",
        "perjanjian.yaml  (40 KB)",
    ),
    _e(
        "unreadable",
        "error",
        _ANY,
        "Berkas tidak dapat dibaca, biasanya karena hak akses. Periksa izin berkasnya.",
        "The file cannot be read, usually for lack of permission. Check its permissions.",
        "-rw------- root perjanjian.yaml",
        "-rw-r--r-- perencana perjanjian.yaml",
    ),
    _e(
        "missing-file",
        "error",
        _P,
        "Folder tahun tidak berisi perjanjian.yaml (mungkin bernama lain, mis. perjanjian.yml).",
        "The year folder has no perjanjian.yaml (perhaps it has another name, e.g. "
        "perjanjian.yml).",
        "data/2024/perjanjian.yml",
        "data/2024/perjanjian.yaml",
    ),
    # --- the schema -------------------------------------------------------------------------
    _e(
        "missing-field",
        "error",
        _ANY,
        "Kunci yang wajib belum ada. Tambahkan kunci itu beserta isinya di bagian yang ditunjuk.",
        "A required key is missing. Add it, with its value, in the part shown.",
        "unit:\n  nama: KPU Provinsi NTB",
        "unit:\n  nama: KPU Provinsi NTB\n  singkatan: KPU NTB",
    ),
    _e(
        "unknown-key",
        "error",
        _ANY,
        "Kunci ini tidak dikenal di tempat itu, sering karena salah ketik. pk menyarankan kunci "
        "yang mirip atau menyebutkan kunci yang boleh.",
        "This key is not known in that place, often a typo. pk suggests the close one or lists "
        "the keys allowed.",
        'satuann: "%"',
        'satuan: "%"',
    ),
    _e(
        "wrong-type",
        "error",
        _ANY,
        "Jenis isinya salah: teks di tempat angka, daftar di tempat kumpulan kunci, dan "
        "sebaliknya. Rupiah ditulis utuh tanpa titik dan Rp.",
        "The value has the wrong kind: text where a number belongs, a list where a mapping "
        "belongs, or the reverse. Rupiah are written whole, without dots or Rp.",
        "pagu: Rp. 10.019.993.000,-",
        "pagu: 10019993000",
    ),
    _e(
        "invalid-value",
        "error",
        _ANY,
        "Jenisnya benar tetapi nilainya tidak sah: tanggal yang tidak ada, angka negatif, id "
        "dengan spasi, pilihan yang tidak dikenal.",
        "The kind is right but the value is not allowed: a date that does not exist, a negative "
        "number, an id with a space, an unknown choice.",
        "tanggal: 2024-13-10",
        "tanggal: 2024-06-10",
    ),
    # --- the agreement ----------------------------------------------------------------------
    _e(
        "year-mismatch",
        "error",
        f"{_P}, {_R}",
        "Tahun di berkas tidak sama dengan nama folder, dengan tahun ruang kerja, dengan tanggal "
        "penandatanganan, atau (di realisasi.yaml) dengan tahun perjanjiannya.",
        "The year in the file differs from the folder's name, the workspace's year, the signing "
        "date, or (in realisasi.yaml) the agreement's year.",
        "# data/2024/perjanjian.yaml\ntahun: 2025",
        "# data/2024/perjanjian.yaml\ntahun: 2024",
    ),
    _e(
        "empty-name",
        "error",
        _P,
        "Nama atau jabatan kosong. Isi seperti tertulis di dokumen yang ditandatangani.",
        "A name or position is blank. Write it as in the signed document.",
        'nama: ""',
        "nama: Persentase Penyelesaian Dokumen Perencanaan",
    ),
    _e(
        "duplicate-id",
        "error",
        f"{_P}, {_W}",
        "Id sasaran, indikator, atau unit dipakai dua kali; `pk set IK-05` harus menunjuk tepat "
        "satu baris. Beri id baru.",
        "A sasaran, indikator or unit id is used twice; `pk set IK-05` must name exactly one "
        "row. Give a new id.",
        "- id: IK-05\n  …\n- id: IK-05",
        "- id: IK-05\n  …\n- id: IK-06",
    ),
    _e(
        "kelompok-order",
        "error",
        _P,
        "Nomor kelompok harus urut 1, 2, 3… sesuai urutan di berkas.",
        "Group numbers run 1, 2, 3… in the order of the file.",
        "kelompok:\n- no: 1\n- no: 3",
        "kelompok:\n- no: 1\n- no: 2",
    ),
    _e(
        "target-is-text",
        "error",
        _P,
        "Target ditulis sebagai teks (mis. `100%`). Tulis angkanya dan letakkan satuannya di "
        "`satuan`; untuk predikat pakai `skala`.",
        "The target is written as text (e.g. `100%`). Write the number and put the unit in "
        "`satuan`; for a grade use a `skala`.",
        "target: 100%",
        'target: 100\nsatuan: "%"',
    ),
    _e(
        "satuan-missing",
        "error",
        _P,
        "Target berupa angka tetapi satuannya tidak ada.",
        "The target is a number but has no unit.",
        "target: 12",
        "target: 12\nsatuan: Dokumen",
    ),
    _e(
        "unknown-skala",
        "error",
        _P,
        "Indikator memakai `skala` yang tidak dideklarasikan di bagian `skala` berkas.",
        "The indicator names a `skala` not declared in the file's `skala` section.",
        "skala: predikat",
        "skala: predikat-sakip",
    ),
    _e(
        "target-not-on-scale",
        "error",
        _P,
        "Target bukan salah satu kode skala indikatornya.",
        "The target is not one of the codes of the indicator's skala.",
        "skala: predikat-sakip\ntarget: A+",
        "skala: predikat-sakip\ntarget: A",
    ),
    _e(
        "range-reversed",
        "error",
        _P,
        "Pada target rentang, `min` lebih besar dari `maks`. Tukar keduanya.",
        "In a range target, `min` is above `maks`. Swap them.",
        "target: {min: 90, maks: 80}",
        "target: {min: 80, maks: 90}",
    ),
    _e(
        "target-missing",
        "warning",
        _P,
        "Target indikator kosong, jadi capaiannya belum bisa dihitung. Isi target seperti di "
        "dokumen yang ditandatangani.",
        "The indicator's target is empty, so its capaian cannot be computed yet. Write the "
        "target as in the signed document.",
        "target: null",
        'target: 100\nsatuan: "%"',
    ),
    _e(
        "duplicate-indikator",
        "warning",
        _P,
        "Dua indikator berbunyi sama persis. Periksa dokumen yang ditandatangani apakah keduanya "
        "memang dimaksud.",
        "Two indicators have exactly the same text. Check in the signed document whether both "
        "are meant.",
        "- id: IK-27\n  nama: Jumlah dokumen riset\n- id: IK-38\n  nama: Jumlah dokumen riset",
        "- id: IK-27\n  nama: Jumlah dokumen riset\n- id: IK-38\n  nama: Jumlah dokumen riset "
        "kepemiluan",
    ),
    _e(
        "total-mismatch",
        "error",
        _P,
        "Jumlah anggaran yang tertulis tidak sama dengan total pagu kegiatan.",
        "The stated budget total differs from the sum of the kegiatan's pagu.",
        "kegiatan:\n- pagu: 100\n- pagu: 200\njumlah: 301",
        "kegiatan:\n- pagu: 100\n- pagu: 200\njumlah: 300",
    ),
    _e(
        "signed-without-date",
        "error",
        _P,
        "Perjanjian berstatus ditandatangani tetapi tanggalnya kosong.",
        "The agreement is marked signed but has no date.",
        "penandatanganan:\n  status: ditandatangani",
        "penandatanganan:\n  tanggal: 2024-06-10\n  status: ditandatangani",
    ),
    _e(
        "perubahan-unsigned",
        "error",
        _P,
        "Ada catatan `perubahan` padahal perjanjian masih draf; draf boleh diubah tanpa catatan.",
        "`perubahan` entries are listed while the agreement is still a draft; a draft changes "
        "without them.",
        "penandatanganan:\n  status: draf\nperubahan:\n- label: PK Perubahan I",
        "penandatanganan:\n  status: draf",
    ),
    _e(
        "duplicate-perubahan",
        "error",
        _P,
        "Label perubahan dipakai dua kali. Beri nomor: PK Perubahan I, II, …",
        "A revision label is used twice. Number them: PK Perubahan I, II, …",
        "- label: PK Perubahan I\n- label: PK Perubahan I",
        "- label: PK Perubahan I\n- label: PK Perubahan II",
    ),
    _e(
        "perubahan-order",
        "error",
        _P,
        "Perubahan bertanggal sebelum penandatanganan atau sebelum perubahan di atasnya. Urutkan "
        "dari yang terlama.",
        "A revision is dated before the signing or before the revision above it. List them "
        "oldest first.",
        "- label: PK Perubahan I\n  tanggal: 2024-05-02   # ditandatangani 2024-06-10",
        "- label: PK Perubahan I\n  tanggal: 2024-09-02",
    ),
    _e(
        "uncovered-change",
        "error",
        _P,
        "Setelah ditandatangani, setiap perubahan target, indikator, sasaran, anggaran, atau "
        "pihak harus dicatat di `perubahan` baru yang menyebut id-nya di `mengubah` "
        "(pk validate --baseline).",
        "After signing, each change to a target, indicator, sasaran, budget line or party must "
        "be recorded by a new `perubahan` entry listing its id in `mengubah` "
        "(pk validate --baseline).",
        "# target IK-04 diubah 97.5 → 95 tanpa catatan",
        "perubahan:\n- label: PK Perubahan I\n  tanggal: 2024-09-02\n  dasar: b\n  alasan: …\n"
        "  surat: …\n  mengubah: [IK-04]",
    ),
    _e(
        "perubahan-rewritten",
        "error",
        _P,
        "Catatan perubahan yang sudah ada pada revisi acuan diubah atau dihapus. Catatan lama "
        "tetap; tambahkan perubahan baru.",
        "A revision already on record at the baseline was changed or removed. Old entries stay; "
        "add a new one.",
        "- label: PK Perubahan I\n  alasan: (ditulis ulang)",
        "- label: PK Perubahan I\n  alasan: (seperti semula)\n- label: PK Perubahan II",
    ),
    _e(
        "baseline-missing",
        "warning",
        _P,
        "Tag git di `penandatanganan.tag` tidak ada di repositori ini, jadi perubahan sejak "
        "penandatanganan tidak diperiksa. Ambil tag-nya: git fetch --tags.",
        "The git tag named in `penandatanganan.tag` is not in this repository, so changes since "
        "signing are not checked. Fetch the tags: git fetch --tags.",
        "tag: pk-2024-ditandatangani   # tag belum diambil",
        "git fetch --tags",
    ),
    # --- realisasi.yaml and pengaturan.yaml --------------------------------------------------
    _e(
        "agregasi-kode",
        "error",
        _P,
        "Indikator berupa predikat atau level tidak bisa dijumlahkan atau dirata-rata antar "
        "triwulan; `agregasi`-nya harus `terakhir`.",
        "A grade or level cannot be summed or averaged over the quarters; its `agregasi` must "
        "be `terakhir`.",
        "skala: predikat-sakip\nagregasi: jumlah",
        "skala: predikat-sakip\nagregasi: terakhir",
    ),
    _e(
        "unknown-indikator",
        "error",
        f"{_R}, {_T}",
        "Id indikator di realisasi (atau di baris impor) tidak ada di perjanjian.",
        "The indicator id in realisasi (or in an imported row) is not in the agreement.",
        "indikator:\n  IK-61:\n    TW1: {realisasi: 5}",
        "indikator:\n  IK-60:\n    TW1: {realisasi: 5}",
    ),
    _e(
        "unknown-kegiatan",
        "error",
        _R,
        "Kode kegiatan di realisasi anggaran tidak ada di perjanjian.",
        "The kegiatan kode in the budget realisasi is not in the agreement.",
        "anggaran:\n  076.01.XX: {TW1: 1000000}",
        "anggaran:\n  076.01.WA: {TW1: 1000000}",
    ),
    _e(
        "realisasi-kind",
        "error",
        _R,
        "Realisasi atau target Rencana Aksi tidak sejenis dengan indikatornya: teks untuk "
        "indikator berangka, atau kode di luar skala.",
        "A realisasi or Rencana Aksi target is not of the indicator's kind: text for a numeric "
        "indicator, or a code outside its skala.",
        "IK-01:\n  TW1: {realisasi: A}   # satuan %",
        "IK-01:\n  TW1: {realisasi: 87.5}",
    ),
    _e(
        "rencana-aksi-tw4",
        "warning",
        _R,
        "Target Rencana Aksi TW4 (kumulatif) seharusnya sama dengan target tahunan.",
        "The cumulative TW4 Rencana Aksi target should equal the annual target.",
        "rencana_aksi: {TW1: 25, TW2: 50, TW3: 75, TW4: 90}   # target 100",
        "rencana_aksi: {TW1: 25, TW2: 50, TW3: 75, TW4: 100}",
    ),
    _e(
        "rencana-aksi-turun",
        "warning",
        _R,
        "Target Rencana Aksi kumulatif turun dari triwulan sebelumnya.",
        "A cumulative Rencana Aksi target falls below the quarter before.",
        "rencana_aksi: {TW1: 50, TW2: 40}",
        "rencana_aksi: {TW1: 40, TW2: 50}",
    ),
    _e(
        "realisasi-turun",
        "warning",
        _R,
        "Realisasi kumulatif (agregasi `terakhir`: tiap triwulan melaporkan Januari sampai akhir "
        "triwulan itu) turun dari triwulan sebelumnya; biasanya salah ketik.",
        "A cumulative realisasi (agregasi `terakhir`: each triwulan reports January to the "
        "quarter's end) falls below the quarter before; usually a typo.",
        "IK-01: {TW1: {realisasi: 60}, TW2: {realisasi: 45}}",
        "IK-01: {TW1: {realisasi: 45}, TW2: {realisasi: 60}}",
    ),
    _e(
        "anggaran-over-pagu",
        "warning",
        _R,
        "Realisasi anggaran suatu kegiatan (jumlah TW1–TW4) melebihi pagunya.",
        "A kegiatan's recorded spending (TW1–TW4 added up) exceeds its pagu.",
        "076.01.WA: {TW1: 6000000000, TW2: 5000000000}   # pagu 10019993000",
        "076.01.WA: {TW1: 5000000000, TW2: 5000000000}",
    ),
    _e(
        "predikat-order",
        "error",
        _G,
        "Kategori predikat harus urut dari yang terbaik dengan `min` yang menurun; hanya kategori "
        "terakhir yang boleh tanpa `min`.",
        "Predikat bands run from best to worst with falling `min`; only the last may omit it.",
        "kategori:\n- {nama: hijau, min: 76}\n- {nama: biru, min: 91}",
        "kategori:\n- {nama: biru, min: 91}\n- {nama: hijau, min: 76}",
    ),
    _e(
        "batas-capaian-low",
        "warning",
        _G,
        "batas_capaian di bawah 100, sehingga indikator yang tepat mencapai target pun tidak "
        "bisa bernilai 100.",
        "batas_capaian is below 100, so even an indicator exactly on target could not reach 100.",
        "batas_capaian: 90",
        "batas_capaian: 120",
    ),
    # --- workspaces -------------------------------------------------------------------------
    _e(
        "unknown-induk",
        "error",
        _W,
        "`induk` sebuah unit bukan unit yang tercantum di atasnya. Cantumkan unit induk lebih "
        "dulu.",
        "A unit's `induk` is not a unit listed above it. List the parent first.",
        "unit:\n- {id: kpu-mataram, induk: kpu-ntb}\n- {id: kpu-ntb}",
        "unit:\n- {id: kpu-ntb}\n- {id: kpu-mataram, induk: kpu-ntb}",
    ),
    _e(
        "missing-folder",
        "error",
        _W,
        "Folder unit tidak ada. Buat foldernya atau isi `folder` dengan letak yang benar.",
        "The unit's folder does not exist. Create it or set `folder` to the right place.",
        "- {id: kpu-p09}   # tanpa folder kpu-p09/",
        "- {id: kpu-p09, folder: kpu-kab-bima}",
    ),
    # --- data entry -------------------------------------------------------------------------
    _e(
        "bad-periode",
        "error",
        _T,
        "Periode bukan triwulan. Tulis TW1, TW2, TW3, atau TW4.",
        "The periode is not a triwulan. Write TW1, TW2, TW3 or TW4.",
        "id,periode,realisasi\nIK-01,Q2,87.5",
        "id,periode,realisasi\nIK-01,TW2,87.5",
    ),
    _e(
        "bad-realisasi",
        "error",
        _T,
        "Nilai realisasi kosong, negatif, bukan angka, atau bukan kode skala indikatornya.",
        "The realisasi is empty, negative, not a number, or not a code of the indicator's skala.",
        "IK-03,TW1,tiga puluh",
        "IK-03,TW1,30",
    ),
    _e(
        "duplicate-entry",
        "error",
        _T,
        "Indikator dan triwulan yang sama diisi dua kali dalam satu impor. Pertahankan satu.",
        "The same indicator and quarter are given twice in one import. Keep one.",
        "IK-01,TW1,80\nIK-01,TW1,85",
        "IK-01,TW1,85",
    ),
    _e(
        "import-header",
        "error",
        _T,
        "Baris pertama tabel impor harus berisi nama kolom id, periode, realisasi (catatan "
        "boleh), atau judul buku kerja hasil `pk export`.",
        "The import table's first row must name the columns id, periode, realisasi (catatan "
        "optional), or be the header of `pk export`'s workbook.",
        "kode,tw,nilai\nIK-01,TW1,80",
        "id,periode,realisasi\nIK-01,TW1,80",
    ),
    _e(
        "import-empty",
        "error",
        _T,
        "Berkas impor kosong.",
        "The import file is empty.",
        "(berkas kosong)",
        "id,periode,realisasi\nIK-01,TW1,80",
    ),
    _e(
        "import-format",
        "error",
        _T,
        "pk import hanya membaca .csv dan .xlsx. Simpan lembar kerja dalam salah satunya.",
        "pk import reads only .csv and .xlsx. Save the sheet as one of them.",
        "pk import realisasi.ods",
        "pk import realisasi.xlsx",
    ),
    _e(
        "not-formattable",
        "error",
        _ANY,
        "`pk fmt` tidak bisa merapikan berkas yang isinya tidak sah (mis. tanggal yang tidak "
        "ada). Jalankan `pk validate` dan perbaiki dulu.",
        "`pk fmt` cannot lay out a file whose content is invalid (e.g. a date that does not "
        "exist). Run `pk validate` and fix it first.",
        "tanggal: 2024-13-10",
        "tanggal: 2024-06-10",
    ),
)

BY_CODE = {e.code: e for e in EXPLANATIONS}

_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "means": "Artinya",
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
    },
    "en": {
        "means": "Meaning",
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
    },
}


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def render_text(code: str, lang: str) -> str:
    """One explanation for the terminal."""
    e, w = BY_CODE[code], _WORDS[lang]
    return (
        f"{e.code} · {w['level'][e.level]} · {w['where'].lower()}: {e.file}\n\n"
        f"{getattr(e, lang)}\n\n{w['failing']}:\n{_indent(e.failing)}\n\n"
        f"{w['fixed']}:\n{_indent(e.fixed)}\n"
    )


def render_list(lang: str) -> str:
    width = max(len(e.code) for e in EXPLANATIONS)
    lines = []
    for e in sorted(EXPLANATIONS, key=lambda e: e.code):
        first = getattr(e, lang).split(". ")[0].rstrip(".")
        lines.append(f"{e.code:<{width}}  {e.level:<7}  {first}.")
    return "\n".join(lines) + "\n"


def render_markdown(lang: str) -> str:
    """The documentation page: every code, in the order of the pipeline."""
    w = _WORDS[lang]
    out = [f"# {w['title']}", "", f"<!-- {w['generated']} -->", "", w["intro"], ""]
    out += [f"| {'Kode' if lang == 'id' else 'Code'} | Level | {w['where']} |", "|---|---|---|"]
    out += [f"| [`{e.code}`](#{e.code}) | {e.level} | {e.file} |" for e in EXPLANATIONS]
    out.append("")
    for e in EXPLANATIONS:
        out += [
            f"## {e.code}",
            "",
            f"**{w['level'][e.level]}** · {w['where']}: {e.file}",
            "",
            getattr(e, lang),
            "",
            f"{w['failing']}:",
            "",
            "```yaml",
            e.failing,
            "```",
            "",
            f"{w['fixed']}:",
            "",
            "```yaml",
            e.fixed,
            "```",
            "",
        ]
    return "\n".join(out)


DOC_PAGES = {"id": "docs/kode-temuan.md", "en": "docs/finding-codes.md"}


def write_docs(root: str = ".") -> None:
    from pathlib import Path

    for lang, page in DOC_PAGES.items():
        (Path(root) / page).write_text(render_markdown(lang), encoding="utf-8")
