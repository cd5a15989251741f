"""The one error type users see: a message on one line and exit code 2."""


class AgentgenError(Exception):
    """Bad input or an impossible request. The CLI prints `error: <message>` and exits 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
