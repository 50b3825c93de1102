"""Package data: the fictional demo corpus."""
