"""The yardstick for `pk --help`: a bare two-command typer app."""

import typer

app = typer.Typer()


@app.command()
def one(name: str = "x") -> None:
    """First command."""


@app.command()
def two() -> None:
    """Second command."""


if __name__ == "__main__":
    app()
