"""The :class:`Store`: typed reads and writes over the DuckDB file."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
from filelock import FileLock, Timeout

from ..errors import StoreError, StoreLocked, StoreVersionError
from ..types import Article, DocAnnotations, RawDocument, Rejected
from .codec import decode_annotations, encode_annotations, payload_head
from .schema import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "sitroom.duckdb"
LOCK_NAME = "sitroom.lock"
#: The outlet of documents whose metadata, URL and --source name none.
UNKNOWN_OUTLET = "unknown"
#: Rows per multi-row INSERT: DuckDB's executemany is row by row and slow.
_INSERT_CHUNK = 200


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    conflict: str = "DO NOTHING",
) -> None:
    """Insert ``rows`` in multi-row statements; ``conflict`` is the ON CONFLICT action."""
    if not rows:
        return
    placeholders = "(" + ",".join("?" * len(columns)) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for offset in range(0, len(rows), _INSERT_CHUNK):
        chunk = rows[offset : offset + _INSERT_CHUNK]
        sql = head + ",".join([placeholders] * len(chunk)) + f" ON CONFLICT {conflict}"
        con.execute(sql, [value for row in chunk for value in row])


class Store:
    """An open store. Use :meth:`open` and close it (or use it as a context manager)."""

    def __init__(self, folder: Path, con: duckdb.DuckDBPyConnection, lock: FileLock | None):
        self.folder = folder
        self._con = con
        self._lock = lock
        self._has_vector_table = False  # once seen, not asked of the catalog again
        # Likewise the memo table: every memo read and write asked the catalog (about 10 ms
        # a time on a store of 2,000 articles, over a hundred times a build).
        self._has_memo_table = False
        self._memo_namespaces: set[str] = set()  # asked for or written by this process

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, folder: str | Path, *, read_only: bool = False) -> Store:
        """Open (creating if needed) the store in ``folder``.

        A writer takes the folder's lock without waiting; if another build holds it this
        raises :class:`StoreLocked`. A reader opens the database read-only and needs no lock.
        """
        path = Path(folder)
        db_path = path / DB_NAME
        lock: FileLock | None = None
        if read_only:
            if not db_path.exists():
                raise StoreError(
                    f"{path} holds no sitroom store ({DB_NAME} is missing)",
                    fix=f"build one first: sitroom build INPUT... --out {path}",
                )
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(
                    f"cannot create the output folder {path}: {err.strerror}",
                    fix="choose an --out folder you can write to",
                ) from err
            lock = FileLock(str(path / LOCK_NAME))
            try:
                lock.acquire(timeout=0)
            except Timeout as err:
                raise StoreLocked(
                    f"another sitroom build is writing to {path}",
                    fix="wait for it to finish, or build into another --out folder",
                ) from err
        try:
            con = duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.Error as err:
            if lock is not None:
                lock.release()
            message = str(err).splitlines()[0]
            if "lock" in message.lower():
                raise StoreLocked(
                    f"the store in {path} is in use by another process",
                    fix="wait for the running sitroom command to finish, then try again",
                ) from err
            raise StoreError(
                f"cannot open the store {db_path}: {message}",
                fix="if the file is damaged, move it away and build again",
            ) from err
        store = cls(path, con, lock)
        try:
            store._migrate(read_only)
        except BaseException:
            store.close()
            raise
        return store

    def release_memory(self) -> None:
        """Hand back what DuckDB keeps of past reads: the table blocks it caches (evicted
        only when its memory limit presses, 80% of the machine's memory by default) and what
        its allocator holds after a query. Both grew with the corpus and stood under a
        build's later steps (about 100 MB when the findings began, at 2,000 articles).
        DuckDB evicts what it can and flushes its allocator when its memory limit is set:
        the limit is lowered as far as it goes, then reset to DuckDB's default (the store
        never sets one; setting back the value it reads would drift, as it is read
        rounded). Blocks still pinned stay; nothing stored changes, and a later read reads
        the file again."""
        # When some blocks are pinned the limit cannot go that low: the others are evicted
        # all the same.
        with suppress(duckdb.OutOfMemoryException):
            self._con.execute("SET memory_limit = '1MB'")
        self._con.execute("RESET memory_limit")  # which flushes the allocator

    def close(self) -> None:
        try:
            self._con.close()
        finally:
            if self._lock is not None and self._lock.is_locked:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _migrate(self, read_only: bool) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"the store in {self.folder} has schema version {version}, newer than this "
                f"sitroom understands ({SCHEMA_VERSION})",
                fix="upgrade sitroom (pip install -U sitroom), or build into a new --out folder",
            )
        if version == SCHEMA_VERSION:
            return
        if read_only:
            raise StoreVersionError(
                f"the store in {self.folder} has schema version {version}; this sitroom needs "
                f"{SCHEMA_VERSION}",
                fix="run sitroom build with this --out folder once to upgrade it",
            )
        with self.transaction():
            for number in range(version + 1, SCHEMA_VERSION + 1):
                self._con.execute(MIGRATIONS[number - 1])
            self._con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(SCHEMA_VERSION)],
            )

    def schema_version(self) -> int:
        exists = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all."""
        self._con.begin()
        try:
            yield
        except BaseException:
            self._con.rollback()
            raise
        self._con.commit()

    # ------------------------------------------------------------------ files

    def file_is_current(self, path: str, size: int, mtime_ns: int) -> bool:
        row = self._con.execute(
            "SELECT size, mtime_ns FROM files WHERE path = ?", [path]
        ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime_ns

    def mark_file(self, path: str, size: int, mtime_ns: int, documents: int) -> None:
        _insert(
            self._con,
            "files",
            ("path", "size", "mtime_ns", "documents"),
            [(path, size, mtime_ns, documents)],
            "(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "documents = excluded.documents",
        )

    # ------------------------------------------------------------------ raw documents

    def _next_seq(self, table: str) -> int:
        row = self._con.execute(f"SELECT coalesce(max(seq), -1) + 1 FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def add_raw(self, file: str, documents: Sequence[RawDocument]) -> int:
        """Store documents read from ``file``; returns how many were new."""
        if not documents:
            return 0
        known = self._existing("raw_documents", "locator", [d.locator for d in documents])
        fresh = [d for d in documents if d.locator not in known]
        seq = self._next_seq("raw_documents")
        rows = [
            (
                d.locator, seq + i, file, d.format, d.text, d.title, d.url, d.outlet,
                d.published, d.date_basis, d.author, d.language, d.body_offset, None,
            )
            for i, d in enumerate(fresh)
        ]
        _insert(
            self._con,
            "raw_documents",
            (
                "locator", "seq", "file", "format", "text", "title", "url", "outlet",
                "published", "date_basis", "author", "language", "body_offset", "article_id",
            ),
            rows,
        )
        return len(fresh)

    def _existing(self, table: str, column: str, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for offset in range(0, len(keys), 1000):
            chunk = list(keys[offset : offset + 1000])
            marks = ",".join("?" * len(chunk))
            rows = self._con.execute(
                f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk
            ).fetchall()
            found.update(str(r[0]) for r in rows)
        return found

    def pending_raw(self) -> list[RawDocument]:
        """Documents read but not yet cleaned into articles, in reading order."""
        rows = self._con.execute(
            "SELECT locator, text, format, title, url, outlet, published, date_basis, author, "
            "language, body_offset FROM raw_documents WHERE article_id IS NULL ORDER BY seq"
        ).fetchall()
        return [
            RawDocument(
                locator=r[0], text=r[1], format=r[2], title=r[3], url=r[4], outlet=r[5],
                published=r[6], date_basis=r[7], author=r[8], language=r[9], body_offset=r[10],
            )
            for r in rows
        ]

    def raw_texts_by_outlet(self, outlets: Sequence[str]) -> Iterator[tuple[str, str]]:
        """(outlet, raw text) of every stored document of ``outlets``, for boilerplate
        detection; documents with no outlet are grouped under ``unknown``."""
        for outlet in sorted(set(outlets)):
            where = "outlet IS NULL OR outlet = ?" if outlet == UNKNOWN_OUTLET else "outlet = ?"
            rows = self._con.execute(
                f"SELECT text FROM raw_documents WHERE {where} ORDER BY seq", [outlet]
            ).fetchall()
            for (text,) in rows:
                yield outlet, str(text)

    # ------------------------------------------------------------------ articles

    def add_articles(
        self, articles: Sequence[Article], links: Sequence[tuple[str, str]]
    ) -> tuple[int, int]:
        """Store cleaned articles and link raw documents to them.

        ``links`` holds (raw locator, article id). Articles whose id is already stored only
        gain a provenance row. Returns (articles added, duplicates)."""
        ids = [a.id for a in articles]
        known = self._existing("articles", "id", ids)
        seq = self._next_seq("articles")
        rows: list[tuple[Any, ...]] = []
        added_ids: set[str] = set()
        duplicates = 0
        for article in articles:
            if article.id in known or article.id in added_ids:
                duplicates += 1
                continue
            added_ids.add(article.id)
            lo, hi = article.date_range if article.date_range else (None, None)
            rows.append(
                (
                    article.id, seq + len(rows), article.text, article.outlet, article.title,
                    article.url, article.published, article.date_basis, lo, hi,
                    article.language, article.words, article.author, article.duplicate_of,
                )
            )
        _insert(
            self._con,
            "articles",
            (
                "id", "seq", "text", "outlet", "title", "url", "published", "date_basis",
                "date_lo", "date_hi", "language", "words", "author", "duplicate_of",
            ),
            rows,
        )
        provenance = [
            (article.id, locator, article.url, article.outlet)
            for article, (locator, _) in zip(articles, links, strict=True)
        ]
        _insert(self._con, "provenance", ("article_id", "locator", "url", "outlet"), provenance)
        self._link_raw([(locator, article_id) for locator, article_id in links])
        return len(rows), duplicates

    def _link_raw(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Set ``article_id`` of many raw documents in a few statements (one UPDATE per row
        made a tar of 100,000 tiny entries take minutes)."""
        for offset in range(0, len(pairs), _INSERT_CHUNK):
            chunk = pairs[offset : offset + _INSERT_CHUNK]
            values = ",".join(["(?, ?)"] * len(chunk))
            self._con.execute(
                "UPDATE raw_documents SET article_id = v.article_id "
                f"FROM (VALUES {values}) AS v(locator, article_id) "
                "WHERE raw_documents.locator = v.locator",
                [value for pair in chunk for value in pair],
            )

    def discard_raw(self, locators: Sequence[str]) -> None:
        """Mark raw documents that gave no usable article as handled (their rejection is
        stored separately), so they are not cleaned again."""
        self._link_raw([(locator, "") for locator in locators])

    def set_date_range(self, article_id: str, lo: str, hi: str) -> None:
        """Record an inferred publication interval for an article with no stated date."""
        self._con.execute(
            "UPDATE articles SET date_lo = ?, date_hi = ?, date_basis = 'inferred' "
            "WHERE id = ? AND date_basis IN ('inferred', 'unknown')",
            [lo, hi, article_id],
        )

    def article_count(self) -> int:
        row = self._con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def articles(self) -> list[Article]:
        """Every stored article in the order first stored, with all its input files."""
        files: dict[str, list[str]] = {}
        for article_id, locator in self._con.execute(
            "SELECT article_id, locator FROM provenance ORDER BY locator"
        ).fetchall():
            files.setdefault(str(article_id), []).append(str(locator))
        rows = self._con.execute(
            "SELECT id, text, outlet, title, url, published, date_basis, date_lo, date_hi, "
            "language, words, author, duplicate_of FROM articles ORDER BY seq"
        ).fetchall()
        return [
            Article(
                id=r[0], text=r[1], outlet=r[2], title=r[3], url=r[4], published=r[5],
                date_basis=r[6], date_range=(r[7], r[8]) if r[7] and r[8] else None,
                language=r[9], words=r[10], files=tuple(files.get(r[0], ())), author=r[11],
                duplicate_of=r[12],
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ rejected

    def add_rejected(self, rejected: Sequence[Rejected]) -> None:
        _insert(
            self._con,
            "rejected",
            ("path", "reason"),
            [(r.path, r.reason) for r in rejected],
            "(path) DO UPDATE SET reason = excluded.reason",
        )

    def forget_rejected(self, file: str) -> None:
        """Drop old rejections of ``file`` and of records inside it (``file#row=3``,
        ``file!entry``) before it is read again."""
        self._con.execute(
            "DELETE FROM rejected WHERE path = ? OR starts_with(path, ?) OR starts_with(path, ?)",
            [file, file + "#", file + "!"],
        )

    def rejected(self) -> list[Rejected]:
        rows = self._con.execute("SELECT path, reason FROM rejected ORDER BY path").fetchall()
        return [Rejected(str(p), str(r)) for p, r in rows]

    # ------------------------------------------------------------------ vectors by text

    def _vector_table(self) -> bool:
        """Create the text-keyed vector table on first use (a store from before it exists
        gains it then; an older sitroom ignores it). False on a read-only store without it."""
        if self._has_vector_table:
            return True
        row = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'text_vectors'"
        ).fetchone()
        if row and row[0]:
            self._has_vector_table = True
            return True
        try:
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS text_vectors (digest TEXT NOT NULL, "
                "model TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (digest, model))"
            )
        except duckdb.Error:
            return False
        return True

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        """Stored vectors (float32 bytes) of the texts with these digests, for ``model``."""
        if not digests or not self._vector_table():
            return {}
        rows = self._con.execute(
            "SELECT digest, vector FROM text_vectors WHERE model = ? "
            "AND digest IN (SELECT unnest(?::VARCHAR[]))", [model, list(digests)]
        ).fetchall()
        return {str(digest): bytes(vector) for digest, vector in rows}

    def stored_digests(self, model: str, digests: Sequence[str]) -> set[str]:
        """Which of ``digests`` have a stored vector for ``model``; the vectors stay unread."""
        if not digests or not self._vector_table():
            return set()
        rows = self._con.execute(
            "SELECT digest FROM text_vectors WHERE model = ? "
            "AND digest IN (SELECT unnest(?::VARCHAR[]))", [model, list(digests)]
        ).fetchall()
        return {str(digest) for (digest,) in rows}

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        """Keep vectors for later builds (a digest already stored keeps its first vector)."""
        if not rows or not self._vector_table():
            return
        with self.transaction():
            _insert(self._con, "text_vectors", ("digest", "model", "vector"),
                    [(digest, model, blob) for digest, blob in rows], "DO NOTHING")

    # ------------------------------------------------------------------ memo

    def _memo_table(self) -> bool:
        if self._has_memo_table:
            return True
        row = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'memo'"
        ).fetchone()
        if row and row[0]:
            self._has_memo_table = True
            return True
        try:
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS memo (namespace TEXT NOT NULL, key TEXT NOT NULL, "
                "value TEXT NOT NULL, PRIMARY KEY (namespace, key))"
            )
        except duckdb.Error:
            return False
        self._has_memo_table = True
        return True

    def memo_entries(self, namespace: str) -> dict[str, str]:
        """Every remembered answer of ``namespace`` (see :mod:`sitroom.stored_memo`)."""
        self._memo_namespaces.add(namespace)
        if not self._memo_table():
            return {}
        rows = self._con.execute(
            "SELECT key, value FROM memo WHERE namespace = ?", [namespace]
        ).fetchall()
        return {str(key): str(value) for key, value in rows}

    def memo_entries_of(self, namespace: str, keys: Sequence[str]) -> dict[str, str]:
        """The remembered answers of ``namespace`` under ``keys`` alone (a per-article memo
        holds entries of inputs that have since changed; they are never read)."""
        self._memo_namespaces.add(namespace)
        if not keys or not self._memo_table():
            return {}
        rows = self._con.execute(
            "SELECT key, value FROM memo WHERE namespace = ? "
            "AND key IN (SELECT unnest(?::VARCHAR[]))", [namespace, list(keys)]
        ).fetchall()
        return {str(key): str(value) for key, value in rows}

    def memo_keys_of(self, namespace: str, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` hold an entry of ``namespace``: what :meth:`memo_entries_of`
        would find, without reading the values (a caller that only asks which entries are
        missing would read each value twice)."""
        self._memo_namespaces.add(namespace)
        if not keys or not self._memo_table():
            return set()
        rows = self._con.execute(
            "SELECT key FROM memo WHERE namespace = ? "
            "AND key IN (SELECT unnest(?::VARCHAR[]))", [namespace, list(keys)]
        ).fetchall()
        return {str(row[0]) for row in rows}

    def keep_memo_entries(self, namespace: str, keys: Sequence[str]) -> None:
        """Drop the entries of ``namespace`` not under ``keys`` (a per-article memo's entries
        of inputs that have changed since: never read again, they would pile up)."""
        self._memo_namespaces.add(namespace)
        if not self._memo_table():
            return
        with self.transaction():
            self._con.execute(
                "DELETE FROM memo WHERE namespace = ? "
                "AND key NOT IN (SELECT unnest(?::VARCHAR[]))", [namespace, list(keys)]
            )

    def add_memo_entries(self, namespace: str, rows: Sequence[tuple[str, str]]) -> None:
        self._memo_namespaces.add(namespace)
        if not rows or not self._memo_table():
            return
        with self.transaction():
            _insert(self._con, "memo", ("namespace", "key", "value"),
                    [(namespace, key, value) for key, value in rows], "DO NOTHING")

    def drop_stale_memos(self) -> int:
        """Drop the memo namespaces of earlier code (same name, another digest) of every
        memo this build used: their answers can never be served again, and each upgrade
        would otherwise leave a copy behind (12 MB of story terms per code version at 2,000
        articles). Returns how many rows went."""
        if not self._memo_namespaces or not self._memo_table():
            return 0
        used = sorted(self._memo_namespaces)
        names = sorted({n.split(":", 1)[0] for n in used})
        stale = ("FROM memo WHERE split_part(namespace, ':', 1) IN (SELECT unnest(?::VARCHAR[])) "
                 "AND namespace NOT IN (SELECT unnest(?::VARCHAR[]))")
        try:
            with self.transaction():
                row = self._con.execute("SELECT count(*) " + stale, [names, used]).fetchone()
                self._con.execute("DELETE " + stale, [names, used])
        except duckdb.Error:  # a store opened read-only keeps what it has
            return 0
        return int(row[0]) if row else 0

    # ------------------------------------------------------------------ compaction

    def free_bytes(self) -> int:
        """Bytes of the file in blocks DuckDB has freed (rows deleted, memos replaced): it
        reuses them for later writes but never gives them back to the disk by itself."""
        row = self._con.execute(
            "SELECT free_blocks * block_size FROM pragma_database_size() "
            "WHERE database_name = current_database()"
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def copy_into(self, target: Path) -> None:
        """Write every table of the store, rows in their stored order, into a new DuckDB
        file ``target``, and check that each table has as many rows there. Only live rows
        are copied, so the copy is as small as the data."""
        quoted = str(target).replace("'", "''")
        self._con.execute("CHECKPOINT")
        source = self._con.execute("SELECT current_database()").fetchone()
        name = str(source[0]) if source else "sitroom"
        self._con.execute(f"ATTACH '{quoted}' AS sitroom_compacted")
        try:
            self._con.execute(f'COPY FROM DATABASE "{name}" TO sitroom_compacted')
            tables = [str(r[0]) for r in self._con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = ? "
                "ORDER BY table_name", [name]).fetchall()]
            for table in tables:
                counts = self._con.execute(
                    f'SELECT (SELECT count(*) FROM "{name}".main."{table}"), '
                    f'(SELECT count(*) FROM sitroom_compacted.main."{table}")').fetchone()
                if not counts or counts[0] != counts[1]:
                    raise StoreError(
                        f"compacting {self.folder}: table {table} was not copied whole",
                        fix="nothing was changed; run sitroom compact again",
                    )
            self._con.execute("CHECKPOINT sitroom_compacted")
        finally:
            self._con.execute("DETACH sitroom_compacted")

    def replace_file(self, compacted: Path) -> None:
        """Put ``compacted`` (from :meth:`copy_into`) in place of the store's file, keeping
        the folder's lock throughout, and open it. The swap is one rename: a run killed
        before it leaves the old file whole, one killed after leaves the new one."""
        db_path = self.folder / DB_NAME
        self._con.close()
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():  # the old file's log would be replayed onto the new one
            self._con = duckdb.connect(str(db_path))
            raise StoreError(
                f"compacting {self.folder}: the store still had unwritten changes",
                fix="nothing was changed; run sitroom compact again",
            )
        os.replace(compacted, db_path)
        _sync_folder(self.folder)
        self._con = duckdb.connect(str(db_path))

    # ------------------------------------------------------------------ annotations

    def unannotated_ids(self, version: str) -> list[str]:
        """Ids of English articles with no annotations for ``version``, in stored order.

        Only the ids: the texts are read batch by batch (:meth:`article_jobs`), so a first
        build of a large corpus never holds every text at once."""
        rows = self._con.execute(
            "SELECT a.id FROM articles a "
            "LEFT JOIN annotations n ON n.article_id = a.id AND n.pipeline_version = ? "
            "WHERE n.article_id IS NULL AND a.language = 'en' ORDER BY a.seq",
            [version],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def article_jobs(self, ids: Sequence[str]) -> list[tuple[str, str, str | None]]:
        """(id, text, published) of the articles ``ids``, in that order."""
        if not ids:
            return []
        rows = self._con.execute(
            "SELECT id, text, published FROM articles WHERE id IN (SELECT UNNEST(?))",
            [list(ids)],
        ).fetchall()
        found = {str(r[0]): (str(r[0]), str(r[1]), r[2]) for r in rows}
        return [found[i] for i in ids if i in found]

    def add_annotations(self, version: str, annotations: Sequence[DocAnnotations]) -> None:
        _insert(
            self._con,
            "annotations",
            ("article_id", "pipeline_version", "payload", "head"),
            [(a.article, version, payload, payload_head(payload))
             for a, payload in ((a, encode_annotations(a)) for a in annotations)],
        )

    # ------------------------------------------------------------------ meta

    def meta(self, key: str) -> str | None:
        row = self._con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._con.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def content_digest(self, version: str) -> str:
        """A digest of everything the corpus-level steps read: the articles with their
        dates and links, their files, the rejected rows and which articles have annotations
        of ``version``. Computed in the database, so it costs milliseconds."""
        parts = []
        for query in (
            "SELECT md5(coalesce(string_agg(concat_ws('|', id, outlet, coalesce(published, ''),"
            " date_basis, coalesce(date_lo, ''), coalesce(date_hi, ''),"
            " coalesce(duplicate_of, ''), coalesce(title, ''), coalesce(url, '')),"
            " '\n' ORDER BY seq), '')) FROM articles",
            "SELECT md5(coalesce(string_agg(concat_ws('|', article_id, locator), '\n'"
            " ORDER BY article_id, locator), '')) FROM provenance",
            "SELECT md5(coalesce(string_agg(concat_ws('|', path, reason), '\n' ORDER BY path),"
            " '')) FROM rejected",
        ):
            row = self._con.execute(query).fetchone()
            parts.append(str(row[0]) if row else "")
        row = self._con.execute(
            "SELECT md5(coalesce(string_agg(article_id, ',' ORDER BY article_id), '')) "
            "FROM annotations WHERE pipeline_version = ?",
            [version],
        ).fetchone()
        parts.append(str(row[0]) if row else "")
        return ":".join(parts)

    def annotated_ids(self, version: str) -> list[str]:
        """Ids of the articles with annotations of ``version``, in the order first stored
        (the order of :meth:`annotations`)."""
        rows = self._con.execute(
            "SELECT n.article_id FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE n.pipeline_version = ? ORDER BY a.seq",
            [version],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def annotation_payloads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        """The encoded annotations of the articles ``ids`` for ``version``, by article id;
        :class:`~sitroom.store.annotation_view.StoredAnnotations` reads them a few at a time."""
        return {article: str(payload)
                for article, payload in self._annotation_column(version, ids, "payload")}

    def annotation_heads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        """What :meth:`annotation_payloads` gives, for a reader of the leading parts alone
        (:data:`~sitroom.store.codec.LEADING_PARTS`): each payload's head where it is
        stored, else the payload (a row stored before heads were)."""
        rows = self._annotation_column(version, ids, "head")
        heads = {article: str(head) for article, head in rows if head is not None}
        heads.update(self.annotation_payloads(
            version, [article for article, head in rows if head is None]))
        return heads

    def _annotation_column(self, version: str, ids: Sequence[str],
                           column: Literal["payload", "head"]
                           ) -> list[tuple[str, Any]]:
        """``(article, value)`` of one column of the annotations of ``ids``."""
        if not ids:
            return []
        # Two steps: find the rows by the small key columns, then read the column of those
        # rows alone. Matching the ids while reading payloads decompressed the whole payload
        # column for every chunk, so a pass over the corpus grew with its square (1.4 s per
        # 200 articles at 8,000 stored, 0.4 s this way at any size).
        found = self._con.execute(
            "SELECT rowid FROM annotations WHERE pipeline_version = ? "
            "AND article_id IN (SELECT unnest(?::VARCHAR[]))",
            [version, list(ids)],
        ).fetchall()
        rows = self._con.execute(
            f"SELECT article_id, {column} FROM annotations "  # one of two fixed names
            "WHERE rowid IN (SELECT unnest(?::BIGINT[]))",
            [[r[0] for r in found]],
        ).fetchall()
        return [(str(article), value) for article, value in rows]

    def annotations(self, version: str) -> list[DocAnnotations]:
        rows = self._con.execute(
            "SELECT n.payload FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE n.pipeline_version = ? ORDER BY a.seq",
            [version],
        ).fetchall()
        return [decode_annotations(str(r[0])) for r in rows]


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform lets a folder be synced)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def store_exists(folder: str | Path) -> bool:
    return (Path(folder) / DB_NAME).exists()


__all__ = ["DB_NAME", "LOCK_NAME", "Store", "store_exists"]

