"""Judge from work: a teacher gives levels on skills from one piece of a student's work (an essay, a
challenge deliverable, plan evidence, or what they saw in class). Rows come from where it opens: the
skill detail (one skill), the writing review (one row per rubric criterion, mapped to a writing skill),
a challenge board (the challenge's rubric, its own level words; every team member is judged), a plan's
evidence. Each row left at "Not judged" gives nothing. The judgements are saved on the write worker
(app/ui/tasks.py); the dialog closes once every one is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.evidence.rubric_skills import JudgeRow
from app.evidence.service import EvidenceOption, EvidenceRef
from app.people.actor import Actor
from app.planning.levels import LEVELS
from app.ui.messages import error_text
from app.ui.tasks import run_task
from app.ui.theme import set_role


class JudgeDialog(QDialog):
    def __init__(
        self,
        services,  # noqa: ANN001  (the app's Services)
        actor: Actor,
        students: list[tuple[str, str]],  # (id, name): one, or every member of a team
        rows: list[JudgeRow],
        evidence: list[EvidenceOption],  # choices, the first selected; one: fixed
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.judgements = services.judgements
        self.actor, self.students, self.rows = actor, students, rows
        self.given: list = []
        # What is saved already, by (student, skill, level, evidence kind, evidence id, note): Save again
        # after a failure gives only the rest, so no judgement is given twice.
        self._done: set[tuple[str, str, int, str, str, str]] = set()
        self._saving = False
        names = ", ".join(n for _, n in students)
        self.setWindowTitle(self.tr("Judge from work"))
        self.setAccessibleName(self.tr("Judge from work"))
        heading = QLabel(self.tr("Levels for %1, from their work").replace("%1", names) if len(students) == 1
                         else self.tr("Each member of the team gets these levels: %1").replace("%1", names))  # fmt: skip
        heading.setWordWrap(True)
        set_role(heading, "subheading")
        self.evidence = QComboBox()
        self.evidence.setAccessibleName(self.tr("The work it comes from"))
        for opt in evidence:
            self.evidence.addItem(opt.label, opt)
        self.evidence.setEnabled(len(evidence) > 1)
        fixed = QLabel(evidence[0].label if evidence else "")
        fixed.setAccessibleName(self.tr("The work it comes from"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note for the student"))
        self.note.setPlaceholderText(self.tr("What in the work shows it (the student sees this)"))
        self.note.setMaxLength(1000)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.evidence if len(evidence) > 1 else fixed)
        form.addRow(self.tr("&Note:"), self.note)
        if len(evidence) > 1:
            form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.evidence)
        form.itemAt(1, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.note)

        box = QGroupBox(self.tr("Skills"))
        grid = QGridLayout(box)
        for c, title in enumerate((self.tr("What the work shows"), self.tr("Skill"), self.tr("Level"))):
            h = QLabel(f"<b>{title}</b>")
            grid.addWidget(h, 0, c)
        self.skill_boxes: list[QComboBox | str] = []  # a chooser, or the one skill the row counts for
        self.level_boxes: list[QComboBox] = []
        for r, row in enumerate(rows, start=1):
            label = QLabel(row.label)
            if len(row.skills) > 1:
                choice = QComboBox()
                choice.setAccessibleName(self.tr("Skill for %1").replace("%1", str(row.label)))
                for kid, name in row.skills:
                    choice.addItem(name, kid)
                skill: QComboBox | str = choice
                shown: QWidget = choice
            else:
                skill = row.skills[0][0]
                shown = QLabel(row.skills[0][1])
            level = QComboBox()
            level.setAccessibleName(self.tr("Level for %1").replace("%1", str(row.label)))
            level.addItem(self.tr("Not judged"), 0)
            for n, (name, words) in LEVELS.items():
                desc = row.levels[n - 1] if row.levels else words
                level.addItem(f"{n} {self.tr(name)}: {desc}", n)
            level.setMinimumContentsLength(28)
            grid.addWidget(label, r, 0)
            grid.addWidget(shown, r, 1)
            grid.addWidget(level, r, 2)
            self.skill_boxes.append(skill)
            self.level_boxes.append(level)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        if not rows:
            grid.addWidget(QLabel(self.tr("This work names no skills to judge.")), 1, 0, 1, 3)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Judging status"))
        set_role(self.status, "error")
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save judgements"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(self.tr("Save judgements"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addLayout(form)
        outer.addWidget(box, 1)
        outer.addWidget(self.status)
        outer.addWidget(buttons)
        self.setMinimumWidth(820)
        if self.level_boxes:
            self.level_boxes[0].setFocus()

    def grid_label(self, row: int) -> str:
        """What row ``row`` asks (for tests and screen readers' summaries)."""
        return self.rows[row].label

    def set_level(self, row: int, level: int) -> None:
        box = self.level_boxes[row]
        box.setCurrentIndex(box.findData(level))

    def chosen(self) -> list[tuple[str, int]]:
        """(skill id, level) of every row given a level."""
        return [(s if isinstance(s, str) else s.currentData(), lv.currentData())
                for s, lv in zip(self.skill_boxes, self.level_boxes) if lv.currentData()]  # fmt: skip

    def save(self) -> None:
        """Save the levels chosen, off the UI thread. On a failure the dialog stays open with every
        choice as it was and says how many were saved; Save again gives the rest."""
        if self._saving:
            return
        chosen = self.chosen()
        if not chosen:
            set_role(self.status, "error")
            self.status.setText(self.tr("Choose a level for at least one skill, or Cancel."))
            return
        opt: EvidenceOption = self.evidence.currentData()
        ref, note = EvidenceRef(opt.kind, opt.id), self.note.text()
        keys = [
            (sid, kid, level, opt.kind, opt.id, note) for sid, _name in self.students for kid, level in chosen
        ]
        todo = [k for k in keys if k not in self._done]
        judge, actor = self.judgements.judge, self.actor
        saved: list = []  # (key, judgement): filled on the worker, read here once it has finished

        def work(_progress: object) -> None:
            for key in todo:
                sid, kid, level = key[:3]
                saved.append((key, judge(actor, sid, kid, ref, level=level, note=note)))

        self._set_saving(True)
        set_role(self.status, "muted")
        self.status.setText(self.tr("Saving…"))
        run_task(work, lambda _r: self._saved(saved), lambda e: self._failed(e, saved, keys),
                 writes=True, owner=self)  # fmt: skip

    def _take(self, saved: list) -> None:
        for key, judgement in saved:
            self._done.add(key)
            self.given.append(judgement)

    def _saved(self, saved: list) -> None:
        self._take(saved)
        self._set_saving(False)
        self.status.setText("")
        self.accept()

    def _failed(self, exc: BaseException, saved: list, keys: list) -> None:
        # What was saved stays saved (each judgement is its own unit of work) and is remembered.
        self._take(saved)
        self._set_saving(False)
        set_role(self.status, "error")
        done = sum(1 for key in keys if key in self._done)
        self.status.setText(
            error_text(exc) + " " + self.tr("Saved %1 of %2. Your choices are kept: Save judgements tries "
                                            "the rest again.").replace("%1", str(done)).replace("%2", str(len(keys)))
        )  # fmt: skip

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self.buttons.buttons():
            button.setEnabled(not saving)

    def reject(self) -> None:
        if self._saving:  # Escape while saving: the dialog closes when the save is done or says why not
            return
        super().reject()
