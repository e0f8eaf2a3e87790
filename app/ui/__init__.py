"""The PySide6 user interface. The only package that imports Qt; it calls services, never SQL."""

import PySide6

from app.ui.import_hook import lighten_pyside_import_hook

lighten_pyside_import_hook()
del PySide6
