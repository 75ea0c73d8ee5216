"""The program's log file: where it lives, and writing unexpected errors to it. No Qt here.

Every unexpected error (a bug) is written here with its traceback, so that the message a
user sees can stay short and point to this file. The file is rotated (three of 1 MiB)
and readable by its owner alone.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from platformdirs import user_log_path

from desktop import APP_NAME, private_files

LOG_NAME = "reciprocity.log"
MAX_BYTES = 1 << 20
KEEP = 3

log = logging.getLogger("reciprocity")


#: Names another log folder (tests set it, so they never write into the user's own).
LOG_DIR_VARIABLE = "RECIPROCITY_LOG_DIR"


def log_dir() -> Path:
    """The user's log folder for Reciprocity (not created here)."""
    chosen = os.environ.get(LOG_DIR_VARIABLE)
    return Path(chosen) if chosen else user_log_path(APP_NAME, appauthor=False)


def log_path() -> Path:
    """The log file that `setup` writes to (the default one unless told otherwise)."""
    handler = _file_handler()
    return Path(handler.baseFilename) if handler is not None else log_dir() / LOG_NAME


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Rotating files created 0600 in a 0700 folder, so notes quoted in a traceback stay
    private; the folder is made only when there is something to write."""

    failed = False

    def _open(self):
        private_files.make_folder(Path(self.baseFilename).parent)
        return private_files.open_private(
            self.baseFilename, "a", encoding=self.encoding, errors=self.errors
        )

    def handleError(self, record):
        # logging would print its own traceback to standard error; the log is a help,
        # never a second failure, and `log_bug` says that nothing was written.
        self.failed = True


def _file_handler() -> logging.handlers.RotatingFileHandler | None:
    return next(
        (h for h in log.handlers if isinstance(h, logging.handlers.RotatingFileHandler)), None
    )


def setup(folder: Path | None = None) -> Path:
    """Send the program's log to a rotated file in *folder* (the user's log folder)."""
    folder = folder or log_dir()
    current = _file_handler()
    if current is not None:
        if Path(current.baseFilename).parent == folder:
            return Path(current.baseFilename)
        log.removeHandler(current)
        current.close()
    handler = _PrivateRotatingHandler(
        folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return Path(handler.baseFilename)


def log_bug(doing: str, exc: BaseException) -> Path | None:
    """Write an unexpected error with its traceback; returns the log file, if one is set up.

    Writing the log must never raise in its turn (the disk may be what failed).
    """
    handler = _file_handler()
    if isinstance(handler, _PrivateRotatingHandler):
        handler.failed = False
    try:
        log.error("Unexpected error while %s", doing, exc_info=(type(exc), exc, exc.__traceback__))
    except Exception:  # the log is a help, never a second failure
        return None
    if handler is None or getattr(handler, "failed", False):
        return None
    return Path(handler.baseFilename)
