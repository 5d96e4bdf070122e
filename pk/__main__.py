"""`python -m pk` runs the command line."""

from pk.cli import main

main()
