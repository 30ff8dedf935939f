"""The offline copy's zip as the published site offers it: its name, place, size and date.

`python -m macros site` builds the offline copy first, then the pages; it passes the finished
zip's path to the page build in KB_OFFLINE_ZIP, so the kit page can show the real size and date
of the file it links (site/downloads/<ZIP_NAME>.zip). Without it (`make build`, `mkdocs serve`,
the offline copy itself) there is no zip to link, and the kit page says so instead.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_NAME = "shenzhen-ict-csr-offline"  # the zip's name, and the folder inside it
ZIP_FILE = ZIP_NAME + ".zip"
ENV = "KB_OFFLINE_ZIP"  # path of the finished zip, set by `python -m macros site` for the page build


@dataclass(frozen=True)
class OfflineZip:
    file: str  # its name under downloads/
    size: int  # bytes
    date: str  # YYYY-MM-DD: the date of its newest file (the last commit's date in a `make site` build)


def content_time() -> time.struct_time:
    """The time the zip's entries carry: SOURCE_DATE_EPOCH (the Makefile sets the last commit's), else now.

    A fixed time makes two zips of the same commit byte-identical, and dates the copy by its content.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch) if epoch and epoch.isdigit() and int(epoch) > 315532800 else None)


def read(path: Path) -> OfflineZip:
    """The facts the kit page shows about a finished zip."""
    with zipfile.ZipFile(path) as archive:
        newest = max(info.date_time for info in archive.infolist())
    return OfflineZip(ZIP_FILE, path.stat().st_size, dt.date(*newest[:3]).isoformat())


def published() -> OfflineZip | None:
    """The zip this build publishes, if `python -m macros site` made one (see KB_OFFLINE_ZIP)."""
    path = os.environ.get(ENV)
    return read(Path(path)) if path and Path(path).is_file() else None
