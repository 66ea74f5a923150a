"""Command-line helpers the Makefile runs (building, checking, publishing)."""
