"""A quick check-in: mood and energy on friendly scales and an optional sentence, in a few seconds;
the student's own last two weeks below. Only the student and their teachers see it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.planning.checkins import ENERGY_WORDS, MOOD_WORDS, daily_trend
from app.ui import a11y
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import clock
from app.ui.messages import error_text
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.scales import ScalePicker
from app.ui.widgets.trend_chart import TrendChart


class CheckInPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.service = ctx.services.checkins
        self._loads = Latest()
        title = QLabel(self.tr("Check in"))
        set_role(title, "title")
        self.off = QLabel(self.tr("Check-ins are switched off at your school."))
        self.off.setAccessibleName(self.tr("Check-ins switched off"))
        self.off.hide()

        mood_words = {k: self.tr(v) for k, v in MOOD_WORDS.items()}
        energy_words = {k: self.tr(v) for k, v in ENERGY_WORDS.items()}
        self.mood = ScalePicker("mood", mood_words, "Mood")
        self.energy = ScalePicker("energy", energy_words, "Energy")
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("One sentence (optional)"))
        self.note.setPlaceholderText(self.tr("Anything you want to add? (optional)"))
        self.note.setMaxLength(280)
        self.note.returnPressed.connect(self.submit)
        self.send = QPushButton(self.tr("&Check in"))
        set_icon(self.send, "check", "on_accent")
        set_role(self.send, "primary")
        self.send.setAccessibleName(self.tr("Check in"))
        self.send.setEnabled(False)
        self.send.clicked.connect(self.submit)
        self.status = a11y.live(QLabel(""))  # messages said as they change
        self.status.setAccessibleName(self.tr("Check-in status"))
        self.mood.changed.connect(lambda _v: self._ready())
        self.energy.changed.connect(lambda _v: self._ready())

        form = QGroupBox()
        fl = QVBoxLayout(form)
        fl.addWidget(QLabel(self.tr("<b>How are you feeling today?</b>")))
        fl.addWidget(self.mood)
        fl.addWidget(QLabel(self.tr("<b>How is your energy?</b>")))
        fl.addWidget(self.energy)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.send)
        fl.addLayout(row)
        fl.addWidget(self.status)
        private = QLabel(self.tr("Only you and your teachers see your check-ins."))
        set_role(private, "muted")
        fl.addWidget(private)
        self.form = form

        self.chart = TrendChart("My check-ins, last two weeks")
        history = QGroupBox(self.tr("My last two weeks"))
        QVBoxLayout(history).addWidget(self.chart)
        self.history = history

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.off)
        layout.addWidget(form)
        layout.addWidget(history, 1)
        self.lazy = LazyRefresh(self, bus, Kind.CHECKINS, self.refresh)
        self.refresh()

    def _ready(self) -> None:
        self.send.setEnabled(bool(self.mood.value() and self.energy.value()))

    def refresh(self) -> None:
        a, svc = self.actor, self.service

        def work(_p):
            if not svc.enabled(a):
                return None
            return svc.done_today(a), svc.for_student(a, a.person_id, days=14)

        # Loads run in parallel: the first one finishing after the reload that follows a check-in would
        # show a trend without it.
        run_task(work, self._loads(self._show), lambda e: self.status.setText(error_text(e)), owner=self)

    def _show(self, data) -> None:
        enabled = data is not None
        self.off.setVisible(not enabled)
        self.form.setVisible(enabled)
        self.history.setVisible(enabled)
        if enabled:
            done, items = data
            self.chart.set_days(daily_trend(items))
            if done and not self.status.text():
                last = items[-1]
                self.status.setText(
                    self.tr("You checked in today at %1. You can check in again if things change.").replace(
                        "%1", clock(last.at)
                    )
                )
        self.loaded.emit()

    def submit(self) -> None:
        mood, energy, note = self.mood.value(), self.energy.value(), self.note.text()
        if not (mood and energy):
            self.status.setText(self.tr("Choose how you feel and your energy first."))
            return
        self.send.setEnabled(False)
        run_task(
            lambda _p: self.service.record(self.actor, mood, energy, note),
            self._saved,
            self._failed,
            writes=True,
            owner=self,
        )

    def _saved(self, view) -> None:
        self.status.setText(self.tr("Thanks! Checked in at %1.").replace("%1", clock(view.at)))
        self.note.clear()
        self.mood.set_value(0)
        self.energy.set_value(0)
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        self._ready()
