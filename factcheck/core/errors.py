"""Errors a user can act on: shown as one line on stderr, with a non-zero exit."""


class UserError(Exception):
    """Bad input or an unusable environment; the message is the whole story."""

    exit_code = 2


class ConflictError(UserError):
    """A write based on a stale view: someone else changed the row first."""

    exit_code = 3
