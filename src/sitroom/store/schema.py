"""The store's tables, as an ordered list of migrations.

Migration *n* brings a store from schema version *n - 1* to *n*. A store records its version
in ``meta``; opening it applies the missing migrations in one transaction, and a store newer
than this code is refused rather than misread.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the foundation.
    """
    CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    -- Input files whose documents are all in raw_documents (or rejected): skipped next time
    -- while their size and modification time are unchanged.
    CREATE TABLE IF NOT EXISTS files (
        path TEXT PRIMARY KEY,
        size BIGINT NOT NULL,
        mtime_ns BIGINT NOT NULL,
        documents INTEGER NOT NULL
    );
    -- Documents as the readers yielded them, kept so that cleaning (whose boilerplate
    -- detection looks across one outlet's documents) gives the same result whether or not
    -- a run was interrupted.
    CREATE TABLE IF NOT EXISTS raw_documents (
        locator TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        published TEXT,
        date_basis TEXT,
        author TEXT,
        language TEXT,
        body_offset INTEGER NOT NULL,
        article_id TEXT
    );
    CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        text TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        date_basis TEXT NOT NULL,
        date_lo TEXT,
        date_hi TEXT,
        language TEXT NOT NULL,
        words INTEGER NOT NULL,
        author TEXT,
        duplicate_of TEXT
    );
    -- Every input that yielded an article's exact text (exact duplicates share an article).
    CREATE TABLE IF NOT EXISTS provenance (
        article_id TEXT NOT NULL,
        locator TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        PRIMARY KEY (article_id, locator)
    );
    CREATE TABLE IF NOT EXISTS rejected (
        path TEXT PRIMARY KEY,
        reason TEXT NOT NULL
    );
    -- Per-document annotations, cached by pipeline version.
    CREATE TABLE IF NOT EXISTS annotations (
        article_id TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (article_id, pipeline_version)
    );
    """,
    # 2: each payload's head (its parts before the events, as a JSON object of its own), in
    # a column apart: the steps that read only mentions, quotes or citations (the whole
    # corpus on every build) read about a quarter of the bytes, where DuckDB inflated every
    # payload whole. The rows already stored get theirs here (the text before the events
    # key, closed: what codec.payload_head gives); a row without one is read whole.
    """
    ALTER TABLE annotations ADD COLUMN IF NOT EXISTS head TEXT;
    UPDATE annotations SET head = substr(payload, 1, strpos(payload, ',"events":') - 1) || '}'
    WHERE strpos(payload, ',"events":') > 0;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
