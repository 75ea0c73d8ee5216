"""How the command line fails: in one sentence, never with a traceback. No Qt here.

A refusal of the environment (a full disk, a read-only or locked file) or of the input (a
file that is not what it claims) is said in words. Anything else is a bug: its traceback
goes to the log and the person reads one sentence saying so and where the details are.
A reader that stops reading (`| head -1`) is nobody's failure: the output goes quiet and
the work still finishes, so what a command does never depends on who reads it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from desktop import logs

#: A bug's own words are cut to this length in the sentence; the log has them whole.
SHORT = 160


def start_log() -> None:
    """Send bugs to the log file; a log that cannot be made is no reason to stop."""
    with contextlib.suppress(OSError):
        logs.setup()


def words_for(
    exc: Exception, doing: str, where: str | Path | None, *, exporting: bool = False
) -> str:
    """The sentence for *exc*, raised while *doing* (e.g. 'importing c.csv') on *where*
    (the file it concerns: the database, unless the error names its own file).
    *exporting*: a file was being written, and another folder is the way out."""
    from desktop.formats.records import FormatError
    from desktop.store.connection import DatabaseError
    from desktop.store.errors import StorageError, storage_problem

    if isinstance(exc, (DatabaseError, FormatError, StorageError)):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        where = None  # the error names its file itself
    problem = storage_problem(exc, where)
    if problem is not None and exporting and problem.kind in ("read-only", "gone"):
        return f"{problem.cause}; nothing was written. Choose another folder to export to."
    if problem is not None:
        return str(problem)
    return bug_words(exc, doing)


def bug_words(exc: BaseException, doing: str) -> str:
    """Log *exc* with its traceback and say, in one sentence, that it is a bug."""
    text = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    short = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    if len(short) > SHORT:
        short = short[: SHORT - 1].rstrip() + "…"
    logged = logs.log_bug(doing, exc)
    details = (
        f"the details are in {logged}"
        if logged is not None
        else "its details could not be written to a log file"
    )
    return (
        f"Something went wrong while {doing}: {short.rstrip('.')}. This is a bug in "
        f"Reciprocity, not something you did; {details}."
    )


class _Output:
    """Standard output until its reader has gone; from then on, nowhere."""

    def __init__(self, stream: TextIO):
        self._stream = stream
        self.reader_gone = False

    def write(self, text: str) -> int:
        if not self.reader_gone:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._gone()
        return len(text)

    def flush(self) -> None:
        if not self.reader_gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._gone()

    def _gone(self) -> None:
        self.reader_gone = True
        # What is still buffered goes to /dev/null, so the flush at exit raises nothing.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def output_may_close() -> Iterator[None]:
    """Let standard output's reader leave early (`| head`) without an error."""
    real = sys.stdout
    quiet = _Output(real)
    sys.stdout = quiet
    try:
        yield
    finally:
        quiet.flush()
        sys.stdout = real


def say_failure(reason: str) -> None:
    """Print *reason* to standard error, even if no one reads it any more."""
    with contextlib.suppress(BrokenPipeError):
        print(reason, file=sys.stderr, flush=True)
