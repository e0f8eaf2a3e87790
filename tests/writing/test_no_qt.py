"""app.writing is plain Python: importing it must not pull in Qt."""

import subprocess
import sys


def test_writing_does_not_import_qt():
    code = (
        "import sys, app.writing.checks; from app.writing.checks import check; check('Teh end.'); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; print(bad); "
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
