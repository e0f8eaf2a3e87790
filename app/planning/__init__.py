"""Plans, goals, challenges, check-ins, celebrations and "what next"."""
