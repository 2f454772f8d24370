"""Work on worker threads while the window keeps painting, and what makes that safe.

The brief: never block the UI thread, show progress for anything over half a second. Work on a
worker must not touch the window's database connection (connections belong to their thread): it
opens its own from the path, as every caller here does.

Python's cyclic garbage collector runs in whichever thread happens to allocate. Run on a worker,
it can free Qt objects there (PySide destroys the C++ object with its wrapper), which crashes:
seen as a segfault in the test suite once the close backup ran on a worker. So while any worker
runs Python, automatic collection is held (hold_collection/release_collection, GUI thread only)
and garbage waits for the GUI thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget
from typing_extensions import override

T = TypeVar("T")

PROGRESS_AFTER_MS: Final = 500  # brief: "show progress for anything over half a second"
POLL_MS: Final = 50

_collection = {"holds": 0, "was_enabled": True}

# What the user can do to the window (the window system sends these as spontaneous events).
_USER_INPUT: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Close,  # the window manager's close button
    }
)


class _InputBlocker(QObject):
    """Swallows the user's keys, clicks and close requests; painting and timers go on."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.spontaneous() and event.type() in _USER_INPUT


@contextmanager
def blocking_input() -> Iterator[None]:
    """While the event loop runs inside, nothing the user does reaches any window.

    A modal dialog is not enough: it shows only after half a second, Esc hides a progress dialog
    even without a cancel button, and a window could then be closed or a database opened under
    the work in progress.
    """
    app = QCoreApplication.instance()
    if app is None:
        yield
        return
    blocker = _InputBlocker()
    app.installEventFilter(blocker)
    try:
        yield
    finally:
        app.removeEventFilter(blocker)


def hold_collection() -> None:
    """No automatic garbage collection until the matching release (call on the GUI thread)."""
    if _collection["holds"] == 0:
        _collection["was_enabled"] = gc.isenabled()
        gc.disable()
    _collection["holds"] += 1


def release_collection() -> None:
    """End one hold; collection resumes (if it was on) when none is left."""
    if _collection["holds"] == 0:
        return
    _collection["holds"] -= 1
    if _collection["holds"] == 0 and _collection["was_enabled"]:
        gc.enable()


def run_in_background(
    work: Callable[[], T], *, label: str, parent: QWidget | None, object_name: str
) -> T:
    """Run `work` on a worker thread and return its result (or raise its exception here).

    The event loop keeps running meanwhile, so the window repaints. From PROGRESS_AFTER_MS on an
    application-modal busy dialog (no cancel button) shows `label`; until `work` is done no key,
    click or close request reaches any window (blocking_input), so the caller's state cannot
    change under it.
    """
    finished = threading.Event()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:
            finished.set()

    worker = threading.Thread(target=run, name=f"osteodesk-{object_name}")
    hold_collection()
    try:
        with blocking_input():
            worker.start()
            _wait_painting(worker, finished, label=label, parent=parent, object_name=object_name)
    finally:
        release_collection()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _wait_painting(
    worker: threading.Thread,
    finished: threading.Event,
    *,
    label: str,
    parent: QWidget | None,
    object_name: str,
) -> None:
    """Run the event loop until `worker` is done, with the busy dialog from half a second on."""
    dialog = QProgressDialog(parent)
    dialog.setObjectName(object_name)
    dialog.setWindowTitle("OsteoDesk")
    dialog.setLabelText(label)
    dialog.setCancelButton(None)
    dialog.setRange(0, 0)  # busy: the copy does not say how far it is
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.reset()  # shown by the timer below only: a busy dialog never shows by itself

    def show_if_still_running() -> None:
        if not finished.is_set():
            dialog.show()

    QTimer.singleShot(PROGRESS_AFTER_MS, dialog, show_if_still_running)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)

    def check() -> None:
        if finished.is_set():
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    if not finished.is_set():
        loop.exec()  # also ends if the application quits meanwhile: then the join waits
    poll.stop()
    worker.join()
    dialog.close()
    dialog.deleteLater()
