"""A "Read aloud" button for a student page, shown when the teacher turned read aloud on for that
student (profile.read_aloud). Its shortcut reads or stops from anywhere on the page; the word being
read is highlighted where it is on screen (app/ui/speech.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import a11y
from app.ui.speech import Reader, SpeechEngine, make_engine

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.people.actor import Actor

log = logging.getLogger(__name__)
Parts = Callable[[], list[tuple[QWidget, str]]]


def read_aloud_on(ctx: AppContext, actor: Actor) -> bool:
    """Whether this student's teacher turned read aloud on (never for teachers: they have no profile)."""
    if not actor.is_student:
        return False
    try:
        return ctx.services.profiles.get(actor, actor.person_id).read_aloud
    except Exception:  # noqa: BLE001  # a setting that cannot be read leaves the page as it was
        log.warning("could not read the read-aloud setting", exc_info=True)
        return False


class ReadAloud(QWidget):
    """The button (Read aloud / Stop reading) and a line that says when this computer cannot speak."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        parts: Parts,
        page: QWidget,
        text: str = "",
        name: str = "",
        shortcut: str = "Ctrl+R",
        engine: SpeechEngine | None = None,
    ) -> None:
        super().__init__(page)
        self.parts = parts
        self.engine = engine
        self.reader: Reader | None = None
        self.name = name or self.tr("Read aloud")
        self.label = text or self.tr("&Read aloud")
        self.button = QPushButton(self.label)
        self.button.setAccessibleName(self.name)
        self.button.setAccessibleDescription(
            self.tr("Reads it out and highlights each word. Shortcut: %1").replace(
                "%1", QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.button.clicked.connect(self.toggle)
        self.note = QLabel("")
        self.note.setAccessibleName(self.tr("Read aloud message"))
        self.note.setWordWrap(True)
        self.note.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(self.note, 1)
        self.shortcut = QShortcut(QKeySequence(shortcut), page, activated=self.toggle)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        enabled = read_aloud_on(ctx, actor)
        self.setVisible(enabled)
        self.shortcut.setEnabled(enabled)

    def tab_after(self, widget: QWidget) -> None:
        """Tab goes from ``widget`` to the button (once the page is in its window: Qt orders Tab only
        within one window)."""
        QTimer.singleShot(0, self, lambda: QWidget.setTabOrder(widget, self.button))

    def tab_before(self, widget: QWidget) -> None:
        """Tab comes to the button just before ``widget``, and goes on from ``widget`` as before."""

        def place() -> None:
            stop: QWidget | None = widget.previousInFocusChain()
            while (
                stop is not None
                and stop is not widget
                and (
                    not stop.focusPolicy() & Qt.FocusPolicy.TabFocus
                    or stop is self.button
                    or self.isAncestorOf(stop)
                )
            ):
                stop = stop.previousInFocusChain()
            after = widget.nextInFocusChain()
            if stop is None or after is None:
                return
            QWidget.setTabOrder(stop, self.button)
            QWidget.setTabOrder(self.button, widget)
            QWidget.setTabOrder(widget, after)

        QTimer.singleShot(0, self, place)

    def toggle(self) -> None:
        if self.reader is not None and self.reader.reading:
            self.reader.stop()
            return
        if self.reader is None:
            engine = self.engine or make_engine(self)
            if engine is None:
                self.note.show()
                a11y.announce(
                    self.note,
                    self.tr("This computer has no speech voice installed, so nothing can be read aloud."),
                )
                return
            self.engine = engine
            self.reader = Reader(engine, self)
            self.reader.finished.connect(self._finished)
        self.reader.read(self.parts())
        if self.reader.reading:
            self.button.setText(self.tr("&Stop reading"))
            self.button.setAccessibleName(self.tr("Stop reading"))

    def _finished(self) -> None:
        self.button.setText(self.label)
        self.button.setAccessibleName(self.name)

    def stop(self) -> None:
        """Stop reading (the page changed what is on screen)."""
        if self.reader is not None:
            self.reader.stop()
