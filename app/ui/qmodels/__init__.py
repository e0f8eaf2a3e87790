"""Qt item models over service results (plain data in, rows out)."""
