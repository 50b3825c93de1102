"""scale stage (see docs/ARCHITECTURE.md)."""
