#!/usr/bin/python3
# check-atspi.py — the deadline calculator as a screen reader (Orca) sees it
# through AT-SPI: Ctrl+D in the main window opens a window whose role is
# "dialog" (not a second main window or a "filler"), that is modal, that is
# reported active when shown, and whose first date field reports the focus. Run by tests/atspi-session.sh (Xvfb,
# openbox, a private D-Bus session with at-spi2-core). TAP output.
#   check-atspi.py APP

import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

TIMEOUT = 20  # seconds: a busy machine with sanitizers; no sleeping for timing

events = []


def on_event(event):
    try:
        events.append((event.type, event.source.getRoleName(), event.source.name, event.detail1))
    except Exception:  # the object went away meanwhile
        pass


def wait_for(what, condition):
    """Runs the main loop until condition() holds; fails after TIMEOUT."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        context.iteration(False)
        time.sleep(0.02)
    print("not ok - timed out waiting for %s" % what)
    print("# events: %r" % events)
    sys.exit(1)


def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def window(app, role):
    for child in app:
        if child is not None and child.getRoleName() == role:
            return child
    return None


def states(accessible):
    return {pyatspi.stateToString(s) for s in accessible.getState().getStates()}


TEXT_ROLES = ("text", "entry")


def focused_field(accessible, depth=0):
    """The focused named text field under accessible, or None."""
    if (accessible.getRoleName() in TEXT_ROLES and accessible.name
            and "focused" in states(accessible)):
        return accessible
    if depth < 40:
        for child in accessible:
            found = child is not None and focused_field(child, depth + 1)
            if found:
                return found
    return None


def main():
    build_env = dict(os.environ,
                     GDK_BACKEND="x11", GSK_RENDERER="cairo",
                     GDK_DEBUG="gl-disable", ADW_DISABLE_PORTAL="1")
    if os.environ.get("RH_APP_G_DEBUG"):
        build_env["G_DEBUG"] = os.environ["RH_APP_G_DEBUG"]
    for kind in ("object:state-changed:active", "object:state-changed:focused"):
        pyatspi.Registry.registerEventListener(on_event, kind)

    print("1..5")
    app_process = subprocess.Popen([sys.argv[1]], env=build_env)
    try:
        app = wait_for("the app on the accessibility bus", lambda: find_app(app_process.pid))
        main_window = wait_for("the main window, active",
                               lambda: (lambda w: w if w is not None and "active" in states(w) else None)
                               (window(app, "frame")))
        print("ok 1 - the main window is a frame, reported active")

        subprocess.run(["xdotool", "key", "ctrl+d"], check=True)
        dialog = wait_for("a window with the role dialog", lambda: window(app, "dialog"))
        print("ok 2 - Ctrl+D opens a window with the role dialog: %s" % dialog.name)

        if "modal" not in states(dialog):
            print("not ok 3 - the dialog is not modal: %s" % sorted(states(dialog)))
            return 1
        print("ok 3 - the dialog is modal")

        wait_for("the dialog reported active",
                 lambda: any(e[0] == "object:state-changed:active" and e[1] == "dialog" and e[3] == 1
                             for e in events))
        print("ok 4 - the dialog is reported active when shown")

        focused = wait_for("a focused text field in the dialog",
                           lambda: focused_field(dialog))
        wait_for("a focus event from the field",
                 lambda: any(e[0] == "object:state-changed:focused" and e[1] in TEXT_ROLES
                             and e[2] == focused.name and e[3] == 1 for e in events))
        print("ok 5 - its first date field reports the focus: %s" % focused.name)
        return 0
    finally:
        app_process.terminate()
        app_process.wait()


sys.exit(main())
