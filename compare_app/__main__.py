"""`python -m compare_app` is the same as the `compare-app` command."""

import sys

from .cli import main

if __name__ == "__main__":  # worker processes (three or more sources) import this module too
    sys.exit(main())
