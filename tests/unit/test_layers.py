"""The pipeline's stages import only from earlier stages or from neutral modules."""

import ast
from pathlib import Path

import sitroom

PACKAGE = Path(sitroom.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Absolute dotted names of the sitroom modules one source file imports."""
    package = ["sitroom", *path.relative_to(PACKAGE).parent.parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.add(".".join([*base, *(node.module or "").split(".")]).strip("."))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("sitroom")}


def test_annotate_does_not_import_from_resolve() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in (PACKAGE / "annotate").glob("*.py")
        for name in imported_modules(path)
        if name.startswith("sitroom.resolve")
    }
    assert not offenders


def test_import_resolution_sees_relative_imports() -> None:
    # The checker above must see a relative import of a sibling stage, or it could never fail.
    assert "sitroom.names" in imported_modules(PACKAGE / "annotate" / "gazetteer.py")
