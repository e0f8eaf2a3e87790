"""The student's screens."""
