"""Where things go on the page: A4 frames, the running header and the footer (style.md B6).

The template knows nothing about patients: a document hands it the header and footer strings
(`PageFurniture`). The first page has no running header (the document draws its own letterhead
there); later pages repeat a one-line header so a loose sheet still says whose it is. Every page
carries the disclaimer and "page x of y", which `NumberedCanvas` writes once the page count is
known.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from osteodesk import __version__
from osteodesk.reports import styles
from osteodesk.reports.fonts import register_fonts


@dataclass(frozen=True, slots=True)
class PageFurniture:
    """The strings around the content: running header, footer lines and the page label.

    `page_label` has `{page}` and `{pages}` placeholders ("Page {page} of {pages}").
    """

    header_left: str
    header_right: str
    disclaimer: str
    footer_note: str
    page_label: str


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, cut with an ellipsis when it is wider than `width` points."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + ellipsis, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis


class NumberedCanvas(Canvas):
    """A canvas that holds every page back until the end so it can write "page x of y".

    The pretix/ReportLab recipe: `showPage` keeps the page's state, `save` replays them with
    the total known.
    """

    def __init__(self, *args: Any, page_label: str = "{page} / {pages}", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        pages = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_page_label(pages)
            super().showPage()
        super().save()

    def _draw_page_label(self, pages: int) -> None:
        font = register_fonts()
        label = self._page_label.format(page=self.getPageNumber(), pages=pages)
        width = float(self._pagesize[0])  # type: ignore[attr-defined]
        self.saveState()
        self.setFont(font, styles.FOOTER_SIZE)
        self.setFillColor(styles.MUTED)
        self.drawRightString(width - styles.PAGE_MARGIN, styles.PAGE_MARGIN - 9, label)
        self.restoreState()


class OsteoDocTemplate(BaseDocTemplate):
    """A4 portrait with the house margins, a first-page and a later-page template."""

    pagesize = A4

    def __init__(
        self,
        buffer: io.BytesIO,
        furniture: PageFurniture,
        *,
        title: str,
        subject: str,
        lang: str,
        invariant: bool = False,
    ) -> None:
        font = register_fonts()
        self.furniture = furniture
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=styles.PAGE_MARGIN,
            rightMargin=styles.PAGE_MARGIN,
            topMargin=styles.PAGE_MARGIN,
            bottomMargin=styles.PAGE_MARGIN + styles.FOOTER_HEIGHT,
            title=title,
            subject=subject,
            author="OsteoDesk",
            creator=f"OsteoDesk {__version__}",
            producer=f"OsteoDesk {__version__}",
            lang=lang.replace("_", "-"),
            invariant=1 if invariant else 0,
            initialFontName=font,
            initialFontSize=styles.FOOTER_SIZE,
        )
        first = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height - styles.HEADER_HEIGHT,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    id="First",
                    frames=[first],
                    onPage=self._on_first_page,
                    autoNextPageTemplate="Later",
                ),
                PageTemplate(id="Later", frames=[later], onPage=self._on_later_page),
            ]
        )

    def render(self, story: list[Flowable]) -> None:
        """Lay the story out and write the PDF into the buffer."""
        canvasmaker = functools.partial(NumberedCanvas, page_label=self.furniture.page_label)
        self.build(story, canvasmaker=canvasmaker)  # type: ignore[arg-type]

    # --- page decoration -------------------------------------------------------------------

    def _on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The footer only: the first page opens with the document's own letterhead."""
        self._draw_footer(canvas)

    def _on_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Running header and footer."""
        self._draw_header(canvas)
        self._draw_footer(canvas)

    def _draw_header(self, canvas: Canvas) -> None:
        font = register_fonts()
        size = styles.HEADER_SIZE
        top = self.pagesize[1] - styles.PAGE_MARGIN
        half = self.width / 2 - 6
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(styles.MUTED)
        canvas.drawString(
            self.leftMargin, top - size, fit_text(self.furniture.header_left, font, size, half)
        )
        canvas.drawRightString(
            self.leftMargin + self.width,
            top - size,
            fit_text(self.furniture.header_right, font, size, half),
        )
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        line_y = top - size - 4
        canvas.line(self.leftMargin, line_y, self.leftMargin + self.width, line_y)
        canvas.restoreState()

    def _draw_footer(self, canvas: Canvas) -> None:
        font = register_fonts()
        size = styles.FOOTER_SIZE
        bottom = styles.PAGE_MARGIN
        canvas.saveState()
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        rule_y = bottom + styles.FOOTER_HEIGHT - 4
        canvas.line(self.leftMargin, rule_y, self.leftMargin + self.width, rule_y)
        canvas.setFont(font, size)
        canvas.setFillColor(styles.MUTED)
        lines = simpleSplit(self.furniture.disclaimer, font, size, self.width)[:2]
        y = rule_y - size - 2
        for line in lines:
            canvas.drawString(self.leftMargin, y, line)
            y -= size * 1.3
        # The page label is drawn on the same baseline at the right by NumberedCanvas.
        note_width = self.width * 0.7
        canvas.drawString(
            self.leftMargin,
            bottom - 9,
            fit_text(self.furniture.footer_note, font, size, note_width),
        )
        canvas.restoreState()
