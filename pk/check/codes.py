"""The catalogue of finding codes: each declared once, with its level, the files it
concerns, and what it means in both languages with a failing example and its fix.

Emitters name a code (`codes.TARGET_MISSING.at(path, line, col, message)`, or a check's
`Finding(loc, codes.TARGET_MISSING, message)`); the level comes from the code. `pk explain`
and `make docs` (pk.render.explain) read the same entries. The explanations are written here
in both languages rather than through the gettext catalog: an explanation is a paragraph a
planner reads whole, and is easier to keep right side by side.
"""

from __future__ import annotations

from pk.diagnostics import CATALOGUED, Diagnostic, Level
from pk.vocab import (
    EVALUASI_FILE,
    PENGATURAN_FILE,
    PERJANJIAN_FILE,
    REALISASI_FILE,
    RENSTRA_FILE,
    WORKSPACE_FILE,
)


class Code:
    """One finding code: the id shown in brackets, e.g. `[target-missing]`, and its meaning."""

    __slots__ = ("id", "level", "files", "text_id", "text_en", "failing", "fixed")

    def __init__(
        self,
        id: str,
        level: Level,
        files: tuple[str, ...],
        *,
        text_id: str,
        text_en: str,
        failing: str,
        fixed: str,
    ) -> None:
        self.id = id
        self.level = level
        self.files = files
        """Where it is found: perjanjian.yaml, realisasi.yaml, an import table, …"""
        self.text_id = text_id
        """What it means and how to fix it, in Bahasa Indonesia."""
        self.text_en = text_en
        """The same in English."""
        self.failing = failing
        self.fixed = fixed

    def __repr__(self) -> str:
        return f"Code({self.id!r})"

    @property
    def where(self) -> str:
        return ", ".join(self.files)

    def text(self, lang: str) -> str:
        """The explanation in `lang` (`id` or `en`)."""
        return self.text_id if lang == "id" else self.text_en

    def at(self, path: str, line: int, col: int, message: str) -> Diagnostic:
        """A finding of this code located in `path` (line and col 1-based, 0 for the file)."""
        return Diagnostic(path, line, col, self.level, self.id, message)


_ANY = "*.yaml"
_ENTRY = "pk import / pk set"

# --- reading the file ---------------------------------------------------------------------

YAML_SYNTAX = Code(
    "yaml-syntax",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Penulisan YAML salah sehingga berkas tidak bisa dibaca: biasanya indentasi yang tidak "
        "sejajar, tab sebagai pengganti spasi, atau tanda kutip yang tidak ditutup. Perbaiki baris "
        "yang ditunjuk (dan baris di atasnya)."
    ),
    text_en=(
        "The YAML is written wrongly, so the file cannot be read: usually indentation that does "
        "not line up, a tab instead of spaces, or a quote never closed. Fix the line shown (and "
        "the one above it)."
    ),
    failing='unit:\n  nama: "KPU Provinsi NTB\n  singkatan: KPU NTB',
    fixed='unit:\n  nama: "KPU Provinsi NTB"\n  singkatan: KPU NTB',
)

YAML_ALIAS = Code(
    "yaml-alias",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Berkas pk tidak memakai anchor dan alias YAML (&nama, *nama): tulis nilainya lengkap di "
        "setiap tempat."
    ),
    text_en=(
        "pk files do not use YAML anchors and aliases (&name, *name): write the value out in "
        "full at each place."
    ),
    failing="pihak_pertama:\n  nama: &ketua Ketua KPU\npihak_kedua:\n  nama: *ketua",
    fixed="pihak_pertama:\n  nama: Ketua KPU\npihak_kedua:\n  nama: Ketua KPU",
)

YAML_COMPLEX_KEY = Code(
    "yaml-complex-key",
    Level.ERROR,
    (_ANY,),
    text_id="Kunci harus teks biasa, bukan daftar atau kumpulan kunci.",
    text_en="A key must be plain text, not a list or a mapping.",
    failing="? [a, b]\n: nilai",
    fixed="kunci: nilai",
)

DUPLICATE_KEY = Code(
    "duplicate-key",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Kunci yang sama muncul dua kali dalam satu bagian; pk hanya membaca yang pertama. Hapus "
        "salah satunya."
    ),
    text_en="The same key appears twice in one mapping; pk reads only the first. Delete one.",
    failing="target: 100\ntarget: 95",
    fixed="target: 100",
)

TOO_DEEP = Code(
    "too-deep",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Berkas bertingkat jauh lebih dalam daripada berkas pk mana pun; biasanya akibat "
        "indentasi atau kurung yang kacau."
    ),
    text_en="The file nests far deeper than any pk file; usually broken indentation or brackets.",
    failing="target: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[100]]]]]]]]]]]]]]]]",
    fixed="target: 100",
)

EMPTY_FILE = Code(
    "empty-file",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Berkasnya kosong (atau hanya berisi komentar). Isi dengan dokumen pk; `pk new` membuat "
        "tahun baru dari tahun sebelumnya."
    ),
    text_en=(
        "The file is empty (or holds only comments). Write the pk document into it; `pk new` "
        "starts a year from the previous one."
    ),
    failing="# belum diisi",
    fixed="versi_format: 1\ntahun: 2024\n# …",
)

NOT_UTF8 = Code(
    "not-utf8",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Berkas tidak disimpan sebagai UTF-8 (mis. disimpan sebagai ANSI/Windows-1252). Simpan "
        "ulang dengan encoding UTF-8."
    ),
    text_en=(
        "The file is not saved as UTF-8 (e.g. saved as ANSI/Windows-1252). Save it again with "
        "the UTF-8 encoding."
    ),
    failing="nama: Kepala Bagian Perencanaan dan Data (caf\\xe9 disimpan sebagai Latin-1)",
    fixed="nama: Kepala Bagian Perencanaan dan Data (disimpan sebagai UTF-8)",
)

NOT_A_FILE = Code(
    "not-a-file",
    Level.ERROR,
    (_ANY,),
    text_id="Di tempat berkas YAML ternyata ada folder (atau perangkat). Sebutkan berkasnya.",
    text_en="A folder (or a device) is where a YAML file was expected. Name the file.",
    failing="data/2024/perjanjian.yaml/   (sebuah folder)",
    fixed="data/2024/perjanjian.yaml",
)

FILE_TOO_LARGE = Code(
    "file-too-large",
    Level.ERROR,
    (_ANY,),
    text_id="Berkas jauh lebih besar daripada berkas pk (sekitar 40 KB); kemungkinan salah berkas.",
    text_en="The file is far larger than a pk file (about 40 KB); probably the wrong file.",
    failing="perjanjian.yaml  (60 MB)",
    fixed="perjanjian.yaml  (40 KB)",
)

UNREADABLE = Code(
    "unreadable",
    Level.ERROR,
    (_ANY,),
    text_id="Berkas tidak dapat dibaca, biasanya karena hak akses. Periksa izin berkasnya.",
    text_en="The file cannot be read, usually for lack of permission. Check its permissions.",
    failing="-rw------- root perjanjian.yaml",
    fixed="-rw-r--r-- perencana perjanjian.yaml",
)

MISSING_FILE = Code(
    "missing-file",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Folder tahun tidak berisi perjanjian.yaml (mungkin bernama lain, mis. perjanjian.yml).",
    text_en=(
        "The year folder has no perjanjian.yaml (perhaps it has another name, e.g. perjanjian.yml)."
    ),
    failing="data/2024/perjanjian.yml",
    fixed="data/2024/perjanjian.yaml",
)

MISNAMED_FILE = Code(
    "misnamed-file",
    Level.WARNING,
    (REALISASI_FILE, PENGATURAN_FILE, EVALUASI_FILE, PERJANJIAN_FILE, RENSTRA_FILE),
    text_id=(
        "Berkas di folder tahun (atau di samping folder tahun, untuk Renstra) bernama hampir "
        "seperti berkas pk (mis. realisasi.yml, Realisasi.yaml, realisasi (1).yaml, "
        "realisasi.yaml.txt, Renstra.yaml), tetapi pk hanya membaca nama yang tepat, jadi isinya diabaikan. "
        "Ganti namanya."
    ),
    text_en=(
        "A file in the year folder (or beside the year folders, for the Renstra) is named almost "
        "as a pk file (e.g. realisasi.yml, Realisasi.yaml, realisasi (1).yaml, "
        "realisasi.yaml.txt, Renstra.yaml), but pk reads only the exact name, so what it holds is ignored. "
        "Rename it."
    ),
    failing="data/2024/realisasi.yml",
    fixed="data/2024/realisasi.yaml",
)

_CHAPTERS = "lkjip/*.md"

LKJIP_CHAPTER_MISSING = Code(
    "lkjip-chapter-missing",
    Level.WARNING,
    (_CHAPTERS,),
    text_id=(
        "Folder tahun memuat folder lkjip/, tetapi satu bab yang diwajibkan susunan LKjIP "
        "(PermenPANRB 53/2014) tidak ada atau kosong: kata-pengantar.md, ikhtisar-eksekutif.md, "
        "bab-1.md (Pendahuluan) dan bab-4.md (Penutup). bab-2.md dan bab-3.md boleh tidak ada: "
        "tabelnya diambil dari data. Tulis bab itu dalam Markdown; sampai itu `pk report "
        "--dokumen lkjip` mencetak bab tersebut dengan keterangan belum ditulis."
    ),
    text_en=(
        "The year folder has an lkjip/ folder, but a chapter the LKjIP's structure "
        "(PermenPANRB 53/2014) requires is missing or empty: kata-pengantar.md, "
        "ikhtisar-eksekutif.md, bab-1.md (Pendahuluan) and bab-4.md (Penutup). bab-2.md and "
        "bab-3.md may be left out: their tables come from the data. Write the chapter in "
        "Markdown; until then `pk report --dokumen lkjip` prints it marked as not yet written."
    ),
    failing="data/2027/lkjip/bab-4.md   (tidak ada, atau kosong)",
    fixed="data/2027/lkjip/bab-4.md\n# Kesimpulan\nCapaian kinerja tahun 2027 …",
)

LKJIP_CHAPTER_UNKNOWN = Code(
    "lkjip-chapter-unknown",
    Level.WARNING,
    (_CHAPTERS,),
    text_id=(
        "Berkas di folder lkjip/ bukan salah satu bab LKjIP, jadi tidak dicetak: nama bab "
        "adalah kata-pengantar, ikhtisar-eksekutif, bab-1, bab-2, bab-3, bab-4 (dengan .md). "
        "Ganti namanya (mis. bab1.md menjadi bab-1.md)."
    ),
    text_en=(
        "A file in the lkjip/ folder is none of the LKjIP's chapters, so it is not printed: "
        "the chapters are kata-pengantar, ikhtisar-eksekutif, bab-1, bab-2, bab-3, bab-4 "
        "(with .md). Rename it (e.g. bab1.md to bab-1.md)."
    ),
    failing="data/2027/lkjip/bab1.md",
    fixed="data/2027/lkjip/bab-1.md",
)

NOT_A_YEAR_FOLDER = Code(
    "not-a-year-folder",
    Level.WARNING,
    ("data/<tahun>",),
    text_id=(
        "Folder di data/ yang tampak seperti folder tahun (mis. 02026 atau 2025-revisi) tidak "
        "dibaca: pk hanya membaca folder yang namanya tepat empat angka, mis. data/2025. Ganti "
        "namanya, atau pindahkan ke luar data/."
    ),
    text_en=(
        "A folder under data/ that looks like a year folder (e.g. 02026 or 2025-revisi) is not "
        "read: pk reads only folders named with exactly four digits, e.g. data/2025. Rename it, "
        "or move it out of data/."
    ),
    failing="data/2025-revisi/perjanjian.yaml",
    fixed="data/2025/perjanjian.yaml",
)

NUMBER_OUT_OF_RANGE = Code(
    "number-out-of-range",
    Level.ERROR,
    (_ANY, _ENTRY),
    text_id=(
        "Angkanya di luar jangkauan yang dibaca pk: lebih dari 15 angka sebelum koma (total "
        "rupiah sebuah kementerian pun muat dalam 15 angka) atau lebih dari 6 angka di belakang "
        "koma. Biasanya salah ketik, mis. nol yang terlalu banyak."
    ),
    text_en=(
        "The number is outside the range pk reads: more than 15 digits before the decimal point "
        "(a ministry's rupiah totals fit in 15) or more than 6 after it. Usually a typo, such as "
        "too many zeros."
    ),
    failing="pagu: 16584228900000000000",
    fixed="pagu: 165842289000",
)

CONTROL_CHARACTER = Code(
    "control-character",
    Level.ERROR,
    (_ANY, _ENTRY),
    text_id=(
        "Sebuah teks berisi karakter kendali, biasanya tertulis sebagai escape dalam tanda kutip "
        "ganda (`\\e`, `\\x07`, `\\x9b`, `\\u202e`) atau terbawa saat menyalin dari PDF atau "
        "terminal: ESC dan CSI dapat menghapus atau mewarnai layar terminal, BEL membunyikan "
        "bel, dan pengarah teks dua arah (U+202A–U+202E, U+2066–U+2069) membalik urutan teks "
        "yang tampil. Dokumen yang ditandatangani tidak pernah memuatnya, dan lembar kerja "
        "menolaknya. Begitu pula karakter yang bukan teks atau tak terlihat: noncharacter Unicode "
        "(U+FFFE, U+FFFF, U+FDD0–U+FDEF) yang membuat lembar kerja rusak, dan karakter format "
        "tak terlihat (U+200B–U+200F, U+061C, U+FEFF di dalam teks, U+2028, U+2029) yang membuat "
        "dua nama yang tampak sama menjadi berbeda. Hapus karakter itu; tab dan baris baru dalam teks tetap boleh. Semua "
        "keluaran pk tetap menampilkannya sebagai escape, bukan menjalankannya."
    ),
    text_en=(
        "A text holds a control character, usually written as an escape in double quotes "
        "(`\\e`, `\\x07`, `\\x9b`, `\\u202e`) or carried along when copying from a PDF or a "
        "terminal: ESC and CSI can clear or recolour a terminal, BEL rings, and the "
        "bidirectional controls (U+202A–U+202E, U+2066–U+2069) reverse the order in which text "
        "is shown. A signed document never holds one, and spreadsheets refuse them. So do "
        "characters that are not text or do not show: Unicode noncharacters (U+FFFE, U+FFFF, "
        "U+FDD0–U+FDEF), which make a corrupt workbook, and invisible format characters "
        "(U+200B–U+200F, U+061C, U+FEFF inside a text, U+2028, U+2029), which make two names "
        "that look alike differ. Delete the "
        "character; tabs and line breaks in a text stay allowed. Every output of pk shows such "
        "characters as escapes all the same, never runs them."
    ),
    failing='nama: "Program Dukungan Manajemen\\e[2J"',
    fixed="nama: Program Dukungan Manajemen",
)

# --- the schema ---------------------------------------------------------------------------

MISSING_FIELD = Code(
    "missing-field",
    Level.ERROR,
    (_ANY,),
    text_id="Kunci yang wajib belum ada. Tambahkan kunci itu beserta isinya di bagian yang ditunjuk.",
    text_en="A required key is missing. Add it, with its value, in the part shown.",
    failing="unit:\n  nama: KPU Provinsi NTB",
    fixed="unit:\n  nama: KPU Provinsi NTB\n  singkatan: KPU NTB",
)

UNKNOWN_KEY = Code(
    "unknown-key",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Kunci ini tidak dikenal di tempat itu, sering karena salah ketik. pk menyarankan kunci "
        "yang mirip atau menyebutkan kunci yang boleh."
    ),
    text_en=(
        "This key is not known in that place, often a typo. pk suggests the close one or lists "
        "the keys allowed."
    ),
    failing='satuann: "%"',
    fixed='satuan: "%"',
)

WRONG_TYPE = Code(
    "wrong-type",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Jenis isinya salah: teks di tempat angka, daftar di tempat kumpulan kunci, dan "
        "sebaliknya. Rupiah ditulis utuh tanpa titik dan Rp."
    ),
    text_en=(
        "The value has the wrong kind: text where a number belongs, a list where a mapping "
        "belongs, or the reverse. Rupiah are written whole, without dots or Rp."
    ),
    failing="pagu: Rp. 10.019.993.000,-",
    fixed="pagu: 10019993000",
)

INVALID_VALUE = Code(
    "invalid-value",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Jenisnya benar tetapi nilainya tidak sah: tanggal yang tidak ada, angka negatif, id "
        "dengan spasi, pilihan yang tidak dikenal."
    ),
    text_en=(
        "The kind is right but the value is not allowed: a date that does not exist, a negative "
        "number, an id with a space, an unknown choice."
    ),
    failing="tanggal: 2024-13-10",
    fixed="tanggal: 2024-06-10",
)

# --- the agreement ------------------------------------------------------------------------

YEAR_MISMATCH = Code(
    "year-mismatch",
    Level.ERROR,
    (PERJANJIAN_FILE, REALISASI_FILE, EVALUASI_FILE),
    text_id=(
        "Tahun di berkas tidak sama dengan nama folder, dengan tahun ruang kerja, dengan tanggal "
        "penandatanganan, atau (di realisasi.yaml dan evaluasi.yaml) dengan tahun perjanjiannya."
    ),
    text_en=(
        "The year in the file differs from the folder's name, the workspace's year, the signing "
        "date, or (in realisasi.yaml and evaluasi.yaml) the agreement's year."
    ),
    failing="# data/2024/perjanjian.yaml\ntahun: 2025",
    fixed="# data/2024/perjanjian.yaml\ntahun: 2024",
)

EMPTY_NAME = Code(
    "empty-name",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Nama atau jabatan kosong. Isi seperti tertulis di dokumen yang ditandatangani.",
    text_en="A name or position is blank. Write it as in the signed document.",
    failing='nama: ""',
    fixed="nama: Persentase Penyelesaian Dokumen Perencanaan",
)

DUPLICATE_ID = Code(
    "duplicate-id",
    Level.ERROR,
    (PERJANJIAN_FILE, WORKSPACE_FILE, RENSTRA_FILE),
    text_id=(
        "Id sasaran, indikator, atau unit dipakai dua kali; `pk set IK-05` harus menunjuk tepat "
        "satu baris. Beri id baru."
    ),
    text_en=(
        "A sasaran, indikator or unit id is used twice; `pk set IK-05` must name exactly one "
        "row. Give a new id."
    ),
    failing="- id: IK-05\n  …\n- id: IK-05",
    fixed="- id: IK-05\n  …\n- id: IK-06",
)

KELOMPOK_ORDER = Code(
    "kelompok-order",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Nomor kelompok harus urut 1, 2, 3… sesuai urutan di berkas.",
    text_en="Group numbers run 1, 2, 3… in the order of the file.",
    failing="kelompok:\n- no: 1\n- no: 3",
    fixed="kelompok:\n- no: 1\n- no: 2",
)

TARGET_IS_TEXT = Code(
    "target-is-text",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Target ditulis sebagai teks (mis. `100%`). Tulis angkanya dan letakkan satuannya di "
        "`satuan`; untuk predikat pakai `skala`."
    ),
    text_en=(
        "The target is written as text (e.g. `100%`). Write the number and put the unit in "
        "`satuan`; for a grade use a `skala`."
    ),
    failing="target: 100%",
    fixed='target: 100\nsatuan: "%"',
)

SATUAN_MISSING = Code(
    "satuan-missing",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Target berupa angka tetapi satuannya tidak ada.",
    text_en="The target is a number but has no unit.",
    failing="target: 12",
    fixed="target: 12\nsatuan: Dokumen",
)

UNKNOWN_SKALA = Code(
    "unknown-skala",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Indikator memakai `skala` yang tidak dideklarasikan di bagian `skala` berkas.",
    text_en="The indicator names a `skala` not declared in the file's `skala` section.",
    failing="skala: predikat",
    fixed="skala: predikat-sakip",
)

TARGET_NOT_ON_SCALE = Code(
    "target-not-on-scale",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Target bukan salah satu kode skala indikatornya.",
    text_en="The target is not one of the codes of the indicator's skala.",
    failing="skala: predikat-sakip\ntarget: A+",
    fixed="skala: predikat-sakip\ntarget: A",
)

RANGE_REVERSED = Code(
    "range-reversed",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Pada target rentang, `min` lebih besar dari `maks`. Tukar keduanya.",
    text_en="In a range target, `min` is above `maks`. Swap them.",
    failing="target: {min: 90, maks: 80}",
    fixed="target: {min: 80, maks: 90}",
)

TARGET_NEGATIVE = Code(
    "target-negative",
    Level.ERROR,
    (PERJANJIAN_FILE, REALISASI_FILE),
    text_id=(
        "Target indikator berangka (atau batas rentangnya, atau target Rencana Aksi) tidak boleh "
        "negatif, sama seperti realisasinya: yang diperjanjikan adalah hasil yang akan dicapai, "
        "0 atau lebih. Dengan target negatif capaian menjadi tak bermakna (realisasi 100 "
        "terhadap target -5 memberi -2000%). Biasanya salah ketik tanda minus: tulis target "
        "seperti di dokumen yang ditandatangani."
    ),
    text_en=(
        "A numeric indicator's target (or a bound of its range, or a Rencana Aksi target) cannot "
        "be negative, as its realisasi cannot: what is agreed is a result to achieve, 0 or more. "
        "Against a negative target capaian means nothing (realisasi 100 against target -5 gives "
        "-2000%). Usually a stray minus sign: write the target as in the signed document."
    ),
    failing='target: -5\nsatuan: "%"',
    fixed='target: 5\nsatuan: "%"',
)

TARGET_MISSING = Code(
    "target-missing",
    Level.WARNING,
    (PERJANJIAN_FILE,),
    text_id=(
        "Target indikator kosong, jadi capaiannya belum bisa dihitung. Isi target seperti di "
        "dokumen yang ditandatangani."
    ),
    text_en=(
        "The indicator's target is empty, so its capaian cannot be computed yet. Write the "
        "target as in the signed document."
    ),
    failing="target: null",
    fixed='target: 100\nsatuan: "%"',
)

DUPLICATE_INDIKATOR = Code(
    "duplicate-indikator",
    Level.WARNING,
    (PERJANJIAN_FILE,),
    text_id=(
        "Dua indikator berbunyi sama persis. Periksa dokumen yang ditandatangani apakah keduanya "
        "memang dimaksud."
    ),
    text_en=(
        "Two indicators have exactly the same text. Check in the signed document whether both "
        "are meant."
    ),
    failing="- id: IK-27\n  nama: Jumlah dokumen riset\n- id: IK-38\n  nama: Jumlah dokumen riset",
    fixed=(
        "- id: IK-27\n  nama: Jumlah dokumen riset\n- id: IK-38\n  nama: Jumlah dokumen riset "
        "kepemiluan"
    ),
)

TOTAL_MISMATCH = Code(
    "total-mismatch",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Jumlah anggaran yang tertulis tidak sama dengan total pagu kegiatan.",
    text_en="The stated budget total differs from the sum of the kegiatan's pagu.",
    failing="kegiatan:\n- pagu: 100\n- pagu: 200\njumlah: 301",
    fixed="kegiatan:\n- pagu: 100\n- pagu: 200\njumlah: 300",
)

DUPLICATE_KODE = Code(
    "duplicate-kode",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Dua baris anggaran memakai `kode` yang sama (atau, tanpa kode, `nama` yang sama). "
        "realisasi.yaml dan `mengubah` menyebut baris anggaran dengan kodenya (dengan namanya "
        "bila tanpa kode), jadi realisasinya akan terhitung dua kali. Perbaiki kodenya seperti "
        "di dokumen yang ditandatangani."
    ),
    text_en=(
        "Two budget lines have the same `kode` (or, without a kode, the same `nama`). "
        "realisasi.yaml and `mengubah` name a budget line by its kode (by its nama when it has "
        "none), so its realisasi would count twice. Correct the code as in the signed document."
    ),
    failing="kegiatan:\n- kode: 076.01.WA\n  …\n- kode: 076.01.WA",
    fixed="kegiatan:\n- kode: 076.01.WA\n  …\n- kode: 076.01.CQ",
)

EMPTY_KODE = Code(
    "empty-kode",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "`kode` baris anggaran ditulis tetapi kosong. Tulis kodenya seperti di dokumen yang "
        "ditandatangani, atau hapus kunci `kode` bila dokumen mencantumkan baris itu tanpa "
        "kode: baris tanpa kode dikenali dari `nama`-nya."
    ),
    text_en=(
        "A budget line's `kode` is written but empty. Write the code as in the signed "
        "document, or remove the `kode` key when the document lists the line without one: a "
        "line without a kode is known by its `nama`."
    ),
    failing='- kode: ""\n  nama: Program Penunjang Urusan Pemerintahan Daerah',
    fixed="- nama: Program Penunjang Urusan Pemerintahan Daerah",
)

KOP_LOGO = Code(
    "kop-logo",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Logo kop (`bentuk: {kop: {logo: …}}`) tidak ada, atau bukan gambar PNG, JPEG atau SVG. "
        "Jalurnya dihitung dari folder tahun itu: simpan logo di repositori, mis. "
        "`kop/logo.png` di samping `data/`, lalu tulis `../../kop/logo.png`."
    ),
    text_en=(
        "The kop's logo (`bentuk: {kop: {logo: …}}`) is not there, or is not a PNG, JPEG or SVG "
        "image. Its path is relative to the year folder: keep the logo in the repository, e.g. "
        "`kop/logo.png` beside `data/`, and write `../../kop/logo.png`."
    ),
    failing="bentuk:\n  kop:\n    logo: logo-kpu.png   # no such file in data/2024",
    fixed="bentuk:\n  kop:\n    logo: ../../kop/logo-kpu.png",
)

SIGNED_WITHOUT_DATE = Code(
    "signed-without-date",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Perjanjian berstatus ditandatangani tetapi tanggalnya kosong. Tulis tanggal "
        "penandatanganan; bila dokumennya tidak mencetak tanggal, tambahkan "
        "`cetak_tanggal: false` agar tanggal itu hanya tersimpan di data."
    ),
    text_en=(
        "The agreement is marked signed but has no date. Write the signing date; when the "
        "document prints none, add `cetak_tanggal: false` so the date is kept in the data only."
    ),
    failing="penandatanganan:\n  status: ditandatangani",
    fixed="penandatanganan:\n  tanggal: 2024-06-10\n  status: ditandatangani",
)

PERUBAHAN_UNSIGNED = Code(
    "perubahan-unsigned",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Ada catatan `perubahan` padahal perjanjian masih draf; draf boleh diubah tanpa catatan.",
    text_en=(
        "`perubahan` entries are listed while the agreement is still a draft; a draft changes "
        "without them."
    ),
    failing="penandatanganan:\n  status: draf\nperubahan:\n- label: PK Perubahan I",
    fixed="penandatanganan:\n  status: draf",
)

DUPLICATE_PERUBAHAN = Code(
    "duplicate-perubahan",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id="Label perubahan dipakai dua kali. Beri nomor: PK Perubahan I, II, …",
    text_en="A revision label is used twice. Number them: PK Perubahan I, II, …",
    failing="- label: PK Perubahan I\n- label: PK Perubahan I",
    fixed="- label: PK Perubahan I\n- label: PK Perubahan II",
)

PERUBAHAN_ORDER = Code(
    "perubahan-order",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Perubahan bertanggal sebelum penandatanganan atau sebelum perubahan di atasnya. Urutkan "
        "dari yang terlama."
    ),
    text_en=(
        "A revision is dated before the signing or before the revision above it. List them "
        "oldest first."
    ),
    failing="- label: PK Perubahan I\n  tanggal: 2024-05-02   # ditandatangani 2024-06-10",
    fixed="- label: PK Perubahan I\n  tanggal: 2024-09-02",
)

UNCOVERED_CHANGE = Code(
    "uncovered-change",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Setelah ditandatangani, setiap perubahan target, indikator, sasaran, anggaran, atau "
        "pihak harus dicatat di `perubahan` baru yang menyebut id-nya di `mengubah` "
        "(pk validate --baseline)."
    ),
    text_en=(
        "After signing, each change to a target, indicator, sasaran, budget line or party must "
        "be recorded by a new `perubahan` entry listing its id in `mengubah` "
        "(pk validate --baseline)."
    ),
    failing="# target IK-04 diubah 97.5 → 95 tanpa catatan",
    fixed=(
        "perubahan:\n- label: PK Perubahan I\n  tanggal: 2024-09-02\n  dasar: b\n  alasan: …\n"
        "  surat: …\n  mengubah: [IK-04]"
    ),
)

SIGNED_YEAR_REMOVED = Code(
    "signed-year-removed",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Perjanjian sebuah tahun sudah ditandatangani pada baseline, tetapi foldernya sudah "
        "tidak ada (dihapus atau diganti namanya). Perjanjian yang ditandatangani tetap "
        "tersimpan: kembalikan foldernya (git restore --source=REV data/<tahun>)."
    ),
    text_en=(
        "A year's agreement was signed at the baseline, but its folder is gone (deleted or "
        "renamed). A signed agreement stays on record: bring its folder back "
        "(git restore --source=REV data/<year>)."
    ),
    failing="git rm -r data/2024   # PK 2024 ditandatangani",
    fixed="data/2024/perjanjian.yaml   # tetap ada",
)

PERUBAHAN_REWRITTEN = Code(
    "perubahan-rewritten",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Catatan perubahan yang sudah ada pada revisi acuan diubah atau dihapus. Catatan lama "
        "tetap; tambahkan perubahan baru."
    ),
    text_en=(
        "A revision already on record at the baseline was changed or removed. Old entries stay; "
        "add a new one."
    ),
    failing="- label: PK Perubahan I\n  alasan: (ditulis ulang)",
    fixed="- label: PK Perubahan I\n  alasan: (seperti semula)\n- label: PK Perubahan II",
)

BASELINE_MISSING = Code(
    "baseline-missing",
    Level.WARNING,
    (PERJANJIAN_FILE,),
    text_id=(
        "Tag git di `penandatanganan.tag` tidak ada di repositori ini, jadi perubahan sejak "
        "penandatanganan tidak diperiksa. Ambil tag-nya: git fetch --tags."
    ),
    text_en=(
        "The git tag named in `penandatanganan.tag` is not in this repository, so changes since "
        "signing are not checked. Fetch the tags: git fetch --tags."
    ),
    failing="tag: pk-2024-ditandatangani   # tag belum diambil",
    fixed="git fetch --tags",
)

# --- realisasi.yaml and pengaturan.yaml ---------------------------------------------------

AGREGASI_KODE = Code(
    "agregasi-kode",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Indikator berupa predikat atau level tidak bisa dijumlahkan atau dirata-rata antar "
        "triwulan; `agregasi`-nya harus `terakhir`."
    ),
    text_en=(
        "A grade or level cannot be summed or averaged over the quarters; its `agregasi` must "
        "be `terakhir`."
    ),
    failing="skala: predikat-sakip\nagregasi: jumlah",
    fixed="skala: predikat-sakip\nagregasi: terakhir",
)

UNKNOWN_INDIKATOR = Code(
    "unknown-indikator",
    Level.ERROR,
    (REALISASI_FILE, EVALUASI_FILE, _ENTRY),
    text_id=(
        "Id indikator di realisasi atau evaluasi.yaml (atau di baris impor) tidak ada di perjanjian."
    ),
    text_en=(
        "The indicator id in realisasi or evaluasi.yaml (or in an imported row) is not in the "
        "agreement."
    ),
    failing="indikator:\n  IK-61:\n    TW1: {realisasi: 5}",
    fixed="indikator:\n  IK-60:\n    TW1: {realisasi: 5}",
)

UNKNOWN_KEGIATAN = Code(
    "unknown-kegiatan",
    Level.ERROR,
    (REALISASI_FILE,),
    text_id="Kode kegiatan di realisasi anggaran tidak ada di perjanjian.",
    text_en="The kegiatan kode in the budget realisasi is not in the agreement.",
    failing="anggaran:\n  076.01.XX: {TW1: 1000000}",
    fixed="anggaran:\n  076.01.WA: {TW1: 1000000}",
)

REALISASI_NEGATIVE = Code(
    "realisasi-negative",
    Level.ERROR,
    (REALISASI_FILE, _ENTRY),
    text_id=(
        "Realisasi indikator berangka tidak boleh negatif: yang dicatat adalah capaian yang "
        "diperoleh, 0 atau lebih. Pada indikator yang makin rendah makin baik, angka negatif "
        "(biasanya salah ketik tanda minus) akan memberi capaian tertinggi, sehingga ditolak."
    ),
    text_en=(
        "A numeric indicator's realisasi cannot be negative: it records what was achieved, 0 or "
        "more. On a lower-is-better indicator a negative figure (usually a stray minus sign) "
        "would score best, so it is refused."
    ),
    failing="IK-01:\n  TW1: {realisasi: -25}",
    fixed="IK-01:\n  TW1: {realisasi: 25}",
)

REALISASI_KIND = Code(
    "realisasi-kind",
    Level.ERROR,
    (REALISASI_FILE,),
    text_id=(
        "Realisasi atau target Rencana Aksi tidak sejenis dengan indikatornya: teks untuk "
        "indikator berangka, atau kode di luar skala."
    ),
    text_en=(
        "A realisasi or Rencana Aksi target is not of the indicator's kind: text for a numeric "
        "indicator, or a code outside its skala."
    ),
    failing="IK-01:\n  TW1: {realisasi: A}   # satuan %",
    fixed="IK-01:\n  TW1: {realisasi: 87.5}",
)

RENCANA_AKSI_TW4 = Code(
    "rencana-aksi-tw4",
    Level.WARNING,
    (REALISASI_FILE,),
    text_id="Target Rencana Aksi TW4 (kumulatif) seharusnya sama dengan target tahunan.",
    text_en="The cumulative TW4 Rencana Aksi target should equal the annual target.",
    failing="rencana_aksi: {TW1: 25, TW2: 50, TW3: 75, TW4: 90}   # target 100",
    fixed="rencana_aksi: {TW1: 25, TW2: 50, TW3: 75, TW4: 100}",
)

RENCANA_AKSI_TURUN = Code(
    "rencana-aksi-turun",
    Level.WARNING,
    (REALISASI_FILE,),
    text_id="Target Rencana Aksi kumulatif turun dari triwulan sebelumnya.",
    text_en="A cumulative Rencana Aksi target falls below the quarter before.",
    failing="rencana_aksi: {TW1: 50, TW2: 40}",
    fixed="rencana_aksi: {TW1: 40, TW2: 50}",
)

REALISASI_TURUN = Code(
    "realisasi-turun",
    Level.WARNING,
    (REALISASI_FILE,),
    text_id=(
        "Realisasi kumulatif (agregasi `terakhir`: tiap triwulan melaporkan Januari sampai akhir "
        "triwulan itu) turun dari triwulan sebelumnya; biasanya salah ketik."
    ),
    text_en=(
        "A cumulative realisasi (agregasi `terakhir`: each triwulan reports January to the "
        "quarter's end) falls below the quarter before; usually a typo."
    ),
    failing="IK-01: {TW1: {realisasi: 60}, TW2: {realisasi: 45}}",
    fixed="IK-01: {TW1: {realisasi: 45}, TW2: {realisasi: 60}}",
)

BUKTI_MISSING = Code(
    "bukti-missing",
    Level.WARNING,
    (REALISASI_FILE,),
    text_id=(
        "Realisasi suatu triwulan tidak mencantumkan `bukti`, padahal pengaturan.yaml "
        "mewajibkannya (`bukti_wajib: true`)."
    ),
    text_en=(
        "A triwulan's realisasi lists no `bukti` (evidence), though pengaturan.yaml requires "
        "it (`bukti_wajib: true`)."
    ),
    failing="IK-01: {TW1: {realisasi: 30}}",
    fixed="IK-01: {TW1: {realisasi: 30, bukti: [https://contoh.go.id/laporan-tw1.pdf]}}",
)

ANGGARAN_OVER_PAGU = Code(
    "anggaran-over-pagu",
    Level.WARNING,
    (REALISASI_FILE,),
    text_id="Realisasi anggaran suatu kegiatan (jumlah TW1–TW4) melebihi pagunya.",
    text_en="A kegiatan's recorded spending (TW1–TW4 added up) exceeds its pagu.",
    failing="076.01.WA: {TW1: 6000000000, TW2: 5000000000}   # pagu 10019993000",
    fixed="076.01.WA: {TW1: 5000000000, TW2: 5000000000}",
)

PREDIKAT_ORDER = Code(
    "predikat-order",
    Level.ERROR,
    (PENGATURAN_FILE,),
    text_id=(
        "Kategori predikat harus urut dari yang terbaik dengan `min` yang menurun; hanya kategori "
        "terakhir yang boleh tanpa `min`."
    ),
    text_en="Predikat bands run from best to worst with falling `min`; only the last may omit it.",
    failing="kategori:\n- {nama: hijau, min: 76}\n- {nama: biru, min: 91}",
    fixed="kategori:\n- {nama: biru, min: 91}\n- {nama: hijau, min: 76}",
)

BATAS_CAPAIAN_LOW = Code(
    "batas-capaian-low",
    Level.WARNING,
    (PENGATURAN_FILE,),
    text_id=(
        "batas_capaian di bawah 100, sehingga indikator yang tepat mencapai target pun tidak "
        "bisa bernilai 100."
    ),
    text_en="batas_capaian is below 100, so even an indicator exactly on target could not reach 100.",
    failing="batas_capaian: 90",
    fixed="batas_capaian: 120",
)

# --- workspaces ---------------------------------------------------------------------------

UNKNOWN_INDUK = Code(
    "unknown-induk",
    Level.ERROR,
    (WORKSPACE_FILE,),
    text_id=(
        "`induk` sebuah unit bukan unit yang tercantum di atasnya. Cantumkan unit induk lebih dulu."
    ),
    text_en="A unit's `induk` is not a unit listed above it. List the parent first.",
    failing="unit:\n- {id: kpu-mataram, induk: kpu-ntb}\n- {id: kpu-ntb}",
    fixed="unit:\n- {id: kpu-ntb}\n- {id: kpu-mataram, induk: kpu-ntb}",
)

MISSING_FOLDER = Code(
    "missing-folder",
    Level.ERROR,
    (WORKSPACE_FILE,),
    text_id="Folder unit tidak ada. Buat foldernya atau isi `folder` dengan letak yang benar.",
    text_en="The unit's folder does not exist. Create it or set `folder` to the right place.",
    failing="- {id: kpu-p09}   # tanpa folder kpu-p09/",
    fixed="- {id: kpu-p09, folder: kpu-kab-bima}",
)

UNIT_FOLDER_OUTSIDE = Code(
    "unit-folder-outside",
    Level.ERROR,
    (WORKSPACE_FILE,),
    text_id=(
        "`folder` sebuah unit menunjuk ke luar ruang kerja (jalur absolut, huruf drive, `..`, "
        "atau tautan ke luar, untuk foldernya atau berkas di dalamnya). pk hanya membaca unit di dalam folder workspace.yaml: pindahkan folder unit ke "
        "dalamnya dan tulis jalurnya relatif."
    ),
    text_en=(
        "A unit's `folder` leads out of the workspace (an absolute path, a drive letter, `..`, or "
        "a link leading out, for the folder or a file in it). pk reads only units inside workspace.yaml's folder: move the unit's folder "
        "into it and write the path relative to it."
    ),
    failing="- {id: kpu-bima, folder: ../../rahasia}",
    fixed="- {id: kpu-bima, folder: kpu-kab-bima}",
)

DUPLICATE_UNIT_FOLDER = Code(
    "duplicate-unit-folder",
    Level.ERROR,
    (WORKSPACE_FILE,),
    text_id=(
        "Dua unit memakai folder yang sama (ditulis sama, atau lewat tautan ke folder yang "
        "sama), sehingga satu unit terhitung dua kali dalam perbandingan dan rata-rata. Setiap "
        "unit punya foldernya sendiri: perbaiki `folder` unit kedua."
    ),
    text_en=(
        "Two units use the same folder (written alike, or through a link to the same folder), "
        "so one unit would count twice in the comparison and the averages. Each unit has a "
        "folder of its own: correct the second unit's `folder`."
    ),
    failing="- {id: kpu-bima, folder: kpu-kab-bima}\n- {id: kpu-dompu, folder: kpu-kab-bima}",
    fixed="- {id: kpu-bima, folder: kpu-kab-bima}\n- {id: kpu-dompu, folder: kpu-kab-dompu}",
)

# --- data entry ---------------------------------------------------------------------------

BAD_PERIODE = Code(
    "bad-periode",
    Level.ERROR,
    (_ENTRY,),
    text_id="Periode bukan triwulan. Tulis TW1, TW2, TW3, atau TW4.",
    text_en="The periode is not a triwulan. Write TW1, TW2, TW3 or TW4.",
    failing="id,periode,realisasi\nIK-01,Q2,87.5",
    fixed="id,periode,realisasi\nIK-01,TW2,87.5",
)

BAD_REALISASI = Code(
    "bad-realisasi",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Nilai yang dimasukkan kosong, bukan angka, atau bukan kode skala indikatornya; "
        "realisasi anggaran bukan rupiah penuh."
    ),
    text_en=(
        "The value entered is empty, not a number, or not a code of the indicator's skala; a "
        "budget realisasi is not whole rupiah."
    ),
    failing="IK-03,TW1,tiga puluh",
    fixed="IK-03,TW1,30",
)

DUPLICATE_ENTRY = Code(
    "duplicate-entry",
    Level.ERROR,
    (_ENTRY,),
    text_id="Indikator dan triwulan yang sama diisi dua kali dalam satu impor. Pertahankan satu.",
    text_en="The same indicator and quarter are given twice in one import. Keep one.",
    failing="IK-01,TW1,80\nIK-01,TW1,85",
    fixed="IK-01,TW1,85",
)

IMPORT_HEADER = Code(
    "import-header",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Baris pertama tabel impor harus berisi nama kolom id, periode, realisasi (catatan "
        "boleh), atau judul buku kerja hasil `pk export`."
    ),
    text_en=(
        "The import table's first row must name the columns id, periode, realisasi (catatan "
        "optional), or be the header of `pk export`'s workbook."
    ),
    failing="kode,tw,nilai\nIK-01,TW1,80",
    fixed="id,periode,realisasi\nIK-01,TW1,80",
)

IMPORT_EMPTY = Code(
    "import-empty",
    Level.ERROR,
    (_ENTRY,),
    text_id="Berkas impor kosong.",
    text_en="The import file is empty.",
    failing="(berkas kosong)",
    fixed="id,periode,realisasi\nIK-01,TW1,80",
)

IMPORT_FORMAT = Code(
    "import-format",
    Level.ERROR,
    (_ENTRY,),
    text_id="pk import hanya membaca .csv dan .xlsx. Simpan lembar kerja dalam salah satunya.",
    text_en="pk import reads only .csv and .xlsx. Save the sheet as one of them.",
    failing="pk import realisasi.ods",
    fixed="pk import realisasi.xlsx",
)

IMPORT_ROW_WIDTH = Code(
    "import-row-width",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Baris CSV berisi lebih banyak sel daripada nama kolom di baris pertama (atau kurang satu "
        "kolom yang wajib): pemisah di dalam sel yang tidak berkutip membelahnya, mis. `97,5` di "
        'CSV berpemisah koma menjadi 97 dan 5. Tulis 97.5, beri tanda kutip ("97,5"), atau '
        "simpan CSV dengan pemisah `;`."
    ),
    text_en=(
        "A CSV row holds more cells than the first row names columns (or lacks a column pk "
        "needs): a separator inside an unquoted cell splits it, e.g. `97,5` in a comma CSV "
        'becomes 97 and 5. Write 97.5, quote the cell ("97,5"), or save the CSV with `;`.'
    ),
    failing="id,periode,realisasi\nIK-01,TW1,97,5",
    fixed='id,periode,realisasi\nIK-01,TW1,97.5   (atau "97,5")',
)

AMBIGUOUS_NUMBER = Code(
    "ambiguous-number",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Angka yang bisa dibaca dua cara (1.250 adalah seribu dua ratus lima puluh dalam "
        "penulisan Indonesia, 1,25 dalam penulisan Inggris), atau ditulis dengan cara yang tidak "
        "dipakai berkasnya. CSV berpemisah `;` (simpanan Excel berbahasa Indonesia) memakai koma "
        "sebelum desimal dan titik di antara ribuan; di tempat lain tulis angka tanpa pemisah "
        "ribuan dengan titik sebelum desimal: 1250 atau 1.25."
    ),
    text_en=(
        "A figure that reads two ways (1.250 is one thousand two hundred fifty in Indonesian "
        "notation, 1.25 in English), or written in a notation its file does not use. A CSV "
        "separated by `;` (what Excel in Indonesian saves) writes a comma before the decimals "
        "and a point between thousands; elsewhere write the figure without thousands separators "
        "and with a point before the decimals: 1250 or 1.25."
    ),
    failing="pk set IK-01 -p TW1 -r 1.250",
    fixed="pk set IK-01 -p TW1 -r 1250",
)

IMPORT_ENCODING = Code(
    "import-encoding",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "CSV tidak tersimpan sebagai teks UTF-8 (mis. Windows-1252, bawaan Excel lama). Di Excel "
        "pilih Save As, lalu CSV UTF-8 (Comma delimited); di LibreOffice pilih set karakter "
        "Unicode (UTF-8)."
    ),
    text_en=(
        "The CSV is not saved as UTF-8 text (e.g. Windows-1252, old Excel's default). In Excel "
        "choose Save As, CSV UTF-8 (Comma delimited); in LibreOffice, character set Unicode "
        "(UTF-8)."
    ),
    failing="realisasi.csv   (Windows-1252: Capaian \\x96 TW1)",
    fixed="realisasi.csv   (CSV UTF-8)",
)

IMPORT_UNREADABLE = Code(
    "import-unreadable",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Tabel impor tidak dapat dibaca: berkas .xlsx yang sebenarnya bukan buku kerja (mis. CSV "
        "atau berkas lain yang diganti namanya), buku kerja yang rusak, atau CSV dengan tanda "
        "kutip yang tidak ditutup. Buka di Excel atau LibreOffice dan simpan ulang."
    ),
    text_en=(
        "The import table cannot be read: an .xlsx that is not really a workbook (a CSV or "
        "another file renamed), a damaged workbook, or a CSV with a quote never closed. Open it "
        "in Excel or LibreOffice and save it again."
    ),
    failing="realisasi.xlsx   (isinya teks CSV)",
    fixed="realisasi.csv",
)

IMPORT_TOO_LARGE = Code(
    "import-too-large",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Tabel impor jauh lebih besar daripada tabel PK mana pun (batasnya disebut dalam pesan: "
        "ukuran berkas, jumlah baris dan kolom, panjang satu sel). Hapus baris dan kolom kosong "
        "setelah tabel, atau salin tabelnya saja ke lembar kerja baru."
    ),
    text_en=(
        "The import table is far larger than any PK table (the message names the limit: file "
        "size, rows and columns, one cell's length). Delete the empty rows and columns after "
        "the table, or copy the table alone into a new sheet."
    ),
    failing="realisasi.xlsx   (lembar A1:XFD1048576)",
    fixed="realisasi.xlsx   (lembar A1:P61)",
)

IMPORT_FORMULA = Code(
    "import-formula",
    Level.ERROR,
    (_ENTRY,),
    text_id=(
        "Sel berisi rumus tanpa nilai tersimpan: buku kerja disimpan oleh program yang tidak "
        "menghitung rumus. Buka dan simpan di Excel atau LibreOffice, atau ketik nilainya."
    ),
    text_en=(
        "A cell holds a formula with no stored value: the workbook was saved by a program that "
        "does not calculate. Open and save it in Excel or LibreOffice, or type the value."
    ),
    failing="TW2: =F5*2   (tanpa nilai tersimpan)",
    fixed="TW2: 50",
)

NOT_FORMATTABLE = Code(
    "not-formattable",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "`pk fmt` tidak bisa merapikan berkas yang isinya tidak sah (mis. tanggal yang tidak "
        "ada): jalankan `pk validate` dan perbaiki dulu. Berkas dengan komentar di dalam [ ] "
        "atau { } yang ditulis dalam beberapa baris juga dibiarkan apa adanya, karena "
        "komentarnya akan hilang: pindahkan komentar itu ke atas baris awal daftarnya."
    ),
    text_en=(
        "`pk fmt` cannot lay out a file whose content is invalid (e.g. a date that does not "
        "exist): run `pk validate` and fix it first. A file with a comment inside [ ] or { } "
        "written over several lines is also left as it is, since the comment would be lost: "
        "move that comment above the line where the list starts."
    ),
    failing="tanggal: 2024-13-10",
    fixed="tanggal: 2024-06-10",
)

TOO_LARGE_TO_EDIT = Code(
    "too-large-to-edit",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "Berkas lebih besar daripada 256 KB, batas berkas yang disunting oleh perintah yang "
        "menulis (`pk set`, `pk import`, `pk fmt`, `pk new`); perjanjian yang sebenarnya di bawah "
        "50 KB. Periksa apakah berkasnya benar."
    ),
    text_en=(
        "The file is larger than 256 KB, the limit of what the commands that write (`pk set`, "
        "`pk import`, `pk fmt`, `pk new`) edit; a real agreement is under 50 KB. Check that this "
        "is the right file."
    ),
    failing="realisasi.yaml  (4.8 MB)",
    fixed="realisasi.yaml  (13 KB)",
)

WRITE_MISMATCH = Code(
    "write-mismatch",
    Level.ERROR,
    (_ANY,),
    text_id=(
        "pk membaca ulang teks yang akan ditulisnya dan isinya tidak sama dengan yang dimaksud, "
        "jadi berkas tidak ditulis. Ini kesalahan pk: laporkan beserta baris yang ditunjuk; "
        "sementara itu tulis nilai tersebut dalam tanda kutip."
    ),
    text_en=(
        "pk read back the text it was about to write and it did not hold the intended data, so "
        "the file was not written. This is a bug in pk: report it with the line shown; meanwhile "
        "write that value in quotes."
    ),
    failing='pilihan: ["? q"]   # written back as [? q], which reads as {q: null}',
    fixed='pilihan: ["? q"]',
)

# --- the Renstra and the cascade (renstra.yaml against each year's perjanjian.yaml) --------

RENSTRA_TAHUN = Code(
    "renstra-tahun",
    Level.ERROR,
    (RENSTRA_FILE,),
    text_id=(
        "Tahun di renstra.yaml tidak cocok dengan periodenya: tahun_akhir sebelum tahun_awal, "
        "atau target, target nasional, atau id_di_pk untuk tahun di luar tahun_awal–tahun_akhir. "
        "Perbaiki tahunnya, atau periode Renstra-nya."
    ),
    text_en=(
        "A year in renstra.yaml does not fit its period: tahun_akhir before tahun_awal, or a "
        "target, national target or id_di_pk for a year outside tahun_awal–tahun_akhir. Fix the "
        "year, or the Renstra's period."
    ),
    failing="tahun_awal: 2025\ntahun_akhir: 2029\n…\n    target: {2024: 80, 2025: 81}",
    fixed="tahun_awal: 2025\ntahun_akhir: 2029\n…\n    target: {2025: 81}",
)

RENSTRA_TARGET_DIFFERS = Code(
    "renstra-target-differs",
    Level.WARNING,
    (PERJANJIAN_FILE,),
    text_id=(
        "Target indikator di PK berbeda dari target Renstra untuk tahun itu, tanpa alasan yang "
        "dicatat. Evaluator SAKIP memeriksa keselarasan PK dengan Renstra: samakan targetnya, "
        "atau tulis alasannya (misalnya surat yang menetapkannya) di `alasan_target` indikator "
        "itu. Bila Renstra-nya yang direviu, ubah targetnya di renstra.yaml dan catat di `revisi`."
    ),
    text_en=(
        "An indicator's target in the PK differs from the Renstra's target for that year, with "
        "no reason recorded. SAKIP evaluators check that the PK follows the Renstra: make the "
        "targets equal, or write the reason (e.g. the letter that set it) in the indicator's "
        "`alasan_target`. If the Renstra itself was reviewed, change its target in renstra.yaml "
        "and record it under `revisi`."
    ),
    failing="# renstra.yaml: target: {2026: 80}\n- id: IK-01\n  target: 75",
    fixed=(
        "# renstra.yaml: target: {2026: 80}\n- id: IK-01\n  target: 75\n"
        "  alasan_target: Disesuaikan dengan Surat Sekjen KPU No. 12/PR.01/2026"
    ),
)

BELOW_NATIONAL_TARGET = Code(
    "below-national-target",
    Level.ERROR,
    (PERJANJIAN_FILE,),
    text_id=(
        "Target indikator di PK lebih rendah dari target nasional untuk tahun itu (lebih tinggi, "
        "untuk indikator yang makin kecil makin baik). Pedoman PK KPU 2026: target di daerah "
        "tidak boleh berada di bawah target nasional. Naikkan targetnya setidaknya sama dengan "
        "target nasional, atau perbaiki target_nasional di renstra.yaml bila salah tulis."
    ),
    text_en=(
        "An indicator's target in the PK is below the national target for that year (above it, "
        "for a lower-is-better indicator). KPU's 2026 PK guidance: a satker's target may not be "
        "below the national target. Raise the target to at least the national one, or correct "
        "target_nasional in renstra.yaml if it was mistyped."
    ),
    failing="# renstra.yaml: target_nasional: {2026: 77.5}\n- id: IK-01\n  target: 75",
    fixed="# renstra.yaml: target_nasional: {2026: 77.5}\n- id: IK-01\n  target: 77.5",
)

IKU_MISSING = Code(
    "iku-missing",
    Level.ERROR,
    (RENSTRA_FILE,),
    text_id=(
        "Indikator Kinerja Utama (IKU) Renstra tidak ada di PK tahun itu: setiap IKU harus "
        "diperjanjikan tiap tahun periode Renstra. Tambahkan indikatornya ke perjanjian.yaml "
        "dengan id yang sama; bila PK memakai id lain, catat di renstra.yaml dengan `id_di_pk`; "
        "bila memang bukan IKU, tulis `iku: false`."
    ),
    text_en=(
        "An Indikator Kinerja Utama (IKU) of the Renstra is missing from that year's PK: every "
        "IKU is agreed every year of the Renstra period. Add the indicator to perjanjian.yaml "
        "with the same id; if the PK uses another id, record it in renstra.yaml with "
        "`id_di_pk`; if it is not an IKU, write `iku: false`."
    ),
    failing="# renstra.yaml\n- id: IK-03\n  nama: Indeks kepuasan layanan\n# (no IK-03 in data/2026)",
    fixed="# data/2026/perjanjian.yaml\n- id: IK-03\n  nama: Indeks kepuasan layanan\n  target: 3.2",
)

ID_RENAMED = Code(
    "id-renamed",
    Level.WARNING,
    (PERJANJIAN_FILE,),
    text_id=(
        "Indikator ini baru di PK tahun ini, sedangkan indikator tahun lalu di sasaran yang sama "
        "(atau dengan nama yang sama) hilang: tampaknya id-nya diganti tanpa tautan, sehingga "
        "perbandingan dengan tahun sebelumnya terputus. Pakai lagi id lama, atau catat "
        "penggantian di renstra.yaml pada indikator lama: `id_di_pk: {2026: IK-07b}`."
    ),
    text_en=(
        "This indicator is new in this year's PK while last year's indicator in the same sasaran "
        "(or of the same name) is gone: its id seems to have changed with no link, which breaks "
        "the comparison with earlier years. Keep the old id, or record the change in "
        "renstra.yaml under the old indicator: `id_di_pk: {2026: IK-07b}`."
    ),
    failing="# 2025: - id: IK-07\n# 2026: - id: IK-07b",
    fixed="# renstra.yaml\n- id: IK-07\n  id_di_pk: {2026: IK-07b}",
)


ALL: tuple[Code, ...] = tuple(v for v in tuple(globals().values()) if isinstance(v, Code))
"""Every code, in the order of the pipeline (the order of the docs pages)."""
BY_ID = {code.id: code for code in ALL}

CATALOGUED.update((code.id, code.level) for code in ALL)
