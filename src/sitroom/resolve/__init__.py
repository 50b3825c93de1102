"""Corpus-level resolution: mentions to canonical entities, places to coordinates, time
expressions to calendar values."""
