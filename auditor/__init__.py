"""kb-audit: audit the hygiene of a team's knowledge base."""

__version__ = "0.1.0"
