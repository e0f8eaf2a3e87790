"""Drives a running Tessera over the AT-SPI accessibility bus, as a screen reader user's tools would: it
finds controls by role and accessible name only, signs the first demo student in and answers one practice
question. Run by tests/ui/test_atspi_smoke.py with the system's Python (pyatspi is a Debian package, not a
wheel); prints one JSON line with what it saw, exits non-zero with the step that failed."""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

TIMEOUT = float(__import__("os").environ.get("ATSPI_TIMEOUT", "90"))
steps: list[str] = []


APP = []


def fail(message: str) -> None:
    seen = []
    try:  # what was on screen: the reader of a failure needs it
        for a in (a for a in walk(APP[0]) if matches(a, lambda a: showing(a) and bool(a.name))):
            seen.append(
                f"{a.getRoleName()} {a.name}" + (f": {text_of(a)[:80]}" if a.getRoleName() == "label" else "")
            )
    except Exception:  # noqa: BLE001
        pass
    if not seen and APP:
        seen = [
            f"(hidden) {a.getRoleName()} {a.name}"
            for a in list(walk(APP[0]))[:60]
            if matches(a, lambda a: a.name)
        ]
    print(json.dumps({"ok": False, "failed_at": message, "steps": steps, "labels": seen[:60]}))
    sys.exit(1)


def walk(acc, depth: int = 0):  # noqa: ANN001, ANN201
    """Every descendant that still answers; one that went away mid-walk is skipped, not fatal."""
    if depth > 40:
        return
    try:
        n = acc.childCount
    except Exception:  # noqa: BLE001
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:  # noqa: BLE001
            continue
        if child is None:
            continue
        yield child
        yield from walk(child, depth + 1)


def matches(acc, test) -> bool:  # noqa: ANN001
    try:
        return bool(test(acc))
    except Exception:  # noqa: BLE001
        return False


def showing(acc) -> bool:  # noqa: ANN001
    try:
        return acc.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:  # noqa: BLE001  # a control that went away meanwhile
        return False


def wait_for(root, role: str, name: str | None = None, test=None, timeout: float = TIMEOUT):  # noqa: ANN001, ANN201
    """The first showing descendant of ``root`` with this role (and name, and passing ``test``)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = next(
            (
                a
                for a in walk(root)
                if matches(
                    a,
                    lambda a: (
                        a.getRoleName() == role
                        and (name is None or a.name == name)
                        and showing(a)
                        and (test is None or test(a))
                    ),
                )
            ),
            None,
        )
        if found is not None:
            return found
        time.sleep(0.3)
    fail(f"no {role} named {name!r} on screen")
    return None


def text_of(acc) -> str:  # noqa: ANN001
    """What a label says: Tessera's labels keep their name (what they are) and say their text as the
    description (app/ui/a11y.py)."""
    return acc.description or ""


def enabled(acc) -> bool:  # noqa: ANN001
    return acc.getState().contains(pyatspi.STATE_SENSITIVE)


def press(root, role: str, name: str) -> None:  # noqa: ANN001
    """Press the showing, enabled control; again if the screen was rebuilt under it meanwhile."""
    for _ in range(5):
        acc = wait_for(root, role, name, test=enabled)
        try:
            action = acc.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
            action.doAction(names.index("Press") if "Press" in names else 0)
            return
        except Exception:  # noqa: BLE001  # gone under us (the sign-in screen is replaced once the class is open)
            time.sleep(0.5)
    fail(f"could not press {role} {name!r}")


def pick(list_acc, item_name: str | None = None) -> str:  # noqa: ANN001
    """Choose an item of a list as the keyboard would: focus it and select it."""
    for i in range(list_acc.childCount):
        item = list_acc.getChildAtIndex(i)
        if item is not None and (item_name is None or item.name == item_name):
            item.queryComponent().grabFocus()
            list_acc.querySelection().selectChild(i)
            return item.name
    fail(f"no item {item_name!r} in {list_acc.name!r}")
    return ""


def main() -> None:
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + TIMEOUT
    app = None
    while app is None and time.monotonic() < end:
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name == "Tessera":
                app = a
        time.sleep(0.3)
    if app is None:
        fail("Tessera is not on the accessibility bus")
    steps.append("app")
    APP.append(app)
    wait_for(app, "push button", "Sign in as student", test=enabled)  # the class is open
    names = wait_for(app, "list", "Your name", test=lambda a: a.childCount > 0)
    student = pick(names)
    steps.append(f"picked {student}")
    pin = wait_for(app, "password text", "PIN")
    pin.queryEditableText().setTextContents("1234")
    press(app, "push button", "Sign in as student")
    steps.append("signed in")
    nav = wait_for(app, "list", "Navigation")
    pick(nav, "Practice")
    press(app, "push button", "Start practice")
    steps.append("practice started")
    question = wait_for(app, "label", "Question", test=lambda a: bool(text_of(a).strip()))
    asked = text_of(question)
    radios = []
    try:
        radios = [
            r
            for r in walk(app)
            if matches(
                r, lambda a: a.getRoleName() == "radio button" and showing(a) and a.name.startswith("Answer ")
            )
        ]
    except Exception:  # noqa: BLE001
        radios = []
    if radios:
        answer = radios[0].name
        press(app, "radio button", answer)
    else:
        box = wait_for(app, "text", "Your answer")
        box.queryEditableText().setTextContents("1")
        answer = "1"
    steps.append("answered")
    press(app, "push button", "Check my answer")
    feedback = wait_for(app, "label", "Feedback", test=lambda a: bool(text_of(a).strip()))
    print(json.dumps({"ok": True, "student": student, "question": asked, "answer": answer,
                      "feedback": text_of(feedback), "steps": steps}))  # fmt: skip


if __name__ == "__main__":
    main()
