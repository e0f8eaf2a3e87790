"""Reusable widgets: the jagged profile chart, profile editor, celebrations list."""
