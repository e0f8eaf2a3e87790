"""The teacher's Import and Export menus (class lists in; gradebook, skills, xAPI, QTI, CASE out)."""
