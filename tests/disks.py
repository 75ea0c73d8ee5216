"""Places that refuse writes, for the fault tests: a small tmpfs filled to the brim, and a
user for whom file modes count (root writes through them).

Mounting and changing user need root; `full_disk` skips without it, and `unprivileged`
is empty when the tests already run as an ordinary user.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

NOBODY = 65534


@cache
def can_mount() -> bool:
    """Whether a tmpfs can be mounted here (root on Linux, not forbidden by a sandbox)."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder = tempfile.mkdtemp(prefix="reciprocity-mount-")
    try:
        tried = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder], capture_output=True
        )
        if tried.returncode:
            return False
        subprocess.run(["umount", folder], check=True, capture_output=True)
        return True
    finally:
        os.rmdir(folder)


@contextlib.contextmanager
def small_disk(size_kib: int = 2048) -> Iterator[Path]:
    """A tmpfs of *size_kib* that everyone may write to, unmounted afterwards."""
    if not can_mount():
        pytest.skip("mounting a small tmpfs needs root")
    folder = Path(tempfile.mkdtemp(prefix="reciprocity-disk-"))
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=1777", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=True, capture_output=True)
    finally:
        folder.rmdir()


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding *folder* until at most *leave* bytes are free."""
    filler = folder / "filler"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as out:
        try:
            while out.write(chunk):
                pass
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def unprivileged() -> list[str]:
    """The command prefix that runs a program as a user without root's powers."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as another user needs setpriv")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def shared_folder(prefix: str) -> Path:
    """A new folder under the system's temporary folder that any user can enter."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder
