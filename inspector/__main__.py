"""`python -m inspector` runs the same entry point as `jimo-inspector`."""

from inspector.cli import main

raise SystemExit(main())
