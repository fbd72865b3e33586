"""Refuse unsafe .xlsx packages before any XML parser sees them: DTDs, entities, zip bombs.

An .xlsx file is a zip of XML parts. Excel and LibreOffice never write a DOCTYPE or an ENTITY
declaration, so any such declaration is refused outright (entity expansion, external entities).
Sizes are checked from the zip directory first and then while actually inflating each part, so
memory stays bounded even when the directory lies. openpyxl then parses with defusedxml.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from assessment.errors import InvalidInput, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_PARTS = 2_000
CHUNK = 1024 * 1024
_DECLARATIONS = tuple(
    word.encode(encoding)
    for word in ("<!doctype", "<!entity")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(d) for d in _DECLARATIONS)


def check_package(path: Path) -> None:
    """Raise InvalidInput when `path` is not a plain, reasonably sized .xlsx package."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(Problem(name, 0, "", f"cannot read: {exc.strerror}")) from None
    if size > MAX_FILE_BYTES:
        _refuse(name, f"is {size // 2**20} MB; a questionnaire is far smaller (limit 20 MB)")
    if not zipfile.is_zipfile(path):
        _refuse(name, "is not an .xlsx workbook; save it from Excel or LibreOffice as .xlsx")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(name, archive)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        _refuse(name, f"is damaged ({exc}); save it again from Excel or LibreOffice")


def _check_parts(name: str, archive: zipfile.ZipFile) -> None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        _refuse(name, f"has {len(parts)} parts; refusing an unusual workbook")
    declared = sum(part.file_size for part in parts)
    if declared > MAX_UNCOMPRESSED_BYTES:
        _refuse(name, f"expands to {declared // 2**20} MB (limit 100 MB); refusing a zip bomb")
    inflated = 0
    for part in parts:
        inflated += _scan(name, archive, part, MAX_UNCOMPRESSED_BYTES - inflated)


def _scan(name: str, archive: zipfile.ZipFile, part: zipfile.ZipInfo, budget: int) -> int:
    """Inflate one part in chunks; refuse a declaration or a size beyond the budget."""
    total, tail = 0, b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if total > budget:
                _refuse(name, "expands beyond 100 MB; refusing a zip bomb")
            window = (tail + chunk).lower()
            if any(declaration in window for declaration in _DECLARATIONS):
                _refuse(
                    name,
                    f"{part.filename} declares a DOCTYPE or ENTITY, which Excel and LibreOffice "
                    "never write; refused unread. Save the form again from Excel or LibreOffice",
                )
            tail = chunk[-_OVERLAP:]
    return total


def _refuse(name: str, message: str) -> None:
    raise InvalidInput(Problem(name, 0, "", message))
