"""The care plan: what was found, what was decided and when, for the clinician and the chart.

`build_story` turns a `ReportInput` (already evaluated, plan already chosen) into flowables;
`render_pdf` lays them out. No rule is applied here: categories, options, alerts and dates of
the monitoring list come from the evaluation; the regimen's dates are calendar arithmetic
from the plan's start date (schedule.py).
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from osteodesk.core import messages
from osteodesk.core.evaluation import Evaluation, Option, Reason, Step
from osteodesk.core.record import age_on
from osteodesk.reports import styles
from osteodesk.reports.common import (
    bullets,
    coded,
    data_table,
    drug_name,
    esc,
    framework_name,
    furniture,
    iso,
    letterhead,
    reason_markup,
    section_heading,
    source_citation,
    t,
    unique_sources,
)
from osteodesk.reports.data import ReportInput
from osteodesk.reports.schedule import TimelineRow, regimen_timeline
from osteodesk.reports.templates import OsteoDocTemplate


class _Builder:
    """Holds the language, the stylesheet and the frame width while the story is written."""

    def __init__(self, data: ReportInput, width: float) -> None:
        self.data = data
        self.ev: Evaluation = data.evaluation
        self.lang = data.lang
        self.sheet: StyleSheet1 = styles.build_stylesheet(data.lang, data.large_print)
        self.width = width

    # --- helpers ---------------------------------------------------------------------------

    def p(self, markup: str, style: str = "Body") -> Paragraph:
        return Paragraph(markup, self.sheet[style])

    def cell(self, text: str, style: str = "Cell") -> Paragraph:
        return Paragraph(esc(text), self.sheet[style])

    def heading(self, key: str) -> list[Flowable]:
        return section_heading(esc(t(key, self.lang)), self.sheet)

    def reason_items(self, reasons: tuple[Reason, ...]) -> list[Flowable]:
        return bullets([reason_markup(r, self.lang) for r in reasons], self.sheet["Bullet"])

    def steps_text(self, steps: tuple[Step, ...]) -> str:
        parts = []
        for step in steps:
            name = drug_name(step.drug, self.lang)
            if step.months is not None:
                name += f" ({t('report.course_months', self.lang, {'months': step.months})})"
            parts.append(name)
        return t("report.then", self.lang).join(parts)

    # --- sections --------------------------------------------------------------------------

    def identity(self) -> list[Flowable]:
        record = self.data.record
        lang = self.lang
        unknown = t("report.unknown", lang)

        def label(key: str) -> Paragraph:
            return self.cell(t(f"report.field.{key}", lang), "CellHeader")

        sex = t(f"report.sex.{record.sex}", lang)
        age = t("report.age_years", lang, {"age": age_on(record.birth_date, self.ev.as_of)})
        rows: list[list[Flowable | str]] = [
            [label("name"), self.cell(record.name or unknown), "", ""],
            [
                label("clinic_id"),
                self.cell(record.id or unknown),
                label("patient_number"),
                self.cell(self.data.patient_number or "—"),
            ],
            [label("sex"), self.cell(sex), label("age"), self.cell(age)],
            [
                label("birth_date"),
                self.cell(iso(record.birth_date)),
                label("assessed"),
                self.cell(iso(self.ev.as_of)),
            ],
            [label("printed"), self.cell(iso(self.data.print_date)), "", ""],
        ]
        table = data_table(
            rows,
            (0.17, 0.33, 0.17, 0.33),
            self.width,
            header=False,
            extra=[("SPAN", (1, 0), (3, 0)), ("SPAN", (1, 4), (3, 4))],
        )
        return [table]

    def diagnosis_and_risk(self) -> list[Flowable]:
        lang = self.lang
        ev = self.ev
        story: list[Flowable] = [*self.heading("report.section.diagnosis")]
        story.append(self.p(esc(coded("diagnosis", ev.diagnosis.category, lang)), "Emphasis"))
        story += self.reason_items(ev.diagnosis.reasons)
        story += self.heading("report.section.risk")
        story.append(self.p(esc(coded("risk", ev.risk.category, lang)), "Emphasis"))
        if ev.risk.by_framework:
            items = "; ".join(
                f"{framework_name(fw, lang)}: {coded('risk', cat, lang)}"
                for fw, cat in ev.risk.by_framework.items()
            )
            story.append(self.p(esc(t("report.by_framework", lang, {"items": items})), "Muted"))
        story += self.reason_items(ev.risk.reasons)
        line = t(
            "report.framework_line",
            lang,
            {
                "framework": framework_name(ev.framework, lang),
                "rules": ev.rules_version,
                "as_of": iso(ev.as_of),
                "state": coded("state", ev.treatment_state, lang),
            },
        )
        story.append(Spacer(1, 2 * mm))
        story.append(self.p(esc(line), "Muted"))
        scores = self.scores_line()
        if scores:
            story.append(self.p(esc(f"{t('report.scores', lang)}: {scores}"), "Muted"))
        return story

    def scores_line(self) -> str:
        lang = self.lang
        scores = self.ev.scores
        parts: list[str] = []
        if scores.osta is not None:
            parts.append(t("report.score.osta", lang, {"value": f"{scores.osta:.1f}"}))
        if scores.ost is not None:
            value = f"{scores.ost:.1f}"
            if scores.ost_band:
                value += f" ({scores.ost_band.replace('_', ' ')})"
            parts.append(t("report.score.ost", lang, {"value": value}))
        if scores.crcl_ml_min is not None:
            parts.append(t("report.score.crcl", lang, {"value": f"{scores.crcl_ml_min:.0f}"}))
        if scores.egfr is not None:
            parts.append(t("report.score.egfr", lang, {"value": f"{scores.egfr:.0f}"}))
        frax = scores.frax_adjusted
        if frax is not None and (
            frax.major_osteoporotic_pct is not None or frax.hip_pct is not None
        ):
            mof = (
                "—" if frax.major_osteoporotic_pct is None else f"{frax.major_osteoporotic_pct:.1f}"
            )
            hip = "—" if frax.hip_pct is None else f"{frax.hip_pct:.1f}"
            parts.append(t("report.score.frax", lang, {"mof": mof, "hip": hip}))
        return "; ".join(parts)

    def findings(self) -> list[Flowable]:
        record = self.data.record
        lang = self.lang
        lines: list[str] = []
        if record.dxa:
            latest = max(record.dxa, key=lambda scan: scan.date)
            sites = [
                f"{t(f'report.site.{site}', lang)} T {value:+.1f}"
                for site, value in latest.t.items()
            ]
            sites += [
                f"{t(f'report.site.{site}', lang)} Z {value:+.1f}"
                for site, value in latest.z.items()
            ]
            lines.append(
                f"{t('report.latest_dxa', lang, {'date': iso(latest.date)})}: " + "; ".join(sites)
            )
        if record.fractures:
            items = []
            for fracture in sorted(record.fractures, key=lambda f: f.date):
                site = t(f"report.fracture_site.{fracture.site}", lang)
                item = t("report.fracture_item", lang, {"site": site, "date": iso(fracture.date)})
                if fracture.fragility is False:
                    item += f" [{t('report.fracture_high_trauma', lang)}]"
                items.append(item)
            lines.append(f"{t('report.fractures', lang)}: " + "; ".join(items))
        story: list[Flowable] = []
        if lines:
            story += self.heading("report.section.findings")
            story += bullets([esc(line) for line in lines], self.sheet["Bullet"])
        if record.treatments:
            story += self.heading("report.section.history")
            header = [
                self.cell(t(f"report.col.{key}", lang), "CellHeader")
                for key in ("drug", "start", "last_dose", "stop", "product")
            ]
            rows: list[list[Flowable | str]] = [list(header)]
            for treatment in sorted(record.treatments, key=lambda tr: tr.start_date):
                if treatment.end_date is None:
                    stop = t("report.ongoing", lang)
                else:
                    stop = iso(treatment.end_date)
                    if treatment.planned_stop:
                        stop += f" ({t('report.planned_stop', lang)})"
                rows.append(
                    [
                        self.cell(drug_name(treatment.drug, lang)),
                        self.cell(iso(treatment.start_date)),
                        self.cell(iso(treatment.latest_dose)),
                        self.cell(stop),
                        self.cell(treatment.product or ""),
                    ]
                )
            story.append(data_table(rows, (0.26, 0.16, 0.16, 0.2, 0.22), self.width))
        return story

    def regimen(self) -> list[Flowable]:
        lang = self.lang
        plan = self.data.plan
        options = self.ev.options
        story: list[Flowable] = []
        if plan is not None:
            story += self.heading("report.section.regimen_chosen")
            steps, start = plan.steps, plan.start_date
            if plan.chosen_rank is None:
                story.append(self.p(esc(t("report.composed", lang)), "Muted"))
            else:
                story.append(
                    self.p(
                        esc(
                            t(
                                "report.chosen_option",
                                lang,
                                {"rank": plan.chosen_rank, "count": len(options)},
                            )
                        ),
                        "Muted",
                    )
                )
            chosen = self.option_by_rank(plan.chosen_rank)
        else:
            story += self.heading("report.section.regimen_proposed")
            chosen = options[0] if options else None
            if chosen is None:
                story.append(self.p(esc(t("report.no_option", lang))))
                return story
            story.append(self.p(esc(t("report.proposed_note", lang)), "Muted"))
            steps, start = chosen.steps, self.ev.as_of
        if steps:
            story.append(self.p(esc(t("report.plan_start", lang, {"date": iso(start)})), "Small"))
            story.append(self.timeline_table(regimen_timeline(steps, start)))
        if plan is not None and plan.override_reason:
            story.append(Spacer(1, 2 * mm))
            story.append(
                self.p(esc(t("report.override_reason", lang, {"reason": plan.override_reason})))
            )
        if chosen is not None and chosen.reasons:
            story.append(self.p(esc(t("report.section.basis", lang)), "Heading2"))
            story += self.reason_items(chosen.reasons)
        alternatives = [o for o in options if chosen is None or o.rank != chosen.rank]
        if alternatives:
            story += self.heading("report.section.alternatives")
            for option in alternatives:
                line = t(
                    "report.option_steps",
                    lang,
                    {"rank": option.rank, "steps": self.steps_text(option.steps)},
                )
                story.append(self.p(esc(line)))
                story += self.reason_items(option.reasons)
        return story

    def option_by_rank(self, rank: int | None) -> Option | None:
        return next((o for o in self.ev.options if o.rank == rank), None)

    def timeline_table(self, rows: list[TimelineRow]) -> Flowable:
        lang = self.lang
        header = [
            self.cell(t(f"report.col.{key}", lang), "CellHeader")
            for key in ("step", "drug", "start", "course", "end")
        ]
        table: list[list[Flowable | str]] = [list(header)]
        for row in rows:
            if row.months is None:
                course = t("report.course_open", lang)
            else:
                course = t("report.course_months", lang, {"months": row.months})
            if row.end is None:
                end = "—"
            elif row.next_drug is not None:
                end = t(
                    "report.handover",
                    lang,
                    {"date": iso(row.end), "drug": drug_name(row.next_drug, lang)},
                )
            else:
                end = t("report.course_end", lang, {"date": iso(row.end)})
            table.append(
                [
                    self.cell(str(row.number)),
                    self.cell(drug_name(row.drug, lang)),
                    self.cell(iso(row.start)),
                    self.cell(course),
                    self.cell(end),
                ]
            )
        return data_table(table, (0.08, 0.27, 0.17, 0.2, 0.28), self.width)

    def avoid(self) -> list[Flowable]:
        if not self.ev.avoid:
            return []
        lang = self.lang
        rows: list[list[Flowable | str]] = [
            [
                self.cell(t("report.col.drug", lang), "CellHeader"),
                self.cell(t("report.col.reasons", lang), "CellHeader"),
            ]
        ]
        for avoided in self.ev.avoid:
            reasons = "<br/>".join(reason_markup(r, lang) for r in avoided.reasons)
            rows.append(
                [self.cell(drug_name(avoided.drug, lang)), Paragraph(reasons, self.sheet["Cell"])]
            )
        return [*self.heading("report.section.avoid"), data_table(rows, (0.25, 0.75), self.width)]

    def alerts(self) -> list[Flowable]:
        if not self.ev.alerts:
            return []
        lang = self.lang
        order = {severity: i for i, severity in enumerate(styles.SEVERITY_ORDER)}
        alerts = sorted(
            self.ev.alerts,
            key=lambda a: (order.get(a.severity, len(order)), a.due_date or date.max, a.code),
        )
        rows: list[list[Flowable | str]] = [
            [
                self.cell(t(f"report.col.{key}", lang), "CellHeader")
                for key in ("severity", "alert", "due")
            ]
        ]
        for alert in alerts:
            style = f"Severity-{alert.severity}"
            text = esc(coded("alert", alert.code, lang, alert.params))
            if alert.detail:
                text += f"<br/>{esc(messages.detail_text(alert.detail, lang))}"
            if alert.source:
                colour = styles.MUTED.hexval()[2:]
                source = esc(t("report.source", lang, {"source": alert.source}))
                text += f' <font color="#{colour}">{source}</font>'
            rows.append(
                [
                    self.cell(
                        coded("report.severity", alert.severity, lang),
                        style if style in self.sheet else "Cell",
                    ),
                    Paragraph(text, self.sheet["Cell"]),
                    self.cell(iso(alert.due_date)),
                ]
            )
        return [
            *self.heading("report.section.alerts"),
            data_table(rows, (0.13, 0.7, 0.17), self.width),
        ]

    def monitoring(self) -> list[Flowable]:
        if not self.ev.monitoring:
            return []
        lang = self.lang
        rows: list[list[Flowable | str]] = [
            [
                self.cell(t(f"report.col.{key}", lang), "CellHeader")
                for key in ("date", "item", "detail")
            ]
        ]
        for item in sorted(self.ev.monitoring, key=lambda m: (m.due_date, m.item)):
            details = []
            if item.reason:
                details.append(coded("reason", item.reason, lang, item.params))
            if item.detail:
                details.append(item.detail)
            rows.append(
                [
                    self.cell(iso(item.due_date)),
                    self.cell(coded("monitoring", item.item, lang, item.params)),
                    self.cell("; ".join(details)),
                ]
            )
        return [
            *self.heading("report.section.monitoring"),
            data_table(rows, (0.17, 0.38, 0.45), self.width),
        ]

    def supportive(self) -> list[Flowable]:
        lang = self.lang
        story: list[Flowable] = []
        if self.ev.supportive:
            story += self.heading("report.section.supportive")
            items = []
            for item in self.ev.supportive:
                # The sentence already says what the (English) detail says.
                items.append(esc(coded("supportive", item.code, lang)))
            story += bullets(items, self.sheet["Bullet"])
        if self.ev.notes:
            story += self.heading("report.section.notes")
            items = []
            for note in self.ev.notes:
                markup = esc(coded("note", note.code, lang, note.params))
                if note.detail:
                    markup += f" {esc(note.detail)}"
                if note.source:
                    colour = styles.MUTED.hexval()[2:]
                    source = esc(t("report.source", lang, {"source": note.source}))
                    markup += f' <font color="#{colour}">{source}</font>'
                items.append(markup)
            story += bullets(items, self.sheet["Bullet"])
        if self.data.record.notes:
            story += self.heading("report.section.clinical_notes")
            story.append(self.p(esc(self.data.record.notes)))
        return story

    def references(self) -> list[Flowable]:
        ev = self.ev
        reasons: list[Reason | str] = [*ev.diagnosis.reasons, *ev.risk.reasons]
        for option in ev.options:
            reasons += option.reasons
        for avoided in ev.avoid:
            reasons += avoided.reasons
        reasons += [alert.source for alert in ev.alerts]
        reasons += ev.notes
        sources = unique_sources(reasons)
        if not sources:
            return []
        items = [esc(source_citation(source, self.lang)) for source in sources]
        story: list[Flowable] = [*self.heading("report.section.references")]
        story += [
            Paragraph(item, self.sheet["Bullet"], bulletText=f"{n}.")
            for n, item in enumerate(items, start=1)
        ]
        return story

    def signature(self) -> list[Flowable]:
        return [KeepTogether([self.p(esc(t("report.signature", self.lang)), "Signature")])]

    def story(self) -> list[Flowable]:
        title = t("report.care_plan.title", self.lang)
        story = letterhead(self.data.clinic, title, self.sheet, self.width)
        for section in (
            self.identity,
            self.diagnosis_and_risk,
            self.findings,
            self.regimen,
            self.avoid,
            self.alerts,
            self.monitoring,
            self.supportive,
            self.references,
            self.signature,
        ):
            story += section()
        return story


def _template(buffer: io.BytesIO, data: ReportInput, *, invariant: bool) -> OsteoDocTemplate:
    title = t("report.care_plan.title", data.lang)
    record = data.record
    patient = " · ".join(part for part in (record.name, record.id) if part)
    return OsteoDocTemplate(
        buffer,
        furniture(
            lang=data.lang,
            clinic=data.clinic,
            title=title,
            patient=patient,
            printed_on=data.print_date,
            rules_version=data.evaluation.rules_version,
        ),
        title=title,
        subject=patient,
        lang=data.lang,
        invariant=invariant,
    )


def build_story(data: ReportInput) -> list[Flowable]:
    """The care plan's flowables, in reading order."""
    width = _template(io.BytesIO(), data, invariant=True).width
    return _Builder(data, width).story()


def render_pdf(data: ReportInput, *, invariant: bool = False) -> bytes:
    """The care plan as PDF bytes; `invariant=True` makes two renders byte-identical."""
    buffer = io.BytesIO()
    doc = _template(buffer, data, invariant=invariant)
    doc.render(_Builder(data, doc.width).story())
    return buffer.getvalue()
