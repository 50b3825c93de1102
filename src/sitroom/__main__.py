"""`python -m sitroom`: the same as the `sitroom` command."""

from .cli import main

main()
