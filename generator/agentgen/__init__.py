"""agentgen: turn an agent profile into a starter backend repository."""

__version__ = "0.1.0"
