"""`python -m assessment` is the `assess` command."""

import sys

from assessment.cli import main

sys.exit(main())
