"""The patient handout: plain words in the patient's language, optionally in large print.

What the medicine does and exactly how to take it, the next dates (doses, tests, scans) as a
table, calcium and vitamin D, exercise and falls, the warning signs that need a call, the
clinic's contact line and, for denosumab, a cut-out wallet card with the next injection dates.
The language is the patient's own (`record.language`), whatever language the window uses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from osteodesk.core import messages
from osteodesk.core.evaluation import Step
from osteodesk.reports import styles
from osteodesk.reports.common import (
    bullets,
    data_table,
    esc,
    furniture,
    letterhead,
    long_date,
    patient_drug_name,
    section_heading,
    t,
)
from osteodesk.reports.data import ReportInput
from osteodesk.reports.fonts import register_fonts
from osteodesk.reports.schedule import (
    DOSE_HORIZON_MONTHS,
    DOSE_INTERVAL_MONTHS,
    TimelineRow,
    add_months,
    denosumab_card_dates,
    planned_doses,
    regimen_timeline,
)
from osteodesk.reports.templates import OsteoDocTemplate, fit_text

CARD_PADDING = 4 * mm
CARD_BLANK = "______________"  # a date to write in by hand


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One row of the "next dates" table."""

    when: date
    text: str


def numbered(prefix: str) -> list[str]:
    """Catalogue keys `prefix.1`, `prefix.2`, ... for as long as they exist."""
    keys = []
    n = 1
    while messages.has(f"{prefix}.{n}"):
        keys.append(f"{prefix}.{n}")
        n += 1
    return keys


class WalletCard(Flowable):
    """A bank-card-sized (85 × 54 mm) cut-out with a dashed border.

    The card has a fixed size by nature, so its one piece of user text, the name, is cut to a
    single line with an ellipsis (the full name is on the handout itself).
    """

    def __init__(
        self, sheet: StyleSheet1, lang: str, name: str, entries: list[str], phone: str
    ) -> None:
        super().__init__()
        self.sheet = sheet
        self.lang = lang
        self.name = name
        self.entries = entries
        self.phone = phone
        self.width = styles.CARD_WIDTH
        self.height = styles.CARD_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _line(self, key: str, style: str, **params: object) -> Paragraph:
        """One catalogue line, cut to the card's width when it carries user text."""
        paragraph_style = self.sheet[style]
        text = t(key, self.lang, params)
        if params:
            inner = self.width - 2 * CARD_PADDING
            text = fit_text(text, paragraph_style.fontName, paragraph_style.fontSize, inner)
        return Paragraph(esc(text), paragraph_style)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setStrokeColor(styles.MUTED)
        canvas.setLineWidth(0.8)
        canvas.roundRect(0, 0, self.width, self.height, 3 * mm, stroke=1, fill=0)
        canvas.restoreState()
        inner = self.width - 2 * CARD_PADDING
        # Top down: title, name, the dates in two columns.
        y = self.height - CARD_PADDING
        top = [
            self._line("handout.card.title", "CardTitle"),
            self._line("handout.card.name", "CardText", name=self.name),
            self._line("handout.card.next", "CardText"),
        ]
        for paragraph in top:
            _, height = paragraph.wrap(inner, self.height)
            y -= height
            paragraph.drawOn(canvas, CARD_PADDING, y)
        column = inner / 2
        for row in range(0, len(self.entries), 2):
            height = 0.0
            for offset, entry in enumerate(self.entries[row : row + 2]):
                cell = Paragraph(f"□ {esc(entry)}", self.sheet["CardDate"])
                _, height = cell.wrap(column, self.height)
                cell.drawOn(canvas, CARD_PADDING + offset * column, y - height)
            y -= height
        # Bottom up: the phone, then the rule of the drug.
        bottom = [self._line("handout.card.rule", "CardRule")]
        if self.phone:
            bottom.append(self._line("handout.card.phone", "CardText", phone=self.phone))
        y = CARD_PADDING * 0.75
        for paragraph in reversed(bottom):
            _, height = paragraph.wrap(inner, self.height)
            paragraph.drawOn(canvas, CARD_PADDING, y)
            y += height


class _Builder:
    """Holds the patient's language, the stylesheet and the frame width."""

    def __init__(self, data: ReportInput, width: float) -> None:
        self.data = data
        self.lang = data.handout_lang
        self.sheet = styles.build_stylesheet(self.lang, data.large_print, patient=True)
        self.width = width
        plan = data.plan
        if plan is not None:
            self.steps: tuple[Step, ...] = plan.steps
            self.start = plan.start_date
            self.proposed = False
        elif data.evaluation.options:
            self.steps = data.evaluation.options[0].steps
            self.start = data.evaluation.as_of
            self.proposed = True
        else:
            self.steps, self.start, self.proposed = (), data.evaluation.as_of, False
        self.timeline: list[TimelineRow] = regimen_timeline(self.steps, self.start)

    def p(self, markup: str, style: str = "Body") -> Paragraph:
        return Paragraph(markup, self.sheet[style])

    def say(self, key: str, style: str = "Body", **params: object) -> Paragraph:
        return self.p(esc(t(key, self.lang, params)), style)

    def heading(self, key: str) -> list[Flowable]:
        return section_heading(esc(t(key, self.lang)), self.sheet)

    def items(self, keys: list[str]) -> list[Flowable]:
        return bullets([esc(t(key, self.lang)) for key in keys], self.sheet["Bullet"])

    # --- sections --------------------------------------------------------------------------

    def opening(self) -> list[Flowable]:
        record = self.data.record
        name = record.name or t("report.unknown", self.lang)
        return [
            self.say("handout.for_patient", "Emphasis", name=name),
            self.say("handout.date_line", "Body", date=long_date(self.data.print_date, self.lang)),
            self.say("handout.intro"),
        ]

    def result(self) -> list[Flowable]:
        ev = self.data.evaluation
        story: list[Flowable] = [*self.heading("handout.section.result")]
        diagnosis_key = f"handout.diagnosis.{ev.diagnosis.category}"
        if messages.has(diagnosis_key):
            story.append(self.say(diagnosis_key))
        risk_key = f"handout.risk.{ev.risk.category}"
        if messages.has(risk_key):
            story.append(self.say(risk_key, "Emphasis"))
        return story

    def medicine(self) -> list[Flowable]:
        story: list[Flowable] = [*self.heading("handout.section.medicine")]
        if not self.timeline:
            story.append(self.say("handout.no_medicine"))
            return story
        if self.proposed:
            story.append(self.say("handout.proposed", "Muted"))
        for row in self.timeline:
            drug = patient_drug_name(row.drug, self.lang)
            if row.months is None:
                course = t("handout.course_open", self.lang)
            else:
                course = t("handout.course_months", self.lang, {"months": row.months})
            block: list[Flowable] = [
                self.p(esc(drug), "Heading2"),
                self.say("handout.step_line", start=long_date(row.start, self.lang), course=course),
            ]
            what_key = f"handout.drug.{row.drug}.what"
            if messages.has(what_key):
                block.append(
                    self.p(esc(t("handout.what_label", self.lang)) + esc(t(what_key, self.lang)))
                )
            how = numbered(f"handout.drug.{row.drug}.how")
            if how:
                block.append(self.say("handout.how_label"))
            story.append(KeepTogether(block[:3]))  # the name never ends a page alone
            story += block[3:]
            story += self.items(how)
            if row.next_drug is not None and row.end is not None:
                story.append(
                    self.say(
                        "handout.then_line",
                        "Emphasis",
                        drug=drug,
                        next=patient_drug_name(row.next_drug, self.lang),
                    )
                )
        return story

    def events(self) -> list[DatedEvent]:
        """Doses, starts and checks, in date order (the table's rows)."""
        lang = self.lang
        horizon = add_months(self.data.print_date, DOSE_HORIZON_MONTHS)
        events: list[DatedEvent] = []
        overdue: set[str] = set()
        for dose in planned_doses(self.data.record, self.timeline, horizon_end=horizon):
            if dose.drug in overdue:
                continue  # later doses count from the day the late one is given
            text = t(f"handout.event.dose.{dose.drug}", lang, {"number": dose.number})
            if dose.when < self.data.print_date:
                overdue.add(dose.drug)
                text += t(f"handout.event.then.{dose.drug}", lang)
            events.append(DatedEvent(dose.when, text))
        for row in self.timeline:
            if row.drug in DOSE_INTERVAL_MONTHS:
                continue  # its doses are listed
            drug = patient_drug_name(row.drug, lang)
            key = "handout.event.start" if row.number == 1 else "handout.event.switch"
            events.append(DatedEvent(row.start, t(key, lang, {"drug": drug})))
        for item in self.data.evaluation.monitoring:
            key = f"handout.monitoring.{item.item}"
            label = t(key, lang) if messages.has(key) else item.item.replace("_", " ")
            events.append(DatedEvent(item.due_date, label))
        return sorted(events, key=lambda e: e.when)

    def dates(self) -> list[Flowable]:
        story: list[Flowable] = [*self.heading("handout.section.dates")]
        events = self.events()
        if not events:
            story.append(self.say("handout.no_dates"))
            return story
        header: list[Flowable | str] = [
            self.p(esc(t("handout.col.date", self.lang)), "CellHeader"),
            self.p(esc(t("handout.col.what", self.lang)), "CellHeader"),
        ]
        rows: list[list[Flowable | str]] = [header]
        today = self.data.print_date
        for event in events:
            when = long_date(event.when, self.lang)
            if event.when < today:
                when = t("handout.overdue", self.lang, {"date": when})
            rows.append([self.p(esc(when), "Cell"), self.p(esc(event.text), "Cell")])
        story.append(data_table(rows, (0.34, 0.66), self.width))
        return story

    def everyday(self) -> list[Flowable]:
        story: list[Flowable] = [*self.heading("handout.section.calcium")]
        story += self.items(numbered("handout.calcium"))
        story += self.heading("handout.section.exercise")
        story += self.items(numbered("handout.exercise") + numbered("handout.falls"))
        story += self.heading("handout.section.warning")
        story += self.items(numbered("handout.warning"))
        return story

    def contact(self) -> list[Flowable]:
        clinic = self.data.clinic
        name = clinic.name or t("handout.clinic_default", self.lang)
        story: list[Flowable] = [*self.heading("handout.section.contact")]
        if clinic.phone:
            story.append(self.say("handout.contact", "Emphasis", clinic=name, phone=clinic.phone))
        else:
            story.append(self.say("handout.contact_no_phone", "Emphasis", clinic=name))
        if clinic.address:
            story.append(self.say("handout.address", address=clinic.address))
        story.append(self.say("handout.disclaimer", "Disclaimer"))
        return story

    def wallet_card(self) -> list[Flowable]:
        dates = denosumab_card_dates(self.data.record, self.timeline)
        if not dates:
            return []
        if dates[0] < self.data.print_date:
            # Overdue: the later dates follow the day it is given, so they are left to be
            # written in by hand rather than printed wrong.
            entries = [t("handout.card.asap", self.lang)] + [CARD_BLANK] * (len(dates) - 1)
        else:
            entries = [long_date(day, self.lang) for day in dates]
        card = WalletCard(
            self.sheet,
            self.lang,
            self.data.record.name or "",
            entries,
            self.data.clinic.phone,
        )
        return [
            KeepTogether(
                [
                    self.say("handout.section.card", "Heading1"),
                    self.say("handout.card.cut", "Muted"),
                    Spacer(1, 2 * mm),
                    card,
                ]
            )
        ]

    def story(self) -> list[Flowable]:
        title = t("handout.title", self.lang)
        story = letterhead(self.data.clinic, title, self.sheet, self.width)
        for section in (
            self.opening,
            self.result,
            self.medicine,
            self.dates,
            self.everyday,
            self.contact,
            self.wallet_card,
        ):
            story += section()
        return story


def _template(buffer: io.BytesIO, data: ReportInput, *, invariant: bool) -> OsteoDocTemplate:
    lang = data.handout_lang
    title = t("handout.title", lang)
    patient = data.record.name or ""
    return OsteoDocTemplate(
        buffer,
        furniture(
            lang=lang,
            clinic=data.clinic,
            title=title,
            patient=patient,
            printed_on=data.print_date,
            rules_version=data.evaluation.rules_version,
        ),
        title=title,
        subject=patient,
        lang=lang,
        invariant=invariant,
    )


def build_story(data: ReportInput) -> list[Flowable]:
    """The handout's flowables, in reading order."""
    register_fonts()
    width = _template(io.BytesIO(), data, invariant=True).width
    return _Builder(data, width).story()


def render_pdf(data: ReportInput, *, invariant: bool = False) -> bytes:
    """The handout as PDF bytes; `invariant=True` makes two renders byte-identical."""
    buffer = io.BytesIO()
    doc = _template(buffer, data, invariant=invariant)
    doc.render(_Builder(data, doc.width).story())
    return buffer.getvalue()
