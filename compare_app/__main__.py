"""`python -m compare_app` is the same as the `compare-app` command."""

import sys

from .cli import main

sys.exit(main())
