"""The databases the audit and incident tests run against: SQLite always, PostgreSQL too when
``RAMPART_TEST_POSTGRES_URL`` names a server (``scripts/test.sh`` starts one; in CI it is required).

The ``store`` fixture gives each test an empty store of each kind (for PostgreSQL a database of its
own) and the means to read, change and lock it behind Rampart's back.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

POSTGRES_URL = os.environ.get("RAMPART_TEST_POSTGRES_URL")
KINDS = ["sqlite", "postgres"] if POSTGRES_URL or os.environ.get("CI") == "true" else ["sqlite"]


class Store:
    """One test's store: the config section naming it, and direct access to its rows."""

    def __init__(self, kind: str, state: Path, create: bool = True):
        self.kind, self.state = kind, state
        self.url: str | None = None
        if kind == "postgres":
            if not POSTGRES_URL:
                raise RuntimeError("RAMPART_TEST_POSTGRES_URL is not set: CI runs these tests against PostgreSQL too")
            self.name = "rampart_e2e_" + uuid.uuid4().hex
            parts = urlsplit(POSTGRES_URL)
            self.url = urlunsplit((parts.scheme, parts.netloc, "/" + self.name, parts.query, ""))
            if create:
                self.create()

    def create(self) -> None:
        """Creates the PostgreSQL database (done on construction unless asked not to)."""
        import psycopg
        with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {self.name}")

    def section(self, text: str = "hash") -> str:
        """The config's `store:` section (SQLite: the default file in the state directory)."""
        url = f"url: \"{self.url}\", " if self.url else ""
        return f"store: {{{url}text: {text}}}\n"

    def connect(self):
        if self.kind == "sqlite":
            return contextlib.closing(sqlite3.connect(self.state / "rampart.db", isolation_level=None))
        import psycopg
        return psycopg.connect(self.url, autocommit=True)

    def bodies(self) -> list[dict]:
        """Every stored audit event, in chain order: rows of one event (before schema v5), then batches."""
        with self.connect() as db:
            single = [body for (body,) in db.execute("SELECT body FROM audit_events ORDER BY seq").fetchall()]
            batched = [line for (bodies,) in db.execute("SELECT bodies FROM audit_batches ORDER BY first_seq").fetchall()
                       for line in bodies.split("\n")]
            return [json.loads(body) for body in single + batched]

    def execute(self, sql: str) -> None:
        with self.connect() as db:
            db.execute(sql)

    @contextlib.contextmanager
    def locked(self):
        """Holds a lock that keeps every other writer out of the audit table until the block ends."""
        with self.connect() as db:
            db.execute("BEGIN EXCLUSIVE" if self.kind == "sqlite" else "BEGIN")
            if self.kind == "postgres":
                db.execute("LOCK TABLE audit_events, audit_batches IN EXCLUSIVE MODE")
            try:
                yield
            finally:
                db.execute("COMMIT")

    def dump(self) -> bytes:
        """Everything the store holds, as bytes to search (PostgreSQL; SQLite's file is searched as a file)."""
        with self.connect() as db:
            tables = [t for (t,) in db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").fetchall()]
            rows = [repr(row) for table in tables for row in db.execute(f"SELECT * FROM {table}").fetchall()]
        return "\n".join(rows).encode()


@pytest.fixture(params=KINDS)
def store(request, tmp_path) -> Store:
    return Store(request.param, tmp_path / "state")
