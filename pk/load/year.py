"""Load a year folder into a validated `Perjanjian` and every located problem found on the way.

    data/2024/perjanjian.yaml --yamlsource--> plain data --models--> Perjanjian --checks--> findings

Loading never stops at the first problem and never raises for bad input: it returns the
model (None when the schema fails) and all diagnostics.
"""

from __future__ import annotations

import difflib
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from pk.check import codes
from pk.check import perjanjian as checks
from pk.check.year import Year, run_year_checks
from pk.diagnostics import Diagnostic, InvalidData, Level, UsageError
from pk.i18n import N_, _
from pk.model.annotations import item_type, models_in
from pk.model.bentuk import MESSAGES as BENTUK_MESSAGES
from pk.model.perjanjian import Perjanjian, Status
from pk.numbers import excerpt
from pk.vocab import (
    EVALUASI_FILE,
    PENGATURAN_FILE,
    PERJANJIAN_FILE,
    REALISASI_FILE,
    RENSTRA_FILE,
    WORKSPACE_FILE,
    is_renstra_file,
    renstra_files,
    year_of,
)

if typing.TYPE_CHECKING:
    from pk.model.evaluasi import Evaluasi
    from pk.model.realisasi import Pengaturan, Realisasi

from pk.load import bentuk
from pk.load.lkjip import read_chapters
from pk.load.source import Source, broken_link, load, load_bytes

_M = typing.TypeVar("_M", bound=BaseModel)
_PK_FILES = frozenset({REALISASI_FILE, PENGATURAN_FILE, EVALUASI_FILE, WORKSPACE_FILE})

# Hints for fields whose right form a planner cannot guess from the error alone.
_HINTS = {
    "pagu": N_("write whole rupiah without dots or Rp, e.g. 165842289000"),
    "jumlah": N_("write whole rupiah without dots or Rp, e.g. 175862282000"),
    "tanggal": N_("write the date as YYYY-MM-DD, e.g. 2024-06-10"),
    "nip": N_("write it in quotes"),
    "kode": N_("write it in quotes"),
    "versi_format": N_("this version of pk reads format version 1"),
    "tahun": N_("write the year in digits, e.g. 2024"),
}


@dataclass
class Loaded:
    """One year folder after loading."""

    folder: Path
    perjanjian: Perjanjian | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    realisasi: Realisasi | None = None
    """realisasi.yaml beside the agreement; None when absent (or invalid: see diagnostics)."""
    pengaturan: Pengaturan | None = None
    """pengaturan.yaml; None when absent (the defaults of `Pengaturan()` apply) or invalid."""
    evaluasi: Evaluasi | None = None
    """evaluasi.yaml, the facts recorded for the Evaluasi AKIP; None when absent or invalid."""
    lkjip: dict[str, str] = field(default_factory=dict)
    """The LKjIP's chapters in lkjip/ by name (`kata-pengantar`: its Markdown text)."""

    @property
    def ok(self) -> bool:
        return self.perjanjian is not None and not any(
            d.level is Level.ERROR for d in self.diagnostics
        )


def year_folders(root: Path = Path("data")) -> list[Path]:
    """Every `data/<year>` folder below the current directory, oldest first."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("*") if p.is_dir() and year_of(p) is not None)


_YEARISH = r"\d{4}|\d{5,}|\d{4}\D.*|.*\D\d{4}"  # compiled by `re` when first used


def not_year_folders(root: Path = Path("data")) -> list[Diagnostic]:
    """A warning on each folder in `root` that looks like a year (`02026`, `2025-revisi`) but
    is not named as one, so pk skips it: a year there would otherwise drop out in silence."""
    if not root.is_dir():
        return []
    found = []
    for p in sorted(root.iterdir()):
        if p.is_dir() and year_of(p) is None and re.fullmatch(_YEARISH, p.name.strip()):
            message = _(
                "is not read: pk reads only year folders named with exactly four digits, "
                "e.g. {example}; rename it, or move it out of {root}"
            ).format(example=(root / "2025").as_posix(), root=f"{root.as_posix()}/")
            found.append(codes.NOT_A_YEAR_FOLDER.at(p.as_posix(), 0, 0, message))
    return found


def find_default(root: Path = Path("data")) -> Path:
    """The newest `data/<year>` folder below the current directory."""
    years = year_folders(root)
    if not years:
        raise UsageError(
            _("no year folder such as {root}/2024 here; name the folder to use").format(root=root)
        )
    return years[-1]


class Picked(NamedTuple):  # not a dataclass: see pk.check.perjanjian.Context
    """The year a command uses when none is named, and why (the command says both)."""

    folder: Path
    why: str


def pick_year(*, writing: bool = False, root: Path = Path("data")) -> Picked:
    """The newest `data/<year>`; for a command that writes, the newest signed one, because
    realisasi go into a draft (`status: draf`) only when its folder is named."""
    newest = find_default(root)
    if not writing:
        return Picked(newest, _("the newest year folder"))
    drafts: list[str] = []
    for folder in reversed(year_folders(root)):
        perjanjian = load_year(folder).perjanjian
        if perjanjian is None:
            raise UsageError(
                _(
                    "{folder} has errors, so pk cannot tell whether it is signed "
                    "(pk validate {folder} shows them); name the folder to write into"
                ).format(folder=folder.as_posix())
            )
        if perjanjian.penandatanganan.status is Status.DITANDATANGANI:
            if not drafts:
                return Picked(folder, _("the newest year, and it is signed"))
            return Picked(
                folder,
                _("the newest signed year ({drafts}: still a draft)").format(
                    drafts=", ".join(drafts)
                ),
            )
        drafts.append(folder.as_posix())
    raise UsageError(
        _(
            "no signed year in {root}/ ({drafts}: still a draft), and pk writes into a draft "
            "only when its folder is named: name it, e.g. {example}"
        ).format(root=root.as_posix(), drafts=", ".join(drafts), example=drafts[0])
    )


def folder_and_file(path: Path, name: str = PERJANJIAN_FILE) -> tuple[Path, Path]:
    """The folder and the file `path` names: a folder and its file `name`, or a file and its
    folder. A path not (or no longer) there is a file when it ends in .yaml or .yml."""
    is_file = path.is_file() if path.exists() else path.suffix in (".yaml", ".yml")
    return (path.parent, path) if is_file else (path, path / name)


_YEAR_FILES = (PERJANJIAN_FILE, REALISASI_FILE, PENGATURAN_FILE, EVALUASI_FILE)
_KNOWN_FILES = (*_YEAR_FILES, WORKSPACE_FILE)


_NEAR = (  # compiled by `re` when first used
    r"(?P<stem>.+?)(?:\s*\(\d+\)|[ _-]+\d{4}|[ _-]*(?:copy|salinan))?"
    r"\.(?:ya?ml)(?:\.[a-z0-9]{1,4})?"
)
"""A name close to a pk file: its stem, then a copy's ` (1)`, a year `_2024` or `- copy`,
then .yaml or .yml, perhaps with an editor's `.txt` after it."""


def near_stem(name: str) -> str | None:
    """The stem a file name is close to (`Realisasi (1).yaml.txt ` is realisasi), or None."""
    found = re.fullmatch(_NEAR, name.strip().casefold())
    return found["stem"].strip() if found else None


def meant(name: str) -> str | None:
    """The pk file that a file's name spells another way (`Realisasi.yml`, `realisasi (1).yaml`,
    `realisasi.yaml.txt` are realisasi.yaml), or None: pk reads its files only by exact names."""
    if name in _KNOWN_FILES:  # spells only itself: the usual case needs no pattern
        return None
    stem = near_stem(name)
    for known in _KNOWN_FILES:
        if name != known and stem == known.removesuffix(".yaml"):
            return known
    return None


def misnamed(folder: Path, name: str) -> list[Path]:
    """The files in `folder` that are `name` spelt otherwise (`realisasi.yml`), which pk
    does not read; on a file system that ignores case, `Realisasi.yaml` is `name` itself."""
    target = folder / name
    found = []
    for path in _files(folder):
        if meant(path.name) != name:
            continue
        try:
            if target.exists() and os.path.samefile(path, target):
                continue
        except OSError:
            pass
        found.append(path)
    return found


def misnamed_renstra(root: Path) -> list[Path]:
    """The files beside the year folders named close to a Renstra (`Renstra.yaml`,
    `renstra (1).yaml`) that pk does not read; on a file system that ignores case, one is."""
    found = []
    for path in _files(root):
        stem = near_stem(path.name)
        if stem is None or is_renstra_file(path):
            continue
        if re.fullmatch(r"renstra([ _-]*\d{4}[ _-]*\d{4})?", stem) is None:
            continue
        if any(os.path.samefile(path, known) for known in renstra_files(root)):
            continue
        found.append(path)
    return found


def misnamed_renstra_findings(root: Path) -> list[Diagnostic]:
    """A warning on each file named close to a Renstra that pk does not read."""
    message = _("is not read: pk reads the Renstra only as {file}; rename it to {file}")
    return [
        codes.MISNAMED_FILE.at(p.as_posix(), 0, 0, message.format(file=RENSTRA_FILE))
        for p in misnamed_renstra(root)
    ]


def misnamed_findings(folder: Path) -> list[Diagnostic]:
    """A warning on each file of a year spelt otherwise than pk reads it: its data is ignored."""
    found = []
    for name in _YEAR_FILES:
        there = (folder / name).exists()
        for path in misnamed(folder, name):
            message = (
                _(
                    "is not read: pk reads {file}, which is also here; move what this file "
                    "holds into {file}, then delete it"
                )
                if there
                else _("is not read: pk reads only {file}; rename it to {file}")
            )
            found.append(codes.MISNAMED_FILE.at(path.as_posix(), 0, 0, message.format(file=name)))
    return found


def _files(folder: Path) -> list[Path]:
    """The files in `folder` (and links), sorted."""
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() or p.is_symlink())
    except OSError:
        return []


def _yaml_files(folder: Path) -> list[Path]:
    """The files in `folder` whose names end in .yaml or .yml in any case, sorted."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(
        p
        for p in entries
        if p.suffix.casefold() in (".yaml", ".yml") and (p.is_file() or p.is_symlink())
    )


def is_workspace(path: Path) -> bool:
    """Whether `path` is a workspace (`workspace.yaml` or its folder) rather than a year."""
    return path.name == WORKSPACE_FILE or (path / WORKSPACE_FILE).is_file()


def require(path: Path) -> None:
    """A UsageError unless `path` is there: it does not exist, or is a broken link."""
    link = broken_link(path)
    if link is not None:
        raise UsageError(f"{path}: {link}")
    if not path.exists():
        raise UsageError(_("{path}: no such file or folder").format(path=path))


def load_year(path: Path, year: int | None = None) -> Loaded:
    """Load `path`: a year folder, or a `perjanjian.yaml` file inside one.

    `year` is the year the caller expects (a workspace's); by default the folder's name.
    """
    require(path)
    if is_renstra_file(path) and not path.is_dir():
        # Read as an agreement, the Renstra would give a screenful of "missing" and "unknown".
        raise UsageError(
            _(
                "{path} is the Renstra, and this command reads a year: name a year folder "
                "beside it, e.g. {example} (pk validate checks the Renstra)"
            ).format(
                path=path.as_posix(),
                example=(year_folders(path.parent) or [path.parent / "2025"])[-1].as_posix(),
            )
        )
    folder, file = folder_and_file(path)
    display = file.as_posix()
    loaded = Loaded(folder, None)
    if not file.exists() and not file.is_symlink():  # a broken link is load's to describe
        # pk's other files are never the agreement under another name: renaming one of them
        # (a workspace.yaml above all) would lose it.
        others = [p for p in _yaml_files(folder) if p.name not in _PK_FILES]
        units = sorted(p.parent.name for p in folder.glob(f"*/{PERJANJIAN_FILE}"))
        if (folder / WORKSPACE_FILE).is_file():
            hint = _(
                "this folder is a workspace ({workspace}), and this command reads one unit's "
                "year: name a unit's folder, e.g. {example}"
            ).format(
                workspace=WORKSPACE_FILE,
                example=(folder / (units[0] if units else "<unit>")).as_posix(),
            )
        elif others:
            # Each file is named for what it is: `workspace.yml` becomes workspace.yaml, never
            # the agreement (renaming it so would lose the workspace).
            renames: dict[str, list[str]] = {}
            for other in others:
                renames.setdefault(meant(other.name) or PERJANJIAN_FILE, []).append(other.name)
            hint = "; ".join(
                _("found {names}: rename it to {file}?").format(names=", ".join(names), file=file)
                for file, names in renames.items()
            )
        else:
            hint = _("is this a year folder such as data/2024? `pk new` starts one")
        loaded.diagnostics.append(
            codes.MISSING_FILE.at(
                display,
                0,
                0,
                _("no {file} in {folder}; {hint}").format(
                    file=PERJANJIAN_FILE, folder=folder.as_posix(), hint=hint
                ),
            )
        )
        return loaded
    source, diagnostics = load(file, display)
    loaded.sources[display] = source
    loaded.diagnostics.extend(diagnostics)
    loaded.diagnostics.extend(misnamed_findings(folder))
    loaded.lkjip, chapter_findings = read_chapters(folder)
    loaded.diagnostics.extend(chapter_findings)
    if source.data is not None:
        loaded.perjanjian = validate_source(source, Perjanjian, loaded.diagnostics)
    optional_ok = True
    for name, attr in (
        (REALISASI_FILE, "realisasi"),
        (PENGATURAN_FILE, "pengaturan"),
        (EVALUASI_FILE, "evaluasi"),
    ):
        other = folder / name
        if not other.exists() and not other.is_symlink():  # a broken link is an error
            continue
        model = _optional_model(attr)
        other_source, other_diagnostics = load(other, other.as_posix())
        loaded.sources[other_source.path] = other_source
        loaded.diagnostics.extend(other_diagnostics)
        document = (
            validate_source(other_source, model, loaded.diagnostics)
            if other_source.data is not None
            else None
        )
        setattr(loaded, attr, document)
        optional_ok = optional_ok and document is not None
    if loaded.perjanjian is not None:
        if year is not None:
            ctx = checks.Context(folder_year=year, year_source=_("the workspace"), folder=folder)
        else:
            ctx = checks.Context(folder_year=year_of(folder.resolve()), folder=folder)
        findings = checks.run_checks(loaded.perjanjian, ctx)
        if optional_ok:
            documents = Year(
                loaded.perjanjian, loaded.realisasi, loaded.pengaturan, loaded.evaluasi
            )
            findings += run_year_checks(documents, ctx)
        loaded.diagnostics.extend(locate_findings(findings, folder, loaded.sources, display))
    loaded.diagnostics.sort()
    return loaded


def load_valid(path: Path | None = None) -> Loaded:
    """The year `path` names (default: the newest data/<year>), for a command that needs valid
    data; InvalidData, with every finding, when it has errors."""
    return valid(load_year(path or find_default()))


def valid(loaded: Loaded) -> Loaded:
    """`loaded` when it has an agreement and no errors; else InvalidData with its findings."""
    if not loaded.ok or loaded.perjanjian is None:
        raise InvalidData(
            loaded.diagnostics,
            max(len(loaded.sources), 1),
            _("Fix the errors above (pk validate shows them too), then run again."),
        )
    return loaded


def load_agreement(path: Path | None = None) -> Perjanjian:
    """Only the agreement of `load_valid`."""
    perjanjian = load_valid(path).perjanjian
    assert perjanjian is not None  # load_valid refuses a year without one
    return perjanjian


def load_year_bytes(raw: bytes, display: str, folder: Path, folder_year: int | None) -> Loaded:
    """Load a perjanjian.yaml read from elsewhere (a git revision, by `gitsource`): the
    agreement and its own checks; diagnostics name it `display`."""
    source, diagnostics = load_bytes(raw, display)
    loaded = Loaded(folder, None, list(diagnostics), {display: source})
    if source.data is not None:
        loaded.perjanjian = validate_source(source, Perjanjian, loaded.diagnostics)
    if loaded.perjanjian is not None:
        for finding in checks.run_checks(
            loaded.perjanjian, checks.Context(folder_year=folder_year)
        ):
            line, col = source.locate(finding.loc, key=finding.key)
            loaded.diagnostics.append(finding.code.at(display, line, col, finding.message))
    loaded.diagnostics.sort()
    return loaded


def locate_findings(
    findings: list[checks.Finding], folder: Path, sources: dict[str, Source], default: str
) -> list[Diagnostic]:
    """Findings of the checks as located diagnostics; `default` is perjanjian.yaml's path."""
    out = []
    for finding in findings:
        path = (folder / finding.file).as_posix() if finding.file != PERJANJIAN_FILE else default
        line, col = sources[path].locate(finding.loc, key=finding.key)
        out.append(finding.code.at(path, line, col, finding.message))
    return out


def _optional_model(attr: str) -> type[BaseModel]:
    # Imported here: an agreement alone (a pre-commit hook's usual case) skips these models.
    if attr == "evaluasi":
        from pk.model.evaluasi import Evaluasi

        return Evaluasi
    from pk.model.realisasi import Pengaturan, Realisasi

    return Realisasi if attr == "realisasi" else Pengaturan


def validate_source(source: Source, model: type[_M], out: list[Diagnostic]) -> _M | None:
    """The model for a parsed file, or None; every schema error goes to `out`, located."""
    try:
        return model.model_validate(source.data, context=bentuk.context())
    except ValidationError as err:
        for error in err.errors(include_url=False):
            out.append(_diagnostic(source, model, error))
        return None


def _diagnostic(source: Source, model: type[BaseModel], error: Any) -> Diagnostic:
    loc = _data_loc(source.data, tuple(error["loc"]))
    kind = error["type"]
    # A key or value quoted from the file is cut to a bounded excerpt: a message is a line.
    name = excerpt(next((str(p) for p in reversed(loc) if isinstance(p, str)), "file"))
    if kind == "missing":
        missing = str(error["loc"][-1])
        line, col = source.locate(loc)
        parent = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), None)
        if parent:
            message = _("`{key}` is missing in this `{parent}`: add `{key}:` with its value")
        else:
            message = _(
                "`{key}` is missing at the top level of the file: add `{key}:` with its value"
            )
        return codes.MISSING_FIELD.at(
            source.path, line, col, message.format(key=missing, parent=parent)
        )
    if kind == "extra_forbidden":
        line, col = source.locate(loc, key=True)
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.7)
        split = _split_decimal(source.data, loc)
        if split is not None:
            hint = _(
                "{joined} was split at its comma: in `{{ }}` a comma ends the value, so YAML "
                "read {whole} and a key `{digits}`; write {point}"
            ).format(
                joined=f"{split[0]},{split[1]}",
                whole=split[0],
                digits=split[1],
                point=f"{split[0]}.{split[1]}",
            )
        elif close:
            hint = _("did you mean `{key}`?").format(key=close[0])
        elif allowed:
            hint = _("allowed here: {keys}").format(keys=", ".join(allowed))
        else:
            hint = _("remove it")
        return codes.UNKNOWN_KEY.at(
            source.path, line, col, _("unknown key `{key}`; {hint}").format(key=name, hint=hint)
        )
    line, col = source.locate(loc)
    wrong_type = kind.endswith("_type") or kind == "int_from_float"
    code = codes.WRONG_TYPE if wrong_type else codes.INVALID_VALUE
    value = error.get("input")
    if kind in ("model_type", "dict_type", "list_type"):
        shape = (
            _("a list (one `- ` item a line)") if kind == "list_type" else _("a mapping of keys")
        )
        fields = _fields_at(model, loc)
        if fields and kind == "model_type":
            shape += " (" + ", ".join(fields[:3]) + (", …)" if len(fields) > 3 else ")")
        message = _("should be {shape}, not {found}").format(shape=shape, found=_describe(value))
    elif kind == "string_pattern_mismatch" and name == "id":
        message = _(
            "{value!r} is not an id: up to 20 letters, digits, '.', '_' or '-', e.g. IK-01"
        ).format(value=excerpt(str(value)))
    elif kind == "string_pattern_mismatch" and name == "tautan":
        message = _(
            "{value!r} is not a link: write the page's address, starting with https://"
        ).format(value=excerpt(str(value)))
    else:
        message = _expected(kind, error.get("ctx") or {}, error["msg"])
        if isinstance(value, str | int) and not isinstance(value, bool) and len(str(value)) <= 40:
            message += " " + _("(found {value!r})").format(value=value)
    if loc:
        message = f"`{name}`: {message}"
    elif kind != "value_error":  # a model's own check says what is wrong in a whole sentence
        message = _("the file {problem}").format(problem=message)
    if name in _HINTS:
        message += f"; {_(_HINTS[name])}"
    elif loc and loc[0] == "anggaran" and wrong_type:
        message += f"; {_(_HINTS['pagu'])}"
    return code.at(source.path, line, col, message)


def _expected(kind: str, ctx: dict[str, Any], fallback: str) -> str:
    """What the value should be, for pydantic's error types a pk file can meet; pydantic's own
    (English) words for the rest."""
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("should be a whole number")
    if kind in (
        "decimal_type",
        "decimal_parsing",
        "float_type",
        "float_parsing",
        "finite_number",
        "decimal_max_digits",
        "decimal_max_places",
    ):
        return _("should be a number")
    if kind == "string_type":
        return _("should be text")
    if kind in ("bool_type", "bool_parsing"):
        return _("should be true or false")
    if kind.startswith(("date_", "datetime_")):
        return _("should be a valid date")
    if kind in ("literal_error", "enum"):
        return _("should be {expected}").format(
            expected=str(ctx.get("expected", "")).replace(" or ", " " + _("or") + " ")
        )
    if kind == "greater_than_equal":
        return _("should be {limit} or more").format(limit=ctx.get("ge"))
    if kind == "greater_than":
        return _("should be more than {limit}").format(limit=ctx.get("gt"))
    if kind == "less_than_equal":
        return _("should be {limit} or less").format(limit=ctx.get("le"))
    if kind == "string_too_short":
        return _("should not be empty")
    if kind == "string_too_long":
        return _("should be at most {n} characters long").format(n=ctx.get("max_length"))
    if kind in BENTUK_MESSAGES:
        return _(BENTUK_MESSAGES[kind]).format(**ctx)
    if kind == "value_error" and "error" in ctx:
        # A model's own check: its message as raised (already in pk's language), without
        # pydantic's "Value error, " before it.
        return str(ctx["error"])
    if kind in ("target_type", "realisasi_type"):
        # The model's own message (`TARGET_TYPE_MESSAGE`, `REALISASI_TYPE_MESSAGE`), translated.
        return _(fallback)
    return fallback


def _describe(value: Any) -> str:
    """A few words for the wrong value found, as a planner would see it in the file."""
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    if value is None:
        return _("empty")
    if isinstance(value, str):
        return _("the text {value!r}").format(value=value) if len(value) <= 40 else _("a text")
    return _("the value {value}").format(value=value)


def _data_loc(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """The part of pydantic's `loc` that names real keys and indexes (union tags dropped)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and part == loc[-1]:
            out.append(part)  # a missing or unknown key: keep it for the message
    return tuple(out)


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the model that sits at `loc`, for "did you mean" suggestions."""
    annotation: Any = model
    for part in loc:
        models = models_in(annotation)
        if isinstance(part, str) and models:
            info = models[0].model_fields.get(part)
            annotation = info.annotation if info is not None else None
        else:  # a list index or a mapping's key
            annotation = item_type(annotation)
        if annotation is None:
            return []
    # A list or mapping field: the fields of its items.
    models = models_in(annotation) or models_in(item_type(annotation))
    return list(models[0].model_fields) if models else []


def diagnose_year(folder: Path, year: int | None = None) -> tuple[list[Diagnostic], int]:
    """Only the findings of `load_year` and how many files it read: cheap to send between processes."""
    loaded = load_year(folder, year)
    return loaded.diagnostics, max(len(loaded.sources), 1)


def _split_decimal(data: Any, loc: tuple[Any, ...]) -> tuple[int, str] | None:
    """(97, "5") when the unknown key at `loc` is the digits of `97,5` split at its comma in a
    flow mapping: a digits-only key without a value right after a whole-number value."""
    parent = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    found = next((k for k in keys if str(k) == str(loc[-1])), None)
    if found is None or not str(found).isdigit() or parent[found] is not None:
        return None
    at = keys.index(found)
    before = parent[keys[at - 1]] if at else None
    if isinstance(before, bool) or not isinstance(before, int):
        return None
    return before, str(found)
