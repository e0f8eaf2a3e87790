"""The PySide6 user interface. The only package that imports Qt; it calls services, never SQL."""
