"""`python -m desktop` starts Reciprocity like the `reciprocity` command."""

import sys

from desktop.app import main

sys.exit(main())
