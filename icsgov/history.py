"""History context for writes made outside a web request.

Requests are covered by pghistory's middleware (user and URL). Management commands wrap their
work in :func:`command_context`, so their changes carry the command name and, where given, the
user on whose behalf they ran.
"""

import getpass

import pghistory


def command_context(command: str, user=None):
    metadata = {"command": command, "os_user": getpass.getuser()}
    if user is not None:
        metadata["user"] = user.pk
        metadata["username"] = user.get_username()
    return pghistory.context(**metadata)
