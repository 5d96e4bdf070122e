"""typer's own words — help pages, usage lines, usage errors — speak pk's language, help shows
plain labels instead of programmer types, and shell completion works."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pk.cli import app

COMMANDS = [
    "validate", "show", "schema", "fmt", "capaian", "report", "diff",
    "set", "import", "export", "new", "explain",
]  # fmt: skip
ENGLISH_OF_TYPER = ("Show this message", "Usage:", "[OPTIONS]", "COMMAND [ARGS]", "Try '")
PROGRAMMER_LABELS = ("<bool>", "<list[", "<Path>", "<str>", "<int>", "[paths]", "{year}")


def invoke(*args: str, lang: str = "id") -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "120", "PK_LANG": lang})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_speaks_indonesian_with_plain_labels(command: list[str]) -> None:
    code, out, _err = invoke(*command, "--help")
    assert code == 0
    assert "Cara pakai: pk" in out
    assert "Tampilkan bantuan ini lalu keluar." in out
    for english in (*ENGLISH_OF_TYPER, *PROGRAMMER_LABELS):
        assert english not in out, english


def test_help_in_english_keeps_plain_labels() -> None:
    out = invoke("validate", "--help", lang="en")[1]
    assert "Usage: pk validate [OPTIONS] [FOLDER]..." in out
    assert "Show this message and exit." in out
    assert not any(label in out for label in PROGRAMMER_LABELS)


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (["validate", "--bogus"], "Opsi tidak dikenal: --bogus", "No such option: --bogus"),
        (["validate", "--forma", "json"], "(maksudnya --format?)", "(did you mean --format?)"),
        (["new"], "Argumen 'TAHUN' belum diisi.", "Missing argument '"),
        (["new", "abc"], "'abc' bukan bilangan bulat", "'abc' is not a whole number"),
        (["new", "1999"], "1999 di bawah batas terkecil, 2000", "below the smallest allowed"),
        (["validate", "-f", "xml"], "Nilai '--format' / '-f' tidak sah: 'xml' bukan salah satu",
         "Invalid value for '--format' / '-f': 'xml' is not one of"),
        (["capaian", "-p", "TW9"], "'TW9' bukan salah satu dari 'TW1'", "'TW9' is not one of"),
        (["validate", "--format"], "Opsi --format perlu diberi nilai.", "needs a value"),
        (["validate", "--strict=1"], "Opsi --strict tidak menerima nilai.", "takes no value"),
        (["show", "a", "b"], "Ada argumen berlebih yang tidak dikenal: b", "extra argument(s): b"),
        (["valdate"], "Perintah 'valdate' tidak ada. Maksudnya 'validate'?", "Did you mean"),
        (["--lang", "xx", "validate"], "'xx' bukan salah satu dari 'id', 'en'", "'xx' is not one"),
    ],
)  # fmt: skip
def test_usage_errors_speak_the_language_of_the_run(
    args: list[str], indonesian: str, english: str
) -> None:
    code, _out, err = invoke(*args)
    assert code == 2
    assert indonesian in " ".join(err.split()), err
    assert "Kesalahan" in err
    for word in ("No such", "Missing", "Invalid value", "Usage:", "Error", "is not one of"):
        assert word not in err, word
    if args[0] != "--lang":
        code, _out, err = invoke(*args, lang="en")
        assert code == 2
        assert english in " ".join(err.split()), err


@pytest.mark.parametrize("args", [["new"], ["valdate"], ["--lang", "xx", "validate"]])
def test_usage_line_and_hint_speak_indonesian(args: list[str]) -> None:
    """As the planner's terminal shows them (the test runner leaves out the usage line of
    an error about the group's own words)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PK_LANG": "id", "COLUMNS": "120"}
    env.pop("LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "pk", *args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 2
    assert "Cara pakai: " in done.stderr and "untuk bantuan." in done.stderr
    assert "Usage" not in done.stderr and "Try '" not in done.stderr


def test_an_unknown_usage_error_keeps_its_words() -> None:
    from pk.render.usage import translate

    class Strange(Exception):
        def format_message(self) -> str:
            return "Something typer says one day."

    assert translate(Strange()) == "Something typer says one day."


def test_completion_script_is_printed() -> None:
    code, out, _err = invoke("--show-completion", "bash")
    assert code == 0
    assert "_PK_COMPLETE=complete_bash" in out
    assert "complete -o default -F _pk_completion pk" in out


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [("pk val", "1", ["validate"]), ("pk capaian --periode T", "3", ["TW1", "TW2", "TW3", "TW4"])],
)
def test_completion_completes_commands_and_choices(
    words: str, cword: str, expected: list[str]
) -> None:
    result = CliRunner().invoke(
        app,
        [],
        env={"_PK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword},
        prog_name="pk",
    )
    assert result.exit_code == 0
    assert result.stdout.split() == expected
