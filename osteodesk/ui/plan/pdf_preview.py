"""Printouts in the window: render off the UI thread, preview with QtPdf, save and print.

ReportLab takes a few hundred milliseconds the first time (font loading), so the PDF is built on
a QThreadPool worker and handed back through a signal; the worker touches no widget. QtPdf is
imported when the first preview opens, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QRunnable,
    QSize,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from osteodesk.ui.background import hold_collection, release_collection

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

DEFAULT_SIZE: Final = (820, 700)
POINTS_PER_INCH: Final = 72.0
POOL_IDLE_WAIT_MS: Final = 1_000  # after a render job's last signal (normally microseconds)


class RenderSignals(QObject):
    """How a render job reports back (QRunnable is not a QObject).

    Signals:
        finished(bytes): the PDF.
        failed(str): why it could not be made.
    """

    finished = Signal(bytes)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._holding = False
        self._pool = QThreadPool.globalInstance()
        self.finished.connect(self._release)  # methods of this GUI-thread object: queued
        self.failed.connect(self._release)

    def hold(self, pool: QThreadPool) -> None:
        """Hold garbage collection until the job reports back (see ui/background.py)."""
        if not self._holding:
            self._holding = True
            self._pool = pool
            hold_collection()

    def _release(self, *_result: object) -> None:
        if self._holding:
            self._holding = False
            # The signal is the job's last act: wait the moment until its thread is idle.
            self._pool.waitForDone(POOL_IDLE_WAIT_MS)
            release_collection()


class RenderJob(QRunnable):
    """Calls `render` on a pool thread and emits the bytes or the error message."""

    def __init__(self, render: Callable[[], bytes]) -> None:
        super().__init__()
        self.signals = RenderSignals()
        self._render = render

    def start_on(self, pool: QThreadPool) -> None:
        """Run on `pool` (garbage collection is held until the job reports back)."""
        self.signals.hold(pool)
        pool.start(self)

    def run(self) -> None:
        """Run on the worker thread; only signals cross back to the UI thread."""
        try:
            pdf = self._render()
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never raised on a thread
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(pdf)


class PdfPreviewDialog(QDialog):
    """Shows a PDF from memory with Save as… and Print…."""

    def __init__(
        self, pdf: bytes, *, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setObjectName("pdf_preview_dialog")
        self.setWindowTitle(title)
        self.pdf = pdf
        self._file_name = file_name
        # The buffer must outlive the document that reads from it.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(*DEFAULT_SIZE)

        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.buttons.rejected.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print_button_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_button_clicked)

    @property
    def page_count(self) -> int:
        """Pages in the document (0 until it has loaded)."""
        count: int = self.document.pageCount()
        return count

    def save_to(self, path: Path) -> None:
        """Write the PDF to `path` (the bytes shown, unchanged)."""
        path.write_bytes(self.pdf)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page into `printer` at its resolution; returns the pages printed."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            dpi = printer.resolution()
            target = printer.pageLayout().paintRectPixels(dpi)
            for page in range(self.page_count):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                scale = min(
                    target.width() / (points.width() * dpi / POINTS_PER_INCH),
                    target.height() / (points.height() * dpi / POINTS_PER_INCH),
                )
                size = QSize(
                    int(points.width() * dpi / POINTS_PER_INCH * scale),
                    int(points.height() * dpi / POINTS_PER_INCH * scale),
                )
                image = self.document.render(page, size)
                painter.drawImage(QRect(QPoint(0, 0), size), image)
        finally:
            painter.end()
        return self.page_count

    def _on_save_button_clicked(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), self._file_name, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        try:
            self.save_to(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save PDF"), str(exc))

    def _on_print_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
