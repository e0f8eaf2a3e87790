"""The language Tessera speaks: chosen once at start, before any page is built.

Which language: ``--lang`` on the command line > the machine policy's ``language`` > the user's own
choice (``settings.json``; read on a lab machine too, since a language cannot weaken the lab's
protections) > the system's locale. English needs no catalogue. ``es`` (any Spanish locale) loads
``resources/translations/tessera_es.qm`` and Qt's own ``qtbase_es.qm`` (standard buttons and dialogs).

Two test languages prove that every visible text passes through translation:
- ``pseudo`` wraps every translated text in ``[!! ... !!]`` and makes it about 30% longer, so a text
  on screen without the markers never went through ``tr`` and a layout that clips long text shows it;
- ``ar-pseudo`` is the same, right to left, with a short Arabic sample word in front.

The sentences built below the UI (``app.i18n._``) are translated through the same translators: this
module installs ``QCoreApplication.translate`` as their translator. The language changes on the next
start (pages and the tables of labels below the UI are translated when they are built).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from app import i18n

log = logging.getLogger(__name__)

# (code, name in its own language) offered in the language chooser; "" follows the system.
CHOICES = (("", ""), ("en", "English"), ("es", "Español"))
TEST_LANGUAGES = ("pseudo", "ar-pseudo")
PSEUDO_OPEN, PSEUDO_CLOSE = "[!! ", " !!]"
ARABIC_SAMPLE = "\u0645\u0631\u062d\u0628\u0627"  # "marhaban": real Arabic glyphs, shaped right to left

_current = "en"
_keep: list[QTranslator] = []  # installed translators must outlive this function


def translations_dir() -> Path:
    from app.config import resources_dir

    return resources_dir() / "translations"


def catalogue_sources() -> set[str]:
    """Every source text of the Spanish catalogue."""
    import xml.etree.ElementTree as ET

    path = translations_dir() / "tessera_es.ts"
    if not path.exists():
        return set()
    return {m.findtext("source") or "" for m in ET.parse(path).getroot().iter("message")}


def chosen_language(settings: Any | None, cli: str | None = None) -> str:
    """The language code to use: command line > policy > user setting > system locale."""
    if cli:
        return normalise(cli)
    if settings is not None:
        for layer in (settings.policy, settings.user, settings.machine):
            value = str(layer.get("language") or "").strip()
            if value:
                return normalise(value)
    return normalise(QLocale.system().name())


def normalise(code: str) -> str:
    """ "es_MX", "es-419", "Spanish" -> "es"; the test languages as they are; anything else "en"."""
    code = code.strip().lower().replace("_", "-")
    if code in TEST_LANGUAGES:
        return code
    if code.startswith("es") or code in ("spanish", "español", "espanol"):
        return "es"
    return "en"


def current() -> str:
    return _current


class PseudoTranslator(QTranslator):
    """Every text in the catalogue marked and lengthened; placeholders, accelerators and markup kept.
    A text the catalogue does not hold stays as it is, so the screen shows it: a ``tr`` that lupdate
    cannot see (a variable, a call inside an f-string) is caught as surely as a missing ``tr``. Qt's own
    texts (those qtbase_es.qm translates) are marked too."""

    def __init__(self, parent: Any = None, arabic: bool = False) -> None:
        super().__init__(parent)
        self.arabic = arabic
        self.known = catalogue_sources()
        self.qt = QTranslator(self)  # Qt's own texts: those its Spanish catalogue translates
        self.qt.load("qtbase_es", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))

    def translate(  # noqa: D102
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if not source_text or source_text.startswith(PSEUDO_OPEN):
            return None
        if source_text not in self.known and not self.qt.translate(context, source_text, disambiguation, n):
            return None
        text = i18n.english_plural(source_text, n) if n >= 0 else source_text
        return pseudo(text, self.arabic)

    def isEmpty(self) -> bool:  # noqa: N802
        return False


_KEEP = re.compile(r"(%L?\d+|%n|\{[^}]*\}|<[^>]*>|&\w+;|&&|&(?=\w))")


def pseudo(text: str, arabic: bool = False) -> str:
    """``[!! Séttíngs·· !!]``: vowels accented outside placeholders and tags, ~30% padding added."""
    table = str.maketrans("aeiouAEIOU", "áéíóúÁÉÍÓÚ")
    parts = _KEEP.split(text)
    body = "".join(p if i % 2 else p.translate(table) for i, p in enumerate(parts))
    pad = "\u00b7" * max(1, round(len(text) * 0.3))
    start = PSEUDO_OPEN + (ARABIC_SAMPLE + " " if arabic else "")
    return f"{start}{body}{pad}{PSEUDO_CLOSE}"


def spanish_locale() -> QLocale:
    """The system's own Spanish (its country writes its numbers), else Colombia's: like most of Latin
    America it writes one and a half "1,5" and fifteen hundred "1.500" (Mexico writes "1.5")."""
    system = QLocale.system()
    return system if system.language() == QLocale.Language.Spanish else QLocale("es_CO")


class BySourceTranslator(QTranslator):
    """The catalogue looked up by source text alone, asked after the compiled .qm misses: a label
    kept in a table (``N_("Class roster")``) and shown with ``self.tr(title)`` is asked for in the
    showing class's context, which the catalogue does not hold."""

    def __init__(self, parent: Any, ts: Path) -> None:
        super().__init__(parent)
        import xml.etree.ElementTree as ET

        self.forms: dict[str, list[str]] = {}
        for m in ET.parse(ts).getroot().iter("message"):
            tr = m.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            source = m.findtext("source") or ""
            # the entry with plural forms wins over a plain one of the same text (chart_text's tr(text, n))
            if all(forms) and len(forms) > len(self.forms.get(source, ())):
                self.forms[source] = forms

    def translate(  # noqa: D102
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        forms = self.forms.get(source_text)
        if not forms:
            return None
        return forms[0] if n == 1 or len(forms) == 1 else forms[-1]  # Spanish: one, and the rest

    def isEmpty(self) -> bool:  # noqa: N802
        return not self.forms


def _qt_translate(context: str, source: str, n: int) -> str | None:
    return QCoreApplication.translate(context, source, None, n)


def setup_language(app: QCoreApplication, code: str) -> str:
    """Install the translators for ``code`` (call before importing the pages); returns the code used."""
    global _current
    code = normalise(code)
    _current = code
    from app.ui import locale_format as fmt

    i18n.install(_qt_translate, dates={"day": fmt.day, "weekday": fmt.weekday, "day_year": fmt.day_year})
    if code in TEST_LANGUAGES:
        pseudo_tr = PseudoTranslator(app, arabic=code == "ar-pseudo")
        app.installTranslator(pseudo_tr)
        _keep.append(pseudo_tr)
        if code == "ar-pseudo":
            QLocale.setDefault(QLocale("ar_EG"))
            app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # type: ignore[attr-defined]
        return code
    if code == "en":
        QLocale.setDefault(QLocale("en_US"))
        return code
    QLocale.setDefault(spanish_locale())
    ts = translations_dir() / f"tessera_{code}.ts"
    if ts.exists():  # installed first, so asked last
        fallback = BySourceTranslator(app, ts)
        app.installTranslator(fallback)
        _keep.append(fallback)
    for folder in qt_translations_dirs():
        tr = QTranslator(app)
        if tr.load(f"qtbase_{code}", str(folder)):
            app.installTranslator(tr)
            _keep.append(tr)
            break
    else:
        log.warning("no qtbase_%s.qm: Qt's standard buttons stay in English", code)
    tr = QTranslator(app)
    if tr.load(f"tessera_{code}", str(translations_dir())):
        app.installTranslator(tr)
        _keep.append(tr)
    else:
        log.warning("no tessera_%s.qm in %s: Tessera stays in English", code, translations_dir())
    return code


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own catalogues may be: Qt's answer, then beside PySide6 (a PyInstaller bundle
    collects them under PySide6/Qt/translations or PySide6/translations)."""
    import PySide6

    here = Path(PySide6.__file__).resolve().parent
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), here / "Qt" / "translations",
            here / "translations"]  # fmt: skip
