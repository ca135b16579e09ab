"""``python -m newsx``."""

from newsx.cli.app import main

main()
