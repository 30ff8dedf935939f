"""Building into a temporary folder and swapping it into place: what makes `make build` and
`make site` atomic.

A build writes into `<out>.tmp-<pid>-<random>/`, a sibling of the output folder (same file
system, so a rename moves it). Only when every step has succeeded does the new folder replace
the old one, in one rename: Linux's renameat2(RENAME_EXCHANGE) swaps the two folders, so there
is no moment without a site/. An interrupted or failed build leaves the previous output as it
was; its temporary folder is removed on the way out (Ctrl+C, SIGTERM, an error) or, after a
SIGKILL, by the next build (the process that owned it is gone).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from macros.core.paths import ROOT
from macros.plugin.engine import ENGINE_ENV, build_command

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_PR_SET_PDEATHSIG = 1
_TMP = re.compile(r"\.(?:tmp|old)-(\d+)-")


class BuildFailed(RuntimeError):
    """A build step failed; its own messages are already on stderr."""


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """A build step's process ends when the build that started it is killed (Linux)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def mkdocs_build(out: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None) -> None:
    """A strict MkDocs build of `config` into `out`, in its own process (plugins keep state per process)."""
    environ = {**os.environ, **ENGINE_ENV, **(env or {})}
    command = build_command(out, config)
    result = subprocess.run(command, check=False, cwd=config.parent, env=environ, preexec_fn=_die_with_parent)
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build of {config.name} failed (exit {result.returncode})")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(out: Path) -> None:
    """Remove what killed builds left next to `out`; restore `out` if a swap was cut short."""
    for path in sorted(out.parent.glob(f"{out.name}.*-*-*")):
        found = _TMP.match(path.name[len(out.name):])
        if not found or _alive(int(found.group(1))):
            continue
        if path.name.startswith(f"{out.name}.old-") and not out.exists():
            os.rename(path, out)  # the two-rename fallback was interrupted between its renames
        else:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def workdir(out: Path) -> Iterator[Path]:
    """A fresh temporary folder next to `out`, removed however the build ends."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    tmp = Path(tempfile.mkdtemp(prefix=f"{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield tmp
    finally:
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(tmp, ignore_errors=True)


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # so that `finally` blocks clean up, as on Ctrl+C


def replace(new: Path, out: Path) -> None:
    """Put the finished folder `new` at `out` in one step; the previous `out` is deleted afterwards."""
    out = out.absolute()
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new)  # now holds the previous output
        return
    old = out.with_name(f"{out.name}.old-{os.getpid()}-{new.name[-8:]}")
    os.rename(out, old)
    os.rename(new, out)
    shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (renameat2 RENAME_EXCHANGE); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)
