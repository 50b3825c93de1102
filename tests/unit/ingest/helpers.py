"""Small helpers shared by the ingest tests."""

from __future__ import annotations

from pathlib import Path

from sitroom.ingest import IngestOptions, RawDocument, Rejected, discover, read_file


def read_all(path: Path, **options: object) -> list[RawDocument | Rejected]:
    """Everything ``read_file`` yields for ``path``."""
    return list(read_file(path, IngestOptions(**options)))  # type: ignore[arg-type]


def documents(items: list[RawDocument | Rejected]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def rejections(items: list[RawDocument | Rejected]) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]


def ingest(*paths: Path | str, **options: object) -> list[RawDocument | Rejected]:
    """discover + read_file, as the pipeline runs them."""
    found: list[RawDocument | Rejected] = []
    opts = IngestOptions(**options)  # type: ignore[arg-type]
    folders = [Path(path) for path in paths if Path(path).is_dir()]
    for item in discover(list(paths)):
        if isinstance(item, Rejected):
            found.append(item)
        else:
            root = next((folder for folder in folders if folder in item.parents), None)
            found.extend(read_file(item, opts, root=root))
    return found


def one_document(path: Path, **options: object) -> RawDocument:
    items = read_all(path, **options)
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, RawDocument), item
    return item


def one_rejection(path: Path, **options: object) -> Rejected:
    items = read_all(path, **options)
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Rejected), item
    return item
