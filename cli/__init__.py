"""newsx command line: thin typer commands over :mod:`newsx.core`."""
