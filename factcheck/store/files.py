"""A file written whole or not at all: beside its target, renamed over it once complete, so
a failure (a full disk, Ctrl-C) leaves the previous file as it was."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factcheck.errors import UserError


@contextmanager
def replacing(
    target: Path,
    *,
    what: str,
    devices: bool = False,
    shared: bool = False,
    errors: tuple[type[Exception], ...] = (OSError,),
) -> Iterator[Path]:
    """The path to write `target`'s new content to: a temporary file beside it, renamed over
    it when the block ends without an error. A symlink keeps pointing at its (new) target.

    `what` names the file in messages ("no backup was written"). `devices`: a device or a
    pipe (/dev/stdout) is yielded itself, to be written directly, since renaming over it would
    replace it; else it is refused. `shared`: the file gets the permissions a new file gets
    (mkstemp makes it private). `errors`: what a failed write raises, said as a UserError."""
    resolved = Path(target).resolve()
    if not resolved.parent.is_dir():
        raise UserError(f"{target}: folder does not exist")
    if resolved.is_dir():
        raise UserError(f"{target}: is a folder")
    if resolved.exists() and not resolved.is_file():
        if not devices:
            raise UserError(f"{target}: not a regular file (a {what} replaces its file whole)")
        try:
            yield resolved
        except OSError as error:
            raise UserError(f"{target}: cannot write ({_reason(error)})") from None
        return
    try:
        handle, name = tempfile.mkstemp(prefix=f".{resolved.name}.", dir=resolved.parent)
    except OSError as error:
        raise UserError(f"{target}: cannot write ({_reason(error)})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if shared:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, resolved)
    except errors as error:
        raise UserError(f"{target}: cannot write ({_reason(error)}); no {what} was written") from None
    finally:
        temporary.unlink(missing_ok=True)


def _reason(error: BaseException) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
