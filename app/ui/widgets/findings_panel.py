"""The side panel beside a draft: what the checks found (each with its explanation and one-click
suggestions), the task's checklist with readability figures, and the teacher's comments."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_
from app.ui.language import current as current_language
from app.ui.theme import colour, set_role, tokens
from app.ui.widgets.live_check import CheckOutcome
from app.ui.widgets.writing_editor import COLOURS
from app.writing.checks import GRAMMAR, SPELLING, STYLE, Finding, Readability, RubricCheck
from app.writing.results import CommentInfo

MAX_SUGGESTIONS = 5
CATEGORY_WORDS = {SPELLING: "Spelling", GRAMMAR: "Grammar", STYLE: N_("Style")}
_Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractListModel):
    """Findings as rows: "“freind” · Spelling: Did you mean ...". Qt asks for what it shows, so a
    thousand findings cost nothing until they are scrolled to."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: tuple[Finding, ...] = ()
        self.text = ""

    def set_outcome(self, outcome: CheckOutcome | None) -> None:
        self.beginResetModel()
        self.findings = outcome.result.findings if outcome is not None else ()
        self.text = outcome.text if outcome is not None else ""
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.findings):
            return None
        f = self.findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            words = " ".join(self.text[f.start : f.end].split())
            words = words if len(words) <= 40 else words[:39] + "\u2026"
            return f"\u201c{words}\u201d \u00b7 {CATEGORY_WORDS.get(f.category, f.category)}: {f.message}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return colour(COLOURS.get(f.category, "text"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message
        return None


class FindingsPanel(QTabWidget):
    finding_selected = Signal(int)
    apply_requested = Signal(int, int)  # finding index, suggestion number
    comment_selected = Signal(int)

    def __init__(self, can_apply: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Writing feedback"))
        self.can_apply = can_apply
        self.outcome: CheckOutcome | None = None

        # -- suggestions --------------------------------------------------------------------------
        self.note = QLabel(self.tr("Getting the dictionary ready…"))
        self.note.setAccessibleName(self.tr("Checking status"))
        self.note.setWordWrap(True)
        set_role(self.note, "muted italic")
        self.model = FindingsModel()
        self.list = QListView()
        self.list.setAccessibleName(self.tr("Suggestions"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        # Wrapped rows are laid out a batch at a time, so a thousand findings never freeze the screen.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(40)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._picked(cur.row()))
        self.list.activated.connect(lambda idx: self._apply(idx.row(), 0))
        self.detail = QFrame()
        set_role(self.detail, "card")
        self.message = QLabel("")
        self.message.setAccessibleName(self.tr("Explanation"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for n in range(MAX_SUGGESTIONS):
            b = QPushButton("")
            b.setAccessibleName(self.tr("Suggestion %1").replace("%1", str(n + 1)))
            b.clicked.connect(lambda _c=False, n=n: self._apply(self.list.currentIndex().row(), n))
            b.hide()
            self.buttons.append(b)
            row.addWidget(b)
        row.addStretch(1)
        dv = QVBoxLayout(self.detail)
        dv.addWidget(self.message)
        dv.addLayout(row)
        self.detail.hide()
        self.found_page = found = QWidget()
        fv = QVBoxLayout(found)
        # The checks read English only for now (issue 18): say so where their suggestions show.
        self.english_only = QLabel(
            self.tr("The writing checks read English only for now: their suggestions are in English.")
        )
        self.english_only.setWordWrap(True)
        self.english_only.setVisible(current_language() != "en")
        fv.addWidget(self.english_only)
        fv.addWidget(self.note)
        fv.addWidget(self.list, 1)
        fv.addWidget(self.detail)
        self.addTab(found, self.tr("Suggestions"))

        # -- checklist and readability ------------------------------------------------------------
        self.rubric = QLabel("")
        self.rubric.setAccessibleName(self.tr("Checklist"))
        self.rubric.setWordWrap(True)
        self.rubric.setTextFormat(Qt.TextFormat.RichText)
        self.figures: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (("words", self.tr("Words")), ("sentences", self.tr("Sentences")),
                           ("per_sentence", self.tr("Words per sentence")), ("ease", self.tr("Reading ease")),
                           ("grade", self.tr("School grade level"))):  # fmt: skip
            value = QLabel("\u2014")
            value.setAccessibleName(label)
            self.figures[key] = value
            form.addRow(label + ":", value)
        self.checklist_page = checklist = QWidget()
        cv = QVBoxLayout(checklist)
        title = QLabel(self.tr("<b>Checklist</b>"))
        cv.addWidget(title)
        cv.addWidget(self.rubric)
        readability = QLabel(self.tr("<b>Readability</b>"))
        cv.addWidget(readability)
        cv.addLayout(form)
        cv.addStretch(1)
        self.addTab(checklist, self.tr("Checklist"))

        # -- comments -----------------------------------------------------------------------------
        self.comments = QListWidget()
        self.comments.setAccessibleName(self.tr("Teacher comments"))
        self.comments.setWordWrap(True)
        self.comments.setSpacing(3)
        self.comments.currentRowChanged.connect(lambda r: self.comment_selected.emit(r) if r >= 0 else None)
        self.comments_note = QLabel(self.tr("No comments yet."))
        self.comments_note.setWordWrap(True)
        set_role(self.comments_note, "muted")
        self.comments_page = QWidget()
        mv = QVBoxLayout(self.comments_page)
        mv.addWidget(self.comments_note)
        mv.addWidget(self.comments, 1)
        self.addTab(self.comments_page, self.tr("Comments"))

    # -- filling in -------------------------------------------------------------------------------
    def set_ready(self, ready: bool, message: str = "") -> None:
        self.note.setText(message or ("" if ready else self.tr("Getting the dictionary ready…")))
        self.note.setVisible(bool(message) or not ready)

    def show_outcome(self, outcome: CheckOutcome | None) -> None:
        self.outcome = outcome
        self.model.set_outcome(outcome)
        self.detail.hide()
        n = len(outcome.result.findings) if outcome is not None else 0
        self.setTabText(
            self.indexOf(self.found_page),
            self.tr("Suggestions (%1)").replace("%1", str(n)) if outcome else self.tr("Suggestions"),
        )
        if outcome is not None and outcome.result.truncated:
            self.set_ready(True, self.tr("This is very long: only the first part was checked."))
        elif outcome is not None and not n:
            self.set_ready(True, self.tr("Nothing to suggest right now."))
        elif outcome is not None:
            self.set_ready(True)
        result = outcome.result if outcome is not None else None
        self._show_rubric(result.rubric if result is not None else ())
        self._show_figures(result.readability if result is not None else None)

    def set_comments(self, comments: list[CommentInfo] | tuple[CommentInfo, ...]) -> None:
        self.comments.clear()
        for c in comments:
            quote = " ".join(c.quote.split())
            quote = quote if len(quote) <= 60 else quote[:59] + "\u2026"
            where = "" if c.anchor is not None else self.tr(" (since changed)")
            item = QListWidgetItem(f"\u201c{quote}\u201d{where}\n{c.author_name}: {c.text}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Comment on {quote}: {c.text}")
            self.comments.addItem(item)
        self.comments_note.setText(self.tr("Comments on your writing. Pick one to see its passage.")
                                   if comments else self.tr("No comments yet."))  # fmt: skip
        self.setTabText(self.indexOf(self.comments_page), self.tr("Comments (%1)").replace("%1", str(len(comments)))
                        if comments else self.tr("Comments"))  # fmt: skip

    def select(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    def set_can_apply(self, can_apply: bool) -> None:
        """Whether fixes may be applied: a draft handed in is read-only, so its open finding must stop
        offering them at once, not only when the next one is picked."""
        self.can_apply = can_apply
        self._show_buttons(self.list.currentIndex().row())

    # -- inside -----------------------------------------------------------------------------------
    def _picked(self, row: int) -> None:
        findings = self.model.findings
        if not 0 <= row < len(findings):
            self.detail.hide()
            return
        self.message.setText(findings[row].message)
        self._show_buttons(row)
        self.detail.show()
        self.finding_selected.emit(row)

    def _show_buttons(self, row: int) -> None:
        findings = self.model.findings
        suggestions = findings[row].suggestions if 0 <= row < len(findings) else ()
        for n, b in enumerate(self.buttons):
            has = self.can_apply and n < len(suggestions)
            if has:
                s = suggestions[n]
                b.setText(self.tr("Use “%1”").replace("%1", s) if s else self.tr("Remove it"))
                b.setAccessibleName(self.tr("Use %1").replace("%1", s) if s else self.tr("Remove it"))
            b.setVisible(has)

    def _apply(self, row: int, choice: int) -> None:
        findings = self.model.findings
        if self.can_apply and 0 <= row < len(findings) and choice < len(findings[row].suggestions):
            self.apply_requested.emit(row, choice)

    def _show_rubric(self, checks: tuple[RubricCheck, ...]) -> None:
        if not checks:
            self.rubric.setText(self.tr("Your teacher set no checklist for this task."))
            self.setTabText(self.indexOf(self.checklist_page), self.tr("Checklist"))
            return
        lines = []
        t = tokens()
        for c in checks:
            mark, ink = ("\u2714", t.success) if c.met else ("\u25cb", t.warning)
            lines.append(f"<p style='margin:4px 0'><span style='color:{ink}; font-weight:600'>{mark}</span> "
                         f"<b>{_escape(c.label)}</b><br><span style='color:{t.muted}'>{_escape(c.detail)}</span></p>")  # fmt: skip
        self.rubric.setText("".join(lines))
        met = sum(1 for c in checks if c.met)
        self.setTabText(
            self.indexOf(self.checklist_page),
            self.tr("Checklist %1/%2").replace("%1", str(met)).replace("%2", str(len(checks))),
        )

    def _show_figures(self, r: Readability | None) -> None:
        if r is None or not r.words:
            for label in self.figures.values():
                label.setText("\u2014")
            return
        self.figures["words"].setText(str(r.words))
        self.figures["sentences"].setText(str(r.sentences))
        self.figures["per_sentence"].setText(f"{r.words_per_sentence:.1f}")
        self.figures["ease"].setText(
            f"{r.flesch_reading_ease:.0f} \u00b7 {_ease_words(r.flesch_reading_ease)}"
        )
        self.figures["grade"].setText(f"{max(0.0, r.flesch_kincaid_grade):.1f}")


def _ease_words(score: float) -> str:
    if score >= 80:
        return "very easy to read"
    if score >= 60:
        return "easy to read"
    if score >= 40:
        return "fairly hard to read"
    return "hard to read"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
