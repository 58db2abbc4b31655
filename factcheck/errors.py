"""Errors a user can act on: shown as one line on stderr, with a non-zero exit."""


class UserError(Exception):
    """Bad input or an unusable environment; the message is the whole story, in one line.
    `details`, when there are more (every problem a damaged file has), are shown only when
    asked for (--verbose)."""

    exit_code = 2

    def __init__(self, message: str, *, details: str | None = None) -> None:
        super().__init__(message)
        self.details = details


class ConflictError(UserError):
    """A write based on a stale view: someone else changed the row first."""

    exit_code = 3
