"""Rules the configuration declares: custom policies."""
