"""Reading files that come from outside agentgen (profiles, answers files, specs, manifests): untrusted data.

A FIFO or a device is refused instead of waited on, size is bounded by reading, not by st_size, and invalid
UTF-8, invalid YAML or absurd nesting each become one error line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from agentgen.errors import AgentgenError

MAX_BYTES = 1024 * 1024
# PyYAML's safe loader in C where it was built with libyaml (it is, in its wheels): the same documents, faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most `limit`: a FIFO, a device or a huge file is refused, never waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise AgentgenError(f"{path}: cannot read ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise AgentgenError(f"{path}: not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise AgentgenError(f"{path}: larger than the {limit / 2**20:g} MiB it may have")
    return data


def load_yaml(raw: bytes, where: str) -> Any:
    """YAML from untrusted bytes: invalid UTF-8, invalid YAML or absurd nesting is one error line."""
    try:
        return yaml.load(raw.decode("utf-8"), Loader=SAFE_LOADER)  # noqa: S506  # a safe loader, libyaml's if built
    except UnicodeDecodeError:
        raise AgentgenError(f"{where}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        if "maximum nesting depth" in str(err):  # libyaml's own limit, before Python's recursion limit
            raise AgentgenError(f"{where}: nested too deeply to be read") from None
        raise AgentgenError(f"{where}: not valid YAML ({' '.join(str(err).split())[:160]})") from None
    except RecursionError:
        raise AgentgenError(f"{where}: nested too deeply to be read") from None
