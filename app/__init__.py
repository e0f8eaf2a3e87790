"""Tessera: an offline-first desktop app for personalized learning.

Layers (data flows one way): ``app.ui`` -> capability services (``people``, ``practice``,
``writing``, ``planning``, ``sync``) -> ``app.store`` / ``app.models``. Nothing below ``app.ui``
imports Qt.
"""

__version__ = "0.1.0"
