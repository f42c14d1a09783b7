"""`python -m sigtui` runs the same entry point as the `sigtui` command."""

import sys

from .cli.main import main

sys.exit(main())
