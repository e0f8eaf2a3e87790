"""A teacher made by a roster import signs in on screen for the first time: the sign-in screen asks
them to choose a password (twice, at least 8 characters), then signs them in."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.people.actor import SYSTEM
from app.ui.tasks import wait_idle


def test_first_sign_in_chooses_a_password(qtbot, ctx, fixtures):
    ctx.services.roster_import.apply(SYSTEM, fixtures / "or11")  # June Park, j.park, no password
    from app.ui.first_password import FirstPasswordDialog
    from app.ui.signin import SignInScreen

    screen = SignInScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    seen = []

    def answer() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, FirstPasswordDialog) and w.isVisible()
        )
        dialog.grab().save("/tmp/interop-first-password.png")
        dialog.first.setText("short")
        dialog.second.setText("short")
        dialog._check()
        seen.append(dialog.message.text())  # refused: too short, the dialog stays
        dialog.first.setText("june-park-2026")
        dialog.second.setText("june-park-2026")
        dialog._check()

    QTimer.singleShot(0, lambda: QTimer.singleShot(300, answer))
    screen.username.setText("j.park")
    screen.password.setText("")
    with qtbot.waitSignal(screen.signed_in, timeout=60_000) as got:
        screen._teacher_sign_in()
    wait_idle()
    assert "8 characters" in seen[0]
    assert got.args[0].name == "June Park"
    assert ctx.services.accounts.sign_in_teacher("j.park", "june-park-2026").name == "June Park"
