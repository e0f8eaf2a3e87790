"""Write docs/teacher-guide.md: the in-app teacher guide (resources/help/teacher.md) with screenshots,
rendered offscreen from the demo class (``python scripts/teacher_guide.py [docs]``). The screens shared
with the README come from scripts/screenshots.py; this adds the sign-in PINs, the cards and the help."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.bootstrap import open_context  # noqa: E402
from app.demo import DEMO_PASSWORD, DEMO_USERNAME, create_demo  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.plurals import install_plurals  # noqa: E402
from scripts.screenshots import settle  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The pictures after each section's heading (files in docs/).
PICTURES = {
    "Getting started": [("welcome.png", "The welcome screen on the first start")],
    "Class roster": [("teacher-roster.png", "The class roster"),
                     ("guide-pins.png", "Sign-in PINs for the whole class"),
                     ("guide-cards.png", "A page of sign-in cards")],
    "Skills": [("teacher-heatmap.png", "The skills heatmap")],
    "Plans": [("teacher-plans.png", "Plans")],
    "Writing review": [("teacher-writing-review.png", "Writing review")],
    "Sync": [("teacher-sync.png", "The Sync page")],
    "Lab computers and sign-in": [("sign-in.png", "Signing in on a lab computer")],
    "Keys": [("guide-help.png", "This guide inside Tessera (F1)")],
}  # fmt: skip


def render(out: Path) -> None:
    from PySide6.QtPdf import QPdfDocument

    app = QApplication.instance() or QApplication([])
    install_plurals(app)
    ctx = open_context(tempfile.mkdtemp(prefix="tessera-guide-"))
    create_demo(ctx.db)
    w = MainWindow(ctx)
    w.resize(1280, 800)
    w.show()
    w.signed_in(ctx.services.accounts.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD))
    roster = w.area.show_page("roster")
    settle(app)
    roster.class_pins()
    settle(app)
    dlg = roster.pins_dialog
    dlg.only_missing.setChecked(False)
    dlg.set_pins()
    settle(app)
    dlg.grab().save(str(out / "guide-pins.png"))
    cards = Path(tempfile.mkdtemp()) / "cards.pdf"
    dlg.write_cards(str(cards))
    settle(app)
    doc = QPdfDocument()
    doc.load(str(cards))
    doc.render(0, QSize(620, 877)).save(str(out / "guide-cards.png"))
    dlg.accept()
    w.area.show_page("heatmap")
    settle(app)
    w.help_actions[0].trigger()
    settle(app)
    w.help_window.grab().save(str(out / "guide-help.png"))
    w.help_window.close()
    ctx.close()


def write_guide(out: Path) -> Path:
    text = (ROOT / "resources" / "help" / "teacher.md").read_text(encoding="utf-8")
    lines = [
        "<!-- Written by scripts/teacher_guide.py from resources/help/teacher.md (the guide F1 opens). -->",
        "",
    ]
    for line in text.splitlines():
        lines.append(line)
        m = re.match(r"^## (.+)$", line)
        if m:
            for name, alt in PICTURES.get(m.group(1), []):
                lines += ["", f"![{alt}]({name})"]
    path = out / "teacher-guide.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(out_dir: str = "docs") -> None:
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    render(out)
    print(write_guide(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
