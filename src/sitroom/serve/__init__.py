"""serve stage (see docs/ARCHITECTURE.md)."""
