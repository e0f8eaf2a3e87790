"""``--self-test``: build the demo class if needed, open each main screen for a teacher and a
student, render it, and report. Exit code 0 only if every step passed."""

from __future__ import annotations

import sys
import time
import traceback

from app.bootstrap import AppContext
from app.demo import DEMO_PASSWORD, DEMO_PIN, DEMO_USERNAME, create_demo


def run_self_test(app, ctx: AppContext) -> int:  # noqa: ANN001
    from app.ui.main_window import MainArea, MainWindow
    from app.ui.tasks import wait_idle

    failures = []
    t0 = time.perf_counter()

    def step(name: str, fn) -> None:  # noqa: ANN001
        try:
            fn()
            app.processEvents()
            print(f"ok   {name}")
        except Exception:  # noqa: BLE001
            failures.append(name)
            print(f"FAIL {name}\n{traceback.format_exc()}", file=sys.stderr)

    if not ctx.services.accounts.has_teacher():
        step("create demo class", lambda: create_demo(ctx.db))
    window = MainWindow(ctx)
    window.resize(1280, 720)
    window.show()
    accounts = ctx.services.accounts

    def open_all(actor) -> None:  # noqa: ANN001
        window.signed_in(actor)
        area: MainArea = window.area  # type: ignore[assignment]
        for key, _title, _spec in area.specs:
            page = area.show_page(key)
            app.processEvents()
            wait_idle()
            app.processEvents()
            if page.grab().isNull():
                raise RuntimeError(f"page {key} did not render")
            for _ in range(2):  # what the loads brought is laid out before it is measured
                wait_idle()
                app.processEvents()
            look_problems(key, window)

    def teacher() -> None:
        open_all(accounts.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD))

    def student() -> None:
        klass = accounts.sign_in_classes()[0]
        first = accounts.sign_in_students(klass.id)[0]
        open_all(accounts.sign_in_student(klass.id, first.id, DEMO_PIN))

    step("teacher screens", teacher)
    step("sign out", window.sign_out)
    step("student screens", student)
    window.close()
    wait_idle()
    print(f"self-test {'passed' if not failures else 'FAILED'} in {time.perf_counter() - t0:.1f} s")
    return 0 if not failures else 1


def look_problems(key: str, window) -> None:  # noqa: ANN001
    """In the scheme and text size in use (``--theme``, ``--text-scale``): every text at least 4.5:1
    against what is painted behind it, and no label or button cut."""
    from app.ui.theme import current_scale, current_scheme
    from app.ui.theme.audit import clipped_text, measure_text

    texts = measure_text(window)
    low = [t for t in texts if t.ratio < 4.5]
    cut = clipped_text(window)
    lowest = min((t.ratio for t in texts), default=0.0)
    print(
        f"     {key}: {current_scheme()} {current_scale()}%, lowest contrast {lowest:.2f}:1, {len(cut)} cut"
    )
    if low or cut:
        words = [f"{t.widget} {t.ratio}:1" for t in low] + [
            f"{c.widget} cut ({c.given} of {c.needed} px)" for c in cut
        ]
        raise RuntimeError(f"page {key}: " + "; ".join(words))
