"""Read the CSV files of a roster from a folder, a zip or a single CSV file, the way spreadsheets and
student information systems actually write them: a byte-order mark, CRLF or LF, quoted commas and
line breaks, Windows-1252 instead of UTF-8, columns in any order and headers in any case.

Nothing here trusts the input: sizes are bounded before reading (a zip bomb is refused), a damaged
file becomes a reason, never an exception the caller did not ask for."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import InvalidInput
from app.i18n import _

MAX_FILE_BYTES = 256 * 1024 * 1024  # one CSV; a district's users.csv is a few MB
MAX_ZIP_RATIO = 200  # a CSV compresses ~5-10x; far more than this is a bomb


def norm_header(name: str) -> str:
    """'sourcedId', 'Sourced ID', 'sourced_id' -> 'sourcedid': columns are matched by name."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass
class Table:
    name: str
    headers: list[str]  # normalized, in file order
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (line in the file, values)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, reason): rows not readable
    encoding_note: str = ""

    def has(self, *cols: str) -> bool:
        return all(c in self.headers for c in cols)


def decode(data: bytes) -> tuple[str, str]:
    """Text and a note on how it was read (empty for UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), _("read as UTF-16")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" as Windows-1252; every byte decodes, so names keep their accents.
        return data.decode("cp1252", errors="replace"), _("not UTF-8: read as Windows-1252 (Excel's CSV)")


def parse_table(name: str, data: bytes) -> Table:
    text, note = decode(data)
    text = text.replace("\x00", "")  # a NUL is never meant; csv would stop at it
    reader = csv.reader(io.StringIO(text, newline=""))
    table = Table(name, [], encoding_note=note)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        table.problems.append((1, _("the header line cannot be read ({exc})", exc=exc)))
        return table
    if not header:
        return table
    table.headers = [norm_header(h) for h in header]
    width = len(header)
    line = reader.line_num
    while True:
        start = line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = reader.line_num
            table.problems.append((start, _("this row cannot be read ({exc}); check its quotes", exc=exc)))
            continue
        line = reader.line_num
        if not values or all(not v.strip() for v in values):
            continue  # blank lines (a trailing CRLF, an Excel export) are not rows
        if len(values) != width:
            why = _(
                "this row has {len} values but the header has {width} columns; a comma inside a value needs quotes",
                len=len(values),
                width=width,
            )
            table.problems.append((start, why))
            continue
        # empty cells are left out (readers ask with .get(col, "")): a district's users.csv is mostly empty
        table.rows.append(
            (start, {h: v.strip() for h, v in zip(table.headers, values) if h and v and not v.isspace()})
        )
    return table


class CsvSource:
    """The CSV files of one roster: ``folder/``, ``file.zip`` or one ``file.csv``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._files: dict[str, bytes | Path | zipfile.ZipInfo] = {}
        self._zip: zipfile.ZipFile | None = None
        if self.path.is_dir():
            for p in self.path.iterdir():
                if p.is_file() and p.suffix.lower() == ".csv":
                    self._files[p.name.lower()] = p
        elif self.path.is_file() and zipfile.is_zipfile(self.path):
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise InvalidInput(
                    _("{name} is not a readable zip file ({exc}).", name=self.path.name, exc=exc)
                ) from None
            for info in self._zip.infolist():
                base = info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
                if base.endswith(".csv") and not info.is_dir() and base not in self._files:
                    self._files[base] = info
        elif self.path.is_file():
            self._files[self.path.name.lower()] = self.path
        else:
            raise InvalidInput(_("There is no file or folder at {path}.", path=self.path))
        if not self._files:
            raise InvalidInput(
                _(
                    "{name} holds no CSV files. A roster is a folder or zip of CSV files (OneRoster, School Data Sync, Clever) or one CSV file.",
                    name=self.path.name,
                )
            )

    @property
    def names(self) -> set[str]:
        return set(self._files)

    def only(self) -> str | None:
        return next(iter(self._files)) if len(self._files) == 1 else None

    def read_bytes(self, name: str) -> bytes:
        src = self._files[name]
        if isinstance(src, Path):
            if src.stat().st_size > MAX_FILE_BYTES:
                raise InvalidInput(
                    _(
                        "{name} is larger than {v} MB; Tessera does not read it.",
                        name=name,
                        v=MAX_FILE_BYTES // 2**20,
                    )
                )
            return src.read_bytes()
        assert self._zip is not None and isinstance(src, zipfile.ZipInfo)
        if (
            src.file_size > MAX_FILE_BYTES
            or src.file_size > MAX_ZIP_RATIO * max(src.compress_size, 1) + 2**20
        ):
            raise InvalidInput(
                _(
                    "{name} in {name2} unpacks to far more than it holds (a zip bomb?); Tessera does not read it.",
                    name=name,
                    name2=self.path.name,
                )
            )
        try:
            with self._zip.open(src) as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise InvalidInput(
                _("{name} in {name2} cannot be unpacked ({exc}).", name=name, name2=self.path.name, exc=exc)
            ) from None
        if len(data) > MAX_FILE_BYTES:
            raise InvalidInput(
                _(
                    "{name} is larger than {v} MB; Tessera does not read it.",
                    name=name,
                    v=MAX_FILE_BYTES // 2**20,
                )
            )
        return data

    def table(self, name: str) -> Table | None:
        if name not in self._files:
            return None
        return parse_table(name, self.read_bytes(name))

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
