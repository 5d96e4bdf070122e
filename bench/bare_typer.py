"""The yardsticks for pk's start-up: a bare two-command typer app.

`--help` is the yardstick for `pk --help`. `check FILE` is the least any typer command that
validates with pydantic can cost: typer converts the arguments through pydantic, and one
one-field model checks the file's size. Nothing is read or parsed.
"""

from pathlib import Path

import typer

app = typer.Typer()


@app.command()
def check(file: Path, strict: bool = False) -> None:
    """Validate FILE's size with a pydantic model."""
    from pydantic import BaseModel

    class Size(BaseModel):
        bytes: int

    Size(bytes=file.stat().st_size)


@app.command()
def two() -> None:
    """Second command."""


if __name__ == "__main__":
    app()
