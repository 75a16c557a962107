"""Errors that end a run with exit code 2 and one clear line (never a traceback)."""


class KbAuditError(Exception):
    """Base for every error the user can fix: bad input, bad config, bad plugin."""


class ConfigError(KbAuditError):
    """The configuration (file or command line) is invalid."""


class InputError(KbAuditError):
    """The folder to scan, or another input file, cannot be used."""


class RegistryError(KbAuditError):
    """A rule, built-in or from a plugin, is malformed or clashes with another."""
