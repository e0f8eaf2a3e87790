"""A throwaway PostgreSQL cluster in a temporary folder (tests and ``benchmarks/server.py``):
initdb, pg_ctl start on a free port with its socket in the folder, one database. As root it runs
as the ``postgres`` user (PostgreSQL refuses to run as root). ``find_bin`` is None when this
machine has no PostgreSQL at all (then the tests that need it skip and say why)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def find_bin() -> Path | None:
    for cand in [os.environ.get("TESSERA_PG_BIN", ""), *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True),
                 "/usr/local/bin", "/usr/bin"]:  # fmt: skip
        if cand and (Path(cand) / "pg_ctl").exists() and (Path(cand) / "initdb").exists():
            return Path(cand)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, base: Path | None = None) -> None:
        b = find_bin()
        if b is None:
            raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
        self.bin = b
        self.dir = Path(base or tempfile.mkdtemp(prefix="tessera-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.root = os.geteuid() == 0

    def _run(self, *cmd: str) -> None:
        full = ["runuser", "-u", "postgres", "--", *cmd] if self.root else list(cmd)
        subprocess.run(full, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/")

    def start(self) -> Cluster:
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.root:
            shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(self.dir, 0o700)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync",
                  "-E", "UTF8")  # fmt: skip
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB")  # fmt: skip
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"), "-w",
                  "start")  # fmt: skip
        self._run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "tessera"
        )
        return self

    def url(self, db: str = "tessera") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def createdb(self, name: str) -> str:
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def dump(self, db: str, path: Path) -> None:
        full = ["runuser", "-u", "postgres", "--"] if self.root else []
        with open(path, "wb") as fh:
            subprocess.run([*full, str(self.bin / "pg_dump"), "-h", "127.0.0.1", "-p", str(self.port), "-U",
                            "postgres", "-Fc", db], check=True, stdout=fh, cwd="/")  # fmt: skip

    def restore(self, db: str, path: Path) -> None:
        full = ["runuser", "-u", "postgres", "--"] if self.root else []
        subprocess.run([*full, str(self.bin / "dropdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "--force", db], check=True, cwd="/")  # fmt: skip
        self.createdb(db)
        with open(path, "rb") as fh:
            subprocess.run([*full, str(self.bin / "pg_restore"), "-h", "127.0.0.1", "-p", str(self.port), "-U",
                            "postgres", "-d", db], check=True, stdin=fh, cwd="/")  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_port(port: int, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {port}")
