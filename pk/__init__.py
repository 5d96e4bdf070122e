"""pk keeps a Perjanjian Kinerja (SAKIP performance agreement) as YAML and checks it.

The pipeline, one module a stage:

    yamlsource  read YAML; a line and column for every key and value
    loader      a year folder -> (Perjanjian | None, [Diagnostic])
      models      pydantic schema of the files
      checks      semantic checks, each a plain function with a stable code
    report      context -> templates/*.j2 -> perjanjian / capaian as md, html (charts), pdf
    cli         thin typer commands over the stages above; output formats in output

Every problem found on the way is a `diagnostics.Diagnostic` with file, line and column.
"""

__version__ = "0.1.0"
