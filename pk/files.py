"""Writing files safely: one atomic replace for every writer, and a lock per folder.

Every command that writes (reports, `pk set`, `pk import`, `pk fmt`, `pk new`) goes through
`write_atomic`, so a reader sees the old file or the new one, never half; writers that read,
change and write back hold `locked(folder)` around all three, so two at once cannot lose a
value. Either one that cannot write raises `WriteFailed`, naming the path; nothing is written.
"""

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from pk.diagnostics import EnvironmentProblem
from pk.i18n import N_, _


def builtin_templates() -> Path:
    """The built-in templates (and the profiles of `bentuk`): inside the package when installed
    from a wheel, else the repository's top-level `templates/` (editable install, checkout)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise EnvironmentProblem(
        _("the built-in templates are missing (looked in {a} and {b}); reinstall pk").format(
            a=package / "templates", b=package.parent / "templates"
        )
    )


LOCK_FILE = ".pk.lock"
"""The lock's file in a folder while a writer holds it; removed when the writer is done."""


class WriteFailed(EnvironmentProblem):
    """A file or folder pk must write cannot be written (permissions, a read-only disk)."""


def cannot_write(path: Path, err: OSError) -> WriteFailed:
    """The error for an OSError met writing `path` (a file, or the folder it goes in)."""
    return WriteFailed(
        _(
            "{path}: cannot write here ({reason}): check that you may write to this folder "
            "(its permissions, or a read-only disk or share); nothing was written"
        ).format(path=path.as_posix(), reason=reason(err))
    )


_REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("not permitted"),
    errno.ENOENT: N_("no such file or folder"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.EEXIST: N_("a file of that name is already there"),
    errno.EISDIR: N_("it is a folder"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.ELOOP: N_("a link that points to itself, or links in a loop"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EBUSY: N_("it is in use"),
    errno.EMFILE: N_("too many files are open"),
    errno.EIO: N_("the disk could not be read or written (input/output error)"),
}


def reason(err: OSError) -> str:
    """Why the system refused, in the user's language (the system's own words for the rare
    rest)."""
    if getattr(err, "winerror", None) in (32, 33):  # Windows: another program has it open
        return _("another program has the file open (Excel?): close it, then run again")
    known = _REASONS.get(err.errno or 0)
    return _(known) if known else str(err.strerror or err)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` at once, keeping the file's mode; through a symlink, the
    file it points at is replaced (the link stays a link). A read-only file is not replaced."""
    target = path.resolve() if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()  # mkstemp makes 0600; a new file is for sharing
        else:
            # The folder may allow the replace, but a file marked read-only says: keep me.
            if not mode & 0o222:
                raise WriteFailed(
                    _(
                        "{path} is read-only: make it writable (in its properties, or "
                        "`chmod u+w`), then run again; nothing was written"
                    ).format(path=target.as_posix())
                )
        import tempfile  # not at the top: pk validate reads templates/ through this module

        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise cannot_write(target.parent, err) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise cannot_write(target, err) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's write lock: a second writer waits until the first is done."""
    path = folder / LOCK_FILE
    while True:
        try:
            handle = open(path, "a+b")  # held open for as long as the lock
        except OSError as err:
            raise cannot_write(folder, err) from None
        try:
            _lock(handle.fileno())
        except BaseException:
            handle.close()
            raise
        # The holder before us removes the file when done; a lock on the removed file would
        # exclude nobody, so take it again on the file that is there now.
        if _is_current(handle.fileno(), path):
            break
        handle.close()
    try:
        yield
    finally:
        with suppress(OSError):  # Windows refuses to remove an open file: it stays, harmless
            path.unlink()
        _unlock(handle.fileno())
        handle.close()


def _is_current(fd: int, path: Path) -> bool:
    try:
        now = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        # msvcrt locks bytes from the current position, and "a+b" opens at the end: lock
        # byte 0, the one `_unlock` releases, whatever the file holds.
        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for 10 s, then raises
                return
            except OSError:
                continue

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
