"""The Import and Export buttons of a teacher's header, each with its menu. Every job runs in the
background with a progress dialog (app.ui.tasks); the services check who may do what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QToolButton

from app.ui.messages import show_error
from app.ui.tasks import run_with_dialog


class InteropMenus:
    """Builds the two buttons for ``area`` (the signed-in teacher's MainArea)."""

    def __init__(self, area: Any) -> None:
        self.area = area
        self.ctx, self.actor = area.ctx, area.actor
        self.import_button = self._button(area.tr("Import"), "Import")
        menu = QMenu(self.import_button)
        menu.setAccessibleName(self.area.tr("Import menu"))
        menu.addAction(area.tr("Import class list (file)..."), self.import_file)
        menu.addAction(area.tr("Import class list (folder)..."), self.import_folder)
        menu.addAction(area.tr("Import skill framework (CASE)..."), self.import_case)
        self.import_button.setMenu(menu)
        self.export_button = self._button(area.tr("Export"), "Export")
        menu = QMenu(self.export_button)
        menu.setAccessibleName(self.area.tr("Export menu"))
        menu.addAction(area.tr("Gradebook (OneRoster 1.2)..."), lambda: self.export("gradebook"))
        menu.addAction(area.tr("Skills by student (CSV)..."), lambda: self.export("skills"))
        menu.addAction(area.tr("Learning records (xAPI)..."), lambda: self.export("xapi"))
        from app.interop.lrs import client_from_settings

        if client_from_settings(self.ctx.settings) is not None:
            menu.addAction(area.tr("Send learning records to the school's LRS"), self.send_lrs)
        menu.addAction(area.tr("Questions (QTI 3.0)..."), lambda: self.export("qti"))
        menu.addAction(area.tr("Skill framework (CASE)..."), lambda: self.export("case"))
        self.export_button.setMenu(menu)

    def _button(self, text: str, name: str) -> QToolButton:
        b = QToolButton(self.area)
        b.setText(text)
        b.setAccessibleName(self.area.tr(name))
        b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return b

    @property
    def services(self) -> Any:
        return self.ctx.services

    # -- import ------------------------------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.area,
            self.area.tr("Import class list"),
            "",
            self.area.tr("Class lists (*.zip *.csv);;All files (*)"),
        )
        if path:
            self.preview(path)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self.area, self.area.tr("Folder of OneRoster, SDS or Clever files")
        )
        if path:
            self.preview(path)

    def preview(self, path: str, selection: set[str] | None = None, dialog: Any = None) -> None:
        svc = self.services.roster_import
        actor = self.actor

        def work(progress):
            return svc.preview(actor, path, selection, progress=progress)

        def shown(plan) -> None:
            if dialog is not None:
                dialog.show_plan(plan)
                return
            self._open_preview(path, plan)

        run_with_dialog(
            self.area,
            self.area.tr("Reading the class list"),
            work,
            shown,
            lambda exc: show_error(self.area, exc),
            writes=False,
        )

    def _open_preview(self, path: str, plan: Any) -> Any:
        from app.ui.interop.roster_preview import RosterPreviewDialog

        is_admin = self.actor.role == "admin"
        dialog = RosterPreviewDialog(plan, is_admin, self.area)
        dialog.repreview = lambda sel: self.preview(path, sel, dialog)
        dialog.accepted.connect(lambda: self.apply(path, dialog.selection()))
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def apply(self, path: str, selection: set[str] | None) -> None:
        svc = self.services.roster_import
        actor = self.actor

        def work(progress):
            from app.interop.roster_service import save_report

            plan = svc.apply(actor, path, selection, progress=progress)
            report = save_report(plan, path) if actor.role == "admin" else None
            return plan, report

        def done(result) -> None:
            plan, report = result
            c = plan.counts
            text = self.area.tr("Imported: {0} new, {1} updated, {2} archived; {3} rows refused.").format(
                c["created"], c["updated"], c["archived"], c["rejected"]
            )
            if report is not None:
                text += "\n" + self.area.tr("The report is saved beside the file: {0}").format(report.name)
            QMessageBox.information(self.area, self.area.tr("Class list imported"), text)

        run_with_dialog(
            self.area,
            self.area.tr("Importing the class list"),
            work,
            done,
            lambda exc: show_error(self.area, exc),
            writes=True,
        )

    def import_case(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.area, self.area.tr("Import a CASE framework"), "", self.area.tr("CASE package (*.json)")
        )
        if not path:
            return
        svc, actor = self.services.exports, self.actor

        def done(r) -> None:
            QMessageBox.information(
                self.area,
                self.area.tr("Framework imported"),
                self.area.tr("{0} skills in {1} domains: {2} new, {3} updated.").format(
                    r.skills, r.domains, r.created, r.updated
                ),
            )

        run_with_dialog(
            self.area,
            self.area.tr("Importing the framework"),
            lambda p: svc.import_case(actor, path, p),
            done,
            lambda exc: show_error(self.area, exc),
        )

    # -- export ------------------------------------------------------------------------------------
    def _pick_class(self) -> str | None:
        classes = self.ctx.services.roster.my_classes(self.actor)
        if not classes:
            QMessageBox.information(self.area, self.area.tr("Export"), self.area.tr("You have no class yet."))
            return None
        if len(classes) == 1:
            return classes[0].id
        names = [c.name for c in classes]
        name, ok = QInputDialog.getItem(
            self.area, self.area.tr("Export"), self.area.tr("Which class?"), names, 0, False
        )
        return classes[names.index(name)].id if ok else None

    def send_lrs(self) -> None:
        from app.interop.lrs import client_from_settings, cursor_path

        class_id = self._pick_class()
        client = client_from_settings(self.ctx.settings)
        if class_id is None or client is None:
            return
        svc, actor, where = self.services.exports, self.actor, cursor_path(self.ctx.settings, class_id)

        def done(r) -> None:
            QMessageBox.information(
                self.area,
                self.area.tr("Sent"),
                self.area.tr("{0} learning records sent to the LRS.").format(r.rows),
            )

        run_with_dialog(
            self.area,
            self.area.tr("Sending learning records"),
            lambda p: svc.xapi_push(actor, class_id, client, where, progress=p),
            done,
            lambda exc: show_error(self.area, exc),
            writes=False,
        )

    def export(self, what: str) -> None:
        svc, actor = self.services.exports, self.actor
        class_id = self._pick_class() if what in ("gradebook", "skills", "xapi") else ""
        if class_id is None:
            return
        suggest = {
            "gradebook": "gradebook.zip",
            "skills": "skills.csv",
            "xapi": "statements.jsonl",
            "qti": "questions-qti.zip",
            "case": "framework-case.json",
        }[what]
        path, _ = QFileDialog.getSaveFileName(self.area, self.area.tr("Export"), str(Path.home() / suggest))
        if not path:
            return
        jobs = {
            "gradebook": lambda p: svc.gradebook(actor, class_id, path, p),
            "skills": lambda p: svc.skills_csv(actor, class_id, path, p),
            "xapi": lambda p: svc.xapi_folder(actor, class_id, path, p),
            "qti": lambda p: svc.qti(actor, path, progress=p),
            "case": lambda p: svc.case(actor, path, p),
        }

        def done(r) -> None:
            QMessageBox.information(
                self.area,
                self.area.tr("Exported"),
                self.area.tr("Saved {0} ({1} rows).").format(r.path, r.rows),
            )

        run_with_dialog(
            self.area,
            self.area.tr("Exporting"),
            jobs[what],
            done,
            lambda exc: show_error(self.area, exc),
            writes=False,
        )


def add_to_header(area: Any, header: Any) -> InteropMenus | None:
    """For teachers and admins: the two buttons, before the status in the header."""
    if not area.actor.is_teacher:
        return None
    menus = InteropMenus(area)
    header.insertWidget(1, menus.import_button)
    header.insertWidget(2, menus.export_button)
    return menus


__all__ = ["InteropMenus", "add_to_header"]
