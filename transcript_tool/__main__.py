"""``python -m transcript_tool``."""

from .cli import main

raise SystemExit(main())
