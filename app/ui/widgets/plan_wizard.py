"""The guided plan builder: start from you (profile and jagged profile), choose goals (Tessera's
suggestions or your own), choose the path and pace for each, set milestones, check and send."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.people.profiles import ProfileView
from app.planning.levels import MAX_GOALS, PATHS
from app.planning.plans import GoalDraft, MilestoneDraft, PlanDraft, PlanView
from app.planning.suggest import GoalSuggestion, default_milestones
from app.skills import DomainProfile
from app.ui.locale_format import day, day_year
from app.ui.widgets.common import clear_layout
from app.ui.widgets.common import qdate as _qdate
from app.ui.widgets.common import timestamp as _ts
from app.ui.widgets.jagged_profile import peaks

DAY = 86_400.0
DRAFT = Qt.ItemDataRole.UserRole + 1


def _scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def start_lines(
    domains: list[DomainProfile], suggestions: list[GoalSuggestion]
) -> tuple[list[str], list[str]]:
    """(my peaks, ready for next): a skill named as a peak is not also offered as "ready for next"."""
    top = peaks(domains)
    ready = [
        n for s in suggestions if s.source == "gap" and (n := s.title.removeprefix("Master ")) not in top
    ]
    return top, ready[:3]


class StartPage(QWizardPage):
    def __init__(
        self,
        profile: ProfileView,
        domains: list[DomainProfile],
        suggestions: list[GoalSuggestion],
        title: str,
    ) -> None:
        super().__init__()
        self.setTitle(self.tr("Start from you"))
        self.setSubTitle(
            self.tr("A good plan starts from what you are good at, what you love and what matters to you.")
        )

        def line(label: str, items) -> QLabel:
            text = ", ".join(items) if items else self.tr("(not filled in yet: add it on My profile)")
            w = QLabel(f"<b>{label}</b> {text}")
            w.setWordWrap(True)
            return w

        top, ready = start_lines(domains, suggestions)
        layout = QVBoxLayout(self)
        layout.addWidget(line(self.tr("My strengths:"), profile.strengths))
        layout.addWidget(line(self.tr("I love:"), profile.interests))
        layout.addWidget(line(self.tr("What matters to me:"), profile.values))
        layout.addWidget(line(self.tr("My peaks in practice:"), top))
        layout.addWidget(line(self.tr("Ready for next (the skills before them are strong):"), ready))
        self.title_edit = QLineEdit(title or self.tr("My plan"))
        self.title_edit.setAccessibleName(self.tr("Plan title"))
        form = QFormLayout()
        form.addRow(self.tr("&Name your plan:"), self.title_edit)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addStretch(1)


class GoalsPage(QWizardPage):
    def __init__(
        self,
        suggestions: list[GoalSuggestion],
        existing: PlanView | None,
        skills: list[tuple[str, str]],
        peak_names: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose your goals"))
        self.setSubTitle(
            self.tr(
                "Tick up to %1 goals. Tessera suggests skills you are ready for and ideas from "
                "your interests; you can also write your own."
            ).replace("%1", str(MAX_GOALS))
        )
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Goal choices"))
        self.choices.setWordWrap(True)
        for g in existing.goals if existing else ():
            if g.status == "met":
                continue
            draft = GoalDraft(
                g.title,
                g.why,
                list(g.skill_ids),
                g.path,
                g.target_date,
                g.weekly_minutes,
                [MilestoneDraft(m.title, m.due_at, m.id, m.done) for m in g.milestones],
                g.id,
            )
            self._add(draft, self.tr("in your plan now"), checked=g.status == "active")
        for s in suggestions:
            source = (
                self.tr("from your interests")
                if s.source != "gap"
                else self.tr("one of your peaks: make it a mastery")
                if s.title.removeprefix("Master ") in peak_names
                else self.tr("ready for next")
            )  # a peak is not also "ready for next" (start page too)
            self._add(GoalDraft(s.title, s.why, list(s.skill_ids), s.path), source, checked=False)
        self.choices.itemChanged.connect(lambda _i: self._changed())
        self.count = QLabel("")
        self.count.setAccessibleName(self.tr("Goals chosen"))

        self.own_title = QLineEdit()
        self.own_title.setAccessibleName(self.tr("My own goal"))
        self.own_title.setPlaceholderText(self.tr("My own goal, in my words"))
        self.own_skill = QComboBox()
        self.own_skill.setAccessibleName(self.tr("Skill for my own goal"))
        self.own_skill.addItem(self.tr("(no particular skill)"), "")
        for sid, name in skills:
            self.own_skill.addItem(name, sid)
        self.own_add = QPushButton(self.tr("&Add"))
        self.own_add.setAccessibleName(self.tr("Add my own goal"))
        self.own_add.clicked.connect(self.add_own)
        self.own_title.returnPressed.connect(self.add_own)
        own = QHBoxLayout()
        own.addWidget(self.own_title, 2)
        own.addWidget(self.own_skill, 1)
        own.addWidget(self.own_add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choices, 1)
        layout.addWidget(self.count)
        layout.addLayout(own)
        self._changed()

    def _add(self, draft: GoalDraft, source: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(f"{draft.title}  \u2014  {source}\n{draft.why}".rstrip())
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(DRAFT, draft)
        self.choices.addItem(item)
        return item

    def add_own(self) -> None:
        title = self.own_title.text().strip()
        if not title:
            return
        skill = self.own_skill.currentData()
        path = "practice" if skill else "project"
        self._add(
            GoalDraft(title, self.tr("My own goal."), [skill] if skill else [], path), self.tr("my own"), True
        )
        self.own_title.clear()
        self._changed()

    def chosen(self) -> list[GoalDraft]:
        return [
            self.choices.item(i).data(DRAFT)
            for i in range(self.choices.count())
            if self.choices.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _changed(self) -> None:
        n = len(self.chosen())
        self.count.setText(
            self.tr("%1 chosen (1 to %2).").replace("%1", str(n)).replace("%2", str(MAX_GOALS))
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return 1 <= len(self.chosen()) <= MAX_GOALS


class PacePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Path and pace"))
        self.setSubTitle(self.tr("How will you work on each goal, and by when? Minutes a week are optional."))
        self.rows: list[tuple[GoalDraft, QComboBox, QDateEdit, QSpinBox]] = []
        self.inner = QWidget()
        self.form = QVBoxLayout(self.inner)
        QVBoxLayout(self).addWidget(_scroll(self.inner))

    def initializePage(self) -> None:
        clear_layout(self.form)
        self.rows = []
        for g in self.wizard().goals:  # type: ignore[attr-defined]  # the PlanWizard
            box = QGroupBox(g.title)
            path = QComboBox()
            path.setAccessibleName(self.tr("Path for %1").replace("%1", str(g.title)))
            for key, label in PATHS.items():
                path.addItem(self.tr(label), key)
            path.setCurrentIndex(list(PATHS).index(g.path) if g.path in PATHS else 0)
            date = QDateEdit(_qdate(g.target_date or time.time() + 42 * DAY))
            date.setDisplayFormat("d MMM yyyy")
            date.setCalendarPopup(True)
            date.setMinimumDate(QDate.currentDate())
            date.setAccessibleName(self.tr("Target date for %1").replace("%1", str(g.title)))
            minutes = QSpinBox()
            minutes.setRange(0, 600)
            minutes.setSingleStep(5)
            minutes.setSuffix(self.tr(" min a week"))
            minutes.setSpecialValueText(self.tr("no weekly target"))
            minutes.setValue(g.weekly_minutes)
            minutes.setAccessibleName(self.tr("Minutes a week for %1").replace("%1", str(g.title)))
            form = QFormLayout(box)
            form.addRow(self.tr("Path:"), path)
            form.addRow(self.tr("Target date:"), date)
            form.addRow(self.tr("Pace:"), minutes)
            self.form.addWidget(box)
            self.rows.append((g, path, date, minutes))
        self.form.addStretch(1)

    def validatePage(self) -> bool:
        for g, path, date, minutes in self.rows:
            g.path = path.currentData()
            g.target_date = _ts(date.date())
            g.weekly_minutes = minutes.value()
        return True


class MilestonesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Milestones"))
        self.setSubTitle(
            self.tr(
                "Small steps with dates, so you and your teacher can see you moving. "
                "Edit the suggestions: double-click a step to change it."
            )
        )
        self.tables: list[tuple[GoalDraft, QTableWidget]] = []
        self.inner = QWidget()
        self.form = QVBoxLayout(self.inner)
        QVBoxLayout(self).addWidget(_scroll(self.inner))

    def initializePage(self) -> None:
        clear_layout(self.form)
        self.tables = []
        now = time.time()
        for g in self.wizard().goals:  # type: ignore[attr-defined]  # the PlanWizard
            if not g.milestones:
                g.milestones = [
                    MilestoneDraft(t, due) for t, due in default_milestones(g.path, now, g.target_date)
                ]
            box = QGroupBox(g.title)
            table = QTableWidget(0, 2)
            table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
            table.setAccessibleName(self.tr("Milestones for %1").replace("%1", str(g.title)))
            table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("By")])
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            for m in g.milestones:
                self._add_row(table, m.title, m.due_at or g.target_date, m.id, m.done)
            add = QPushButton(self.tr("Add a step"))
            add.setAccessibleName(self.tr("Add a milestone to %1").replace("%1", str(g.title)))
            add.clicked.connect(
                lambda _c=False, t=table, gd=g: self._add_row(t, self.tr("New step"), gd.target_date)
            )
            remove = QPushButton(self.tr("Remove step"))
            remove.setAccessibleName(self.tr("Remove the chosen milestone of %1").replace("%1", str(g.title)))
            remove.clicked.connect(
                lambda _c=False, t=table: t.currentRow() >= 0 and t.removeRow(t.currentRow())
            )
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            layout = QVBoxLayout(box)
            layout.addWidget(table)
            layout.addLayout(buttons)
            table.setMinimumHeight(150)
            self.form.addWidget(box)
            self.tables.append((g, table))
        self.form.addStretch(1)

    @staticmethod
    def _add_row(table: QTableWidget, title: str, due: float, mid: str = "", done: bool = False) -> None:
        row = table.rowCount()
        table.insertRow(row)
        item = QTableWidgetItem(title)
        item.setData(DRAFT, (mid, done))
        table.setItem(row, 0, item)
        date = QDateEdit(_qdate(due or time.time() + 14 * DAY))
        date.setDisplayFormat("d MMM yyyy")
        date.setCalendarPopup(True)
        date.setAccessibleName(QCoreApplication.translate("plan_wizard", "Milestone date"))
        table.setCellWidget(row, 1, date)

    def validatePage(self) -> bool:
        for g, table in self.tables:
            out = []
            for r in range(table.rowCount()):
                item = table.item(r, 0)
                mid, done = item.data(DRAFT) or ("", False)
                if item.text().strip():
                    due = table.cellWidget(r, 1).date()  # type: ignore[attr-defined]  # a QDateEdit
                    out.append(MilestoneDraft(item.text().strip(), _ts(due), mid, done))
            g.milestones = out
        return True


class ReviewPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Check and send"))
        self.setSubTitle(self.tr("This is your plan. You can change it later; your teacher will see it."))
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Plan summary"))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.send = QCheckBox(self.tr("Send it to my teacher now"))
        self.send.setAccessibleName(self.tr("Send to my teacher now"))
        self.send.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(_scroll(self.summary), 1)
        layout.addWidget(self.send)

    def initializePage(self) -> None:
        parts = []
        for g in self.wizard().goals:  # type: ignore[attr-defined]  # the PlanWizard
            pace = day_year(g.target_date) if g.target_date else ""
            if g.weekly_minutes:
                pace += (" \u00b7 " if pace else "") + self.tr("%1 min a week").replace(
                    "%1", str(g.weekly_minutes)
                )
            steps = "".join(f"<li>{m.title} ({day(m.due_at)})</li>" for m in g.milestones)
            parts.append(
                f"<h3>{g.title}</h3><p>{g.why}<br><i>{self.tr(PATHS.get(g.path, g.path))}, "
                f"{self.tr('by')} {pace}</i></p><ul>{steps}</ul>"
            )
        self.summary.setText("".join(parts))


class PlanWizard(QWizard):
    def __init__(
        self,
        profile: ProfileView,
        domains: list[DomainProfile],
        suggestions: list[GoalSuggestion],
        existing: PlanView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My plan"))
        self.setAccessibleName(self.tr("Plan builder"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(760, 600)
        self.goals: list[GoalDraft] = []
        skills = [(s.skill_id, s.name) for d in domains for s in d.skills]
        self.start = StartPage(profile, domains, suggestions, existing.title if existing else "")
        self.choose = GoalsPage(suggestions, existing, skills, set(peaks(domains)))
        self.pace = PacePage()
        self.milestones = MilestonesPage()
        self.review = ReviewPage()
        for page in (self.start, self.choose, self.pace, self.milestones, self.review):
            self.addPage(page)
        self.choose.validatePage = self._take_goals  # type: ignore[method-assign]

    def _take_goals(self) -> bool:
        self.goals = self.choose.chosen()
        return True

    def plan_draft(self) -> PlanDraft:
        return PlanDraft(self.start.title_edit.text().strip() or self.tr("My plan"), list(self.goals))

    @property
    def submit_now(self) -> bool:
        return self.review.send.isChecked()
