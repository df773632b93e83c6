"""A real PostgreSQL server for the archive tests: started once per session, unix socket only.

``initdb`` into a new temporary folder, ``pg_ctl start`` listening on a socket in that folder
(no TCP), stopped and removed at the end. PostgreSQL refuses to run as root, so when the tests
run as root (CI) the server runs as the ``postgres`` user the Debian package creates, with the
folder handed to it. Each test gets a fresh database (``pg_url``); the server is shared.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

MISSING = ("the PostgreSQL server binaries (initdb, pg_ctl; Debian package 'postgresql') are "
           "not installed")


def server_bindir() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian layout), or PATH's."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                        else 0, reverse=True)
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@dataclass
class PgServer:
    bindir: Path
    root: Path
    socket_dir: Path
    runas: list[str]

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"host={self.socket_dir} dbname={dbname} user={user}"

    @property
    def data(self) -> Path:
        return self.root / "data"

    def run(self, *args: str) -> None:
        """A command as the server's user (``postgres`` when running as root)."""
        subprocess.run([*self.runas, *args], check=True, env={**os.environ, "LC_ALL": "C.UTF-8"},
                       cwd=self.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                 str(self.root / "server.log"), "-w", "-o",
                 f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
                 "-c max_connections=40", "start")

    def stop(self) -> None:
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def admin(self, sql: str) -> None:
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


@contextmanager
def running_server(data_from: Path | None = None) -> Iterator[PgServer]:
    """A real PostgreSQL server in a temporary folder on a unix socket (no TCP), stopped and
    removed at the end (the ``pg_server`` fixture in tests/conftest.py). With ``data_from``
    the server runs on a copy of that (stopped) server's data folder instead of a new one:
    benchmarks reuse a large generated archive that way."""
    bindir = server_bindir()
    if bindir is None:
        pytest.skip(MISSING)
    root = Path(tempfile.mkdtemp(prefix="tv-pg-"))
    runas: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
        runas = ["runuser", "-u", "postgres", "--"]
    server = PgServer(bindir, root, root / "sock", runas)
    server.run("mkdir", "-m", "0700", str(server.socket_dir))
    if data_from is None:
        server.run(str(bindir / "initdb"), "-D", str(server.data), "-A", "trust", "-U",
                   "postgres", "-E", "UTF8", "--locale=C.UTF-8")
    else:
        # By this user, not the server's: the copy keeps the files' owner, and the kept
        # folder may sit where the server's user cannot reach (a pytest folder is root-only).
        subprocess.run(["cp", "-a", str(data_from), str(server.data)], check=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def new_database(pg_server: PgServer) -> Iterator[str]:
    """A new, empty database on the server; dropped afterwards (the ``pg_url`` fixture)."""
    name = f"tv_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    pg_server.admin(f'DROP DATABASE "{name}" WITH (FORCE)')
