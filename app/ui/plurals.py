"""English plurals for ``tr("%n student(s)", "", n)``: with no translation loaded Qt shows the source
text as written, "(s)" and all. This translator picks the singular or plural by ``n`` instead, for
every such string at once. It is installed first, so a real translation installed later wins."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

MARK = "(s)"

_installed: QTranslator | None = None  # kept here too: Qt does not own an installed translator


def english_plural(text: str, n: int) -> str:
    """``text`` with each "(s)" dropped when ``n`` is 1 and made "s" otherwise."""
    return text.replace(MARK, "" if n == 1 else "s")


class EnglishPlurals(QTranslator):
    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null string; "" would blank the text) means "not translated here": Qt asks the
        # next translator or shows the source text. Strings that put their number in with %1 pass
        # n = -1 and are left alone: the number is not known here.
        if n < 0 or MARK not in source_text:
            return None
        return english_plural(source_text, n)

    def isEmpty(self) -> bool:  # noqa: N802
        return False  # Qt skips an empty translator


def install_plurals(app: QCoreApplication | None = None) -> QTranslator:
    """Install the English plurals translator once (before any window, so it is queried last)."""
    global _installed
    app = app or QCoreApplication.instance()
    if _installed is None:
        _installed = EnglishPlurals(app)
        app.installTranslator(_installed)
    return _installed
